import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory, UserFactory
from cophub.core import text
from cophub.core.errors import DomainError
from cophub.core.models import Country, MandateParagraph
from cophub.workgroup import selectors, services
from cophub.workgroup.models import Document, DocumentCounter, DocumentFile, MeetingRegistration

from .factories import AgendaItemFactory, MeetingFactory, Upload, docx_bytes, docx_upload
from .factories import submitted_contribution as submit

pytestmark = pytest.mark.django_db


def test_submission_waits_for_the_secretariat_and_carries_the_delegates_country():
    delegate = DelegateFactory()
    document = submit(delegate, MeetingFactory())
    assert document.status == Document.Status.SUBMITTED
    assert document.number == ""
    assert list(document.countries.values_list("iso2", flat=True)) == ["KE"]
    file = document.files.get()
    assert (file.language, file.kind) == ("en", "docx")
    assert "Age-appropriate design" in file.text
    assert not document.late
    assert not selectors.registry().exists()


def test_co_sources_are_kept_as_requests_until_they_confirm():
    document = submit(
        DelegateFactory(), MeetingFactory(), countries=[Country.objects.get(iso2="FR")]
    )
    assert set(document.countries.values_list("iso2", flat=True)) == {"KE"}
    assert [(c.country_id, c.status) for c in document.co_sources.all()] == [("FR", "pending")]


def test_late_submission_is_accepted_and_flagged():
    meeting = MeetingFactory(
        starts_on=timezone.localdate() + datetime.timedelta(days=3),
        contribution_deadline=timezone.localdate() - datetime.timedelta(days=9),
    )
    assert submit(DelegateFactory(), meeting).late


def test_default_deadline_follows_the_setting(settings):
    settings.CONTRIBUTION_DEADLINE_DAYS = 12
    assert services.default_contribution_deadline(datetime.date(2026, 3, 20)) == datetime.date(
        2026, 3, 8
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": "   "}, "Give the document a title."),
        (
            {"files": {"en": Upload(b"%!PS-Adobe fake pdf", "report.pdf")}},
            "not a document we accept",
        ),
        ({"files": {}}, "Attach the document's file."),
        ({"document_type": "annual_report"}, "written by the secretariat"),
    ],
)
def test_bad_submissions_are_refused_and_leave_nothing(kwargs, message):
    with pytest.raises(DomainError) as error:
        submit(DelegateFactory(), MeetingFactory(), **kwargs)
    assert message in str(error.value)
    assert not Document.objects.exists()
    assert not DocumentFile.objects.exists()


def test_fake_pdf_with_the_right_name_is_refused():
    fake = Upload(b"MZ\x90\x00 an executable named like a PDF", "contribution.pdf")
    with pytest.raises(DomainError, match="not a document we accept"):
        submit(DelegateFactory(), MeetingFactory(), files={"en": fake})


def test_oversized_file_is_refused(monkeypatch):
    monkeypatch.setattr(services, "MAX_UPLOAD_BYTES", 1000)
    with pytest.raises(DomainError) as error:
        submit(
            DelegateFactory(),
            MeetingFactory(),
            files={"en": Upload(b"%PDF-1.7" + b"x" * 2000, "a.pdf")},
        )
    assert "the limit is" in str(error.value)
    assert not Document.objects.exists()


def test_submission_after_the_meeting_is_refused():
    meeting = MeetingFactory(
        starts_on=timezone.localdate() - datetime.timedelta(days=10),
        ends_on=timezone.localdate() - datetime.timedelta(days=8),
        contribution_deadline=timezone.localdate() - datetime.timedelta(days=22),
    )
    with pytest.raises(DomainError, match="is over") as error:
        submit(DelegateFactory(), meeting)
    assert error.value.field == "meeting"
    assert not Document.objects.exists()


def test_agenda_item_of_another_meeting_is_refused():
    other_item = AgendaItemFactory()
    with pytest.raises(DomainError, match="not on the agenda") as error:
        submit(DelegateFactory(), MeetingFactory(), agenda_item=other_item)
    assert error.value.field == "agenda_item"
    assert not Document.objects.exists()


