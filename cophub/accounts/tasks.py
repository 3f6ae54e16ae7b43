"""Tasks of the accounts app, on the queue (cophub/jobs)."""

from celery import shared_task
from django.db import transaction
from django.utils import translation

from cophub.core.db_router import pinned_to_primary

from .models import PasswordResetRequest


@shared_task(acks_late=True)
def send_password_reset(reset_id: int) -> bool:
    """Write the reset links a request asked for, if an account has its address; the row is
    deleted either way (safe to run twice: the second run finds no row)."""
    from .forms import PasswordResetForm

    with pinned_to_primary(), transaction.atomic():
        reset = PasswordResetRequest.objects.select_for_update().filter(pk=reset_id).first()
        if reset is None:
            return False
        reset.delete()
        form = PasswordResetForm(data={"email": reset.email})
        if form.is_valid():
            with translation.override(reset.language):
                form.write_links(domain=reset.domain, use_https=reset.use_https)
    return True
