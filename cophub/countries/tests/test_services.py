import datetime
import io

import pytest

from cophub.accounts.permissions import SYSTEM
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory, UserFactory
from cophub.core.errors import DomainError
from cophub.countries import selectors, services
from cophub.countries.models import (
    Change,
    ChecklistItem,
    Evidence,
    Measure,
    Milestone,
    Proposal,
    Roadmap,
)

from .factories import MeasureFactory, MilestoneFactory, RoadmapFactory, country, item

pytestmark = pytest.mark.django_db


def measure_payload(**overrides):
    payload = {
        "item": "tec-hotline",
        "status": "in_force",
        "description": "A national reporting portal.",
        "evidence": [
            {"title": "Hotline decree", "year": "2021", "url": "https://example.org/decree"}
        ],
    }
    return payload | overrides


def test_the_checklist_is_loaded_in_six_languages():
    items = list(ChecklistItem.objects.all())
    assert len(items) == 20
    assert {i.category for i in items} == {
        "legislative",
        "regulatory",
        "technical",
        "institutional",
        "education",
    }
    helpline = item("tec-helpline")
    for lang in ("ar", "zh", "en", "fr", "ru", "es"):
        assert getattr(helpline, f"title_{lang}")
        assert getattr(helpline, f"explanation_{lang}")
    assert helpline.title_ar == "خط مساعدة للأطفال"


def test_a_focal_point_proposes_and_the_secretariat_accepts():
    delegate = DelegateFactory(full_name="Wanjiru Kamau")
    secretariat = SecretariatFactory()
    proposal = services.propose_change(
        country=country("KE"), kind="measure", payload=measure_payload(), by=delegate
    )
    # Nothing is published before the review.
    assert not Measure.objects.exists()
    assert not Change.objects.exists()
    services.review_proposal(proposal=proposal, accept=True, by=secretariat)
    measure = Measure.objects.get(country="KE", item__code="tec-hotline")
    assert measure.status == "in_force"
    assert measure.evidence.get().url == "https://example.org/decree"
    changes = list(selectors.history(country("KE")))
    assert [c.action for c in changes] == ["evidence", "measure"]
    assert all(c.by == delegate and c.proposal == proposal for c in changes)
    assert {"field": "status", "before": None, "after": "in_force"} in changes[1].details
    proposal.refresh_from_db()
    assert proposal.status == "accepted" and proposal.reviewed_by == secretariat


def test_a_rejected_proposal_changes_nothing_and_needs_a_reason():
    delegate = DelegateFactory()
    secretariat = SecretariatFactory()
    proposal = services.propose_change(
        country=country("KE"), kind="measure", payload=measure_payload(), by=delegate
    )
    with pytest.raises(DomainError) as error:
        services.review_proposal(proposal=proposal, accept=False, by=secretariat)
    assert error.value.field == "note"
    services.review_proposal(proposal=proposal, accept=False, by=secretariat, note="No source")
    assert not Measure.objects.exists() and not Change.objects.exists()
    with pytest.raises(DomainError, match="already been reviewed"):
        services.review_proposal(proposal=proposal, accept=True, by=secretariat)
    assert not Measure.objects.exists()


def test_a_focal_point_cannot_propose_for_another_country():
    delegate = DelegateFactory()  # Kenya
    with pytest.raises(DomainError, match="only for the Member State you represent"):
        services.propose_change(
            country=country("FR"), kind="measure", payload=measure_payload(), by=delegate
        )
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("make_user", [UserFactory, DelegateFactory])
def test_only_the_secretariat_reviews(make_user):
    proposal = services.propose_change(
        country=country("KE"), kind="measure", payload=measure_payload(), by=DelegateFactory()
    )
    with pytest.raises(DomainError, match="Only the secretariat"):
        services.review_proposal(proposal=proposal, accept=True, by=make_user())
    proposal.refresh_from_db()
    assert proposal.status == "pending" and not Measure.objects.exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/law", "http:// or https://"),
        ("javascript:alert(1)", "http:// or https://"),
        ("not a link", "http:// or https://"),
    ],
)
def test_evidence_with_a_bad_link_is_refused_and_nothing_is_written(url, message):
    MeasureFactory(item=item("tec-hotline"), status="draft")
    payload = measure_payload(evidence=[{"title": "Decree", "year": 2021, "url": url}])
    with pytest.raises(DomainError, match=message) as error:
        services.apply_change(
            country=country("KE"), kind="measure", payload=payload, by=SecretariatFactory()
        )
    assert error.value.field == "url"
    assert Measure.objects.get().status == "draft"
    assert not Evidence.objects.exists() and not Change.objects.exists()


