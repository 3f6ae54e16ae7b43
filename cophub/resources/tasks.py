"""The resources' work on the task queue: analysing a resource's texts for search (stemming in
six languages, Chinese word segmentation) over every language version's extracted text."""

from celery import shared_task

from cophub.core.db_router import pinned_to_primary

from .models import Resource


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=10, max_retries=5)
def index_resource(resource_id: int) -> bool:
    """Rebuild the resource's search entry from the resource as it now is: running it twice, or
    after a later edit, gives the same entry."""
    from .services import index_resource as build_entry

    with pinned_to_primary():
        resource = Resource.objects.filter(pk=resource_id).first()
        if resource is None:
            return False
        build_entry(resource)
    return True
