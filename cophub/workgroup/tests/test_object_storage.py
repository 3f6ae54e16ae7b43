"""Uploaded documents on S3-compatible object storage (django-storages), against a real S3 API
server in this process (moto's): a file submitted through the site comes back through the site
byte for byte, and is in the private bucket, not on the local disk."""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.testing import free_port
from cophub.workgroup.models import Document

from .factories import MeetingFactory, Upload, docx_bytes

pytestmark = pytest.mark.django_db

BUCKET = "cophub-test-files"


@pytest.fixture
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def object_storage(settings, s3_endpoint, tmp_path):
    """The settings that S3_BUCKET, S3_ENDPOINT_URL, ... make, on the test server's bucket."""
    import boto3

    options = {
        "bucket_name": BUCKET,
        "endpoint_url": s3_endpoint,
        "region_name": "us-east-1",
        "access_key": "cophub-test",
        "secret_key": "cophub-test-secret",
        "addressing_style": "path",
        "signature_version": "s3v4",
        "default_acl": "private",
        "custom_domain": None,
        "querystring_auth": True,
        "querystring_expire": 300,
        "file_overwrite": False,
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="cophub-test",
        aws_secret_access_key="cophub-test-secret",
    )
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    return client


def test_a_document_goes_to_the_bucket_and_comes_back_through_the_site(
    client, object_storage, settings
):
    content = docx_bytes("Age-appropriate design for games.", "Parents get a dashboard.")
    upload = Upload(content, name="games.docx")
    meeting = MeetingFactory(number=24)
    client.force_login(DelegateFactory())
    response = client.post(
        "/en/documents/submit/",
        {
            "meeting": meeting.pk,
            "document_type": "contribution",
            "title": "Games",
            "original_language": "en",
            "file": upload,
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    document = Document.objects.get()
    stored = document.files.get()

    # In the bucket, privately, under the name the model gave it; nothing in the media folder.
    listed = object_storage.list_objects_v2(Bucket=BUCKET)["Contents"]
    assert [item["Key"] for item in listed] == [stored.file.name]
    assert stored.file.name.startswith(f"workgroup/{meeting.code}/")
    assert object_storage.get_object(Bucket=BUCKET, Key=stored.file.name)["Body"].read() == content
    acl = object_storage.get_object_acl(Bucket=BUCKET, Key=stored.file.name)
    assert not [g for g in acl["Grants"] if g["Grantee"].get("URI", "").endswith("AllUsers")]
    assert not list(Path(settings.MEDIA_ROOT).glob("**/*.docx"))
    # A direct link, where a page gives one, is signed and short-lived.
    url = urlsplit(stored.file.url)
    assert url.path == f"/{BUCKET}/{stored.file.name}"
    assert parse_qs(url.query)["X-Amz-Expires"] == ["300"]

    client.force_login(SecretariatFactory())
    client.post(f"/en/documents/submissions/{document.pk}/", {"action": "register"})
    document.refresh_from_db()
    client.logout()
    downloaded = client.get(f"/en/documents/{document.slug}/files/en/")
    assert downloaded.status_code == 200
    assert b"".join(downloaded.streaming_content) == content
    assert 'filename="CWG-COP-' in downloaded["Content-Disposition"]
