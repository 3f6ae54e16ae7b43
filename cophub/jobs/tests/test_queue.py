"""Where a service's task runs: inline without a broker, after the commit with one."""

import pytest
from celery import shared_task
from django.http import HttpResponse

from cophub.jobs import queue

pytestmark = pytest.mark.django_db


class RecordingTask:
    name = "recording"

    def __init__(self):
        self.queued, self.applied = [], []

    def delay(self, *args):
        self.queued.append(args)

    def apply(self, *, args, throw):
        self.applied.append(args)


def test_with_a_broker_the_task_is_queued_only_after_the_commit(
    monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(queue, "runs_inline", lambda: False)
    task = RecordingTask()
    with django_capture_on_commit_callbacks(execute=True):
        queue.inline_or_after_commit(task, 42)
        assert task.queued == []
    assert (task.queued, task.applied) == ([(42,)], [])


def test_with_a_broker_a_rolled_back_action_queues_nothing(
    monkeypatch, django_capture_on_commit_callbacks
):
    from django.db import transaction

    monkeypatch.setattr(queue, "runs_inline", lambda: False)
    task = RecordingTask()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            queue.inline_or_after_commit(task, 42)
            raise RuntimeError("the action fails")
    assert task.queued == []


def test_without_a_broker_the_work_is_done_in_the_callers_transaction():
    task = RecordingTask()
    queue.inline_or_after_commit(task, 7)
    assert (task.queued, task.applied) == ([], [(7,)])


def test_the_index_task_rebuilds_the_search_entry_from_the_resource_as_it_is():
    from cophub.resources import tasks
    from cophub.resources.models import SearchEntry
    from cophub.resources.tests.factories import make_resource

    resource = make_resource(titles={"en": "Sextortion guidance for schools"})
    SearchEntry.objects.filter(resource=resource).delete()
    assert tasks.index_resource(resource.pk) is True
    assert tasks.index_resource(resource.pk) is True  # twice, same entry
    entry = SearchEntry.objects.get(resource=resource)
    assert "sextort" in entry.title_terms
    assert tasks.index_resource(resource.pk + 10_000) is False


_ran: list = []


@shared_task
def _remember(value):
    _ran.append(value)


@pytest.mark.django_db(transaction=True)  # each commit runs its hooks, as in a server
def test_work_put_off_after_an_answer_never_read_to_its_end_still_runs():
    """A streamed answer (a file download) that is never read to its end is never closed: work a
    later request puts off must not wait for it."""
    from django.http import StreamingHttpResponse
    from django.test import RequestFactory

    from cophub.jobs.queue import after_response, after_response_middleware

    _ran.clear()
    streamed = after_response_middleware(lambda request: StreamingHttpResponse(iter([b"x"])))
    streamed(RequestFactory().get("/file"))  # left unread and unclosed
    after_response(_remember, "outside a request")
    assert _ran == ["outside a request"]

    def view(request):
        after_response(_remember, "in a request")
        return HttpResponse("done")

    answer = after_response_middleware(view)(RequestFactory().get("/page"))
    assert _ran == ["outside a request"]  # not before the answer is sent
    answer.close()
    assert _ran == ["outside a request", "in a request"]
