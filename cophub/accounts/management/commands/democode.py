from django.core.management.base import BaseCommand, CommandError

from cophub.accounts.demo import DEMO_SECRETARIAT_EMAIL, demo_code


class Command(BaseCommand):
    help = (
        f"Print the sign-in code that the demo secretariat account ({DEMO_SECRETARIAT_EMAIL}) "
        "accepts now, for a machine without an authenticator app."
    )

    def handle(self, *args, **options):
        try:
            self.stdout.write(demo_code())
        except LookupError as error:
            raise CommandError(str(error)) from error
