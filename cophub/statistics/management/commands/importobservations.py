"""Import a large file of observations from the command line, with a progress bar."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cophub.accounts.models import User
from cophub.statistics import services
from cophub.statistics.models import Submission


class ProgressBar:
    """A one-line progress bar on the terminal: rows read, share done, rows per second."""

    def __init__(self, total: int | None, stream):
        import time

        self.total, self.stream, self.clock, self.started = (
            total,
            stream,
            time.monotonic,
            time.monotonic(),
        )

    def __call__(self, done: int) -> None:
        elapsed = max(self.clock() - self.started, 1e-6)
        rate = done / elapsed
        if self.total:
            share = min(done / self.total, 1)
            filled = int(share * 30)
            bar = "#" * filled + "-" * (30 - filled)
            line = f"\r[{bar}] {share:6.1%} {done:,}/{self.total:,} rows, {rate:,.0f} rows/s"
        else:
            line = f"\r{done:,} rows, {rate:,.0f} rows/s"
        self.stream.write(line)
        self.stream.flush()


class Command(BaseCommand):
    help = "Check and import a CSV, SDMX-CSV or SDMX-ML file of observations; nothing is stored when a row is wrong."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--format", choices=[f.value for f in Submission.Format], default=None)
        parser.add_argument("--user", help="Email of the account the submission is recorded under.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, path, format, user, no_progress, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        data = path.read_bytes()
        submitted_by = None
        if user:
            submitted_by = User.objects.filter(email=user).first()
            if submitted_by is None:
                raise CommandError(f"No account with the email {user}")
        progress = None
        if not no_progress:
            # data lines, the header aside; an XML file has no line count to go by
            lines = data.rstrip(b"\n").count(b"\n") if not data.lstrip().startswith(b"<") else None
            progress = ProgressBar(lines, sys.stderr)
        try:
            report = services.submit_observations(
                data=data, file_name=path.name, file_format=format, submitted_by=submitted_by,
                progress=progress,
            )  # fmt: skip
        except services.SubmissionRejected as rejected:
            for error in rejected.report.errors:
                self.stderr.write(f"{error.row}: {error.message}")
            raise CommandError(rejected.message) from None
        except services.DomainError as error:
            raise CommandError(error.message) from None
        finally:
            if progress:
                sys.stderr.write("\n")
        elapsed = max(progress.clock() - progress.started, 1e-6) if progress else None
        rate = f", {report.rows_read / elapsed:,.0f} rows/s" if elapsed else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.rows_read:,} rows read: {report.created:,} new, {report.revised:,} revised, "
                f"{report.unchanged:,} unchanged, {report.withheld:,} withheld as small cells{rate}."
            )
        )