def test_registration_numbers_in_series_and_publishes():
    meeting = MeetingFactory(number=24)
    secretariat = SecretariatFactory()
    first = services.register_document(
        document=submit(DelegateFactory(), meeting), registered_by=secretariat
    )
    second = services.register_document(
        document=submit(DelegateFactory(), meeting), registered_by=secretariat
    )
    assert (first.number, second.number) == ("CWG-COP-24/1", "CWG-COP-24/2")
    assert second.slug == "CWG-COP-24-2"
    assert list(selectors.registry()) == [second, first]
    assert DocumentCounter.objects.get(meeting=meeting).last_serial == 2


def test_returned_submission_takes_no_number():
    meeting = MeetingFactory(number=24)
    secretariat = SecretariatFactory()
    returned = submit(DelegateFactory(), meeting)
    services.return_document(document=returned, returned_by=secretariat, reason="Wrong meeting")
    registered = services.register_document(
        document=submit(DelegateFactory(), meeting), registered_by=secretariat
    )
    assert registered.number == "CWG-COP-24/1"
    returned.refresh_from_db()
    assert (returned.status, returned.return_reason, returned.number) == (
        "returned",
        "Wrong meeting",
        "",
    )
    with pytest.raises(DomainError, match="Say why"):
        services.return_document(
            document=submit(DelegateFactory(), meeting), returned_by=secretariat, reason=" "
        )


def test_a_number_already_taken_is_refused_and_nothing_changes():
    meeting = MeetingFactory(number=24)
    secretariat = SecretariatFactory()
    services.register_document(
        document=submit(DelegateFactory(), meeting), registered_by=secretariat
    )
    waiting = submit(DelegateFactory(), meeting)
    with pytest.raises(DomainError, match="CWG-COP-24/1 is already taken"):
        services.register_document(document=waiting, registered_by=secretariat, serial=1)
    with pytest.raises(DomainError, match="next free number is 2"):
        services.register_document(document=waiting, registered_by=secretariat, serial=5)
    waiting.refresh_from_db()
    assert (waiting.status, waiting.number) == ("submitted", "")
    assert DocumentCounter.objects.get(meeting=meeting).last_serial == 1
    assert (
        services.register_document(document=waiting, registered_by=secretariat, serial=2).number
        == "CWG-COP-24/2"
    )


def test_only_the_secretariat_registers():
    document = submit(DelegateFactory(), MeetingFactory())
    with pytest.raises(DomainError, match="Only the secretariat"):
        services.register_document(document=document, registered_by=DelegateFactory())
    document.refresh_from_db()
    assert document.status == "submitted"


def test_revisions_addenda_and_corrigenda_are_numbered_after_the_original():
    meeting = MeetingFactory(number=24)
    secretariat = SecretariatFactory()
    delegate = DelegateFactory()
    original = services.register_document(
        document=submit(delegate, meeting), registered_by=secretariat
    )
    numbers = []
    for version in ("revision", "revision", "addendum", "corrigendum"):
        document = submit(delegate, meeting, base=original, version=version)
        numbers.append(
            services.register_document(document=document, registered_by=secretariat).number
        )
    assert numbers == [
        "CWG-COP-24/1(Rev.1)",
        "CWG-COP-24/1(Rev.2)",
        "CWG-COP-24/1(Add.1)",
        "CWG-COP-24/1(Corr.1)",
    ]
    assert Document.objects.get(number="CWG-COP-24/1(Rev.2)").slug == "CWG-COP-24-1-Rev.2"
    # The series of originals goes on without a gap.
    assert (
        services.register_document(
            document=submit(delegate, meeting), registered_by=secretariat
        ).number
        == "CWG-COP-24/2"
    )


