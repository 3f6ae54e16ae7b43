"""E-mail goes through the outbox and the task queue: sent once, after the commit, never when the
action rolls back, and only an id on the queue."""

from types import SimpleNamespace

import pytest
from django.core import mail
from django.db import transaction

from cophub.jobs import queue, services, tasks
from cophub.jobs.models import OutgoingMail

pytestmark = pytest.mark.django_db


def test_a_mail_is_sent_once_the_action_commits_and_its_text_is_not_kept(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        written = services.queue_mail(to="a@example.org", subject="Hello", body="Your link\n")
        assert mail.outbox == []  # not before the commit
    assert len(callbacks) == 1
    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [
        (["a@example.org"], "Hello", "Your link\n")
    ]
    written.refresh_from_db()
    assert written.sent_at is not None
    assert written.body == ""
    assert written.attempts == 1


def test_a_second_delivery_of_the_same_message_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        written = services.queue_mail(to="a@example.org", subject="Hello", body="Text\n")
    assert tasks.deliver_mail(written.pk) is False
    assert tasks.deliver_mail(written.pk + 1000) is False
    assert len(mail.outbox) == 1


def test_an_action_that_rolls_back_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.queue_mail(to="a@example.org", subject="Hello", body="Text\n")
            raise RuntimeError("the action fails")
    assert callbacks == []
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_mail_from_a_template_is_in_the_recipients_language(django_capture_on_commit_callbacks):
    document = SimpleNamespace(number="CWG-COP-24/7", title="Guidelines")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_mail_after_commit(
            to="b@example.org",
            language="fr",
            template="workgroup/email/new_document.txt",
            context={"document": document, "url": "https://x/doc", "unsubscribe": "https://x/u"},
        )
    (sent,) = mail.outbox
    assert sent.subject == "Nouveau document: CWG-COP-24/7 Guidelines"
    assert "https://x/u" in sent.body


def test_a_failed_delivery_raises_for_a_retry_and_leaves_the_mail_unsent(settings, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(tasks, "send_mail", refuse)
    written = OutgoingMail.objects.create(recipient="c@example.org", subject="S", body="B\n")
    with pytest.raises(ConnectionRefusedError):
        tasks.deliver_mail(written.pk)
    written.refresh_from_db()
    assert (written.sent_at, written.body) == (None, "B\n")


def test_a_broker_that_cannot_be_reached_does_not_fail_the_committed_action(caplog):
    class Unreachable:
        name = "cophub.jobs.tasks.deliver_mail"

        def delay(self, *args):
            raise ConnectionError("broker down")

    queue._enqueue(Unreachable(), (1,))
    assert "could not queue cophub.jobs.tasks.deliver_mail(1,)" in caplog.text


def test_without_a_broker_tasks_run_inline(settings):
    assert settings.CELERY_BROKER_URL == ""
    assert queue.runs_inline()


def test_mail_left_unsent_is_queued_again_when_a_worker_starts():
    import datetime

    from django.utils import timezone

    from cophub.jobs.signals import queue_unsent_mail_on_start

    stale = OutgoingMail.objects.create(recipient="e@example.org", subject="Old", body="B\n")
    OutgoingMail.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    fresh = OutgoingMail.objects.create(recipient="f@example.org", subject="New", body="B\n")
    queue_unsent_mail_on_start()  # without a broker the task runs here
    assert [m.to for m in mail.outbox] == [["e@example.org"]]
    fresh.refresh_from_db()
    assert fresh.sent_at is None  # its own message is still on its way
