"""The security headers and the absence of inline code (see headers.py).

Every page of the role × URL table that answers 200 to an anonymous reader is checked there, as
it is visited (test_access.py); here: the one page other sites may frame, every template, and
the scan itself.
"""

import re
from pathlib import Path

import pytest
from django.test import Client

from cophub.helplines.tests.factories import ChannelFactory

from .headers import header_problems, inline_code, policy

PROJECT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_the_embeddable_finder_may_be_framed_and_the_full_finder_not():
    ChannelFactory()
    embed = Client().get("/embed/help/KE/")
    assert header_problems(embed, frameable=True) == []
    assert header_problems(embed, frameable=False) == ["may be framed: frame-ancestors ['*']"], (
        "the finder must be frameable"
    )
    finder = Client().get("/en/help/KE/")
    assert policy(finder["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
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


def test_the_header_check_finds_what_is_missing():
    from django.http import HttpResponse

    bare = HttpResponse("<p>Hello</p>")
    assert header_problems(bare, frameable=False) == ["no Content-Security-Policy"]
    bare["Content-Security-Policy"] = "default-src 'self'; script-src 'self' 'unsafe-inline'"
    assert header_problems(bare, frameable=False) == [
        "script-src allows [\"'unsafe-inline'\"]",
        "may be framed: frame-ancestors None",
        "no X-Content-Type-Options: nosniff",
        "no Referrer-Policy",
        "no Permissions-Policy turning off camera, microphone and geolocation",
    ]
    bare["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)"
    assert header_problems(bare, frameable=False)[-1].startswith("no Permissions-Policy")
