"""Demo measures and roadmaps for fifteen countries, every one marked as demo data.

The statuses are invented (drawn from a fixed seed per country), the evidence links point at
example.org, and every title says "demo"; nothing here describes any real country's laws.
"""

import datetime
import random

from cophub.accounts.permissions import SYSTEM
from cophub.core.models import Country
from cophub.helplines.selectors import listed_services
from cophub.resources.selectors import resources_for_country

from . import services
from .models import ChecklistItem, Measure, MeasureStatus, Milestone, Proposal, Roadmap

# Country, and how far its (invented) measures have come: the chance an item is in force.
DEMO_COUNTRIES = [
    ("KE", 0.6), ("RW", 0.55), ("NG", 0.4), ("ZA", 0.7), ("BR", 0.65), ("MX", 0.5),
    ("JM", 0.3), ("SA", 0.6), ("EG", 0.45), ("AE", 0.75), ("IN", 0.55), ("FJ", 0.25),
    ("BD", 0.35), ("KZ", 0.5), ("FR", 0.85),
]  # fmt: skip

DEMO_ROADMAPS = ["KE", "RW", "NG", "BR", "SA", "EG", "IN", "FJ", "KZ"]

EVIDENCE_TITLES = {
    "legislative": "Child Online Protection Act (demo data)",
    "regulatory": "Online Safety Code of Practice (demo data)",
    "technical": "National reporting and helpline service (demo data)",
    "institutional": "Decree on national COP coordination (demo data)",
    "education": "National digital citizenship curriculum (demo data)",
}


def _status(rng: random.Random, maturity: float) -> str:
    roll = rng.random()
    if roll < maturity:
        return MeasureStatus.IN_FORCE
    if roll < maturity + (1 - maturity) / 2:
        return MeasureStatus.DRAFT
    return rng.choice([MeasureStatus.NONE, MeasureStatus.UNKNOWN])


# Checklist items that the helpline directory answers: in force exactly where the directory
# lists such a service, so that a profile's checklist, its "Gaps" and its statistics agree.
DIRECTORY_ITEMS = {"tec-helpline": "child_helpline", "tec-hotline": "reporting_hotline"}


def _measure_rows(iso2: str, maturity: float) -> list[dict]:
    rng = random.Random(iso2)
    listed = listed_services(iso2)
    rows = []
    for item in ChecklistItem.objects.all():
        status = _status(rng, maturity)
        if item.code in DIRECTORY_ITEMS:
            in_directory = getattr(listed, DIRECTORY_ITEMS[item.code])
            status = MeasureStatus.IN_FORCE if in_directory else MeasureStatus.NONE
        row = {"country": iso2, "item": item.code, "status": status}
        if status in (MeasureStatus.IN_FORCE, MeasureStatus.DRAFT):
            row |= {
                "description": "Demo data: an invented measure, to show how the page works.",
                "evidence_title": EVIDENCE_TITLES[item.category],
                "evidence_year": str(rng.randint(2012, 2025)),
                "evidence_url": f"https://example.org/demo/{iso2.lower()}/{item.code}",
                "evidence_excerpt": "Demo data. Not the text of any real law or service.",
            }
        rows.append(row)
    return rows


def _roadmap(country: Country, rng: random.Random) -> None:
    start = rng.randint(2021, 2024)
    status = rng.choice([Roadmap.Status.ADOPTED, Roadmap.Status.IN_PREPARATION])
    # A country whose national strategy is in the resource repository has adopted one.
    if resources_for_country(country.iso2, ["national_strategy"]).exists():
        status = Roadmap.Status.ADOPTED
    cleaned = services.clean_roadmap(
        {
            "title": f"National COP roadmap {start}–{start + 4} (demo data)",
            "kind": rng.choice(Roadmap.Kind.values),
            "status": status,
            "start_year": start,
            "end_year": start + 4,
            "cop_in_cybersecurity_strategy": rng.choice(Roadmap.CyberStrategy.values),
            "summary": "Demo data: an invented roadmap, to show how the page works.",
        }
    )
    services._apply_roadmap(country, cleaned, by=None, proposal=None, is_demo=True)
    milestones = [
        ("Adopt the child online protection law", "Ministry of ICT", "leg-service-duties"),
        ("Launch the national reporting hotline", "National regulator", "tec-hotline"),
        ("Train 500 teachers in online safety", "Ministry of Education", "edu-professionals"),
        ("Open a free child helpline (116 111)", "Ministry of Social Affairs", "tec-helpline"),
    ]
    if rng.random() < 0.4:
        milestones.pop()  # some demo roadmaps lack a helpline milestone, to show the gap
    listed = listed_services(country.iso2)
    for index, (title, owner, item) in enumerate(milestones):
        begin = datetime.date(start, 1 + index * 2, 1)
        milestone_status = rng.choice(Milestone.Status.values)
        if item in DIRECTORY_ITEMS:
            # The service is launched (done) exactly when the directory lists it.
            in_directory = getattr(listed, DIRECTORY_ITEMS[item])
            if in_directory:
                milestone_status = Milestone.Status.DONE
            elif milestone_status == Milestone.Status.DONE:
                milestone_status = Milestone.Status.DELAYED
        payload = {
            "title": f"{title} (demo data)",
            "owner": owner,
            "start_date": begin.isoformat(),
            "target_date": begin.replace(year=start + 1 + index).isoformat(),
            "status": milestone_status,
            "item": item,
        }
        services._apply_milestone(
            country, services.clean_milestone(payload, country), by=None, proposal=None
        )


