import datetime
import io
import json
import re

import feedparser
import icalendar
import pytest
from django.utils import timezone

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core import reporting
from cophub.core.models import Country
from cophub.workgroup import services
from cophub.workgroup.models import Document, MeetingRegistration

from .factories import AgendaItemFactory, MeetingFactory, docx_upload
from .factories import submitted_contribution as submit
from .helpers import registered_documents

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered():
    meeting = MeetingFactory(number=24)
    return services.register_document(
        document=submit(DelegateFactory(), meeting), registered_by=SecretariatFactory()
    )


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_registry_lists_and_filters(client, registered):
    html = client.get("/en/documents/").content.decode()
    assert "CWG-COP-24/1" in html and "Protecting children in online games" in html
    assert (
        "CWG-COP-24/1"
        in client.get(
            "/en/documents/?country=KE&document_type=contribution&language=en"
        ).content.decode()
    )
    assert "CWG-COP-24/1" not in client.get("/en/documents/?country=FR").content.decode()
    assert "CWG-COP-24/1" not in client.get("/en/documents/?document_type=liaison").content.decode()
    assert (
        "CWG-COP-24/1" in client.get("/en/documents/?meeting=CWG-COP-24&source=KE").content.decode()
    )
    assert "CWG-COP-24/1" not in client.get("/en/documents/?language=ar").content.decode()
    year = registered.registered_at.year
    assert "CWG-COP-24/1" in client.get(f"/en/documents/?year={year}").content.decode()
    assert "CWG-COP-24/1" not in client.get(f"/en/documents/?year={year - 1}").content.decode()
    assert "CWG-COP-24/1" in client.get("/en/documents/?q=games").content.decode()


