import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run a task-queue worker (Celery) that takes work from TASK_BROKER_URL."

    def add_arguments(self, parser):
        parser.add_argument(
            "--concurrency",
            type=int,
            default=int(os.environ.get("WORKER_CONCURRENCY", "2")),
            help="worker processes (WORKER_CONCURRENCY, default 2)",
        )
        parser.add_argument("--loglevel", default=os.environ.get("LOG_LEVEL", "INFO"))

    def handle(self, *args, concurrency, loglevel, **options):
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise CommandError(
                "TASK_BROKER_URL is not set: tasks run inline in the app servers, no worker needed."
            )
        from cophub.celery import app

        app.worker_main(
            [
                "worker",
                f"--concurrency={concurrency}",
                f"--loglevel={loglevel}",
                "--pool=prefork",
                "--without-gossip",
                "--without-mingle",
            ]
        )
