"""Where a service's task runs: inline without a broker, after the commit with one."""

import pytest

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