def test_registry_in_arabic(client, registered):
    response = client.get("/ar/documents/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


@pytest.mark.parametrize("count", [40, 160])
def test_registry_query_count_does_not_grow_with_the_documents(
    client, django_assert_num_queries, count
):
    [first, *_rest] = registered_documents(MeetingFactory(number=24), count)
    iso2 = first.countries.get().iso2
    client.get("/en/documents/?country=FR")  # warm the process's country list, another list
    # a page not seen yet: count, the page's keys, its rows by key, countries,
    # organisations, files, and the filter form's groups (the version is in the cache)
    with django_assert_num_queries(7):
        response = client.get("/en/documents/?page=2")
    assert response.status_code == 200
    assert response.content.decode().count('class="document"') == min(25, count - 25)
    # the same page again: all from the cache
    with django_assert_num_queries(0):
        again = client.get("/en/documents/?page=2")
    assert again.content == response.content
    if count > 50:
        # another page of the same list: its count and its form are known already
        with django_assert_num_queries(5):
            html = client.get("/en/documents/?page=3").content.decode()
        assert html.count('class="document"') == 25
    with django_assert_num_queries(7):  # the chosen country is checked against the kept list
        html = client.get(f"/en/documents/?country={iso2}&q=Contribution").content.decode()
    assert html.count('class="document"') == min(25, count // 10)


def test_registry_shows_each_change_at_once(client, registered):
    """The cached registry is keyed by a version that registering, withdrawing and translating
    raise in their own transaction."""
    assert client.get("/en/documents/").content.decode().count('<li class="document') == 1
    delegate, secretariat = DelegateFactory(), SecretariatFactory()
    second = services.register_document(
        document=submit(delegate, registered.meeting, title="Age assurance in app stores"),
        registered_by=secretariat,
    )
    html = client.get("/en/documents/").content.decode()
    assert "Age assurance in app stores" in html and "2 documents" in html
    services.withdraw_document(document=second, withdrawn_by=secretariat, reason="Superseded")
    html = client.get("/en/documents/").content.decode()
    assert html.count("document-withdrawn") == 1
    services.add_translation(
        document=registered,
        user=secretariat,
        language="fr",
        file=docx_upload("Conception adaptée à l'âge."),
        title="Protéger les enfants dans les jeux en ligne",
    )
    html = client.get("/fr/documents/?language=fr").content.decode()
    assert "Protéger les enfants dans les jeux en ligne" in html


def test_registry_pages_keep_their_order_and_links(client):
    registered_documents(MeetingFactory(number=24), 60)
    first = client.get("/en/documents/?q=&page=1").content.decode()
    last = client.get("/en/documents/?page=3&q=").content.decode()
    numbers = re.findall(r'<span class="code">([^<]+)</span>', first + last)
    assert len(numbers) == 35 and len(set(numbers)) == 35
    assert 'href="?q=&amp;page=2"' in last and "Page 3 of 3" in last
    assert "60 documents" in last
    # a page past the end shows the last page, as before
    assert client.get("/en/documents/?page=99").content.decode().count('class="document"') == 10


def test_document_page_with_json_ld_and_file(client, registered):
    response = client.get("/en/documents/CWG-COP-24-1/")
    html = response.content.decode()
    data = json_ld(html)
    assert data["@type"] == "Report"
    assert data["identifier"] == "CWG-COP-24/1"
    assert data["author"] == [{"@type": "Country", "name": "Kenya", "identifier": "KE"}]
    file = client.get(data["encoding"][0]["contentUrl"].replace("http://testserver", ""))
    assert file.status_code == 200
    assert b"".join(file.streaming_content).startswith(b"PK")
    assert client.get("/en/documents/CWG-COP-24-1/files/fr/").status_code == 404


def test_unregistered_document_is_not_public(client):
    document = submit(DelegateFactory(), MeetingFactory())
    assert client.get("/en/documents/").content.decode().count("Protecting children") == 0
    assert client.get(f"/en/documents/submissions/{document.pk}/").status_code == 302


def test_withdrawn_document_stays_listed(client, registered):
    services.withdraw_document(
        document=registered, withdrawn_by=SecretariatFactory(), reason="Superseded"
    )
    html = client.get("/en/documents/CWG-COP-24-1/").content.decode()
    assert "This document is withdrawn." in html and "Superseded" in html
    assert "Withdrawn" in client.get("/en/documents/").content.decode()
    assert json_ld(html)["creativeWorkStatus"] == "Withdrawn"


def test_submission_form_checks_the_file_and_keeps_nothing(client):
    meeting = MeetingFactory(number=24)
    delegate = DelegateFactory()
    client.force_login(delegate)
    fake = io.BytesIO(b"this is not a pdf at all")
    fake.name = "contribution.pdf"
    response = client.post(
        "/en/documents/submit/",
        {
            "meeting": meeting.pk,
            "document_type": "contribution",
            "title": "Games",
            "original_language": "en",
            "file": fake,
        },
    )
    assert response.status_code == 422
    assert "not a document we accept" in response.content.decode()
    assert not Document.objects.exists()
    response = client.post(
        "/en/documents/submit/",
        {
            "meeting": meeting.pk,
            "document_type": "contribution",
            "title": "",
            "original_language": "en",
            "file": docx_upload(),
        },
    )
    assert "This field is required." in response.content.decode()
    assert not Document.objects.exists()


def test_submission_then_registration_through_the_pages(client):
    meeting = MeetingFactory(number=24)
    item = AgendaItemFactory(meeting=meeting)
    client.force_login(DelegateFactory())
    response = client.post(
        "/en/documents/submit/",
        {
            "meeting": meeting.pk,
            "document_type": "contribution",
            "title": "Games",
            "original_language": "en",
            "agenda_item": item.pk,
            "file": docx_upload(),
            "countries": ["FR"],
        },
    )
    document = Document.objects.get()
    assert response["Location"] == f"/en/documents/submissions/{document.pk}/"
    assert set(document.countries.values_list("iso2", flat=True)) == {"KE"}
    assert [c.country_id for c in document.co_sources.all()] == ["FR"]  # asked, not yet listed
    other = DelegateFactory(country=Country.objects.get(iso2="BR"))
    client.force_login(other)
    assert client.get(f"/en/documents/submissions/{document.pk}/").status_code == 403
    client.force_login(SecretariatFactory())
    assert "Games" in client.get("/en/documents/submissions/").content.decode()
    response = client.post(f"/en/documents/submissions/{document.pk}/", {"action": "register"})
    assert response["Location"] == "/en/documents/CWG-COP-24-1/"


def test_secretariat_returns_with_a_reason(client):
    document = submit(DelegateFactory(), MeetingFactory())
    client.force_login(SecretariatFactory())
    response = client.post(
        f"/en/documents/submissions/{document.pk}/", {"action": "return", "reason": ""}
    )
    assert "This field is required." in response.content.decode()
    client.post(
        f"/en/documents/submissions/{document.pk}/", {"action": "return", "reason": "Out of scope"}
    )
    document.refresh_from_db()
    assert (document.status, document.return_reason) == ("returned", "Out of scope")


def test_diff_between_revisions(client, registered):
    secretariat = SecretariatFactory()
    delegate = registered.submitted_by
    revision = services.register_document(
        document=submit(
            delegate,
            registered.meeting,
            base=registered,
            version="revision",
            files={
                "en": docx_upload("Age-appropriate design for games.", "Parents get a dashboard.")
            },
        ),
        registered_by=secretariat,
    )
    assert revision.slug == "CWG-COP-24-1-Rev.1"
    html = client.get("/en/documents/CWG-COP-24-1/diff/CWG-COP-24-1-Rev.1/").content.decode()
    assert re.search(r'<li class="diff-added"><ins>.*Parents get a dashboard\.</ins>', html)
    assert "diff-removed" not in html
    assert "CWG-COP-24-1-Rev.1" in client.get("/en/documents/CWG-COP-24-1/").content.decode()


def test_meeting_page_json_ld_and_registration(client):
    meeting = MeetingFactory(number=24, place="Geneva")
    AgendaItemFactory(meeting=meeting, title_en="Opening of the meeting")
    html = client.get("/en/meetings/CWG-COP-24/").content.decode()
    data = json_ld(html)
    assert (data["@type"], data["identifier"], data["startDate"]) == (
        "Event",
        "CWG-COP-24",
        meeting.starts_on.isoformat(),
    )
    assert "Opening of the meeting" in html
    delegate = DelegateFactory()
    client.force_login(delegate)
    client.post(
        "/en/meetings/CWG-COP-24/",
        {"name": "Wanjiru Kamau", "role": "head", "attendance": "remote", "gender": "woman"},
    )
    registration = MeetingRegistration.objects.get(delegate=delegate)
    assert (registration.gender, registration.name, registration.role) == (
        "woman",
        "Wanjiru Kamau",
        "head",
    )
    assert (registration.attendance, registration.country_id) == ("remote", delegate.country_id)
    assert "CWG-COP-24" in client.get("/en/meetings/").content.decode()
    assert client.get("/en/meetings/CWG-COP-99/").status_code == 404


def test_atom_feeds_read_by_feedparser(client, registered):
    for url in [
        "/feeds/documents.atom",
        "/feeds/CWG-COP/documents.atom",
        "/feeds/meetings/CWG-COP-24/documents.atom",
        "/feeds/types/contribution/documents.atom",
    ]:
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo, url
        assert feed.version == "atom10"
        [entry] = feed.entries
        assert entry.title == "CWG-COP-24/1: Protecting children in online games"
        assert entry.link == "http://testserver/en/documents/CWG-COP-24-1/"
        assert entry.author == "Kenya"
    feed = feedparser.parse(client.get("/feeds/documents.atom?lang=fr").content)
    assert feed.entries[0].link.endswith("/fr/documents/CWG-COP-24-1/")
    assert not feedparser.parse(client.get("/feeds/types/liaison/documents.atom").content).entries
    assert client.get("/feeds/types/nonsense/documents.atom").status_code == 404
    assert client.get("/feeds/NOGROUP/documents.atom").status_code == 404


def test_icalendar_read_back(client):
    meeting = MeetingFactory(number=24, place="Geneva")
    response = client.get("/feeds/meetings.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == "CWG-COP-24@cophub"
    assert event.decoded("dtstart") == meeting.starts_on
    assert event.decoded("dtend") == meeting.ends_on + datetime.timedelta(days=1)
    assert str(event["location"]) == "Geneva"


def test_subscription_form(client):
    response = client.post("/en/documents/subscribe/", {"email": "not-an-address"})
    assert "Enter a valid email address." in response.content.decode()
    client.post(
        "/en/documents/subscribe/", {"email": "reader@example.org", "document_type": "report"}
    )
    from cophub.workgroup.models import Subscription

    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.document_type) == ("reader@example.org", "report")
    client.post(f"/en/documents/unsubscribe/{subscription.token}/")
    assert not Subscription.objects.exists()


def test_liaison_list_links_the_reply(client):
    meeting = MeetingFactory(number=24)
    secretariat = SecretariatFactory()
    incoming = services.register_document(
        document=submit(
            secretariat,
            meeting,
            document_type="liaison",
            liaison_direction="in",
            reply_deadline=datetime.date(2026, 12, 1),
            title="LS on age assurance",
        ),
        registered_by=secretariat,
    )
    services.register_document(
        document=submit(
            secretariat,
            meeting,
            document_type="liaison",
            liaison_direction="out",
            reply_to=incoming,
            title="Reply",
        ),
        registered_by=secretariat,
    )
    html = client.get("/en/liaisons/").content.decode()
    assert 'href="/en/documents/CWG-COP-24-2/"' in html
    assert "Dec 1, 2026" in html
    assert (
        'href="/en/documents/CWG-COP-24-2/"'
        in client.get("/en/documents/CWG-COP-24-1/").content.decode()
    )


@pytest.fixture
def other_module_section():
    section = reporting.ReportSection(
        key="test-consultations",
        title="Youth consultations held",
        order=50,
        blocks=lambda start, end: [
            reporting.ReportParagraph("Three consultations were held."),
            reporting.ReportTable(
                "Participation", ["Consultation", "Participants"], [["Games", 1234]]
            ),
        ],
    )
    reporting.register_section(section)
    yield section
    reporting.unregister_section(section.key)


def test_annual_report_in_html_pdf_and_docx(client, registered, other_module_section):
    import docx

    year = registered.registered_at.year
    html = client.get(f"/en/reports/annual/{year}/").content.decode()
    assert "Youth consultations held" in html and "1,234" in html
    assert "Kenya" in html  # contributions by source
    assert "R1306" in html  # the mandate paragraph by paragraph
    pdf = client.get(f"/en/reports/annual/{year}.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    response = client.get(f"/ar/reports/annual/{year}.docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "Three consultations were held." in text
    assert "الاجتماعات" in text or "Meetings" not in text


def test_final_report_is_registered_as_a_document(
    client, registered, django_capture_on_commit_callbacks
):
    """The request only queues the work (run here once it has committed, as a worker would)
    and answers with the page that follows it; the report is registered with its Council
    number."""
    from cophub.workgroup import report_editions
    from cophub.workgroup.models import ReportGeneration

    secretariat = SecretariatFactory()
    client.force_login(secretariat)
    response = client.post("/en/reports/final/register/")
    assert response["Location"] == "/en/reports/"  # refused: no Council number yet
    assert not ReportGeneration.objects.exists()
    report_editions.save_report_texts(
        kind="final", year=None, language="en", texts={}, council_number="C26/45", by=secretariat
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/reports/final/register/")
    generation = ReportGeneration.objects.get()
    assert response["Location"] == f"/en/reports/generations/{generation.pk}/"
    document = Document.objects.get(document_type="final_report")
    assert sorted(document.files.values_list("language", flat=True)) == [
        "ar",
        "en",
        "es",
        "fr",
        "ru",
        "zh",
    ]
    assert document.number == "CWG-COP-24/2" and document.abstract == "Council document C26/45"
    page = client.get(response["Location"]).content.decode()
    assert f'href="/en/documents/{document.slug}/"' in page


def test_report_register_needs_the_secretariat(client, registered):
    client.force_login(DelegateFactory())
    assert client.post(f"/en/reports/annual/{timezone.now().year}/register/").status_code == 403
    assert not Document.objects.filter(document_type="annual_report").exists()


def test_mandate_paragraph_page_lists_the_documents_serving_it(client):
    from cophub.core.models import MandateParagraph

    paragraph = MandateParagraph.objects.get(code="R1306/RES/1")
    document = submit(DelegateFactory(), MeetingFactory(number=24), mandate=[paragraph])
    services.register_document(document=document, registered_by=SecretariatFactory())
    html = client.get(f"/en/mandate/{paragraph.slug}/").content.decode()
    assert 'href="/en/documents/CWG-COP-24-1/"' in html


def test_profile_section_shows_the_countrys_contributions(registered):
    from django.template.loader import render_to_string

    from cophub.core import profiles

    [section] = [s for s in profiles.sections() if s.key == "workgroup"]
    kenya = Country.objects.get(iso2="KE")
    data = section.data(kenya)
    assert data == [registered]
    html = render_to_string(section.template, {"country": kenya, "data": data, "section": section})
    assert "CWG-COP-24/1" in html
    assert not section.data(Country.objects.get(iso2="FR"))


def test_unknown_meeting_code_is_not_found(client):
    assert client.get("/en/meetings/not-a-meeting/").status_code == 404
    assert client.get("/api/v1/meetings/CWG-COP-x").status_code == 404


def test_admin_never_deletes_a_document(client, registered):
    client.force_login(SecretariatFactory())
    assert client.get("/en/admin/workgroup/document/").status_code == 200
    response = client.get(f"/en/admin/workgroup/document/{registered.pk}/delete/")
    assert response.status_code == 403
    assert Document.objects.filter(pk=registered.pk).exists()


@pytest.mark.parametrize("count", [5, 60])
def test_meeting_page_query_count_does_not_grow_with_its_documents(
    client, django_assert_num_queries, count
):
    meeting = MeetingFactory(number=24)
    AgendaItemFactory(meeting=meeting)
    registered_documents(meeting, count)
    client.get("/en/meetings/CWG-COP-24/")
    # meeting with its agenda, documents, their countries, organisations and files, the youth
    # consultation and the count of participants; its report and the decisions and actions
    # standing on it; the mandate paragraphs its documents serve
    with django_assert_num_queries(11):
        html = client.get("/en/meetings/CWG-COP-24/").content.decode()
    assert html.count('class="document"') == count


def test_refused_registry_filters_answer_422_even_when_the_page_is_kept(client, registered):
    for _visit in range(2):  # the second answer comes from the kept part of the page
        response = client.get("/fr/documents/?year=abc&document_type=nonsense")
        assert response.status_code == 422
        html = response.content.decode()
        assert "Saisissez un nombre entier." in html
        assert "CWG-COP-24/1" in html  # the unfiltered list, with the errors
    assert client.get("/fr/documents/?year=2020").status_code == 200


def test_files_and_places_are_named_in_the_page_language(client, registered):
    slug = registered.slug
    assert "الإنجليزية (<bdi>DOCX</bdi>" in client.get(f"/ar/documents/{slug}/").content.decode()
    assert "英语 (<bdi>DOCX</bdi>" in client.get(f"/zh/documents/{slug}/").content.decode()
    meeting = registered.meeting
    meeting.place_en, meeting.place_zh, meeting.time_zone = "Geneva", "日内瓦", "Europe/Zurich"
    meeting.save()
    page = client.get(f"/zh/meetings/{meeting.group.code}-{meeting.number}/").content.decode()
    assert "日内瓦" in page and "Geneva" not in page
    assert "(苏黎世)" in page and "Europe/Zurich" not in page


def test_the_reports_list_offers_no_year_to_come(client):
    this_year = timezone.localdate().year
    MeetingFactory(starts_on=datetime.date(this_year + 1, 2, 9))
    MeetingFactory(starts_on=datetime.date(this_year, 1, 20))
    html = client.get("/en/reports/").content.decode()
    assert f"/en/reports/annual/{this_year}/" in html
    assert f"/reports/annual/{this_year + 1}/" not in html


def test_the_meeting_names_the_paragraphs_its_public_documents_serve(client):
    from cophub.core.models import MandateParagraph

    meeting = MeetingFactory(number=24)
    (registered,) = registered_documents(meeting, 1)
    registered.mandate.set(MandateParagraph.objects.filter(code__in=["R179/MS/11", "R179/SG/1"]))
    draft = submit(DelegateFactory(), meeting)
    draft.mandate.set(MandateParagraph.objects.filter(code="R1306/RES/6"))
    (withdrawn,) = registered_documents(meeting, 1, start=2)
    Document.objects.filter(pk=withdrawn.pk).update(status=Document.Status.WITHDRAWN)
    withdrawn.mandate.set(MandateParagraph.objects.filter(code="R1306/RES/5"))
    html = client.get("/fr/meetings/CWG-COP-24/").content.decode()
    assert "Paragraphes du mandat" in html
    for code in ("R179-MS-11", "R179-SG-1"):
        assert f'href="/fr/mandate/{code}/"' in html
    assert "/fr/mandate/R1306-RES-6/" not in html and "/fr/mandate/R1306-RES-5/" not in html
    answer = client.get("/api/v1/meetings/CWG-COP-24").json()
    assert answer["mandate"] == ["R179/SG/1", "R179/MS/11"]
