from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cophub.core.errors import DomainError

from . import services
from .forms import AccountRequestForm, PasswordResetForm


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
    return render(request, "accounts/request_account.html", {"form": form})


@require_safe
def request_sent(request):
    return render(request, "accounts/request_sent.html")


@login_required
@require_safe
def profile(request):
    return render(request, "accounts/profile.html")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You are signed out."))
        return response


password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    form_class=PasswordResetForm,
    email_template_name="accounts/email/password_reset.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password-reset-done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password-reset-complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