def load_demo(*, stdout=None) -> None:
    loaded = []
    for iso2, maturity in DEMO_COUNTRIES:
        country = Country.objects.get(iso2=iso2)
        if Measure.objects.filter(country=country).exists():
            continue
        services.import_measures(rows=_measure_rows(iso2, maturity), by=SYSTEM, is_demo=True)
        if iso2 in DEMO_ROADMAPS:
            _roadmap(country, random.Random(f"roadmap-{iso2}"))
        loaded.append(iso2)
    _demo_proposal()
    _demo_assistance_requests()
    if stdout is not None:
        stdout.write(f"Demo country measures (demo data): {', '.join(loaded) or 'already loaded'}")


def _demo_proposal() -> None:
    """A change the Kenyan demo delegate proposed, waiting for the demo secretariat."""
    from cophub.accounts.models import User

    delegate = User.objects.filter(email="delegate.ke@demo.cophub.invalid").first()
    if delegate is None or Proposal.objects.filter(proposed_by=delegate).exists():
        return
    services.propose_change(
        country=delegate.country,
        kind=Proposal.Kind.MEASURE,
        payload={
            "item": "tec-safe-design",
            "status": MeasureStatus.DRAFT,
            "description": "Demo data: a draft age-appropriate design code.",
            "evidence": [
                {
                    "title": "Draft age-appropriate design code (demo data)",
                    "year": "2025",
                    "url": "https://example.org/demo/ke/design-code",
                    "excerpt": "",
                }
            ],
        },
        by=delegate,
    )


# Requests for assistance (Resolution 179, RES/2, BDT/8): who asked, for what, how many days
# ago, and the steps the secretariat has taken since, each with its age in days.
DEMO_ASSISTANCE = [
    (
        "RW",
        "strategy",
        "Demo data: support to draft the national COP strategy with the ministries of ICT and "
        "education, and to consult young people on it.",
        150,
        [("accepted", 140, "Demo data: a BDT expert is assigned."), ("in_progress", 90, "")],
    ),
    (
        "KE",
        "legislation",
        "Demo data: advice on the draft age-appropriate design code before it goes to Parliament.",
        240,
        [
            ("accepted", 230, ""),
            ("in_progress", 200, "Demo data: two workshops with the regulator."),
            ("completed", 120, "Demo data: comments sent; the code is in public consultation."),
        ],
    ),
    ("FJ", "roadmap", "Demo data: help to start a national COP roadmap.", 6, []),
]


def _demo_assistance_requests() -> None:
    """Three Member States asked ITU for assistance: a least developed country's request under
    way, Kenya's completed, a small island State's just received."""
    from django.utils import timezone

    from cophub.accounts.models import User

    from .models import AssistanceRequest, AssistanceStep

    if AssistanceRequest.objects.filter(is_demo=True).exists():
        return
    secretariat = User.objects.filter(role="secretariat", is_active=True).order_by("pk").first()
    now = timezone.now()
    for iso2, subject, description, asked_days_ago, steps in DEMO_ASSISTANCE:
        country = Country.objects.get(iso2=iso2)
        email = f"delegate.{iso2.lower()}@demo.cophub.invalid"
        delegate = User.objects.filter(email=email).first() or User.objects.create_user(
            email,
            None,
            full_name=f"Delegate of {iso2} (demo)",
            role="member_state",
            country=country,
        )
        request = services.request_assistance(
            country=country, subject=subject, description=description, by=delegate, is_demo=True
        )
        asked = now - datetime.timedelta(days=asked_days_ago)
        AssistanceRequest.objects.filter(pk=request.pk).update(requested_at=asked, updated_at=asked)
        request.steps.update(at=asked)
        if secretariat is None:
            continue
        for state, days_ago, note in steps:
            services.advance_assistance_request(
                request=request, state=state, by=secretariat, note=note
            )
            when = now - datetime.timedelta(days=days_ago)
            AssistanceStep.objects.filter(request=request, state=state).update(at=when)
            AssistanceRequest.objects.filter(pk=request.pk).update(updated_at=when)
            request.refresh_from_db()
