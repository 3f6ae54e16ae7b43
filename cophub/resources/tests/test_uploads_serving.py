"""Uploaded resource files: stored under MEDIA_ROOT, which no address serves, and served by a
view that checks who may read the resource, as the kind their content is, with a safe name."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve
from django.utils import timezone

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core import files
from cophub.core.tests.test_files import make_pdf
from cophub.resources.models import Resource

from .factories import docx_upload, make_resource

pytestmark = pytest.mark.django_db

SUBMISSION = {
    "title": "Peer mentors",
    "summary": "Pupils help pupils.",
    "original_language": "en",
    "topics": ["cyberbullying"],
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _with_file(upload) -> Resource:
    return make_resource(links={}, files={"en": upload})


def test_a_published_file_is_served_by_its_view_as_a_download(client):
    resource = _with_file(docx_upload("Peer mentoring", name="../../evil\u202excod.docx"))
    version = resource.versions.get()
    assert version.file.name.startswith("resources/")
    assert ".." not in version.file.name and "\u202e" not in version.file.name
    assert version.url == f"/en/resources/{resource.slug}/files/en"
    response = client.get(version.url)
    assert response.status_code == 200
    assert response["Content-Type"] == files.CONTENT_TYPES["docx"]
    assert response["Content-Disposition"] == (f'attachment; filename="{resource.slug}-en.docx"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"PK")
    assert f'href="{version.url}"' in client.get(f"/en/resources/{resource.slug}/").content.decode()


def test_media_root_is_served_by_no_address(client, settings):
    version = _with_file(docx_upload("Peer mentoring")).versions.get()
    assert (settings.MEDIA_ROOT / version.file.name).exists()
    for path in (f"/media/{version.file.name}", f"/en/media/{version.file.name}"):
        assert client.get(path).status_code == 404
        with pytest.raises(Resolver404):
            resolve(path)


def test_a_submission_file_is_served_to_its_submitter_and_the_secretariat_only(client):
    delegate = DelegateFactory()
    client.force_login(delegate)
    pdf = make_pdf("Peer mentoring")
    response = client.post(
        "/en/resources/submit/",
        SUBMISSION | {"file": SimpleUploadedFile("mentors.pdf", pdf, content_type="text/html")},
    )
    assert response.status_code == 302
    resource = Resource.objects.get()
    url = resource.versions.get().url
    own = client.get(url)
    assert own.status_code == 200
    # The type is the one found in the bytes, not the one the browser claimed.
    assert own["Content-Type"] == "application/pdf"
    assert own["Content-Disposition"] == f'inline; filename="{resource.slug}-en.pdf"'
    client.force_login(DelegateFactory(email="other@example.org"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404
    client.force_login(SecretariatFactory())
    assert client.get(url).status_code == 200


def test_a_language_without_a_file_is_not_found(client):
    resource = make_resource()
    assert client.get(f"/en/resources/{resource.slug}/files/en").status_code == 404
    assert client.get(f"/en/resources/{resource.slug}/files/../../etc").status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("page.pdf", b"<html><script>alert(1)</script></html>", "Este archivo no es un documento"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "Este archivo no es un"),
        ("mentors.docx", make_pdf("x"), "El archivo no es lo que dice su nombre"),
    ],
)
def test_a_disguised_file_is_refused_in_the_page_language_and_nothing_stored(
    client, settings, name, data, message
):
    client.force_login(DelegateFactory())
    response = client.post(
        "/es/resources/submit/", SUBMISSION | {"file": SimpleUploadedFile(name, data)}
    )
    assert response.status_code == 422
    assert message in " ".join(response.context["form"].errors["file"])
    assert not Resource.objects.exists()
    assert not list(settings.MEDIA_ROOT.glob("**/*.*"))


def test_a_file_over_the_limit_is_refused_with_its_size_and_not_kept_whole(
    client, monkeypatch, settings
):
    """The upload handler counts a file to its end but writes no more than the largest limit
    to disk; the form then says how large the file was."""
    from cophub.resources import services

    monkeypatch.setattr(services, "MAX_UPLOAD_BYTES", 1_000)
    monkeypatch.setattr(files, "MAX_STORED_UPLOAD_BYTES", 2_000)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 100
    written = []
    original = files.BoundedUploadHandler.file_complete

    def complete(handler, size):
        written.append((handler.written, size))
        return original(handler, size)

    monkeypatch.setattr(files.BoundedUploadHandler, "file_complete", complete)
    client.force_login(DelegateFactory())
    big = make_pdf("x" * 20_000)
    assert len(big) > 2_000
    response = client.post(
        "/fr/resources/submit/", SUBMISSION | {"file": SimpleUploadedFile("big.pdf", big)}
    )
    assert written == [(2_000, len(big))]
    errors = " ".join(response.context["form"].errors["file"])
    assert "la limite est de 1000" in errors.replace("\xa0", " ")
    assert not Resource.objects.exists()


def test_too_many_files_in_one_request_is_a_bad_request(client, settings):
    client.force_login(DelegateFactory())
    extra = {f"file{n}": SimpleUploadedFile(f"{n}.pdf", b"%PDF-") for n in range(11)}
    response = client.post("/en/resources/submit/", SUBMISSION | extra)
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES == 10
    assert response.status_code == 400
    assert not Resource.objects.exists()


def test_upload_settings_are_set_deliberately(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 1_000
    assert settings.FILE_UPLOAD_HANDLERS[-1] == "cophub.core.files.BoundedUploadHandler"
    assert settings.MEDIA_ROOT != settings.STATIC_ROOT
    # WhiteNoise serves from the site's root only the files the code ships (the icon), never
    # what was uploaded.
    root = settings.WHITENOISE_ROOT
    assert root.name == "root" and root.parent.name == "core"
    assert not str(settings.MEDIA_ROOT).startswith(str(root))


def test_a_submitter_sends_at_most_ten_practices_a_day(client):
    from cophub.resources import services

    delegate = DelegateFactory()
    for number in range(services.MAX_SUBMISSIONS_PER_DAY):
        services.submit_best_practice(
            user=delegate,
            titles={"en": f"Practice {number}"},
            original_language="en",
            links={"en": "https://example.org/p"},
            topics=["cyberbullying"],
        )
    client.force_login(delegate)
    response = client.post(
        "/ar/resources/submit/", SUBMISSION | {"link": "https://example.org/mentors"}
    )
    assert response.status_code == 422
    assert "لقد أرسلت العدد الأقصى" in " ".join(response.context["form"].non_field_errors())
    assert Resource.objects.count() == services.MAX_SUBMISSIONS_PER_DAY
    # A day later the count starts again; another person was never counted.
    Resource.objects.update(submitted_at=timezone.now() - datetime.timedelta(days=1, seconds=1))
    client.post("/en/resources/submit/", SUBMISSION | {"link": "https://example.org/mentors"})
    assert Resource.objects.count() == services.MAX_SUBMISSIONS_PER_DAY + 1
