"""The Celery application: the task queue's workers run `cophub worker`.

Settings come from Django's (the CELERY_* block in settings.py). Without TASK_BROKER_URL,
tasks run inline in the process that queues them, so a bare machine needs no broker.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cophub.settings")

app = Celery("cophub")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