def test_a_proposal_with_bad_evidence_is_refused_at_once():
    with pytest.raises(DomainError, match="http:// or https://"):
        services.propose_change(
            country=country("KE"),
            kind="measure",
            payload=measure_payload(evidence=[{"title": "X", "year": 2020, "url": "file:///x"}]),
            by=DelegateFactory(),
        )
    assert not Proposal.objects.exists()


def test_an_unknown_checklist_item_is_refused():
    with pytest.raises(DomainError, match="“leg-flying-cars” is not an item"):
        services.apply_change(
            country=country("KE"),
            kind="measure",
            payload=measure_payload(item="leg-flying-cars"),
            by=SecretariatFactory(),
        )
    assert not Measure.objects.exists()


def test_a_milestone_ending_before_it_starts_is_refused():
    RoadmapFactory()
    payload = {
        "title": "Launch the helpline",
        "owner": "Ministry of ICT",
        "start_date": "2026-05-01",
        "target_date": "2026-04-30",
    }
    with pytest.raises(DomainError, match="target date cannot be before the start date") as error:
        services.apply_change(
            country=country("KE"), kind="milestone", payload=payload, by=SecretariatFactory()
        )
    assert error.value.field == "target_date"
    assert not Milestone.objects.exists() and not Change.objects.exists()


def test_a_milestone_of_another_country_cannot_be_edited():
    other = MilestoneFactory(roadmap=RoadmapFactory(country=country("FR")))
    RoadmapFactory()
    payload = {"id": other.pk, "title": "Hijack", "owner": "x", "target_date": "2030-01-01"}
    with pytest.raises(DomainError, match="not in the country's roadmap"):
        services.apply_change(
            country=country("KE"), kind="milestone", payload=payload, by=SecretariatFactory()
        )
    other.refresh_from_db()
    assert other.title != "Hijack"


def test_roadmap_changes_are_recorded_field_by_field_and_tagged_with_the_mandate():
    secretariat = SecretariatFactory()
    payload = {"title": "COP strategy", "kind": "strategy", "status": "in_preparation"}
    roadmap = services.apply_change(
        country=country("KE"), kind="roadmap", payload=payload, by=secretariat
    )
    assert set(roadmap.mandate.values_list("code", flat=True)) == {"R179/RES/2", "R179/BDT/8"}
    services.apply_change(
        country=country("KE"),
        kind="roadmap",
        payload=payload | {"status": "adopted", "cop_in_cybersecurity_strategy": "yes"},
        by=secretariat,
    )
    latest = selectors.history(country("KE")).first()
    assert {d["field"] for d in latest.details} == {"status", "cop_in_cybersecurity_strategy"}
    assert "R179/MS/9" in roadmap.mandate.values_list("code", flat=True)
    # The same values again change nothing and record nothing.
    count = Change.objects.count()
    services.apply_change(
        country=country("KE"),
        kind="roadmap",
        payload=payload | {"status": "adopted", "cop_in_cybersecurity_strategy": "yes"},
        by=secretariat,
    )
    assert Change.objects.count() == count


def test_roadmap_years_in_the_wrong_order_are_refused():
    with pytest.raises(DomainError, match="last year cannot be before"):
        services.apply_change(
            country=country("KE"),
            kind="roadmap",
            payload={"title": "R", "status": "adopted", "start_year": 2028, "end_year": 2024},
            by=SecretariatFactory(),
        )
    assert not Roadmap.objects.exists()


def test_import_is_all_or_nothing_and_names_the_row():
    rows = [
        {"country": "KE", "item": "tec-hotline", "status": "in_force"},
        {"country": "fr", "item": "edu-schools", "status": "draft"},
        {"country": "NG", "item": "tec-teleportation", "status": "none"},
    ]
    with pytest.raises(DomainError, match="Row 4: “tec-teleportation” is not an item"):
        services.import_measures(rows=rows, by=SecretariatFactory())
    assert not Measure.objects.exists() and not Change.objects.exists()
    assert services.import_measures(rows=rows[:2], by=SYSTEM) == 2
    assert Measure.objects.get(country="FR").status == "draft"
    assert Change.objects.filter(by=None).count() == 2


