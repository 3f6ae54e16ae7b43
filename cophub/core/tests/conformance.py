"""Whether a page is valid HTML: the WHATWG parser's parse errors (tinyhtml5, the html5lib
parser the PDF reports already use), and the document conformance rules of the HTML standard
that a parser does not check but a conformance checker (the Nu Html Checker) reports as errors.

Used by the role × URL table (test_access.py) on every HTML page each role gets.
"""

from collections import Counter

from tinyhtml5.parser import HTMLParser

HTML = "{http://www.w3.org/1999/xhtml}"
# Attributes whose value must be a non-empty URL when present (HTML: "valid non-empty URL").
NON_EMPTY_URL = {("form", "action"), ("img", "src"), ("script", "src"), ("iframe", "src")}
IDREF_LISTS = ("aria-describedby", "aria-labelledby", "aria-controls")
LABELABLE = {"button", "input", "meter", "output", "progress", "select", "textarea"}
# Children a list may hold besides <li>: script-supporting elements.
LIST_CHILDREN = {"li", "script", "template"}
ONCE_PER_DOCUMENT = ("html", "head", "body", "title", "main")


def problems(html: str) -> list[str]:
    """What makes the document invalid; an empty list for a valid one."""
    parser = HTMLParser()
    root = parser.parse(html)
    found = [f"parse error {code} {data or ''}".strip() for _position, code, data in parser.errors]
    if not html.lstrip().lower().startswith("<!doctype html>"):
        found.append("no <!DOCTYPE html> first")
    elements = [(_local(element.tag), element) for element in root.iter() if _is_html(element)]
    ids = Counter(element.get("id") for _tag, element in elements if element.get("id") is not None)
    found += [f"id {name!r} used {count} times" for name, count in ids.items() if count > 1]
    found += [f"empty id on <{tag}>" for tag, el in elements if el.get("id") == ""]
    by_id = {element.get("id"): element for _tag, element in elements if element.get("id")}
    for tag, element in elements:
        found += _element_problems(tag, element, ids, by_id)
    counts = Counter(tag for tag, _element in elements)
    found += [f"{counts[tag]} <{tag}> elements" for tag in ONCE_PER_DOCUMENT if counts[tag] > 1]
    if counts["title"] == 0:
        found.append("no <title>")
    return found


def _element_problems(tag, element, ids, by_id) -> list[str]:
    found = []
    for owner, attribute in NON_EMPTY_URL:
        if (
            tag == owner
            and element.get(attribute) is not None
            and not element.get(attribute).strip()
        ):
            found.append(f'<{tag} {attribute}=""> (must be a non-empty URL)')
    for attribute in IDREF_LISTS:
        for ref in (element.get(attribute) or "").split():
            if ref not in ids:
                found.append(f"<{tag} {attribute}> names {ref!r}, which no element has as id")
    if tag == "label" and element.get("for") is not None:
        target = by_id.get(element.get("for"))
        if target is None or _local(target.tag) not in LABELABLE:
            found.append(f"<label for={element.get('for')!r}> names no form control")
    if tag == "img" and element.get("alt") is None:
        found.append(f"<img src={element.get('src')!r}> has no alt")
    if tag in {"ul", "ol"}:
        found += [
            f"<{tag}> holds <{_local(child.tag)}>"
            for child in element
            if _is_html(child) and _local(child.tag) not in LIST_CHILDREN
        ]
    if tag == "a" and element.get("href") is None and element.get("target") is not None:
        found.append("<a target> without href")
    return found


def _is_html(element) -> bool:
    return isinstance(element.tag, str) and element.tag.startswith(HTML)


def _local(tag: str) -> str:
    return tag.removeprefix(HTML)
