"""Document files are served as the kind their content is, under a safe name, never as a page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core.tests.test_files import make_pdf
from cophub.workgroup import services
from cophub.workgroup.models import DocumentFile

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _registered(upload):
    document = services.submit_document(
        submitted_by=DelegateFactory(),
        meeting=MeetingFactory(number=24),
        document_type="contribution",
        title="Protecting children in online games",
        original_language="en",
        files={"en": upload},
    )
    return services.register_document(document=document, registered_by=SecretariatFactory())


def test_a_pdf_that_is_also_a_web_page_is_served_as_a_pdf(client):
    polyglot = b"<html><script>alert(document.cookie)</script></html>" + make_pdf("Games")
    name = "..\\..\\" + "x" * 300 + "\u202elmth.html"
    document = _registered(SimpleUploadedFile(name, polyglot, content_type="text/html"))
    stored = DocumentFile.objects.get(document=document)
    assert stored.kind == "pdf"
    assert stored.filename == "x" * 120 + ".pdf"
    response = client.get(f"/en/documents/{document.slug}/files/en/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{"x" * 120}.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_office_file_is_a_download_under_its_kind(client):
    from .factories import docx_upload

    document = _registered(docx_upload("Games", name="minutes.html"))
    response = client.get(f"/en/documents/{document.slug}/files/en/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == 'attachment; filename="minutes.html.docx"'