def test_import_refuses_an_unknown_country_and_a_bad_status():
    with pytest.raises(DomainError, match="Row 2: “XX” is not an ISO"):
        services.import_measures(rows=[{"country": "XX", "item": "tec-hotline"}], by=SYSTEM)
    with pytest.raises(DomainError, match="Row 2: Choose one of the values"):
        services.import_measures(
            rows=[{"country": "KE", "item": "tec-hotline", "status": "maybe"}], by=SYSTEM
        )
    assert not Measure.objects.exists()


def test_score_counts_in_force_as_one_and_draft_as_half():
    MeasureFactory(item=item("tec-hotline"), status="in_force")
    MeasureFactory(item=item("tec-helpline"), status="draft")
    MeasureFactory(item=item("edu-schools"), status="none")
    found = selectors.assessment(country("KE"))
    assert found.score == round(100 * 1.5 / 20)
    assert selectors.scores() == {"KE": found.score}


def test_gaps_are_said_in_plain_words():
    assert selectors.roadmap_gaps(country("KE")) == [
        "There is no national roadmap or strategy for child online protection."
    ]
    roadmap = RoadmapFactory(cop_in_cybersecurity_strategy="no")
    MilestoneFactory(
        roadmap=roadmap, target_date=datetime.date(2020, 1, 1), item=item("tec-hotline")
    )
    gaps = selectors.roadmap_gaps(country("KE"))
    assert "The roadmap has no helpline milestone." in gaps
    assert "1 milestone is past its target date." in gaps
    assert "Child online protection is not part of the national cybersecurity strategy." in gaps
    MilestoneFactory(roadmap=roadmap, item=item("tec-helpline"), status="done")
    assert "The roadmap has no helpline milestone." not in selectors.roadmap_gaps(country("KE"))
    MeasureFactory(status="in_force")
    assert "1 measure in force has no evidence." in selectors.measure_gaps(country("KE"))


def test_progress_leaves_out_dropped_milestones():
    roadmap = RoadmapFactory()
    MilestoneFactory(roadmap=roadmap, status="done")
    MilestoneFactory(roadmap=roadmap, status="planned")
    MilestoneFactory(roadmap=roadmap, status="dropped")
    assert selectors.progress(selectors.roadmap(country("KE"))) == 50


def test_demo_data_loads_once_and_is_marked():
    from cophub.accounts.demo import load_demo as load_accounts
    from cophub.countries.demo import DEMO_COUNTRIES, load_demo

    load_accounts(stdout=io.StringIO())
    load_demo()
    counts = (Measure.objects.count(), Change.objects.count(), Proposal.objects.count())
    load_demo()
    assert counts == (Measure.objects.count(), Change.objects.count(), Proposal.objects.count())
    assert len(DEMO_COUNTRIES) >= 10
    assert Measure.objects.values("country").distinct().count() == len(DEMO_COUNTRIES)
    assert not Measure.objects.filter(is_demo=False).exists()
    assert all("demo" in e.title for e in Evidence.objects.all())
    assert Proposal.objects.get().status == "pending"


