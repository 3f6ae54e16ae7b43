"""What a page holding a form answers when the form it was sent is refused."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseForm, BaseFormSet
from django.forms.renderers import DjangoTemplates
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

# A form sent and refused is answered with its page again, its errors shown, and this status: the
# one the API answers for input it refuses (core.errors.DomainError.status), so that a client, a
# log or a probe sees the refusal without reading the page.
REFUSED_STATUS = 422


class DateInput(forms.DateInput):
    """A date picker. HTML's `type=date` reads its value only as YYYY-MM-DD, whatever the
    page's language: a value written the French way (07/12/2026) is dropped by the browser, and
    the form sent back without it. So the value is always written in ISO 8601."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def readable_text(value: str) -> None:
    """Refuse text that was not sent as UTF-8: Django reads such bytes as U+FFFD, the
    replacement character, which no one types; storing it would keep a garbled title."""
    if "\ufffd" in value:
        raise ValidationError(
            _(
                "This text holds characters that could not be read (it was not sent as UTF-8). "
                "Type or paste it again."
            ),
            code="unreadable",
        )


def refused(*forms: BaseForm | BaseFormSet | None) -> bool:
    """Whether any of the forms was sent and refused (its errors are then computed)."""
    return any(form is not None and form.is_bound and not form.is_valid() for form in forms)


def render_form_page(
    request: HttpRequest, template_name: str, context: dict, status: int = 200
) -> HttpResponse:
    """`render`, with REFUSED_STATUS when a form or formset in `context` was sent and refused."""
    forms = [value for value in context.values() if isinstance(value, BaseForm | BaseFormSet)]
    return render(
        request, template_name, context, status=REFUSED_STATUS if refused(*forms) else status
    )


class RefusedFormStatus:
    """For Django's class-based form views (sign-in, password reset): the page of a refused
    form answers REFUSED_STATUS, as `render_form_page` does for the others."""

    def form_invalid(self, form):
        response = super().form_invalid(form)  # type: ignore[misc]
        response.status_code = REFUSED_STATUS
        return response


class FormRenderer(DjangoTemplates):
    """Every form's fields through one template (core/includes/field.html), whether a page
    includes core/includes/form.html or writes `{{ field.as_field_group }}`: the marker
    "optional" then comes from the field itself, the same on every page."""

    field_template_name = "core/includes/field.html"
