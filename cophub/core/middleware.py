from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from .i18n import LANGUAGE_CODES
from .problems import API_PREFIXES, problem_response
from .views import healthz


def _invalid(request, parameter: str, message: str, kind: str = "value_error"):
    """A 422 problem for one query parameter, in the words of the API's other parameter errors
    (pydantic's, in English), with the detail in the request's language."""
    response = problem_response(
        request,
        422,
        detail=_("Some parameters are not valid."),
        errors=[{"type": kind, "loc": ["query", parameter], "msg": message}],
    )
    response["Content-Language"] = translation.get_language()
    return response


def api_language_middleware(get_response):
    """Answer the JSON API in the language asked for by `?lang=`, else by Accept-Language.

    The pages carry their language in the URL prefix; the API has no prefix, so LocaleMiddleware
    has already chosen from Accept-Language and `?lang=` overrides it here.
    """

    def middleware(request):
        if request.path.startswith(API_PREFIXES):
            # A NUL in a parameter: PostgreSQL cannot hold it in text, and no value has one.
            nul = next(
                (
                    name
                    for name, values in request.GET.lists()
                    for v in [name, *values]
                    if "\x00" in v
                ),
                None,
            )
            if nul is not None:
                return _invalid(request, nul, "Input should not contain a NUL character")
            asked = request.GET.get("lang")
            if asked in LANGUAGE_CODES:
                translation.activate(asked)
                request.LANGUAGE_CODE = asked
            elif asked is not None:
                # The schema lists the six codes: another one is an error, not a silent default.
                return _invalid(
                    request,
                    "lang",
                    "Input should be " + ", ".join(map(repr, LANGUAGE_CODES)),
                    "enum",
                )
        response = get_response(request)
        if request.path.startswith(API_PREFIXES):
            # Errors raised outside the API's own handlers (a wrong method, a CSRF refusal)
            # still answer as problem details.
            if response.status_code >= 400 and "json" not in response.get("Content-Type", ""):
                problem = problem_response(request, response.status_code)
                if "Allow" in response:
                    problem["Allow"] = response["Allow"]
                response = problem
            response["Content-Language"] = translation.get_language()
        return response

    return middleware


def healthz_middleware(get_response):
    """Answer /healthz before the host check and the HTTPS redirect: load balancers probe the app
    servers by address, over plain HTTP, with a Host header of their own."""

    def middleware(request):
        if request.path_info == "/healthz":
            return healthz(request)
        return get_response(request)

    return middleware


def permissions_policy_middleware(get_response):
    """Turn off the browser features the site does not use (settings.PERMISSIONS_POLICY)."""

    def middleware(request):
        response = get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware
