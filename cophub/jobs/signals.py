"""Workers read from the primary, and sweep up mail whose queue message was lost."""

import logging

from celery.signals import task_prerun, worker_ready

from cophub.core import db_router

logger = logging.getLogger(__name__)


@task_prerun.connect
def pin_tasks_to_primary(**kwargs):
    # A task acts on rows that a request has just committed: the replica may not have them yet.
    db_router._pinned.set(True)


@worker_ready.connect
def queue_unsent_mail_on_start(**kwargs):
    from .tasks import queue_unsent_mail

    try:
        queue_unsent_mail()
    except Exception:
        logger.exception("could not queue the unsent mail")
