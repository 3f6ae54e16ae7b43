"""What the consultations contribute to the mandate page, the reports to Council and the
country profile (the interfaces in cophub.core)."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cophub.core.i18n import translated_value
from cophub.core.mandate import MandateWork
from cophub.core.reporting import ReportParagraph, ReportTable

from . import selectors


def mandate_records(paragraph):
    for consultation in selectors.public_consultations().filter(mandate=paragraph):
        yield MandateWork(
            title=translated_value(consultation, "title").text,
            url=reverse("consultations:detail", kwargs={"slug": consultation.slug}),
            date=consultation.opens_at.date(),
        )


def report_blocks(start: datetime.date, end: datetime.date):
    consultations = selectors.held_between(start, end)
    if not consultations:
        return [ReportParagraph(_("No youth consultation was held in the period."))]
    total = sum(consultation.participants for consultation in consultations)
    rows = [
        (
            translated_value(consultation, "title").text,
            consultation.meeting.code,
            consultation.opens_at.date(),
            consultation.participants,
        )
        for consultation in consultations
    ]
    return [
        ReportParagraph(
            ngettext(
                "In line with Council Resolution 1306 (§3), %(count)s online youth consultation "
                "was held before a meeting of the working group; young people who took part: "
                "%(total)s.",
                "In line with Council Resolution 1306 (§3), %(count)s online youth consultations "
                "were held before meetings of the working group; young people who took part: "
                "%(total)s.",
                len(consultations),
            )
            % {"count": len(consultations), "total": total}
        ),
        ReportTable(
            caption=_("Youth consultations held"),
            headers=[_("Consultation"), _("Meeting"), _("Day"), _("Participants")],
            rows=rows,
        ),
    ]


def profile_data(country):
    return selectors.participation_by_consultation_for_country(country.iso2)


def profile_gaps(country):
    held = selectors.public_consultations().filter(
        closes_at__lte=datetime.datetime.now(datetime.UTC)
    )
    if held.exists() and not profile_data(country):
        return [
            _(
                "No young people from this country took part in a youth consultation, or fewer than 5."
            )
        ]
    return []
