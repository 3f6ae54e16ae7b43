"""The security headers of every page in the role × URL table, and no inline script anywhere.

Every page answered 200 to an anonymous reader carries a Content-Security-Policy whose scripts
come from our own origin only (no 'unsafe-inline', no 'unsafe-eval'), may not be framed (except
the embeddable helpline finder, which schools and platforms show in an iframe), is not sniffed
for another content type, and sends a Referrer-Policy. The templates and the rendered pages hold
no inline script, inline event handler or javascript: address, which the policy would block.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client

from . import access_table as table

pytestmark = pytest.mark.django_db

FRAMEABLE = {"embed/help/<str:iso2>/"}
# <script> elements that hold data, not code: browsers do not run them and CSP does not apply.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}
PROJECT = Path(__file__).resolve().parents[3]


def _policy(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        if words := part.split():
            directives[words[0].lower()] = words[1:]
    return directives


def _anonymous_pages(site) -> list[tuple[str, str]]:
    """(route, address) of every visit of the table that answers 200 to an anonymous reader."""
    visits = []
    for route, visit in [*table.PAGES.items(), *((" ".join(k), v) for k, v in table.API.items())]:
        for address, expect in [(visit.url, visit.get), *visit.extra]:
            if expect and expect["anonymous"] == 200:
                visits.append((route, address(site)))
    return visits


class _InlineCode(HTMLParser):
    """Collects what a strict policy blocks: inline scripts, on* handlers, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.found, self._script = [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and "src" not in attributes:
            kind = (attributes.get("type") or "").lower()
            self._script = None if kind in DATA_SCRIPT_TYPES else ""

    def handle_data(self, data):
        if self._script is not None:
            self._script += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.found.append(f"<script>{self._script.strip()[:60]}…</script>")
            self._script = None


def inline_code(html: str) -> list[str]:
    parser = _InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found


def header_problems(response, *, frameable: bool) -> list[str]:
    problems = []
    header = response.get("Content-Security-Policy")
    if not header:
        return ["no Content-Security-Policy"]
    policy = _policy(header)
    scripts = policy.get("script-src", policy.get("default-src"))
    if scripts is None:
        problems.append("neither script-src nor default-src")
    elif unsafe := {"'unsafe-inline'", "'unsafe-eval'"} & set(scripts):
        problems.append(f"script-src allows {sorted(unsafe)}")
    ancestors = policy.get("frame-ancestors")
    if frameable:
        if ancestors != ["*"]:
            problems.append(f"frame-ancestors {ancestors}: other sites cannot frame it")
        if "X-Frame-Options" in response:
            problems.append(f"X-Frame-Options {response['X-Frame-Options']} forbids framing")
    elif ancestors != ["'none'"] and response.get("X-Frame-Options") != "DENY":
        problems.append(f"may be framed: frame-ancestors {ancestors}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if not response.get("Referrer-Policy"):
        problems.append("no Referrer-Policy")
    return problems


def test_every_page_answered_to_anyone_has_the_security_headers_and_no_inline_code(site):
    problems, client = [], Client()
    pages = _anonymous_pages(site)
    for route, address in pages:
        response = client.get(address)
        assert response.status_code == 200, f"{address}: {response.status_code}"
        found = header_problems(response, frameable=route in FRAMEABLE)
        if response["Content-Type"].startswith("text/html"):
            found += inline_code(response.content.decode())
        problems += [f"{address}: {problem}" for problem in found]
    assert len(pages) > 100
    assert not problems, "\n".join(problems)


def test_the_embeddable_finder_is_the_only_frameable_page(site):
    assert FRAMEABLE <= set(table.PAGES)
    embed = Client().get(f"/embed/help/{table.A}/")
    assert header_problems(embed, frameable=True) == []
    assert header_problems(embed, frameable=False) == ["may be framed: frame-ancestors ['*']"], (
        "the finder must be frameable"
    )
    finder = Client().get(f"/en/help/{table.A}/")
    assert _policy(finder["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
    assert finder["X-Frame-Options"] == "DENY"


def test_no_template_holds_inline_code():
    templates = sorted(PROJECT.glob("cophub/*/templates/**/*.html"))
    assert len(templates) > 50
    problems = []
    for template in templates:
        # Template tags may stand where an attribute value goes: blank them out first.
        source = re.sub(r"{%.*?%}|{{.*?}}", "x", template.read_text(encoding="utf-8"), flags=re.S)
        problems += [f"{template.relative_to(PROJECT)}: {found}" for found in inline_code(source)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "html, found",
    [
        ('<script src="/static/a.js"></script>', []),
        ('<script type="application/ld+json">{"a": 1}</script>', []),
        ("<script>alert(1)</script>", ["<script>alert(1)…</script>"]),
        ('<button onclick="go()">Go</button>', ["<button onclick=…>"]),
        ('<a href=" JavaScript:go()">Go</a>', ["<a href=' JavaScript:go()'>"]),
        ('<a href="/en/help/">Help</a>', []),
    ],
)
def test_the_scan_finds_inline_code(html, found):
    assert inline_code(html) == found
