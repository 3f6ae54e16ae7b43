"""The working group's work on the task queue."""

from celery import shared_task


@shared_task(acks_late=True)
def generate_report(generation_id: int) -> bool:
    """Generate a report in the six languages and register it. A second run of the same message
    finds the generation no longer queued and does nothing."""
    from .report_editions import run_generation

    return run_generation(generation_id)


@shared_task(acks_late=True)
def generate_paper(generation_id: int) -> bool:
    """Write a meeting's paper in the six languages and register it (paper_runs.py)."""
    from .paper_runs import run_paper

    return run_paper(generation_id)
