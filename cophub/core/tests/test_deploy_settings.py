"""The deployment's environment variables (docs/deploy.md) become the settings they name."""

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import time

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "databases": {alias: {"NAME": db["NAME"], "HOST": db["HOST"], "TEST": db.get("TEST", {})}
                  for alias, db in settings.DATABASES.items()},
    "routers": settings.DATABASE_ROUTERS,
    "pin": settings.REPLICA_PIN_SECONDS,
    "broker": settings.CELERY_BROKER_URL,
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "queue": settings.CELERY_TASK_DEFAULT_QUEUE,
    "acks_late": settings.CELERY_TASK_ACKS_LATE,
    "storage": settings.STORAGES["default"],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
}))
"""


def _settings(tmp_path, **variables) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("S3_", "TASK_", "DATABASE_"))
    } | {"COPHUB_ENV_FILE": str(tmp_path / "none.env"), "COPHUB_DATA_DIR": str(tmp_path)}
    env |= {
        "DJANGO_ENV": "production",
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "cophub.example.org",
        "EMAIL_URL": "smtp+tls://mailer:secret@mail.example.org:587",
        "DATABASE_URL": "postgres://cophub:pw@db-primary.internal:5432/cophub",
        "DJANGO_SETTINGS_MODULE": "cophub.settings",
    } | variables
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_bare_deployment_has_one_database_inline_tasks_and_local_files(tmp_path):
    found = _settings(tmp_path)
    assert list(found["databases"]) == ["default"]
    assert found["routers"] == ["cophub.core.db_router.PrimaryReplicaRouter"]
    assert (found["broker"], found["eager"]) == ("", True)
    assert found["storage"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_the_deployment_at_scale_reads_each_variable(tmp_path):
    found = _settings(
        tmp_path,
        DATABASE_REPLICA_URL="postgres://cophub_ro:pw@db-replica.internal:5432/cophub",
        REPLICA_PIN_SECONDS="9",
        TASK_BROKER_URL="redis://queue.internal:6379/1",
        TASK_QUEUE="cophub-eu",
        S3_BUCKET="cophub-files",
        S3_ENDPOINT_URL="https://s3.example.org",
        S3_REGION="eu-west-3",
        S3_ACCESS_KEY_ID="AKEXAMPLE",
        S3_SECRET_ACCESS_KEY="secret-example",
        S3_PREFIX="uploads",
        S3_ADDRESSING_STYLE="path",
        S3_URL_SECONDS="120",
    )
    assert found["databases"]["replica"]["HOST"] == "db-replica.internal"
    assert found["databases"]["replica"]["TEST"]["MIRROR"] == "default"
    assert found["databases"]["default"]["HOST"] == "db-primary.internal"
    assert found["pin"] == 9
    assert (found["broker"], found["eager"], found["queue"]) == (
        "redis://queue.internal:6379/1",
        False,
        "cophub-eu",
    )
    assert found["acks_late"] is True
    options = found["storage"]["OPTIONS"]
    assert found["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options | {"secret_key": "-"} == {
        "bucket_name": "cophub-files",
        "endpoint_url": "https://s3.example.org",
        "region_name": "eu-west-3",
        "access_key": "AKEXAMPLE",
        "secret_key": "-",
        "location": "uploads",
        "addressing_style": "path",
        "signature_version": "s3v4",
        "default_acl": "private",
        "custom_domain": None,
        "querystring_auth": True,
        "querystring_expire": 120,
        "file_overwrite": False,
    }
    assert options["secret_key"] == "secret-example"
    # Static files stay with whitenoise, on each app server.
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def _production_env(tmp_path, **variables) -> dict:
    """This process's environment without its deployment variables, as a production server."""
    return (
        {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("S3_", "TASK_", "DATABASE_", "DJANGO_", "DEBUG"))
        }
        | {
            "COPHUB_ENV_FILE": str(tmp_path / "none.env"),
            "COPHUB_DATA_DIR": str(tmp_path),
            "DJANGO_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "cophub.example.org",
            "EMAIL_URL": "smtp+tls://mailer:secret@mail.example.org:587",
        }
        | variables
    )


def test_check_deploy_is_clean_with_the_deployment_at_scale(tmp_path):
    env = _production_env(tmp_path) | {
        "DATABASE_URL": "postgres://cophub:pw@db-primary.internal:5432/cophub",
        "DATABASE_REPLICA_URL": "postgres://cophub_ro:pw@db-replica.internal:5432/cophub",
        "TASK_BROKER_URL": "redis://127.0.0.1:6379/15",
        "S3_BUCKET": "cophub-files",
    }
    result = subprocess.run(
        [sys.executable, "-m", "cophub", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_app_server_names_no_server_and_turns_unused_browser_features_off(tmp_path):
    """`cophub serve` (gunicorn) in production: the answer carries no Server banner, and a
    Permissions-Policy even on the redirect to HTTPS. No database is reached on that path."""
    port = _free_port()
    env = _production_env(
        tmp_path,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/cophub_wtsec_unused",
    )
    server = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, "-m", "cophub", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/en/")
                response = connection.getresponse()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        assert response.status == 301  # to HTTPS
        assert response.getheader("Server") is None
        assert "camera=()" in response.getheader("Permissions-Policy")
        assert "geolocation=()" in response.getheader("Permissions-Policy")
    finally:
        server.terminate()
        server.wait(timeout=30)
