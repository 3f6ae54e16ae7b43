"""A co-source is listed only with its consent (issue 21, item 3): a Kenyan delegate who names
South Africa as co-source of a contribution asks South Africa; until one of its delegates (or the
secretariat, for it, with a reason) confirms, the document names only Kenya, everywhere it is
shown, and South Africa's delegates cannot revise or withdraw it."""

import re

import feedparser
import pytest
from django.utils import translation

from cophub.accounts.models import Role
from cophub.accounts.tests.factories import (
    DelegateFactory,
    SecretariatFactory,
    UserFactory,
    organisation,
)
from cophub.audit.models import Entry
from cophub.core.errors import DomainError
from cophub.core.models import Country
from cophub.jobs.models import OutgoingMail
from cophub.workgroup import services
from cophub.workgroup.models import CoSource, Document

from .factories import MeetingFactory, submitted_contribution

pytestmark = pytest.mark.django_db

TITLE = "Protecting children in online games"


@pytest.fixture
def kenya():
    return DelegateFactory(country=Country.objects.get(iso2="KE"))


@pytest.fixture
def south_africa():
    return DelegateFactory(country=Country.objects.get(iso2="ZA"), preferred_language="fr")


@pytest.fixture
def named(kenya):
    """Kenya's registered contribution that names South Africa as co-source."""
    document = submitted_contribution(
        kenya, MeetingFactory(number=24), countries=[Country.objects.get(iso2="ZA")]
    )
    return services.register_document(document=document, registered_by=SecretariatFactory())


def what_is_shown(client, document) -> dict:
    page = client.get(f"/en/documents/{document.slug}/").content.decode()
    api = client.get(f"/api/v1/documents/{document.slug}").json()
    feed = feedparser.parse(client.get("/feeds/documents.atom").content)
    registry = client.get("/en/documents/").content.decode()
    [registry_sources] = re.findall(r'<p class="document-meta">([^\n]*)\n', registry)
    by_source = client.get("/api/v1/documents?source=ZA").json()
    return {
        "page": "South Africa" in page,
        "api": api["countries"],
        "feed": feed.entries[0].author,
        "registry": re.sub(r"<[^>]+>", "", registry_sources).strip(),
        "filtered by source": [d["number"] for d in by_source["items"]],
    }


def test_a_named_co_source_is_listed_and_speaks_for_the_document_only_once_it_confirms(
    client, named, south_africa
):
    assert what_is_shown(client, named) == {
        "page": False,
        "api": ["KE"],
        "feed": "Kenya",
        "registry": "Kenya",
        "filtered by source": [],
    }
    with pytest.raises(DomainError, match="Only the sources of a document or the secretariat"):
        services.withdraw_document(document=named, withdrawn_by=south_africa, reason="Not ours")
    with pytest.raises(DomainError, match="Only the sources of a document can revise it"):
        submitted_contribution(south_africa, named.meeting, base=named, version="revision")
    named.refresh_from_db()
    assert named.status == Document.Status.REGISTERED
    assert not named.versions.exists()

    services.confirm_co_source(co_source=named.co_sources.get(), user=south_africa)
    assert what_is_shown(client, named) == {
        "page": True,
        "api": ["KE", "ZA"],
        "feed": "Kenya, South Africa",
        "registry": "Kenya and South Africa",
        "filtered by source": [named.number],
    }
    services.withdraw_document(document=named, withdrawn_by=south_africa, reason="Superseded")
    named.refresh_from_db()
    assert named.status == Document.Status.WITHDRAWN


def test_the_delegates_of_the_named_member_state_are_told_in_their_language(kenya, south_africa):
    in_arabic = DelegateFactory(country=Country.objects.get(iso2="ZA"), preferred_language="ar")
    DelegateFactory(country=Country.objects.get(iso2="ZA"), is_active=False)
    DelegateFactory(country=Country.objects.get(iso2="FR"))
    submitted_contribution(
        kenya,
        MeetingFactory(number=24),
        countries=[Country.objects.get(iso2="ZA")],
        base_url="https://cophub.example",
    )
    notices = {mail.recipient: mail for mail in OutgoingMail.objects.all()}
    assert set(notices) == {south_africa.email, in_arabic.email}
    for delegate, language in ((south_africa, "fr"), (in_arabic, "ar")):
        notice = notices[delegate.email]
        with translation.override(language):
            country = Country.objects.get(iso2="ZA").name
            subject = translation.gettext("A document names %(source)s as co-source")
        assert notice.subject == subject % {"source": country}
        assert f"https://cophub.example/{language}/documents/co-sources/" in notice.body
        assert TITLE in notice.body
    assert notices[south_africa.email].subject != notices[in_arabic.email].subject


def test_an_organisation_named_as_co_source_is_asked_the_same_way(kenya):
    member = UserFactory(role=Role.STAKEHOLDER, organisation=organisation("iwf"))
    document = submitted_contribution(
        kenya, MeetingFactory(number=24), organisations=[organisation("iwf")]
    )
    assert not document.organisations.exists()
    assert [mail.recipient for mail in OutgoingMail.objects.all()] == [member.email]
    services.confirm_co_source(co_source=document.co_sources.get(), user=member)
    assert list(document.organisations.all()) == [organisation("iwf")]


def test_the_submitters_own_member_state_is_a_source_at_once_and_is_not_asked(kenya):
    document = submitted_contribution(
        kenya, MeetingFactory(number=24), countries=[Country.objects.get(iso2="KE")]
    )
    assert list(document.countries.values_list("iso2", flat=True)) == ["KE"]
    assert not document.co_sources.exists()
    assert not OutgoingMail.objects.exists()


def test_the_delegate_of_the_named_member_state_confirms_or_declines_on_the_page(
    client, kenya, south_africa
):
    meeting = MeetingFactory(number=24)
    za = Country.objects.get(iso2="ZA")
    first = submitted_contribution(kenya, meeting, countries=[za])
    second = submitted_contribution(kenya, meeting, countries=[za], title="Age checks")
    client.force_login(south_africa)
    page = client.get("/fr/documents/co-sources/")
    assert page.status_code == 200
    html = page.content.decode()
    assert TITLE in html and "Age checks" in html
    with translation.override("fr"):
        assert translation.gettext("Decline") in html

    response = client.post(
        "/fr/documents/co-sources/",
        {"co_source": first.co_sources.get().pk, "answer": "confirm"},
    )
    assert response.status_code == 302
    response = client.post(
        "/fr/documents/co-sources/",
        {"co_source": second.co_sources.get().pk, "answer": "decline"},
    )
    assert response.status_code == 302
    assert list(first.countries.values_list("iso2", flat=True)) == ["KE", "ZA"]
    assert list(second.countries.values_list("iso2", flat=True)) == ["KE"]
    assert second.co_sources.get().status == CoSource.Status.DECLINED
    assert first.co_sources.get().decided_by == south_africa
    html = client.get("/fr/documents/co-sources/").content.decode()
    assert "« Age checks »" in html or "“Age checks”" in html  # the message of the answer
    assert 'name="co_source"' not in html  # nothing waits any more


