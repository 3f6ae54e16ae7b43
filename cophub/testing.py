"""Helpers for COP Hub's tests: Debian's Chromium through Playwright, and axe-core."""

import os
import shutil
import socket
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("COPHUB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LANGUAGE_CODES = ("ar", "zh", "en", "fr", "ru", "es")


def running_in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def chromium_available() -> bool:
    return Path(CHROMIUM).is_file() and shutil.which(CHROMIUM) is not None


def require_chromium() -> None:
    """Browser tests skip on a machine without Chromium, but never in CI, which installs it."""
    if chromium_available():
        return
    if running_in_ci():
        pytest.fail(f"Chromium is required in CI and is missing at {CHROMIUM}")
    pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium package (as .ci/run does)")


def check_accessibility(page) -> None:
    """Run axe-core (WCAG 2.x A and AA rules, 2.2 included) on the page; fail on any violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            }
        },
    )
    violations = results.response["violations"]
    assert not violations, f"axe-core on {page.url}:\n{results.generate_report()}"


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on (for a server a test starts)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
