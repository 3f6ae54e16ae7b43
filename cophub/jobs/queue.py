"""Putting work on the task queue from a service.

Tasks carry ids only, never what a person typed: the worker reads the rows from the primary
database. Without a broker (TASK_BROKER_URL unset) tasks run inline, as they would in a worker.
"""

import contextvars
import logging

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

# The work put off until the answer to the current request has been sent (None outside one).
_after_response: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "after_response", default=None
)


def runs_inline() -> bool:
    return settings.CELERY_TASK_ALWAYS_EAGER


def _enqueue(task, args) -> None:
    try:
        task.delay(*args)
    except Exception:
        # The action has committed: a broker that cannot be reached must not turn it into an
        # error page. Mail is swept up when a worker starts; an index is rebuilt on the next edit.
        logger.exception("could not queue %s%r", task.name, args)


def enqueue(task, *args) -> None:
    """Queue the task now (for work that needs no commit first, such as a count)."""
    _enqueue(task, args)


def after_commit(task, *args) -> None:
    """Queue the task once the caller's transaction has committed (nothing if it rolls back)."""
    transaction.on_commit(lambda: _enqueue(task, args))


def inline_or_after_commit(task, *args) -> None:
    """Without a broker, do the work now, inside the caller's transaction (as if there were no
    queue); with one, queue it for after the commit, so that the request does not wait for it."""
    if runs_inline():
        task.apply(args=args, throw=True)
    else:
        after_commit(task, *args)


def _run(task, args) -> None:
    try:
        task.apply(args=args, throw=True)
    except Exception:
        logger.exception("could not run %s%r", task.name, args)


def after_response(task, *args) -> None:
    """Queue the task once the caller's transaction has committed, like after_commit(). Without
    a broker, run it once the answer has been sent rather than before: a request whose work
    depends on something secret (whether an address has an account) then answers in the same
    time either way, as it does with a broker."""
    if not runs_inline():
        after_commit(task, *args)
        return

    def later():
        pending = _after_response.get()
        if pending is None:
            _run(task, args)
        else:
            pending.append((task, args))

    transaction.on_commit(later)


def after_response_middleware(get_response):
    """Runs the work after_response() put off when the server closes the answer, which it does
    once the answer has been written to the client."""

    def middleware(request):
        pending: list = []
        token = _after_response.set(pending)
        try:
            response = get_response(request)
        finally:
            # The request's commits have all run by now: what they put off is in `pending`. Reset
            # at once, not when the answer is closed: a streamed answer that is never read to its
            # end is never closed, and work put off later must not wait for it.
            _after_response.reset(token)

        def run_pending():
            for task, args in pending:
                _run(task, args)

        # Django calls these from response.close(), after the body has been sent.
        response._resource_closers.append(run_pending)
        return response

    return middleware
