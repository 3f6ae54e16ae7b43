from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cophub.core import selectors as core
from cophub.jobs.services import queue_mail

from .models import REQUESTABLE_ROLES, User

RESET_EMAIL_TEMPLATE = "accounts/email/password_reset.txt"
RESET_SUBJECT_TEMPLATE = "accounts/email/password_reset_subject.txt"


class PasswordResetForm(DjangoPasswordResetForm):
    """Also reaches accounts that have never had a password: an approved delegate whose first
    link expired chooses one the same way as anyone who forgot theirs.

    save() does the same for every address: it records the request and queues it
    (services.request_password_reset); the task calls write_links() to find the account and
    write the mail."""

    def get_users(self, email):
        return User.objects.filter(email__iexact=email, is_active=True)

    def save(self, *, request, use_https=False, **kwargs):
        from .services import request_password_reset

        request_password_reset(
            email=self.cleaned_data["email"],
            language=translation.get_language(),
            domain=request.get_host(),
            use_https=use_https,
        )

    def write_links(self, *, domain: str, use_https: bool) -> None:
        """Django's reset: a link for each active account with the address, into the outbox."""
        super().save(
            domain_override=domain,
            use_https=use_https,
            email_template_name=RESET_EMAIL_TEMPLATE,
            subject_template_name=RESET_SUBJECT_TEMPLATE,
        )

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        """Into the outbox, for the task queue to send: the answer does not wait for the mail
        server, so a known address is not told from an unknown one by the time it takes."""
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        queue_mail(to=context["user"].email, subject=subject, body=body)


class AccountRequestForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(
        label=_("You will take part as"),
        choices=[(role.value, role.label) for role in REQUESTABLE_ROLES],
        widget=forms.RadioSelect,
    )
    country = forms.ModelChoiceField(
        label=_("Member State you represent"),
        queryset=core.countries(itu_members_only=True),
        required=False,
        help_text=_("Only for Member State delegates."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Your organisation"),
        queryset=core.organisations(),
        required=False,
        help_text=_("For Sector Member delegates and members of stakeholder organisations."),
    )
    organisation_name = forms.CharField(
        label=_("Organisation, if it is not in the list"), max_length=200, required=False
    )
    position = forms.CharField(label=_("Position or function"), max_length=200)
    note = forms.CharField(
        label=_("Why you need an account"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language for our messages"), choices=settings.LANGUAGES
    )

    # Required for some roles only: the help text says which, and "(optional)" would mislead.
    conditional_fields = ("country", "organisation", "organisation_name")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per request, so that the lists follow the page's language and its alphabet.
        self.fields["country"].queryset = core.countries(itu_members_only=True)
        self.fields["organisation"].queryset = core.organisations()
        for name in self.conditional_fields:
            self.fields[name].conditional = True


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app, or one of the backup codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_(
            "The six digits your authenticator app shows now, or one of your backup codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )
