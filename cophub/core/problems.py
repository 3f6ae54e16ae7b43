"""Errors as RFC 9457 problem details, in the language the request asked for."""

import json

from django.http import HttpResponse
from django.utils.translation import gettext as _

PROBLEM_CONTENT_TYPE = "application/problem+json"


# Paths answered as the JSON API: errors there are problem details, not pages.
API_PREFIXES = ("/api/",)


def problem_titles() -> dict[int, str]:
    return {
        400: _("Bad request"),
        401: _("Authentication required"),
        403: _("Forbidden"),
        404: _("Not found"),
        405: _("Method not allowed"),
        422: _("The request could not be processed"),
        429: _("Too many requests"),
        500: _("Internal server error"),
    }


def problem_response(request, status: int, *, detail: str = "", **extra) -> HttpResponse:
    body = {
        "type": "about:blank",
        "title": problem_titles().get(status, _("Error")),
        "status": status,
        "instance": request.path,
    }
    if detail:
        body["detail"] = detail
    return HttpResponse(
        json.dumps(body | extra, ensure_ascii=False),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def install_problem_handlers(api) -> None:
    """Make a NinjaAPI answer its errors as problem details."""
    from django.core.exceptions import ObjectDoesNotExist
    from django.http import Http404
    from ninja.errors import AuthenticationError, HttpError, ValidationError

    from cophub.core.errors import DomainError

    def not_found(request, exc):
        return problem_response(request, 404, detail=_("No such record."))

    # A selector's .get() that finds nothing is the same answer, whichever operation asked.
    for missing in (Http404, ObjectDoesNotExist):
        api.add_exception_handler(missing, not_found)

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

    # Every app's services raise their DomainError (or a subclass) with a message translated in
    # the language of the request; the operations let it through to here.
    @api.exception_handler(DomainError)
    def domain_error(request, exc):
        return problem_response(
            request, exc.status, detail=str(exc.message), **exc.problem_members()
        )


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "An error, as RFC 9457 problem details, in the language asked for.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {"type": "object"},
            "description": "What was wrong with which parameter",
        },
    },
    "required": ["type", "title", "status"],
}

# Every operation may answer these, whatever it does: Django itself answers 400 to a request it
# cannot read (too many fields, a body over DATA_UPLOAD_MAX_MEMORY_SIZE).
PROBLEM_STATUSES = {
    "400": "A request that cannot be read",
    "404": "No such record or address",
    "405": "Method not allowed",
    "422": "A parameter is not valid",
    "429": "Too many requests from this client: wait for the seconds in Retry-After",
    "500": "Server error",
}
# And the operations that need a signed-in user these: no session, or a missing CSRF token or a
# role without the right (django_auth checks the CSRF token of a session).
SIGNED_IN_STATUSES = {
    "401": "Not signed in",
    "403": "No CSRF token, or not allowed to do this",
}


def document_languages_and_problems(schema: dict, language_codes: list[str]) -> dict:
    """Add to an OpenAPI schema what every operation shares: the language parameters and the
    problem-details answers."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    language_parameters = [
        {
            "name": "lang",
            "in": "query",
            "required": False,
            "description": "Language of the answer; overrides Accept-Language. Another code is "
            "refused with 422.",
            "schema": {"type": "string", "enum": language_codes},
        },
        {
            "name": "Accept-Language",
            "in": "header",
            "required": False,
            "description": "Language of the answer, when `lang` is not given.",
            "schema": {"type": "string"},
        },
    ]
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            operation.setdefault("parameters", []).extend(language_parameters)
            statuses = PROBLEM_STATUSES | (SIGNED_IN_STATUSES if operation.get("security") else {})
            for status, description in statuses.items():
                operation["responses"].setdefault(status, {"description": description})
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    response.setdefault("content", problem)
    return schema
