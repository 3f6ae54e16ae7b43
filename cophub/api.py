"""The JSON API under /api/v1: one NinjaAPI that mounts each app's router.

Errors are RFC 9457 problem details in the language the request asked for.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from cophub.core.api import router as core_router
from cophub.core.problems import problem_response

api = NinjaAPI(
    title="COP Hub API",
    version="1",
    description="Open data of COP Hub: the ITU Council Working Group on Child Online Protection "
    "and the work that Resolution 179 asks for.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return problem_response(request, 404, detail=_("No such record."))


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return problem_response(
        request, 422, detail=_("Some parameters are not valid."), errors=exc.errors
    )


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return problem_response(request, 401)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return problem_response(request, exc.status_code, detail=str(exc))


api.add_router("/", core_router)
