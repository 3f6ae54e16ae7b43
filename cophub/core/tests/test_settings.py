import os
import secrets
import subprocess
import sys

import pytest
from django.db import connection

from cophub.testing import running_in_ci


def _cophub(*args, env, cwd):
    return subprocess.run(
        [sys.executable, "-m", "cophub", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def production_env(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_ENV", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env |= {
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "cophub.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "COPHUB_ENV_FILE": str(tmp_path / "no.env"),
        "COPHUB_DATA_DIR": str(tmp_path),
    }
    return env


def test_deployment_checks_are_clean_with_production_settings(production_env, tmp_path):
    result = _cophub(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(production_env, tmp_path):
    del production_env["SECRET_KEY"]
    result = _cophub("check", env=production_env, cwd=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_an_unknown_profile_is_refused(production_env, tmp_path):
    production_env["DJANGO_ENV"] = "staging"
    result = _cophub("check", env=production_env, cwd=tmp_path)
    assert result.returncode != 0
    assert "DJANGO_ENV must be production, development or test" in result.stderr


@pytest.mark.django_db
def test_ci_runs_on_postgresql():
    if not running_in_ci():
        pytest.skip("outside CI the suite may run on SQLite")
    assert connection.vendor == "postgresql"


@pytest.mark.django_db
def test_models_and_migrations_agree():
    from io import StringIO

    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())
