from django.conf import settings
from django.core.management.base import BaseCommand

from cophub.workgroup.services import send_deadline_reminders


class Command(BaseCommand):
    help = (
        "Remind the recipients of each meeting's call for contributions when its deadline is "
        "the meeting's number of reminder days away (run from cron, e.g. hourly)."
    )

    def handle(self, *args, **options):
        reminded = send_deadline_reminders(base_url=settings.SITE_URL)
        self.stdout.write(f"reminded {len(reminded)}: {' '.join(m.code for m in reminded)}")
