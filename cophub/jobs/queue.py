"""Putting work on the task queue from a service.

Tasks carry ids only, never what a person typed: the worker reads the rows from the primary
database. Without a broker (TASK_BROKER_URL unset) tasks run inline, as they would in a worker.
"""

import logging

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


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
