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


# The app is loaded once, in the master, before the workers are forked: the code, the URL
# configuration and the API's schemas are then shared by every worker instead of being built in
# each (about 15 MB less per worker). A code change needs a restart, as with every deployment.
preload_app = True


def when_ready(server):
    """In the master, once the app is loaded and before any worker is forked: build what every
    worker would otherwise build on its first request, and keep the collector off those objects,
    so that their pages stay shared."""
    import gc

    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every URL configuration
    gc.freeze()
