"""Logs every write request of the secretariat, and every file it downloads, with the address
and the answer's status; changes of records made while answering are logged by the signals, under
the same request number."""

from cophub.accounts.permissions import is_secretariat
from cophub.audit import services
from cophub.audit.models import Action

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def audit_middleware(get_response):
    def middleware(request):
        token = services.current_request.set(request)
        try:
            response = get_response(request)
        finally:
            services.current_request.reset(token)
        if getattr(request, "_audit_logged", False):
            return response  # the view logged itself (the audit export)
        user = getattr(request, "user", None)
        if not is_secretariat(user):
            return response
        download = "attachment" in response.get("Content-Disposition", "")
        if request.method not in SAFE_METHODS or download:
            services.record(
                action=Action.REQUEST if request.method not in SAFE_METHODS else Action.EXPORT,
                actor=user,
                method=request.method,
                # A download's query names what was taken (filters, format); a write's may not.
                path=request.get_full_path() if download else request.path,
                status=response.status_code,
                request=request,
            )
        return response

    return middleware
