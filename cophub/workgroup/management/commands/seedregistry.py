"""Fill the registry with many synthetic registered documents, for bench/ (never for production)."""

import datetime
import itertools

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from cophub.core.models import Country, Organisation
from cophub.workgroup.models import Document, DocumentCounter, DocumentFile, Group, Meeting

WORDS = (
    "child online protection helpline games safety education parents school data strategy "
    "awareness privacy age design report abuse hotline youth digital skills policy"
).split()
LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh"]
PER_MEETING = 1000
BATCH = 2000


class Command(BaseCommand):
    help = "Add N synthetic registered documents in a group of their own (BENCH), for the bench."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=50_000)

    def handle(self, *args, documents, **options):
        if settings.PRODUCTION:
            raise CommandError("Synthetic documents are for benches, not for production.")
        group, _created = Group.objects.get_or_create(
            code="BENCH", defaults={"name": "Bench group", "name_en": "Bench group"}
        )
        countries = list(Country.objects.filter(itu_member=True))
        organisations = list(Organisation.objects.all())
        start = datetime.date(2020, 1, 1)
        made = 0
        for number in itertools.count(1):
            if made >= documents:
                break
            first = start + datetime.timedelta(days=30 * number)
            meeting, _created = Meeting.objects.get_or_create(
                group=group,
                number=number,
                defaults={"starts_on": first, "ends_on": first, "contribution_deadline": first},
            )
            count = min(PER_MEETING, documents - made)
            with transaction.atomic():
                self._meeting_documents(meeting, count, made, countries, organisations)
            made += count
        vector = SearchVector("search_text", config="simple", weight="B") + SearchVector(
            "search_text", config="english", weight="A"
        )
        Document.objects.filter(meeting__group=group).update(search_vector=vector)
        # Fresh planner statistics and visibility map, as autovacuum would make them after a
        # bulk load (index-only scans of the registry's order index need the latter).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE workgroup_document, workgroup_documentfile")
        self.stdout.write(f"{made} documents in group BENCH.")

    def _meeting_documents(self, meeting, count, offset, countries, organisations):
        now = timezone.now()
        rows = []
        for serial in range(1, count + 1):
            n = offset + serial
            title = " ".join(WORDS[(n * k) % len(WORDS)] for k in (1, 3, 7, 11, 13)).capitalize()
            rows.append(
                Document(
                    meeting=meeting, document_type="contribution", status="registered",
                    number=f"BENCH/{meeting.number}/{serial}", slug=f"BENCH-{meeting.number}-{serial}",
                    serial=serial, title=title, title_en=title, original_language="en",
                    registered_at=now - datetime.timedelta(minutes=n), search_text=title,
                )
            )  # fmt: skip
        documents = Document.objects.bulk_create(rows, batch_size=BATCH)
        Document.countries.through.objects.bulk_create(
            (
                Document.countries.through(document=d, country=countries[i % len(countries)])
                for i, d in enumerate(documents)
            ),
            batch_size=BATCH,
        )
        Document.organisations.through.objects.bulk_create(
            (
                Document.organisations.through(
                    document=d, organisation=organisations[i % len(organisations)]
                )
                for i, d in enumerate(documents)
                if i % 4 == 0
            ),
            batch_size=BATCH,
        )
        DocumentFile.objects.bulk_create(
            (
                DocumentFile(
                    document=d, language=LANGUAGES[i % len(LANGUAGES)], file=f"bench/{d.slug}.pdf",
                    filename="contribution.pdf", kind="pdf", size=1000,
                )
                for i, d in enumerate(documents)
            ),
            batch_size=BATCH,
        )  # fmt: skip
        DocumentCounter.objects.update_or_create(meeting=meeting, defaults={"last_serial": count})
