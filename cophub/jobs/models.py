from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """An e-mail written in the transaction of the action that sends it (an outbox).

    Only its id goes on the queue, so that no address, link or text waits in the broker; the
    worker sends it once and clears the body. A rolled-back action leaves no mail, and a mail
    whose queue message was lost is sent when a worker starts (`signals.py`).
    """

    recipient = models.EmailField(_("recipient"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self):
        return f"{self.recipient}: {self.subject}"
