"""Where a template prints text whose direction may differ from the page's, without isolating it.

An Arabic page that prints "UNICEF" next to a date, or an English note, lets the Unicode
bidirectional algorithm join the runs: "Brazil, UNICEF · 2026/09/08" reads
"البرازيل, 08 · 2026/09/UNICEF", and an English sentence shows its full stop at its start. A run
is isolated inside `<bdi>`, inside an element with a `dir` attribute (`dir="auto"` where the
direction is not known), or by the `isolate` and `list_join` filters, which wrap their output in
`<bdi>`.

The scan reads each template as Django's lexer does, puts a marker for each printed variable,
parses the HTML around the markers and reports each variable printed in text (not in an
attribute, a <title>, an <option>, a <textarea>, a script or a style) with no isolating element
around it, unless what it prints is in the page's language or has no direction of its own
(ALLOWED below).
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

# Printed as text of the page's language or with no direction of its own: numbers and dates in
# the page's locale, choice labels and form labels translated by the code, codes and addresses,
# HTML built by code that isolates its own runs (forms, charts, kept tables).
ALLOWED_FILTERS = {"lnumber", "ldate", "lday", "date", "time", "length", "isolate", "list_join",
                   "dimension_label", "filesizeformat", "urlencode", "in_zone", "zone_city"}  # fmt: skip
ALLOWED_NAMES = re.compile(
    r"^(get_\w+_display|pk|id|\w*count|counter|total|\w*year|period|forloop\.\w+|url|\w+_url|"
    r"get_absolute_url|iso2|code|slug|token|key|language|csrf_token|LANGUAGE_CODE|label|"
    r"form|form\.\w+|field|fields|\w+_html|\w+_chart|\w+_options|matrix_rows|qr_svg|"
    r"QUICK_EXIT_URL|shown|page\.number|num_pages|\w+_minutes|\w+_left|row|created|updated|channels|contact_email|\w+_days|method)$"
)
# Variables that hold text the code has translated into the page's language (form errors,
# messages, labels chosen in the view): isolating them would give a sentence that starts with a
# Latin name, e.g. "COP Hub …" in Arabic, the wrong base direction.
PAGE_LANGUAGE = {"error", "message", "title", "notice", "caption", "kind_label", "deaf", "yes",
                 "no_data", "none_recorded", "entry.description", "field.help_text", "status",
                 "intro", "outcome", "symbol", "section.title", "block.caption", "header", "error.message", "entry.role_label", "feature.description", "heading", "suppression", "other.title"}  # fmt: skip
# Elements whose content is plain text (no <bdi> possible) or not shown as text.
TEXT_ONLY = {"title", "option", "textarea", "script", "style"}
# Classes whose CSS isolates the run (unicode-bidi: isolate), e.g. document numbers.
ISOLATING_CLASSES = {"code", "hl-value"}
MARK = "\ue000{}\ue001"
MARKED = re.compile("\ue000(\\d+)\ue001")
BLOCKTRANSLATE_ARG = re.compile(r"(\w+)=(\S+)")
COUNTED = re.compile(r"\bcount (\w+)=")


@dataclass(frozen=True)
class Unisolated:
    template: str
    line: int
    expression: str

    def __str__(self):
        return f"{self.template}:{self.line}: {{{{ {self.expression} }}}}"


def allowed(expression: str) -> bool:
    value, *filters = [part.strip() for part in expression.split("|")]
    if any(f.split(":")[0] in ALLOWED_FILTERS for f in filters):
        return True
    if value.startswith(("'", '"', "_(")) or value.replace(".", "").isdigit():
        return True  # a literal written in the template, or a translated one
    last = value.split(".")[-1]
    return bool(value in PAGE_LANGUAGE or ALLOWED_NAMES.match(value) or ALLOWED_NAMES.match(last))


class _Context(HTMLParser):
    def __init__(self, printed: dict[int, tuple[int, str]]):
        super().__init__(convert_charrefs=True)
        self.printed = printed
        self.stack: list[tuple[str, bool]] = []  # (tag, isolates)
        self.unisolated: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col"}:
            return
        names = dict(attrs)
        classes = set((names.get("class") or "").split())
        isolates = tag == "bdi" or "dir" in names or bool(classes & ISOLATING_CLASSES)
        self.stack.append((tag, isolates or tag in TEXT_ONLY))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if any(isolates for _tag, isolates in self.stack):
            return
        for found in MARKED.finditer(data):
            self.unisolated.append(self.printed[int(found.group(1))])


# Blocks that base.html prints as plain text: the <title> and the description <meta>.
TEXT_ONLY_BLOCKS = {"block title", "block description"}


def scan_template(source: str) -> list[tuple[int, str]]:
    """(line, expression) of each variable printed without isolation in one template's source.

    Inside {% blocktranslate with name=expression %}, {{ name }} is checked as `expression`."""
    parts, printed, names, text_only = [], {}, {}, 0
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.TEXT:
            parts.append(token.contents)
        elif token.token_type == TokenType.VAR and not text_only:
            expression = names.get(token.contents.split("|")[0].strip(), token.contents)
            if not allowed(expression):
                printed[len(printed)] = (token.lineno, expression)
                parts.append(MARK.format(len(printed) - 1))
        elif token.token_type == TokenType.BLOCK:
            if token.contents.startswith(("blocktranslate", "blocktrans ")):
                # a plural's count is a number: printed as it is, it has no direction of its own
                names = {name: "count" for name in COUNTED.findall(token.contents)}
                names = dict(BLOCKTRANSLATE_ARG.findall(token.contents)) | names
            elif token.contents.startswith(("endblocktranslate", "endblocktrans")):
                names = {}
            elif token.contents in TEXT_ONLY_BLOCKS or (
                text_only and token.contents.startswith("block ")
            ):
                text_only += 1
            elif text_only and token.contents.startswith("endblock"):
                text_only -= 1
    parser = _Context(printed)
    parser.feed("".join(parts))
    parser.close()
    return parser.unisolated


def scan(folders: list[Path]) -> list[Unisolated]:
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.html")):
            found += [
                Unisolated(str(path), line, expression)
                for line, expression in scan_template(path.read_text(encoding="utf-8"))
            ]
    return found


# A list joined with a literal comma: `|join:", "`, or a comma standing alone between template
# tags, the separator of a loop's items ("{% if not forloop.last %}, {% endif %}"). Arabic joins
# a list with "،" or " و", Chinese with "、" or "和": `list_join`, `list_of` and `list_separator`
# (core templatetags) join as the page's language does (CLDR).
LITERAL_LIST_COMMA = re.compile(
    r"""\|join:\s*(?P<q>["'])[^"']*[,،、][^"']*(?P=q)"""
    r"""|\{%\s*if\b[^%]*%\}\s*[,،、]\s*\{%\s*endif\s*%\}"""
)


def literal_list_commas(source: str) -> list[int]:
    """The lines of a template where a list is joined with a literal comma."""
    return [
        source.count("\n", 0, found.start()) + 1 for found in LITERAL_LIST_COMMA.finditer(source)
    ]
