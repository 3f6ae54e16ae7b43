"""The secretariat's desk: one page of what waits for it across the meeting cycle.

Account requests are decided here (not in the admin); the other lists link to the page where
each thing is done.
"""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cophub.accounts import selectors as accounts_selectors
from cophub.accounts import services as accounts_services
from cophub.accounts.permissions import secretariat_required
from cophub.consultations import selectors as consultations_selectors
from cophub.core.errors import DomainError
from cophub.core.forms import render_form_page

from . import outcomes, selectors
from .outcome_forms import AccountDecisionForm


def _desk_context(decision_form=None, refused_pk=None) -> dict:
    upcoming = selectors.meetings(upcoming=True).annotate(registered=Count("registrations"))
    return {
        "account_requests": accounts_selectors.pending_account_requests(),
        "decision_form": decision_form or AccountDecisionForm(),
        "refused_pk": refused_pk,
        # Late submissions wait like the others, flagged; the meeting's deadline rules decide
        # whether they are accepted.
        "late_submissions": selectors.submissions_waiting().filter(late=True),
        "waiting_count": selectors.submissions_waiting().count(),
        "registrations": upcoming,
        "to_moderate": consultations_selectors.answers_to_moderate(),
        "comments": outcomes.comments_waiting(),
        "actions_due": outcomes.actions_due(),
        "today": timezone.localdate(),
    }


@secretariat_required
def desk(request):
    return render_form_page(request, "workgroup/desk.html", _desk_context())


@require_POST
@secretariat_required
def decide_account_request(request, pk):
    account_request = accounts_selectors.account_request(pk)
    form = AccountDecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "approve":
                accounts_services.approve_account_request(
                    account_request=account_request,
                    decided_by=request.user,
                    base_url=request.build_absolute_uri("/").rstrip("/"),
                )
                message = _("The account of %(name)s is open; a link to set a password is sent.")
            else:
                accounts_services.reject_account_request(
                    account_request=account_request,
                    decided_by=request.user,
                    reason=data["reason"],
                )
                message = _("The request of %(name)s is rejected; the reason is sent.")
        except DomainError as error:
            form.add_error("reason" if error.field == "reason" else None, error.message)
        else:
            messages.success(request, message % {"name": account_request.full_name})
            return redirect("workgroup:desk")
    return render_form_page(
        request, "workgroup/desk.html", _desk_context(form, refused_pk=account_request.pk)
    )