def test_a_delegate_cannot_revise_or_edit_another_delegates_contribution():
    meeting = MeetingFactory()
    secretariat = SecretariatFactory()
    author = DelegateFactory()
    stranger = DelegateFactory(country=Country.objects.get(iso2="BR"))
    waiting = submit(author, meeting)
    with pytest.raises(DomainError, match="only change documents you submitted"):
        services.add_translation(document=waiting, user=stranger, language="fr", file=docx_upload())
    waiting.refresh_from_db()
    assert waiting.title == "Protecting children in online games"
    assert waiting.files.count() == 1
    registered = services.register_document(document=waiting, registered_by=secretariat)
    with pytest.raises(DomainError, match="Only the sources"):
        submit(stranger, meeting, base=registered, version="revision")
    assert Document.objects.count() == 1


def test_translation_adds_a_file_and_a_title_in_that_language():
    delegate = DelegateFactory()
    document = submit(delegate, MeetingFactory())
    services.add_translation(
        document=document,
        user=delegate,
        language="fr",
        file=docx_upload("Protéger les enfants."),
        title="Protéger les enfants dans les jeux en ligne",
    )
    document.refresh_from_db()
    assert document.title_fr == "Protéger les enfants dans les jeux en ligne"
    assert sorted(document.files.values_list("language", flat=True)) == ["en", "fr"]


def test_withdrawal_keeps_the_document_listed_with_its_reason():
    secretariat = SecretariatFactory()
    document = services.register_document(
        document=submit(DelegateFactory(), MeetingFactory()), registered_by=secretariat
    )
    with pytest.raises(DomainError, match="Say why"):
        services.withdraw_document(document=document, withdrawn_by=secretariat, reason="")
    services.withdraw_document(document=document, withdrawn_by=secretariat, reason="Merged into /2")
    document.refresh_from_db()
    assert (document.status, document.withdrawal_reason) == ("withdrawn", "Merged into /2")
    assert list(selectors.registry()) == [document]
    with pytest.raises(DomainError, match="Only a registered document"):
        services.withdraw_document(document=document, withdrawn_by=secretariat, reason="again")


def test_register_generated_document_numbers_a_secretariat_document():
    meeting = MeetingFactory(number=25)
    secretariat = SecretariatFactory()
    document = services.register_generated_document(
        meeting=meeting,
        document_type="information",
        title="Summary of the youth consultation",
        files={
            "en": ("summary.docx", docx_bytes("What young people said.")),
            "fr": ("resume.docx", docx_bytes("Ce que les jeunes ont dit.")),
        },
        registered_by=secretariat,
        mandate=[MandateParagraph.objects.first()],
    )
    assert document.number == "CWG-COP-25/1"
    assert document.secretariat_source
    assert sorted(document.files.values_list("language", flat=True)) == ["en", "fr"]
    assert document.mandate.count() == 1
    with pytest.raises(DomainError):
        services.register_generated_document(
            meeting=meeting,
            document_type="report",
            title="x",
            files={"en": ("x.pdf", b"not a pdf")},
            registered_by=secretariat,
        )
    assert Document.objects.count() == 1


def test_subscribers_get_an_email_in_their_language_on_registration(
    django_capture_on_commit_callbacks,
):
    meeting = MeetingFactory(number=24)
    reader = services.subscribe(email="Reader@Example.org", language="fr")
    other = services.subscribe(email="other@example.org", document_type="liaison")
    services.confirm_subscription(token=reader.token)
    services.confirm_subscription(token=other.token)
    document = submit(DelegateFactory(), meeting)
    with django_capture_on_commit_callbacks(execute=True):
        services.register_document(
            document=document, registered_by=SecretariatFactory(), base_url="https://cophub.example"
        )
    assert [message.to for message in mail.outbox] == [["reader@example.org"]]
    assert "CWG-COP-24/1" in mail.outbox[0].subject
    assert "https://cophub.example/fr/documents/CWG-COP-24-1/" in mail.outbox[0].body
    with pytest.raises(DomainError, match="valid e-mail"):
        services.subscribe(email="not an address")


