import os
import shutil
import sys

from django.core.management.base import BaseCommand

# One line per request without the client's address, the query string, the referring page or
# the browser: what was asked and how it went. Children take part in consultations from these
# addresses, and nothing may tie their answers to a network address (docs/data-protection.md).
ACCESS_LOG_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


class Command(BaseCommand):
    help = "Serve COP Hub with gunicorn (static files by whitenoise)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("COPHUB_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2"))
        )
        parser.add_argument(
            "--threads", type=int, default=int(os.environ.get("COPHUB_THREADS", "4"))
        )

    def handle(self, *args, bind, workers, threads, **options):
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or "gunicorn"
        host, _sep, port = bind.rpartition(":")
        self.stdout.write(
            self.style.SUCCESS(f"COP Hub is served at http://{host}:{port}/"), ending="\n"
        )
        self.stdout.flush()
        # exec: gunicorn replaces this process, so that signals reach it directly.
        os.execv(  # noqa: S606 - fixed program, arguments from the operator
            gunicorn,
            [
                gunicorn,
                "cophub.wsgi:application",
                "--config", "python:cophub.core.serving",
                "--bind", bind,
                "--workers", str(workers),
                "--threads", str(threads),
                "--worker-class", "gthread",
                "--access-logfile", "-",
                "--access-logformat", ACCESS_LOG_FORMAT,
                "--graceful-timeout", "20",
            ],
        )  # fmt: skip
