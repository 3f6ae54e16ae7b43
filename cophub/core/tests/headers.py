"""What a strict Content-Security-Policy needs of a page: its headers, and no inline code.

Used by the role × URL table (test_access.py) on every page an anonymous reader gets, and by
test_headers.py on the templates.
"""

from html.parser import HTMLParser

FRAMEABLE = {"embed/help/<str:iso2>/"}
# <script> elements that hold data, not code: browsers do not run them and CSP does not apply.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


def policy(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        if words := part.split():
            directives[words[0].lower()] = words[1:]
    return directives


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
    directives = policy(header)
    scripts = directives.get("script-src", directives.get("default-src"))
    if scripts is None:
        problems.append("neither script-src nor default-src")
    elif unsafe := {"'unsafe-inline'", "'unsafe-eval'"} & set(scripts):
        problems.append(f"script-src allows {sorted(unsafe)}")
    ancestors = directives.get("frame-ancestors")
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
    features = dict(
        part.strip().split("=", 1)
        for part in response.get("Permissions-Policy", "").split(",")
        if "=" in part
    )
    if any(features.get(name) != "()" for name in ("camera", "microphone", "geolocation")):
        problems.append("no Permissions-Policy turning off camera, microphone and geolocation")
    return problems
