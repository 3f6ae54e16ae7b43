"""The meeting page's part on the meeting's report and its decisions and actions."""

from django import template

from cophub.accounts.permissions import is_secretariat

from .. import dispatch, outcomes
from ..models import MeetingReport

register = template.Library()


@register.inclusion_tag("workgroup/includes/meeting_outcomes.html", takes_context=True)
def meeting_outcomes(context, meeting):
    user = context["request"].user
    report = outcomes.report_of(meeting)
    carried, own = outcomes.standing_on(meeting)
    return {
        "meeting": meeting,
        "report": report,
        "carried": carried,
        "own": own,
        "show_report_link": is_secretariat(user)
        or outcomes.may_read_draft(report, user)
        or (report is not None and report.status == MeetingReport.Status.APPROVED),
        "request": context["request"],
    }


@register.inclusion_tag("workgroup/includes/document_dispatches.html", takes_context=True)
def document_dispatches(context, document):
    """Where the document was sent; for the secretariat, the way to send it."""
    return {
        "document": document,
        "dispatches": dispatch.dispatches_of(document),
        "may_send": is_secretariat(context["request"].user) and dispatch.sendable(document),
    }