@pytest.mark.parametrize(
    "data",
    [
        {"answer": "confirm"},  # no request named
        {"co_source": "not a number", "answer": "confirm"},
        {"co_source": "{pk}", "answer": "maybe"},
        {"co_source": "{pk}"},
        {"co_source": "999999", "answer": "confirm"},
    ],
)
def test_a_malformed_answer_is_refused_with_422_in_the_page_language_and_changes_nothing(
    client, named, south_africa, data
):
    pk = str(named.co_sources.get().pk)
    client.force_login(south_africa)
    response = client.post(
        "/es/documents/co-sources/", {k: v.replace("{pk}", pk) for k, v in data.items()}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert '<html lang="es"' in html
    with translation.override("es"):
        assert translation.gettext("Please correct the following:") in html
    assert named.co_sources.get().status == CoSource.Status.PENDING
    assert list(named.countries.values_list("iso2", flat=True)) == ["KE"]


def test_no_one_else_answers_for_the_named_member_state(client, named, kenya):
    co_source = named.co_sources.get()
    france = DelegateFactory(country=Country.objects.get(iso2="FR"))
    for someone in (kenya, france):  # the submitter cannot confirm for South Africa either
        with pytest.raises(DomainError, match="Only the delegates of a co-source"):
            services.confirm_co_source(co_source=co_source, user=someone)
        with pytest.raises(DomainError, match="Only the delegates of a co-source"):
            services.decline_co_source(co_source=co_source, user=someone)
        client.force_login(someone)
        assert 'name="co_source"' not in client.get("/en/documents/co-sources/").content.decode()
        response = client.post(
            "/en/documents/co-sources/", {"co_source": co_source.pk, "answer": "confirm"}
        )
        assert response.status_code == 422
        assert "not yours to answer" in response.content.decode()
    co_source.refresh_from_db()
    assert co_source.status == CoSource.Status.PENDING
    assert list(named.countries.values_list("iso2", flat=True)) == ["KE"]


def test_the_secretariat_confirms_for_a_co_source_with_a_reason_kept_in_the_audit_log(
    client, named
):
    secretariat = SecretariatFactory()
    co_source = named.co_sources.get()
    client.force_login(secretariat)
    assert TITLE in client.get("/en/documents/co-sources/").content.decode()

    response = client.post(
        "/fr/documents/co-sources/", {"co_source": co_source.pk, "answer": "confirm"}
    )
    assert response.status_code == 422
    with translation.override("fr"):
        message = translation.gettext("Say on what the secretariat confirms for this co-source.")
    assert message in response.content.decode()
    co_source.refresh_from_db()
    assert co_source.status == CoSource.Status.PENDING

    reason = "Letter from the Permanent Mission of South Africa, 3 March"
    response = client.post(
        "/en/documents/co-sources/",
        {"co_source": co_source.pk, "answer": "confirm", "reason": reason},
    )
    assert response.status_code == 302
    co_source.refresh_from_db()
    assert (co_source.status, co_source.decided_by, co_source.secretariat_reason) == (
        CoSource.Status.CONFIRMED,
        secretariat,
        reason,
    )
    assert list(named.countries.values_list("iso2", flat=True)) == ["KE", "ZA"]
    entry = Entry.objects.get(
        model="workgroup.cosource", object_pk=str(co_source.pk), action="approve"
    )
    assert entry.actor == secretariat.email
    assert entry.changes["secretariat_reason"] == ["", reason]
    assert entry.changes["status"] == ["pending", "confirmed"]


def test_the_secretariat_does_not_decline_for_a_co_source(named):
    with pytest.raises(DomainError, match="Only the delegates of a co-source can decline"):
        services.decline_co_source(co_source=named.co_sources.get(), user=SecretariatFactory())


def test_a_request_is_answered_once_and_not_after_the_submission_is_returned(kenya, south_africa):
    meeting = MeetingFactory(number=24)
    za = Country.objects.get(iso2="ZA")
    answered = submitted_contribution(kenya, meeting, countries=[za])
    services.decline_co_source(co_source=answered.co_sources.get(), user=south_africa)
    with pytest.raises(DomainError, match="already been answered"):
        services.confirm_co_source(co_source=answered.co_sources.get(), user=south_africa)
    returned = submitted_contribution(kenya, meeting, countries=[za], title="Returned")
    services.return_document(
        document=returned, returned_by=SecretariatFactory(), reason="Wrong meeting"
    )
    with pytest.raises(DomainError, match="no longer waits"):
        services.confirm_co_source(co_source=returned.co_sources.get(), user=south_africa)
    assert not answered.countries.filter(iso2="ZA").exists()
    assert not returned.countries.filter(iso2="ZA").exists()


def test_a_failed_submission_asks_no_one(kenya, south_africa):
    with pytest.raises(DomainError):
        submitted_contribution(
            kenya,
            MeetingFactory(number=24),
            countries=[Country.objects.get(iso2="ZA")],
            files={},
        )
    assert not CoSource.objects.exists()
    assert not OutgoingMail.objects.exists()
