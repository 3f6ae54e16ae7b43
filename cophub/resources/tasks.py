"""The resources' work on the task queue: analysing a resource's texts for search (stemming in
six languages, Chinese word segmentation) over every language version's extracted text."""

from celery import shared_task

from cophub.core.db_router import pinned_to_primary
from cophub.core.i18n import LANGUAGE_CODES
from cophub.core.text import index_terms

from .models import Resource, SearchEntry


def build_search_entry(resource: Resource) -> SearchEntry:
    """Analyse the resource's titles, summaries and extracted texts, each in its own language."""
    titles, summaries, bodies = [], [], []
    for code in LANGUAGE_CODES:
        titles.append(index_terms(getattr(resource, f"title_{code}") or "", code))
        summaries.append(index_terms(getattr(resource, f"summary_{code}") or "", code))
    # The edition year and the publisher are searched as part of the title ("guidelines 2020").
    extras = [str(resource.edition or ""), resource.publisher]
    if resource.organisation_id:
        extras += [resource.organisation.acronym, resource.organisation.name_en or ""]
    titles.append(index_terms(" ".join(e for e in extras if e), "en"))
    for version in resource.versions.all():
        bodies.append(index_terms(version.extracted_text, version.language))
    entry, _created = SearchEntry.objects.update_or_create(
        resource=resource,
        defaults={
            "title_terms": " ".join(t for t in titles if t),
            "summary_terms": " ".join(s for s in summaries if s),
            "body_terms": " ".join(b for b in bodies if b),
        },
    )
    return entry


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=10, max_retries=5)
def index_resource(resource_id: int) -> bool:
    """Rebuild the resource's search entry from the resource as it now is: running it twice, or
    after a later edit, gives the same entry."""
    with pinned_to_primary():
        resource = Resource.objects.filter(pk=resource_id).first()
        if resource is None:
            return False
        build_search_entry(resource)
    return True
