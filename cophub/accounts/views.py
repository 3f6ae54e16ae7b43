from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from cophub.core.errors import DomainError
from cophub.core.forms import REFUSED_STATUS, RefusedFormStatus, render_form_page

from . import security, services
from .forms import AccountRequestForm, CodeForm, PasswordResetForm


def request_account(request):
    if request.method == "POST":
        form = AccountRequestForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.request_account(
                    email=data["email"],
                    full_name=data["full_name"],
                    role=data["role"],
                    country=data["country"],
                    organisation=data["organisation"],
                    organisation_name=data["organisation_name"],
                    position=data["position"],
                    note=data["note"],
                    language=data["preferred_language"],
                    base_url=request.build_absolute_uri("/").rstrip("/"),
                )
            except DomainError as error:
                form.add_error(error.field, error.message)
            else:
                return redirect("accounts:request-sent")
    else:
        form = AccountRequestForm(initial={"preferred_language": translation.get_language()})
    return render_form_page(request, "accounts/request_account.html", {"form": form})


@require_safe
def request_sent(request):
    return render(request, "accounts/request_sent.html")


@login_required
@require_safe
def profile(request):
    user = request.user
    return render(
        request,
        "accounts/profile.html",
        {
            "two_factor_on": security.confirmed_device(user) is not None,
            "two_factor_required": security.second_factor_required(user),
            "backup_codes_left": security.backup_codes_left(user),
        },
    )


class LoginView(RefusedFormStatus, auth_views.LoginView):
    """The password step; an account with a TOTP device, and every secretariat account, goes on
    to the code step (or, for a secretariat account without a device yet, to setting one up)."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = self.request.user
        if not security.second_factor_due(user):
            return response
        step = (
            "accounts:two-factor-verify"
            if security.confirmed_device(user)
            else "accounts:two-factor-enrol"
        )
        return redirect(reverse(step) + "?" + urlencode({"next": self.get_success_url()}))


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
def two_factor_verify(request):
    """The code step of signing in."""
    if security.confirmed_device(request.user) is None:
        return redirect("accounts:two-factor-enrol")
    if security.is_verified(request.user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    accepted, status = _code_accepted(request, form)
    if accepted:
        return redirect(_next_url(request))
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
        status=status,
    )


def _code_accepted(request, form) -> tuple[bool, int]:
    """Whether a posted code is right, and the status of the page that says it is not."""
    if request.method != "POST":
        return False, 200
    if not form.is_valid():
        return False, REFUSED_STATUS
    try:
        if security.verify_code(request, form.cleaned_data["code"]):
            return True, 200
    except security.CodesPaused as paused:
        form.add_error("code", paused.message)
        return False, 429
    form.add_error("code", _wrong_code())
    return False, REFUSED_STATUS


def _wrong_code() -> str:
    return _(
        "That code is not right. Type the six digits your app shows now; after several wrong "
        "codes, wait a minute before the next try."
    )


@login_required
def two_factor_enrol(request):
    """Set up an authenticator app: a QR code and the key in text, confirmed by a first code."""
    if security.confirmed_device(request.user) is not None:
        messages.info(request, _("Two-step sign-in is already on for your account."))
        return redirect("accounts:profile")
    device = security.enrolment_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if security.confirm_enrolment(request, device, form.cleaned_data["code"]):
            codes = security.new_backup_codes(request.user)
            return render_form_page(
                request,
                "accounts/two_factor_backup_codes.html",
                {"codes": codes, "next": _next_url(request), "just_enrolled": True},
            )
        form.add_error("code", _wrong_code())
    return render_form_page(
        request,
        "accounts/two_factor_enrol.html",
        {
            "form": form,
            "qr_svg": security.qr_svg(device),
            "secret": security.secret_text(device),
            "required": security.second_factor_required(request.user),
            "next": _next_url(request),
        },
    )


@login_required
@require_POST
def two_factor_backup_codes(request):
    """A fresh set of backup codes, shown once."""
    if security.confirmed_device(request.user) is None:
        return redirect("accounts:profile")
    codes = security.new_backup_codes(request.user)
    return render(
        request,
        "accounts/two_factor_backup_codes.html",
        {"codes": codes, "next": resolve_url(settings.LOGIN_REDIRECT_URL)},
    )


@login_required
def two_factor_disable(request):
    """Turn two-step sign-in off, with a current code as proof that the person holds the app."""
    if security.confirmed_device(request.user) is None:
        return redirect("accounts:profile")
    if security.second_factor_required(request.user):
        messages.error(request, _("Secretariat accounts must keep two-step sign-in."))
        return redirect("accounts:profile")
    form = CodeForm(request.POST or None)
    accepted, status = _code_accepted(request, form)
    if accepted:
        security.turn_off(request)
        messages.success(request, _("Two-step sign-in is off for your account."))
        return redirect("accounts:profile")
    return render(request, "accounts/two_factor_disable.html", {"form": form}, status=status)


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You are signed out."))
        return response


class PasswordResetView(RefusedFormStatus, auth_views.PasswordResetView):
    pass


class PasswordResetConfirmView(RefusedFormStatus, auth_views.PasswordResetConfirmView):
    pass


password_reset = PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    form_class=PasswordResetForm,
    success_url=reverse_lazy("accounts:password-reset-done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password-reset-complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer once an address and IP address have failed too often: the same page
    whether or not the address has an account, in the page's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/lockout.html",
        {"lockout_minutes": minutes},
        status=getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429),
    )
