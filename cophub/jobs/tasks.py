"""Tasks on the queue. Each is safe to run twice: workers acknowledge a message only after the
task has finished (acks_late), so a worker killed mid-task leaves it to another."""

import datetime
import smtplib

from celery import shared_task
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from cophub.core.db_router import pinned_to_primary

from .models import OutgoingMail


@shared_task(
    acks_late=True,
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    max_retries=10,
)
def deliver_mail(mail_id: int) -> bool:
    """Send one outgoing mail unless it has been sent. The row stays locked while the mail server
    takes it, so that a second delivery of the same message waits and then finds it sent; only a
    crash between the server's acceptance and the commit can send it twice."""
    with pinned_to_primary(), transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.sent_at is not None:
            return False
        mail.attempts += 1
        send_mail(mail.subject, mail.body, None, [mail.recipient])
        mail.sent_at = timezone.now()
        # The text (a set-password link, a notification) is not kept once delivered.
        mail.body = ""
        mail.save(update_fields=["attempts", "sent_at", "body"])
    return True


def queue_unsent_mail(older_than_seconds: int = 60) -> int:
    """Queue every mail still unsent a while after it was written (its message was lost)."""
    cutoff = timezone.now() - datetime.timedelta(seconds=older_than_seconds)
    with pinned_to_primary():
        ids = list(
            OutgoingMail.objects.filter(sent_at=None, created_at__lt=cutoff).values_list(
                "pk", flat=True
            )
        )
    for mail_id in ids:
        deliver_mail.delay(mail_id)
    return len(ids)
