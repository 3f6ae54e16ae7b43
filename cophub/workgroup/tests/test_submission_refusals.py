"""The probe's bad inputs to the contribution form (issue 21, item 6): each is refused with 422
and the form again, in the page's language, and nothing is stored, nor anything already stored
lost."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test.client import BOUNDARY, encode_multipart
from django.utils import translation

from cophub.accounts.tests.factories import DelegateFactory
from cophub.workgroup.models import Document, DocumentFile

from .factories import MeetingFactory, docx_bytes, submitted_contribution

pytestmark = pytest.mark.django_db

URL = "/fr/documents/submit/"


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * 50_000_000)
    return buffer.getvalue()


def form(meeting, **changes) -> dict:
    data = {
        "meeting": str(meeting.pk),
        "document_type": "contribution",
        "title": "Age checks on platforms",
        "original_language": "en",
        "file": SimpleUploadedFile("contribution.docx", docx_bytes("Age checks.")),
    }
    return data | changes


def stored_files() -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.fixture
def delegate(client):
    delegate = DelegateFactory()
    client.force_login(delegate)
    return delegate


@pytest.fixture
def already_stored(delegate):
    return submitted_contribution(delegate, MeetingFactory())


def assert_refused(response, message: str, before: dict):
    assert response.status_code == 422
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert 'id="error-summary"' in html
    assert message in html
    assert sorted(Document.objects.values_list("pk", flat=True)) == before["documents"]
    assert DocumentFile.objects.count() == before["files"]
    assert stored_files() == before["stored"]


def _before(already_stored) -> dict:
    return {
        "documents": [already_stored.pk],
        "files": 1,
        "stored": stored_files(),
    }


def limit_message(limit: int, length: int) -> str:
    return translation.ngettext(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        limit,
    ) % {"limit_value": limit, "show_value": length}


MESSAGES = {
    "1-MB title": lambda: limit_message(400, 1_000_000),
    "NUL byte": lambda: translation.gettext("Null characters are not allowed."),
    "zip bomb": lambda: translation.gettext(
        "The file could not be read: it expands to far more than its size."
    ),
    "60-MB file": lambda: (
        translation.gettext("The file is %(size)s; the limit is %(limit)s.")
        % {"size": filesizeformat(60_000_009), "limit": filesizeformat(20 * 1024 * 1024)}
    ),
}


@pytest.mark.parametrize(
    "case, changes",
    [
        ("1-MB title", {"title": "A" * 1_000_000}),
        ("NUL byte", {"title": "Age checks\x00 on platforms"}),
        ("zip bomb", {"file": SimpleUploadedFile("contribution.docx", zip_bomb())}),
        (
            "60-MB file",
            {"file": SimpleUploadedFile("contribution.pdf", b"%PDF-1.4\n" + b"0" * 60_000_000)},
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_a_bad_input_is_refused_with_422_and_nothing_is_stored(
    client, already_stored, case, changes
):
    meeting = MeetingFactory()
    before = _before(already_stored)
    response = client.post(URL, form(meeting, **changes))
    with translation.override("fr"):
        message = MESSAGES[case]()
    assert_refused(response, message.replace("'", "&#x27;"), before)


def test_a_body_that_is_not_utf8_is_refused_with_422_and_nothing_is_stored(client, already_stored):
    meeting = MeetingFactory()
    before = _before(already_stored)
    body = encode_multipart(BOUNDARY, form(meeting, title="@@TITLE@@"))
    body = body.replace(b"@@TITLE@@", b"Age checks \xff\xfe\xc3 on platforms")
    response = client.post(URL, body, content_type=f"multipart/form-data; boundary={BOUNDARY}")
    with translation.override("fr"):
        message = translation.gettext(
            "This text holds characters that could not be read (it was not sent as UTF-8). "
            "Type or paste it again."
        )
    assert_refused(response, message.replace("'", "&#x27;"), before)

    # the same bytes as a plain form body (no file can come that way)
    response = client.post(
        URL,
        b"title=Age+checks+%FF%FE&document_type=contribution\xff\xfe",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 422
    assert Document.objects.count() == 1


def test_the_same_form_with_good_input_is_stored(client, already_stored):
    response = client.post(URL, form(MeetingFactory()))
    assert response.status_code == 302
    assert Document.objects.count() == 2
