from django.db import models


class OutgoingMail(models.Model):
    """An e-mail written in the transaction of the action that sends it (an outbox).

    Only its id goes on the queue, so that no address, link or text waits in the broker; the
    worker sends it once and clears the body. A rolled-back action leaves no mail, and a mail
    whose queue message was lost is sent when a worker starts (`signals.py`).
    """

    recipient = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self):
        return f"{self.recipient}: {self.subject}"
