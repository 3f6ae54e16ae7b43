"""gunicorn's configuration for `cophub serve` (`--config python:cophub.core.serving`).

gunicorn writes `Server: gunicorn` into every answer and has no setting to leave it out; the
name and its version only help someone looking for a known flaw, so the line is dropped.
"""

from gunicorn.http import wsgi


def _headers_without_server(default_headers):
    def headers(self):
        return [line for line in default_headers(self) if not line.lower().startswith("server:")]

    return headers


wsgi.Response.default_headers = _headers_without_server(wsgi.Response.default_headers)
