"""Multiply the demo data that the public pages read, for bench/pages.py --scale.

    python bench/grow.py [--factor 10]

Run once on a database holding the demo data (`cophub loaddemo`), with the bench server's
environment and DJANGO_ENV=development (as loaddemo and the seed commands need). Afterwards each
table below holds about FACTOR times its rows, and so does Kenya (KE), whose profile and helpline
page the bench measures:

- registry documents: `cophub seedregistry`, then KE co-signs enough of them;
- resources: `cophub seedresources`, then enough of them are about KE, of KE's kinds;
- statistics observations: each copied to earlier periods, a span of years before the demo's;
- country measures: copied to countries with none (a country has one measure per checklist
  item, so KE keeps its own); evidence, changes and roadmap milestones: copied for the same
  measure, country or roadmap, earlier;
- helplines: each listed service copied with its channels, their hours and its mandate, listed;
- coordination activities: copied with their countries, regions, topics, mandate and links,
  earlier;
- consultation responses (the profile counts them) and their answers.

At any factor, 1 too, the resources that have no search entry yet get theirs, as the task queue
would build them: loaddemo queues the demo resources' indexing for a worker, and the bench runs
none, so the repository's search would find none of them. The seed commands keep the registry's
and the repository's search indexes; copies carry their own analysed terms. The planner's
statistics are refreshed and the cache emptied at the end. Prints one line of JSON last: the
factor, the search entries built, the rows before and after, and the time taken.

Helplines: only the listed ones are copied (those waiting for the secretariat stay as they are),
so the table grows by less than FACTOR; every listed service, KE's with them, by FACTOR.
"""

import argparse
import datetime
import json
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))  # this tree's cophub, not an installed one

import django  # noqa: E402
from django.db import transaction  # noqa: E402

BATCH = 5000
KENYA = "KE"


def _models():
    from cophub.consultations.models import Answer, Response
    from cophub.coordination.models import Activity, ActivityLink
    from cophub.countries.models import Change, Evidence, Measure, Milestone
    from cophub.helplines.models import ContactChannel, Helpline, OpeningHours
    from cophub.resources.models import Resource, SearchEntry
    from cophub.statistics.models import Observation
    from cophub.workgroup.models import Document

    return {
        "documents": Document,
        "resources": Resource,
        "resource_search_entries": SearchEntry,
        "observations": Observation,
        "measures": Measure,
        "evidence": Evidence,
        "changes": Change,
        "milestones": Milestone,
        "helplines": Helpline,
        "channels": ContactChannel,
        "hours": OpeningHours,
        "activities": Activity,
        "activity_links": ActivityLink,
        "responses": Response,
        "answers": Answer,
    }


def row_counts() -> dict[str, int]:
    """The rows of each grown table, and of Kenya's share of those the measured pages read."""
    from cophub.helplines.selectors import helplines

    models = _models()
    counts = {name: model.objects.count() for name, model in models.items()}
    Document, Resource = models["documents"], models["resources"]
    counts |= {
        "KE documents": Document.objects.filter(
            countries__iso2=KENYA, document_type="contribution"
        ).count(),
        "KE resources": Resource.objects.filter(countries__iso2=KENYA).count(),
        "KE observations": models["observations"].objects.filter(country_id=KENYA).count(),
        "KE measures": models["measures"].objects.filter(country_id=KENYA).count(),
        "KE evidence": models["evidence"].objects.filter(measure__country_id=KENYA).count(),
        "KE changes": models["changes"].objects.filter(country_id=KENYA).count(),
        "KE milestones": models["milestones"].objects.filter(roadmap__country_id=KENYA).count(),
        "KE helplines": helplines(country=KENYA).count(),  # as the finder lists them
        "KE activities": models["activities"].objects.filter(countries__iso2=KENYA).count(),
        "KE responses": models["responses"].objects.filter(country_id=KENYA).count(),
    }
    return counts


# --- copying rows ---------------------------------------------------------------------------------


def _fields(model):
    return [f for f in model._meta.concrete_fields if not f.primary_key]


