from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Work that does not belong in a request (e-mail delivery, search indexing), on the task
    queue (Celery, Redis as the broker)."""

    name = "cophub.jobs"
    label = "jobs"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Bind @shared_task to the project's Celery application in every process.
        import cophub.celery  # noqa: F401

        from . import signals  # noqa: F401