def test_the_import_command_reports_the_bad_row_and_writes_nothing(tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / "measures.csv"
    path.write_text(
        "country,item,status,evidence_title,evidence_year,evidence_url\n"
        "KE,tec-hotline,in_force,Decree,2021,https://example.org/decree\n"
        "KE,tec-unheard-of,draft,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="Row 3: “tec-unheard-of” is not an item"):
        call_command("import_country_measures", str(path))
    assert not Measure.objects.exists() and not Change.objects.exists()
    path.write_text(path.read_text().replace("tec-unheard-of", "edu-schools"))
    out = io.StringIO()
    call_command("import_country_measures", str(path), stdout=out)
    assert "2 measures imported" in out.getvalue()
    assert Evidence.objects.get().title == "Decree"


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"target_date": "31/12/2026"}, "target_date", "Write the date as YYYY-MM-DD."),
        ({"target_date": ""}, "target_date", "Give the date."),
        ({"owner": "  "}, "owner", "Owner is required."),
        ({"status": "finished"}, "status", "Choose one of the values offered."),
        ({"item": "tec-time-travel"}, "item", "is not an item of the checklist"),
        ({"title": "x" * 301}, "title", "at most 300 characters"),
    ],
)
def test_bad_milestones_are_refused_with_the_field_named(payload, field, message):
    RoadmapFactory()
    good = {"title": "Open the helpline", "owner": "Ministry", "target_date": "2027-01-01"}
    with pytest.raises(DomainError, match=message) as error:
        services.apply_change(
            country=country("KE"), kind="milestone", payload=good | payload, by=SecretariatFactory()
        )
    assert error.value.field == field
    assert not Milestone.objects.exists() and not Change.objects.exists()


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ({"title": "Decree", "year": "20x1"}, "Write the year with four digits."),
        ({"title": "Decree", "year": 1066}, "This year is not plausible."),
        ({"title": "", "year": 2020, "url": "https://example.org"}, "Title is required."),
        ({"title": "Decree"}, "Give the year."),
    ],
)
def test_bad_evidence_is_refused(evidence, message):
    with pytest.raises(DomainError, match=message):
        services.apply_change(
            country=country("KE"),
            kind="measure",
            payload=measure_payload(evidence=[evidence]),
            by=SecretariatFactory(),
        )
    assert not Measure.objects.exists() and not Evidence.objects.exists()


@pytest.mark.parametrize("payload", [["not", "a", "dict"], "text", None])
def test_a_payload_of_the_wrong_shape_is_refused(payload):
    with pytest.raises(DomainError, match="not in the expected form"):
        services.propose_change(
            country=country("KE"), kind="measure", payload=payload, by=DelegateFactory()
        )
    assert not Proposal.objects.exists()


def test_an_inactive_focal_point_cannot_propose():
    delegate = DelegateFactory(is_active=False)
    with pytest.raises(DomainError, match="only for the Member State you represent"):
        services.propose_change(
            country=country("KE"), kind="measure", payload=measure_payload(), by=delegate
        )


def test_a_document_needs_an_http_link_and_a_roadmap():
    secretariat = SecretariatFactory()
    document = {"title": "Roadmap PDF", "url": "https://example.org/roadmap.pdf"}
    with pytest.raises(DomainError, match="Record the roadmap before its documents"):
        services.apply_change(
            country=country("KE"), kind="document", payload=document, by=secretariat
        )
    RoadmapFactory()
    with pytest.raises(DomainError, match="http:// or https://"):
        services.apply_change(
            country=country("KE"),
            kind="document",
            payload=document | {"url": "mailto:x@example.org"},
            by=secretariat,
        )
    services.apply_change(country=country("KE"), kind="document", payload=document, by=secretariat)
    assert selectors.roadmap(country("KE")).documents.get().url == document["url"]
    assert Change.objects.get().action == "document"


def test_an_accepted_proposal_is_checked_again_against_the_record():
    """A milestone proposal whose roadmap was removed meanwhile cannot be applied half-way."""
    delegate = DelegateFactory()
    roadmap = RoadmapFactory()
    proposal = services.propose_change(
        country=country("KE"),
        kind="milestone",
        payload={"title": "Helpline", "owner": "Ministry", "target_date": "2027-01-01"},
        by=delegate,
    )
    roadmap.delete()
    with pytest.raises(DomainError, match="Record the roadmap before its milestones"):
        services.review_proposal(proposal=proposal, accept=True, by=SecretariatFactory())
    proposal.refresh_from_db()
    assert proposal.status == "pending" and not Change.objects.exists()


def test_the_reviewer_sees_the_proposal_beside_the_record():
    from cophub.countries.display import proposed_values

    MeasureFactory(item=item("tec-hotline"), status="draft", description="Old text")
    proposal = services.propose_change(
        country=country("KE"), kind="measure", payload=measure_payload(), by=DelegateFactory()
    )
    lines = {line.label: line for line in proposed_values(proposal)}
    assert (lines["Status"].current, lines["Status"].proposed) == ("Draft", "In force")
    assert lines["Description"].current == "Old text" and lines["Description"].changes
    assert not lines["Checklist item"].changes
    assert lines["Link (1)"].proposed == "https://example.org/decree"
