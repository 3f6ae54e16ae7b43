"""Registered documents in bulk, for tests of list pages and their query counts."""

from django.contrib.postgres.search import SearchVector
from django.core.files.base import ContentFile
from django.utils import timezone

from cophub.core.models import Country, Organisation
from cophub.workgroup.models import Document, DocumentCounter, DocumentFile


def registered_documents(meeting, count: int, *, start: int = 1) -> list[Document]:
    countries = list(Country.objects.filter(itu_member=True)[:10])
    organisations = list(Organisation.objects.all()[:3])
    now = timezone.now()
    documents = Document.objects.bulk_create(
        Document(
            meeting=meeting,
            document_type="contribution",
            status="registered",
            number=f"{meeting.group.code}/{meeting.number}/{serial}",
            slug=f"{meeting.group.code}-{meeting.number}-{serial}",
            serial=serial,
            title=f"Contribution {serial}",
            title_en=f"Contribution {serial}",
            registered_at=now,
            search_text=f"Contribution {serial}",
        )
        for serial in range(start, start + count)
    )
    Through = Document.countries.through
    Through.objects.bulk_create(
        Through(document=document, country=countries[i % len(countries)])
        for i, document in enumerate(documents)
    )
    OrgThrough = Document.organisations.through
    OrgThrough.objects.bulk_create(
        OrgThrough(document=document, organisation=organisations[i % len(organisations)])
        for i, document in enumerate(documents)
    )
    for document in documents:
        DocumentFile.objects.create(
            document=document,
            language="en",
            file=ContentFile(b"%PDF-1.4", name="c.pdf"),
            filename="c.pdf",
            kind="pdf",
            size=8,
        )
    Document.objects.filter(pk__in=[d.pk for d in documents]).update(
        search_vector=SearchVector("search_text", config="simple")
    )
    DocumentCounter.objects.update_or_create(
        meeting=meeting, defaults={"last_serial": start + count - 1}
    )
    return documents