@contextmanager
def _kept_dates(model, *names):
    """Let copies keep the dates given them: auto_now(_add) fields would set them to now."""
    fields = [model._meta.get_field(name) for name in names]
    saved = [(f.auto_now, f.auto_now_add) for f in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, (now, now_add) in zip(fields, saved, strict=True):
            field.auto_now, field.auto_now_add = now, now_add


def copy_rows(model, originals: list, change=None) -> dict[int, int]:
    """Insert one copy of each original (changed in place by `change(copy, original)`), with
    its many-to-many links; {original pk: copy pk}."""
    fields = _fields(model)
    copies = []
    for original in originals:
        copy = model(**{f.attname: getattr(original, f.attname) for f in fields})
        if change:
            change(copy, original)
        copies.append(copy)
    model.objects.bulk_create(copies, batch_size=BATCH)
    mapping = {o.pk: c.pk for o, c in zip(originals, copies, strict=True)}
    _copy_links(model, mapping)
    return mapping


def _copy_links(model, mapping: dict[int, int]) -> None:
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through
        if not through._meta.auto_created:
            continue
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        links = through.objects.filter(**{f"{source}__in": list(mapping)}).values_list(
            source, target
        )
        through.objects.bulk_create(
            (through(**{source: mapping[s], target: t}) for s, t in links.iterator()),
            batch_size=BATCH,
        )


def _years_earlier(day, years: int):
    if day is None:
        return None
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# --- each kind of record ----------------------------------------------------------------------


def grow_registry(factor: int) -> None:
    from django.core.management import call_command

    from cophub.workgroup.models import Document

    def kenya():
        return Document.objects.filter(countries__iso2=KENYA, document_type="contribution")

    demo_kenya = kenya().count()
    call_command(
        "seedregistry",
        documents=(factor - 1) * Document.objects.count(),
        stdout=open(os.devnull, "w"),  # noqa: SIM115 - closed with the process
    )
    short = factor * demo_kenya - kenya().count()
    if short > 0:  # co-signed by Kenya too, as many as the factor asks (the command commits)
        chosen = (
            Document.objects.filter(meeting__group__code="BENCH")
            .exclude(countries__iso2=KENYA)
            .order_by("pk")
            .values_list("pk", flat=True)[:short]
        )
        through = Document.countries.through
        with transaction.atomic():
            through.objects.bulk_create(
                [through(document_id=pk, country_id=KENYA) for pk in chosen], batch_size=BATCH
            )


def grow_resources(factor: int) -> None:
    from django.core.management import call_command
    from django.db.models import Count

    from cophub.resources.models import Resource

    kenya_kinds = dict(
        Resource.objects.filter(countries__iso2=KENYA)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    call_command(
        "seedresources",
        count=(factor - 1) * Resource.objects.count(),
        stdout=open(os.devnull, "w"),  # noqa: SIM115 - closed with the process
    )
    # About Kenya too, of the kinds of Kenya's own resources where the seed has them (it makes
    # no guidelines), of any kind for the rest.
    kenya = Resource.objects.filter(countries__iso2=KENYA)
    wanted = [
        (kind, factor * n - kenya.filter(kind=kind).count()) for kind, n in kenya_kinds.items()
    ]
    wanted.append((None, factor * sum(kenya_kinds.values())))
    for kind, short in wanted:
        if kind is None:
            short -= kenya.count()
        seeded = Resource.objects.filter(slug__startswith="seed-").exclude(countries__iso2=KENYA)
        if kind is not None:
            seeded = seeded.filter(kind=kind)
        chosen = seeded.order_by("pk").values_list("pk", flat=True)[: max(short, 0)]
        with transaction.atomic():
            Resource.countries.through.objects.bulk_create(
                [Resource.countries.through(resource_id=pk, country_id=KENYA) for pk in chosen],
                batch_size=BATCH,
            )


@transaction.atomic
def grow_statistics(factor: int) -> None:
    from django.db.models import Max, Min

    from cophub.statistics.models import Observation

    span = Observation.objects.aggregate(first=Min("period"), last=Max("period"))
    if span["first"] is None:
        return
    years = span["last"] - span["first"] + 1
    originals = list(Observation.objects.order_by("pk"))
    for copy_number in range(1, factor):
        shift = years * copy_number

        def earlier(copy, original, shift=shift):
            copy.period = original.period - shift

        copy_rows(Observation, originals, earlier)


@transaction.atomic
def grow_countries(factor: int) -> None:
    from cophub.core.models import Country
    from cophub.countries.models import Change, Evidence, Measure, Milestone

    # Measures: one per country and checklist item, so the copies go to countries with none.
    measured = list(
        Measure.objects.order_by("country_id").values_list("country_id", flat=True).distinct()
    )
    others = list(
        Country.objects.exclude(iso2__in=measured).order_by("-itu_member", "iso2")[
            : (factor - 1) * len(measured)
        ]
    )
    by_country = {iso2: list(Measure.objects.filter(country_id=iso2)) for iso2 in measured}
    for index, country in enumerate(others):
        source = measured[index % len(measured)]

        def to_country(copy, original, iso2=country.iso2):
            copy.country_id = iso2

        copy_rows(Measure, by_country[source], to_country)
    evidence = list(Evidence.objects.order_by("pk"))
    changes = list(Change.objects.order_by("pk"))
    milestones = list(Milestone.objects.order_by("pk"))
    for copy_number in range(1, factor):

        def older_evidence(copy, original, n=copy_number):
            copy.year = max(original.year - n, 1)

        def older_change(copy, original, n=copy_number):
            copy.at = original.at - datetime.timedelta(days=365 * n)

        def older_milestone(copy, original, n=copy_number):
            copy.start_date = _years_earlier(original.start_date, n)
            copy.target_date = _years_earlier(original.target_date, n)

        copy_rows(Evidence, evidence, older_evidence)
        with _kept_dates(Change, "at"):
            copy_rows(Change, changes, older_change)
        copy_rows(Milestone, milestones, older_milestone)


@transaction.atomic
def grow_helplines(factor: int) -> None:
    from cophub.helplines.models import ContactChannel, Helpline, OpeningHours

    helplines = list(Helpline.objects.filter(active=True).order_by("pk"))
    channels = list(ContactChannel.objects.filter(helpline__in=helplines).order_by("pk"))
    hours = list(OpeningHours.objects.filter(channel__in=channels).order_by("pk"))
    key_length = Helpline._meta.get_field("key").max_length
    for copy_number in range(1, factor):
        suffix = f"-x{copy_number}"

        def listed(copy, original, suffix=suffix):
            copy.key = original.key[: key_length - len(suffix)] + suffix

        helpline_of = copy_rows(Helpline, helplines, listed)

        def of_helpline(copy, original, mapping=helpline_of):
            copy.helpline_id = mapping[original.helpline_id]

        channel_of = copy_rows(ContactChannel, channels, of_helpline)

        def of_channel(copy, original, mapping=channel_of):
            copy.channel_id = mapping[original.channel_id]

        copy_rows(OpeningHours, hours, of_channel)


@transaction.atomic
def grow_coordination(factor: int) -> None:
    from cophub.coordination.models import Activity, ActivityLink

    activities = list(Activity.objects.order_by("pk"))
    links = list(ActivityLink.objects.order_by("pk"))
    slug_length = Activity._meta.get_field("slug").max_length
    for copy_number in range(1, factor):
        suffix = f"-x{copy_number}"

        def earlier(copy, original, n=copy_number, suffix=suffix):
            copy.slug = original.slug[: slug_length - len(suffix)] + suffix
            copy.starts_on = _years_earlier(original.starts_on, n)
            copy.ends_on = _years_earlier(original.ends_on, n)

        activity_of = copy_rows(Activity, activities, earlier)

        def of_activity(copy, original, mapping=activity_of):
            copy.activity_id = mapping[original.activity_id]

        copy_rows(ActivityLink, links, of_activity)


@transaction.atomic
def grow_consultations(factor: int) -> None:
    from cophub.consultations.models import Answer, Response

    responses = list(Response.objects.order_by("pk"))
    answers = list(Answer.objects.order_by("pk"))
    for _copy_number in range(1, factor):

        def no_receipt(copy, original):
            copy.receipt = None  # unique; cleared when a window closes in any case

        response_of = copy_rows(Response, responses, no_receipt)

        def of_response(copy, original, mapping=response_of):
            copy.response_id = mapping[original.response_id]
            copy.danger = False  # a copy raises no disclosure to handle

        copy_rows(Answer, answers, of_response)


def index_resources() -> int:
    """The search entries that the task queue would build: those of the demo resources, whose
    indexing loaddemo queues for a worker (the bench runs none). Any factor, 1 too."""
    from cophub.resources.models import Resource
    from cophub.resources.tasks import build_search_entry

    waiting = (
        Resource.objects.filter(search_entry__isnull=True)
        .select_related("organisation")
        .prefetch_related("versions")
    )
    built = 0
    with transaction.atomic():
        for resource in waiting:
            build_search_entry(resource)
            built += 1
    return built


STEPS = [
    grow_registry,
    grow_resources,
    grow_statistics,
    grow_countries,
    grow_helplines,
    grow_coordination,
    grow_consultations,
]


def grow(factor: int) -> dict:
    from django.core.cache import cache
    from django.db import connection

    started = time.monotonic()
    before = row_counts()
    indexed = index_resources()
    for step in STEPS if factor > 1 else []:
        step(factor)
    with connection.cursor() as cursor:
        # Fresh planner statistics and visibility maps, as autovacuum would make them.
        cursor.execute("VACUUM ANALYZE")
    cache.clear()
    return {
        "factor": factor,
        "resources_indexed": indexed,
        "before": before,
        "after": row_counts(),
        "seconds": round(time.monotonic() - started, 1),
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=10)
    args = parser.parse_args(argv)
    if args.factor < 1:
        parser.error("the factor is a whole number from 1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cophub.settings")
    django.setup()
    print(json.dumps(grow(args.factor)))


if __name__ == "__main__":
    main()
