"""Text whose direction may differ from the page's is isolated, lists are joined as the page's
language joins them, and wide tables scroll in their own box: checked over every template."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from .bidi_scan import literal_list_commas, scan, scan_template

TEMPLATE_FOLDERS = sorted(Path(__file__).resolve().parents[2].glob("*/templates"))


def _templates():
    for folder in TEMPLATE_FOLDERS:
        yield from sorted(folder.rglob("*.html"))


def test_the_scan_reads_every_apps_templates():
    apps = {folder.parent.name for folder in TEMPLATE_FOLDERS}
    assert {"core", "workgroup", "statistics", "helplines", "countries"} <= apps
    assert len(list(_templates())) > 100


def test_no_template_prints_a_run_of_text_without_isolating_its_direction():
    found = scan(TEMPLATE_FOLDERS)
    assert not found, 'wrap these in <bdi>, dir="auto" or |isolate:\n' + "\n".join(map(str, found))


@pytest.mark.parametrize(
    "source",
    [
        "<p>{{ document.title }}</p>",
        "<td>{{ row.source }} — {{ row.note }}</td>",
        '<p title="{{ x }}">{{ organisation.acronym|default:organisation.name }}</p>',
        "{% blocktranslate with name=country.name %}Help in {{ name }}{% endblocktranslate %}",
        "<bdi>{{ a }}</bdi> {{ b }}",
    ],
)
def test_the_scan_finds_an_unisolated_run(source):
    assert scan_template(source)


@pytest.mark.parametrize(
    "source",
    [
        "<p><bdi>{{ document.title }}</bdi></p>",
        '<td dir="auto">{{ row.note }}</td>',
        '<a href="{{ document.url }}" title="{{ document.title }}">{{ document.get_status_display }}</a>',
        "<p>{{ total|lnumber }} · {{ when|ldate }} · {{ names|list_join }} · {{ x|isolate }}</p>",
        "{% blocktranslate with name=country.name|isolate %}Help in {{ name }}{% endblocktranslate %}",
        "{% blocktranslate count counter=rows|length %}{{ counter }} row{% endblocktranslate %}",
        "{% block title %}{{ document.title }}{% endblock %}",
        "<option>{{ country.name }}</option><textarea>{{ text }}</textarea>",
        '<span class="code">{{ document.number }}</span>',
    ],
)
def test_the_scan_lets_isolated_and_neutral_runs_pass(source):
    assert scan_template(source) == []


def test_no_template_joins_a_list_with_a_latin_comma_filter():
    joined = [str(path) for path in _templates() if re.search(r"\|join:", path.read_text())]
    assert joined == []


def test_no_template_joins_a_list_with_a_literal_comma():
    found = [
        f"{path}:{line}" for path in _templates() for line in literal_list_commas(path.read_text())
    ]
    assert found == [], "join with list_join, list_of or list_separator:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source, lines",
    [
        ('{{ names|join:", " }}', [1]),
        ("<p>\n{{ codes|join:'،' }}</p>", [2]),
        ("{% for c in countries %}{{ c }}{% if not forloop.last %}, {% endif %}{% endfor %}", [1]),
        ("{% if countries and organisations %} , {% endif %}", [1]),
        ("{% for c in countries %}{{ c }}{% list_separator forloop %}{% endfor %}", []),
        ("{{ names|list_join }} {% list_of a b %}", []),
        ('{% translated p "heading" %}, {% blocktranslate %}paragraph{% endblocktranslate %}', []),
        ("{% if not forloop.last %} · {% endif %}", []),
    ],
)
def test_the_comma_scan_finds_literal_list_commas_only(source, lines):
    assert literal_list_commas(source) == lines


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "<a>Kenya</a>, <a>UNICEF</a>, and <a>ITU</a>|<a>Brazil</a> and <a>IWF</a>"),
        ("ar", "<a>Kenya</a> و<a>UNICEF</a> و<a>ITU</a>|<a>Brazil</a> و<a>IWF</a>"),
        ("zh", "<a>Kenya</a>、<a>UNICEF</a>和<a>ITU</a>|<a>Brazil</a>和<a>IWF</a>"),
    ],
)
def test_a_loops_items_are_separated_as_the_language_joins_a_list(lang, expected):
    """Items drawn one by one (links), the same list drawn by two loops in a row."""
    source = (
        "{% load cophub %}{% for c in countries %}<a>{{ c }}</a>"
        "{% list_separator forloop after=organisations|length %}{% endfor %}"
        "{% for o in organisations %}<a>{{ o }}</a>"
        "{% list_separator forloop before=countries|length %}{% endfor %}|"
        "{% for c in pair %}<a>{{ c }}</a>{% list_separator forloop %}{% endfor %}"
    )
    context = {
        "countries": ["Kenya"],
        "organisations": ["UNICEF", "ITU"],
        "pair": ["Brazil", "IWF"],
    }
    with translation.override(lang):
        assert Template(source).render(Context(context)) == expected


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "<bdi>Kenya</bdi>, <bdi>UNICEF</bdi>, and <bdi>R&amp;D</bdi>"),
        ("ar", "<bdi>Kenya</bdi> و<bdi>UNICEF</bdi> و<bdi>R&amp;D</bdi>"),
        ("zh", "<bdi>Kenya</bdi>、<bdi>UNICEF</bdi>和<bdi>R&amp;D</bdi>"),
        ("fr", "<bdi>Kenya</bdi>, <bdi>UNICEF</bdi> et <bdi>R&amp;D</bdi>"),
    ],
)
def test_lists_are_joined_as_the_language_joins_them_each_item_isolated(lang, expected):
    with translation.override(lang):
        shown = Template("{% load cophub %}{{ items|list_join }}").render(
            Context({"items": ["Kenya", "UNICEF", "", "R&D"]})
        )
    assert shown == expected


def test_isolate_escapes_and_leaves_nothing_for_an_empty_value():
    template = Template("{% load cophub %}[{{ a|isolate }}][{{ b|isolate }}]")
    assert template.render(Context({"a": "<i>UNICEF</i>", "b": ""})) == (
        "[<bdi>&lt;i&gt;UNICEF&lt;/i&gt;</bdi>][]"
    )


TABLE_IN_ITS_BOX = re.compile(
    r'<div class="table-scroll[^"]*" role="region" aria-label(ledby)?="[^\n]+" tabindex="0">\s*$'
)


def test_every_table_scrolls_in_a_named_region_of_its_own():
    """A table wider than a phone scrolls inside its box, which a keyboard can reach."""
    bare = []
    for path in _templates():
        source = path.read_text()
        for found in re.finditer(r"<table\b", source):
            before = source[: found.start()]
            inside_a_table = before.count("<table") > before.count("</table>")
            if not inside_a_table and not TABLE_IN_ITS_BOX.search(before):
                bare.append(f"{path}:{before.count(chr(10)) + 1}")
    assert bare == []
