import subprocess
import sys

import pytest
from django.db import connection


def _cophub(*args, env, cwd):
    return subprocess.run(
        [sys.executable, "-m", "cophub", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_deployment_checks_are_clean_with_production_settings(production_env, tmp_path):
    result = _cophub(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("variable", ["SECRET_KEY", "EMAIL_URL", "DATABASE_URL"])
def test_production_refuses_to_start_without_its_secrets(production_env, tmp_path, variable):
    del production_env[variable]
    result = _cophub("check", env=production_env, cwd=tmp_path)
    assert result.returncode != 0
    assert f"Set the {variable} environment variable" in result.stderr


def test_healthz_answers_the_load_balancer_by_address_over_http(production_env, tmp_path):
    """In production settings (HTTPS redirect, host check), a probe by IP over HTTP gets 200;
    a page over HTTPS tells browsers to use HTTPS only, subdomains too, and may be preloaded."""
    assert _cophub("migrate", "--noinput", env=production_env, cwd=tmp_path).returncode == 0
    assert _cophub("collectstatic", "--noinput", env=production_env, cwd=tmp_path).returncode == 0
    probe = (
        "from django.test import Client; "
        "health = Client(HTTP_HOST='10.0.0.5:8000').get('/healthz'); "
        "page = Client(HTTP_HOST='10.0.0.5:8000').get('/en/'); "
        "print(health.status_code, page.status_code); "
        "plain = Client(HTTP_HOST='cophub.example.org').get('/en/'); "
        "secure = Client(HTTP_HOST='cophub.example.org').get('/en/', secure=True); "
        "print(plain.status_code, plain['Location'], secure.status_code); "
        "print(secure['Strict-Transport-Security'])"
    )
    result = _cophub("shell", "--no-imports", "-c", probe, env=production_env, cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "200 400",
        "301 https://cophub.example.org/en/ 200",
        "max-age=31536000; includeSubDomains; preload",
    ], result.stderr


def test_an_unknown_profile_is_refused(production_env, tmp_path):
    production_env["DJANGO_ENV"] = "staging"
    result = _cophub("check", env=production_env, cwd=tmp_path)
    assert result.returncode != 0
    assert "DJANGO_ENV must be production, development or test" in result.stderr


@pytest.mark.django_db
def test_the_suite_runs_on_a_postgresql_that_django_supports():
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")  # PostgreSQL's own setting
        version = int(cursor.fetchone()[0])
    assert version >= 140000  # Django 5.2 supports PostgreSQL 14 and later


@pytest.mark.django_db
def test_models_and_migrations_agree():
    from io import StringIO

    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


SERVED_IMPORTS = """
import sys
import cophub.wsgi
from django.urls import get_resolver
get_resolver().url_patterns
print("test framework", "django.test.client" in sys.modules, "unittest" in sys.modules)
from django.core.signals import setting_changed
from ninja.conf import settings
print("one signal", sys.modules["django.test.signals"].setting_changed is setting_changed)
from django.test import Client, override_settings
with override_settings(NINJA_PAGINATION_PER_PAGE=7):
    print("ninja follows", settings.PAGINATION_PER_PAGE)
print("client", Client().get("/healthz").status_code != 0)
"""


def test_a_served_process_loads_no_test_framework_and_ninja_still_follows_settings(
    production_env, tmp_path
):
    result = subprocess.run(
        [sys.executable, "-c", SERVED_IMPORTS],
        env=production_env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "test framework False False",
        "one signal True",
        "ninja follows 7",
        "client True",
    ]
