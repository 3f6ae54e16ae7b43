from django.core.management.base import BaseCommand, CommandError

from cophub.audit import services
from cophub.audit.verification import verify


class Command(BaseCommand):
    help = (
        "Check that no audit entry was changed or removed: each entry against its digest, and "
        "the chain of entries against every seal. With --seal, then seal the entries written since."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seal", action="store_true", help="seal the new entries when the log is whole"
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, seal=False, database="default", **options):
        result = verify(using=database)
        for problem in result.problems:
            self.stderr.write(problem)
        if result.problems:
            raise CommandError(
                f"The audit log was tampered with: {len(result.problems)} problem(s) "
                f"in {result.entries} entries and {result.seals} seals."
            )
        self.stdout.write(
            f"The audit log is whole: {result.entries} entries, {result.seals} seals."
        )
        if seal:
            made = services.seal(using=database)
            if made is None:
                self.stdout.write("Nothing new to seal.")
            else:
                self.stdout.write(
                    f"Sealed {made.entry_count} entries up to entry {made.last_entry_id}: {made.chain}"
                )
