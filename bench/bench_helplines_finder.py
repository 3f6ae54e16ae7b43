"""The "get help now" finder for a country against a bare Django view, same server, same run;
and the bytes a child's phone downloads for it (page, styles, scripts) as the server sends them.

The server holds the demo directory (loaddemo), so the pages are the real ones: Spain has three
services, Egypt one. Resolution 179 asks for access to helplines; the issue's budget is 60 KB.
"""

import http.client
import re

from harness import compare, print_figure

BUDGET = 60 * 1024
PAGES = [("es", "ES"), ("ar", "EG"), ("en", "GB")]
ASSETS = re.compile(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"')


def _get(host, port, path) -> tuple[int, bytes, int]:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip, br"})
    response = connection.getresponse()
    body = response.read()
    headers = sum(len(f"{name}: {value}\r\n") for name, value in response.getheaders())
    connection.close()
    return response.status, body, len(body) + headers


def bytes_over_the_wire(host, port, path) -> int:
    status, html, total = _get(host, port, path)
    assert status == 200, f"{path} answered {status}"
    for asset in ASSETS.findall(html):
        status, _body, size = _get(host, port, asset.decode())
        assert status == 200, f"{asset} answered {status}"
        total += size
    return total


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    figures = []
    for lang, iso2 in PAGES:
        path = f"/{lang}/help/{iso2}/"
        page, base = compare(host, port, path=path, requests=requests, concurrency=concurrency)
        figure = print_figure(f"help finder {path}", page, base)
        figure["bytes_over_the_wire"] = bytes_over_the_wire(host, port, path)
        figure["bytes_budget"] = BUDGET
        print(f"help finder {path}: {figure['bytes_over_the_wire']} bytes over the wire "
              f"(budget {BUDGET})", flush=True)  # fmt: skip
        if figure["bytes_over_the_wire"] >= BUDGET:
            figure["errors"] += 1
        figures.append(figure)
    return figures
