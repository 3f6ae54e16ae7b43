"""The translation catalogs hold every string the code shows, translated in all six languages."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import cophub
from cophub.testing import LANGUAGE_CODES, running_in_ci

PACKAGE = Path(cophub.__file__).parent
CATALOGS = sorted(PACKAGE.glob("*/locale/*/LC_MESSAGES/django.po"))
APPS = sorted(path.parent.name for path in PACKAGE.glob("*/apps.py"))


def _messages(path: Path) -> dict:
    with open(path, "rb") as handle:
        return {
            (message.id if isinstance(message.id, str) else message.id[0]): message
            for message in read_po(handle)
            if message.id
        }


def test_every_app_has_a_catalog_for_each_language():
    for app in APPS:
        assert {path.parents[1].name for path in CATALOGS if path.parents[3].name == app} == set(
            LANGUAGE_CODES
        ), app


@pytest.mark.parametrize(
    "path",
    [p for p in CATALOGS if p.parents[1].name != "en"],
    ids=lambda p: f"{p.parents[3].name}-{p.parents[1].name}",
)
def test_every_message_is_translated(path):
    for msgid, message in _messages(path).items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"untranslated: {msgid!r}"
        assert not message.fuzzy, f"fuzzy: {msgid!r}"


@pytest.mark.parametrize("app", APPS)
def test_catalogs_hold_every_string_in_the_code(app, tmp_path):
    """Extract the app's strings afresh (as `make messages` does) and compare with the catalogs."""
    if shutil.which("xgettext") is None:
        if running_in_ci():
            pytest.fail("GNU gettext (xgettext) is required in CI")
        pytest.skip("GNU gettext's xgettext is not installed: it is a developer's tool")
    copy = tmp_path / app
    shutil.copytree(
        PACKAGE / app, copy, ignore=shutil.ignore_patterns("locale", "tests", "__pycache__")
    )
    (copy / "locale").mkdir()
    result = subprocess.run(
        [sys.executable, "-P", "-m", "cophub", "makemessages", "-l", "en", "--no-location"],
        cwd=copy, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    extracted = set(_messages(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    committed = set(_messages(PACKAGE / app / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    assert extracted - committed == set(), (
        "strings missing from the catalogs: run `make messages` and translate"
    )
    assert committed - extracted == set(), (
        "catalogs hold strings the code no longer has: run `make messages`"
    )