def test_unsubscribe_by_token():
    subscription = services.subscribe(email="reader@example.org")
    assert services.unsubscribe(token=subscription.token)
    assert not services.unsubscribe(token=subscription.token)


def test_meeting_registration_with_optional_gender_is_counted_per_meeting():
    meeting = MeetingFactory()
    services.register_for_meeting(meeting=meeting, delegate=DelegateFactory(), gender="woman")
    services.register_for_meeting(meeting=meeting, delegate=DelegateFactory())
    delegate = DelegateFactory()
    services.register_for_meeting(meeting=meeting, delegate=delegate, gender="man")
    services.register_for_meeting(meeting=meeting, delegate=delegate, gender="woman")  # changed
    [row] = selectors.gender_balance(selectors.meetings())
    assert (row["total"], row["women"], row["men"], row["undisclosed"]) == (3, 2, 0, 1)
    assert row["meeting"] == meeting  # the meeting, not its id (the yearly report reads its code)
    with pytest.raises(DomainError, match="Choose one of the answers"):
        services.register_for_meeting(meeting=meeting, delegate=DelegateFactory(), gender="x")
    with pytest.raises(DomainError, match="Only delegates"):
        services.register_for_meeting(meeting=meeting, delegate=UserFactory())
    assert MeetingRegistration.objects.count() == 3


def test_liaison_statement_with_reply_deadline_and_reply():
    meeting = MeetingFactory(number=24)
    secretariat = SecretariatFactory()
    incoming = services.register_document(
        document=submit(
            secretariat,
            meeting,
            document_type="liaison",
            liaison_direction="in",
            reply_deadline=datetime.date(2026, 12, 1),
            title="LS from ITU-T SG17",
        ),
        registered_by=secretariat,
    )
    reply = services.register_document(
        document=submit(
            secretariat,
            meeting,
            document_type="liaison",
            liaison_direction="out",
            reply_to=incoming,
            title="Reply to SG17",
        ),
        registered_by=secretariat,
    )
    assert list(incoming.replies.all()) == [reply]
    with pytest.raises(DomainError, match="comes in or goes out"):
        submit(secretariat, meeting, document_type="liaison")


def test_meeting_selectors():
    meeting = MeetingFactory(number=24)
    past = MeetingFactory(
        number=20,
        starts_on=datetime.date(2024, 3, 1),
        ends_on=datetime.date(2024, 3, 2),
        contribution_deadline=datetime.date(2024, 2, 18),
    )
    assert selectors.meeting_by_code("CWG-COP-24") == meeting
    assert list(selectors.meetings(group_code="CWG-COP", upcoming=True)) == [meeting]
    assert list(selectors.meetings(upcoming=False)) == [past]


def test_contributions_for_country():
    secretariat = SecretariatFactory()
    document = services.register_document(
        document=submit(DelegateFactory(), MeetingFactory()), registered_by=secretariat
    )
    submit(DelegateFactory(), MeetingFactory())  # not registered: not public
    assert list(selectors.contributions_for_country("ke")) == [document]
    assert not selectors.contributions_for_country("FR").exists()


def test_search_finds_titles_and_file_text():
    secretariat = SecretariatFactory()
    meeting = MeetingFactory()
    services.register_document(
        document=submit(
            DelegateFactory(),
            meeting,
            files={"en": docx_upload("Helplines answer children at night.")},
        ),
        registered_by=secretariat,
    )
    services.register_document(
        document=submit(
            DelegateFactory(), meeting, title="حماية الأطفال على الإنترنت", original_language="ar"
        ),
        registered_by=secretariat,
    )
    assert selectors.registry(q="helplines").count() == 1
    assert selectors.registry(q="الأطفال").count() == 1
    assert selectors.registry(q="nothing-like-this").count() == 0


