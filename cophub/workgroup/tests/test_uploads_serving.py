"""Document files are served as the kind their content is, under a safe name, never as a page."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core.errors import DomainError
from cophub.core.tests.test_files import PDF_WITH_JAVASCRIPT, make_pdf
from cophub.workgroup import services
from cophub.workgroup.models import Document, DocumentFile, Meeting

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _registered(upload):
    document = services.submit_document(
        submitted_by=DelegateFactory(),
        meeting=Meeting.objects.filter(number=24).first() or MeetingFactory(number=24),
        document_type="contribution",
        title="Protecting children in online games",
        original_language="en",
        files={"en": upload},
    )
    return services.register_document(document=document, registered_by=SecretariatFactory())


def test_a_pdf_is_served_inline_under_a_safe_name(client):
    name = "..\\..\\" + "x" * 300 + "\u202elmth.html"
    document = _registered(SimpleUploadedFile(name, make_pdf("Games"), content_type="text/html"))
    stored = DocumentFile.objects.get(document=document)
    assert stored.kind == "pdf"
    assert stored.filename == "x" * 120 + ".pdf"
    response = client.get(f"/en/documents/{document.slug}/files/en/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    # Served under the document's symbol, whatever the submitter named the file.
    assert re.fullmatch(
        r'inline; filename="CWG-COP-\d+-\d+-E\.pdf"', response["Content-Disposition"]
    )
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("data", "refusal"),
    [
        (PDF_WITH_JAVASCRIPT, "This PDF contains scripts \\(JavaScript\\)"),
        (b"<html><script>alert(document.cookie)</script></html>" + make_pdf("Games"), "not a plain PDF"),
    ],
)  # fmt: skip
def test_a_pdf_with_javascript_or_a_web_page_in_it_is_refused_and_never_served_inline(
    client, data, refusal
):
    """The probe's files: refused at submission; one stored before the check is a download."""
    with pytest.raises(DomainError, match=refusal):
        _registered(SimpleUploadedFile("games.pdf", data))
    assert not Document.objects.exists()
    document = _registered(SimpleUploadedFile("games.pdf", make_pdf("Games")))
    stored = DocumentFile.objects.get(document=document)
    stored.file.save("games.pdf", ContentFile(data))
    response = client.get(f"/en/documents/{document.slug}/files/en/")
    assert re.fullmatch(
        r'attachment; filename="CWG-COP-\d+-\d+-E\.pdf"', response["Content-Disposition"]
    )
    assert b"".join(response.streaming_content) == data


def test_an_office_file_is_a_download_under_its_kind(client):
    from .factories import docx_upload

    document = _registered(docx_upload("Games", name="minutes.html"))
    response = client.get(f"/en/documents/{document.slug}/files/en/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert re.fullmatch(
        r'attachment; filename="CWG-COP-\d+-\d+-E\.docx"', response["Content-Disposition"]
    )
