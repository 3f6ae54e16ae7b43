"""For bench/: an open consultation to answer, one-time forms for it, and the check afterwards.

`--tokens N` prints JSON with the consultation's address, N signed forms and a valid set of
answers; `--check FILE` reads the forms a bench saw acknowledged and prints what is stored.
Refuses to run on a production settings profile.
"""

import datetime
import json
import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.utils import timezone

from cophub.accounts.permissions import SYSTEM
from cophub.consultations import services
from cophub.consultations.models import Consultation, Response
from cophub.consultations.sample import add_questions, answers_for
from cophub.workgroup.models import Group, Meeting

SLUG = "bench-consultation"


def _open_consultation() -> Consultation:
    existing = Consultation.objects.filter(slug=SLUG).first()
    if existing:
        return existing
    now = timezone.now()
    opens = now - datetime.timedelta(hours=1)
    group, _created = Group.objects.get_or_create(code="BENCH", defaults={"name": "Bench"})
    starts_on = (now + datetime.timedelta(days=5)).date()
    meeting, _created = Meeting.objects.get_or_create(
        group=group,
        number=999,
        defaults={
            "starts_on": starts_on,
            "ends_on": starts_on,
            "contribution_deadline": starts_on,
        },
    )
    consultation = Consultation(
        meeting=meeting, slug=SLUG, title_en="Bench consultation", opens_on=opens.date(),
        opens_at_time=opens.time().replace(second=0, microsecond=0), time_zone="UTC",
        published=True, device_limit=10**9,
    )  # fmt: skip
    services.schedule_consultation(consultation=consultation, by=SYSTEM)
    add_questions(consultation)
    return consultation


class Command(BaseCommand):
    help = "Seed and check the youth-consultation bench (bench/bench_consultations_*.py)."

    def add_arguments(self, parser):
        parser.add_argument("--tokens", type=int, default=0)
        parser.add_argument("--check", help="file with one acknowledged form token per line")

    def handle(self, *args, tokens, check, **options):
        if settings.PRODUCTION:
            raise CommandError("bench data is not for a production database")
        consultation = _open_consultation()
        if check:
            self.stdout.write(json.dumps(self._check(consultation, check)))
            return
        rng = random.Random()  # noqa: S311 - bench profiles, not secrets
        # Forms served a minute before they are sent, as a young person answering takes: the
        # bench posts them at once, which the minimum answering time would refuse.
        served = timezone.now() - datetime.timedelta(seconds=60)
        forms = [
            services.start_participation(
                consultation=consultation,
                age_band=rng.choice(["13-15", "16-17", "18-24"]),
                sex=rng.choice(["girl", "boy"]),
                country=rng.choice(["KE", "EG", "CN", "FR", "BR"]),
                consent=True,
                adult_agrees=False,
                language="en",
                now=served,
            )  # fmt: skip
            for _ in range(tokens)
        ]
        answers = answers_for(consultation, text="More lessons about privacy, call 0712 345678")
        self.stdout.write(json.dumps({"slug": SLUG, "tokens": forms, "answers": answers}))

    def _check(self, consultation, path):
        acknowledged = [line.strip() for line in open(path, encoding="utf-8") if line.strip()]
        key = bytes(consultation.duplicate_key)
        receipts = [
            services._keyed_hash(
                key,
                "receipt:" + services.read_participation(consultation=consultation, token=t).nonce,
            )
            for t in acknowledged
        ]
        stored = set(
            Response.objects.filter(receipt__in=receipts).values_list("receipt", flat=True)
        )
        responses = Response.objects.filter(consultation=consultation)
        incomplete = responses.annotate(n=Count("answers")).exclude(n=4).count()
        total = responses.count()
        distinct = responses.values("receipt").distinct().count()
        return {
            "acknowledged": len(acknowledged),
            "acknowledged_stored": len(stored),
            "missing": len(set(receipts) - stored),
            "responses": total,
            "duplicates": total - distinct,
            "incomplete": incomplete,
        }
