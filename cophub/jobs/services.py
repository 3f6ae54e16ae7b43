"""Every write on the outbox."""

from django.template.loader import render_to_string
from django.utils import translation

from . import queue, tasks
from .models import OutgoingMail


def send_mail_after_commit(*, to: str, language: str, template: str, context: dict) -> OutgoingMail:
    """Write one e-mail, in the recipient's language, in the caller's transaction, and have it
    delivered once that commits. The template's first line is the subject."""
    with translation.override(language):
        subject, _sep, body = render_to_string(template, context).strip().partition("\n")
    return queue_mail(to=to, subject=subject, body=body.strip() + "\n")


def queue_mail(*, to: str, subject: str, body: str) -> OutgoingMail:
    """Write one e-mail in the caller's transaction; it is delivered once that commits."""
    mail = OutgoingMail.objects.create(recipient=to, subject=subject.strip()[:300], body=body)
    queue.after_commit(tasks.deliver_mail, mail.pk)
    return mail