def test_full_text_search_stems_in_each_language():
    secretariat = SecretariatFactory()
    meeting = MeetingFactory()
    services.register_document(
        document=submit(
            DelegateFactory(),
            meeting,
            title="Protecting children who play games",
            files={"en": docx_upload("Helplines answered many calls.")},
        ),
        registered_by=secretariat,
    )
    services.register_document(
        document=submit(
            DelegateFactory(),
            meeting,
            title="La protection des enfants en ligne",
            original_language="fr",
            files={"fr": docx_upload("Les lignes d'assistance.")},
        ),
        registered_by=secretariat,
    )
    services.register_document(
        document=submit(
            DelegateFactory(),
            meeting,
            title="儿童在线保护的国家战略",
            original_language="zh",
            files={"zh": docx_upload("儿童在线保护")},
        ),
        registered_by=secretariat,
    )
    assert selectors.registry(q="protection game").count() == 1  # English stems: protecting, games
    assert selectors.registry(q="enfant").count() == 1  # French stem of "enfants"
    assert selectors.registry(q="helpline answer").count() == 1
    assert selectors.registry(q="国家战略").count() == 1  # Chinese, without word breaks


def test_search_analyses_text_as_the_repository_search_does():
    secretariat = SecretariatFactory()
    meeting = MeetingFactory()
    games = services.register_document(
        document=submit(
            DelegateFactory(), meeting, title="ألعاب الفيديو والأطفال", original_language="ar"
        ),
        registered_by=secretariat,
    )
    strategy = services.register_document(
        document=submit(
            DelegateFactory(),
            meeting,
            title="الاستراتيجية الوطنية لحماية الطفل",
            original_language="ar",
        ),
        registered_by=secretariat,
    )
    # "والأطفال" (and the children) and "لحماية" (for the protection) carry a joined preposition.
    assert list(selectors.registry(q="الأطفال")) == [games]
    assert list(selectors.registry(q="حماية الطفل")) == [strategy]
    assert list(selectors.registry(q="إستراتيجية")) == [strategy]  # hamza written or not
    assert selectors.registry(q="!!! ،،،").count() == 0  # no word: nothing, not everything
    # The indexed terms: the number's, and the Arabic word also without its preposition.
    games.refresh_from_db()
    terms = set(games.search_text.split())
    assert set(text.index_terms(games.number, "en").split()) | {"اطفال"} <= terms


def test_documents_indexed_by_postgresqls_own_stemming_are_indexed_again_by_the_migration():
    import importlib

    from django.apps import apps
    from django.contrib.postgres.search import SearchVector
    from django.db.models import Value

    document = services.register_document(
        document=submit(
            DelegateFactory(),
            MeetingFactory(),
            title="ألعاب الفيديو والأطفال",
            original_language="ar",
        ),
        registered_by=SecretariatFactory(),
    )
    Document.objects.filter(pk=document.pk).update(
        search_vector=SearchVector(Value(document.title_ar), config="arabic")
    )
    assert not selectors.registry(q="الأطفال").exists()
    importlib.import_module("cophub.workgroup.migrations.0006_reindex_search").reindex(apps, None)
    assert list(selectors.registry(q="الأطفال")) == [document]


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_take_distinct_numbers_without_gaps():
    meeting = MeetingFactory(number=24)
    secretariats = [SecretariatFactory() for _ in range(2)]
    documents = [submit(DelegateFactory(), meeting) for _ in range(8)]
    barrier = threading.Barrier(len(documents))
    errors = []

    def register(document, user):
        try:
            barrier.wait()
            services.register_document(document=document, registered_by=user)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=register, args=(document, secretariats[i % 2]))
        for i, document in enumerate(documents)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    serials = sorted(Document.objects.values_list("serial", flat=True))
    assert serials == list(range(1, 9))
    assert DocumentCounter.objects.get(meeting=meeting).last_serial == 8


def test_only_delegates_submit_documents():
    from django.utils import translation

    meeting = MeetingFactory()
    for user in (UserFactory(), DelegateFactory(is_active=False)):
        with translation.override("zh"), pytest.raises(DomainError) as refused:
            submit(user, meeting)
        assert refused.value.message == "只有代表可以提交文件。"
    assert not Document.objects.exists()
    assert not DocumentFile.objects.exists()
