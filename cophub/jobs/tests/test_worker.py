"""A real worker (`cophub worker`) takes a set-password e-mail from the real Redis broker and
delivers it to a real SMTP server, once, though its message is on the queue twice."""

import base64
import json
import os
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from email import message_from_bytes

import kombu.pools
import pytest
from django.db import connection

from cophub.accounts import services as accounts
from cophub.accounts.tests.factories import AccountRequestFactory, SecretariatFactory
from cophub.conftest import database_url
from cophub.jobs import services, tasks
from cophub.jobs.models import OutgoingMail
from cophub.testing import free_port, running_in_ci

# Each run uses a queue of its own, so that runs sharing this Redis database do not meet.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


@pytest.fixture
def redis_client():
    import redis

    client = redis.Redis.from_url(TEST_REDIS_URL, socket_timeout=5)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        if running_in_ci():
            raise
        pytest.skip(f"no Redis at {TEST_REDIS_URL}")
    yield client
    client.close()


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
            return "250 Message accepted for delivery"

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, inbox.messages
    controller.stop()


@contextmanager
def _queueing_to(settings, broker_url: str, queue: str):
    """Queue on a real broker from this process, as an app server with TASK_BROKER_URL does."""
    from cophub.celery import app

    saved = {
        key: app.conf[key] for key in ("task_always_eager", "broker_url", "task_default_queue")
    }
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.update(task_always_eager=False, broker_url=broker_url, task_default_queue=queue)
    # The queues and routes are read from the configuration once: read them again.
    app.__dict__.pop("amqp", None)
    try:
        yield
    finally:
        app.conf.update(saved)
        # Close the broker's connections and forget their pools: a closed pool left registered
        # would refuse every later task (even an eager one, which still takes a producer).
        kombu.pools.reset()
        app._pool = None
        app.__dict__.pop("amqp", None)


@pytest.fixture
def queue_name(settings, redis_client):
    name = f"cophub-test-{uuid.uuid4().hex}"
    with _queueing_to(settings, TEST_REDIS_URL, name):
        yield name
    redis_client.delete(name, f"_kombu.binding.{name}", f"_kombu.binding_permanent.{name}")


def _database_url() -> str:
    return database_url(connection.settings_dict, connection.settings_dict["NAME"])


def _queued_arguments(redis_client, queue_name) -> list:
    messages = [json.loads(raw) for raw in redis_client.lrange(queue_name, 0, -1)]
    return [json.loads(base64.b64decode(m["body"]))[0] for m in messages]


def _wait_until(condition, *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.timeout(180)
@pytest.mark.django_db(transaction=True)
def test_a_worker_delivers_the_set_password_mail_once(
    smtp_server, queue_name, redis_client, tmp_path
):
    smtp_port, inbox = smtp_server
    account_request = AccountRequestFactory(email="new.delegate@example.org")
    accounts.approve_account_request(
        account_request=account_request,
        decided_by=SecretariatFactory(),
        base_url="https://cophub.example.org",
    )
    mail = OutgoingMail.objects.get(recipient="new.delegate@example.org")
    # The same message delivered again (as Redis does when a worker is lost mid-task).
    tasks.deliver_mail.delay(mail.pk)

    # Only the id waits in the broker: no address, no link.
    assert _queued_arguments(redis_client, queue_name) == [[mail.pk], [mail.pk]]
    raw = b"".join(redis_client.lrange(queue_name, 0, -1))
    assert b"new.delegate" not in raw and b"set-password" not in raw.lower()

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "EMAIL_URL", "TASK_BROKER_URL", "TASK_QUEUE"}
    } | {
        "DJANGO_ENV": "test",
        "COPHUB_ENV_FILE": str(tmp_path / "none.env"),
        "DATABASE_URL": _database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "TASK_BROKER_URL": TEST_REDIS_URL,
        "TASK_QUEUE": queue_name,
    }
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "cophub", "worker", "--concurrency", "1", "--loglevel", "INFO"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until(lambda: len(inbox) >= 1, seconds=90, what="the mail")
        _wait_until(
            lambda: (
                redis_client.llen(queue_name) == 0
                and not any(queue_name.encode() in v for v in redis_client.hvals("unacked"))
            ),
            seconds=60,
            what="the second message to be taken and acknowledged",
        )
        time.sleep(1)
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        log.close()

    worker_log = (tmp_path / "worker.log").read_text()
    assert len(inbox) == 1, worker_log
    recipients, message = inbox[0]
    assert recipients == ["new.delegate@example.org"]
    body = message.get_payload(decode=True).decode()
    assert "https://cophub.example.org/" in body
    mail.refresh_from_db()
    assert mail.sent_at is not None
    assert (mail.body, mail.attempts) == ("", 1)
    assert "deliver_mail" in worker_log and "succeeded" in worker_log


@pytest.mark.timeout(60)
@pytest.mark.django_db(transaction=True)
def test_an_action_succeeds_at_once_while_the_broker_is_down(settings, caplog):
    # Nothing listens on this port: the mail stays in the outbox for a worker's start.
    with _queueing_to(settings, f"redis://127.0.0.1:{free_port()}/0", "cophub-test-down"):
        written = services.queue_mail(to="d@example.org", subject="S", body="B\n")
    assert "could not queue cophub.jobs.tasks.deliver_mail" in caplog.text
    written.refresh_from_db()
    assert written.sent_at is None
