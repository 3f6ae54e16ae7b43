"""Atom feeds of newly registered documents and the iCalendar of meetings.

Both are read by other people's tools for years: their addresses carry no language; `?lang=`
chooses the language of titles and links (English by default).
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cophub.core.i18n import LANGUAGE_CODES

from . import selectors
from .models import DocumentType

# The newest 25 documents: a feed reader polls for what is new; the registry page lists the rest.
FEED_LENGTH = 25


def _language(request) -> str:
    language = request.GET.get("lang", "")
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


class DocumentFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        with translation.override(_language(request)):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return None

    def filters(self, obj) -> dict:
        return {}

    def title(self, obj):
        return _("COP Hub: new documents")

    def subtitle(self, obj):
        return _("Documents registered by the Council Working Group on Child Online Protection")

    def link(self, obj):
        return reverse("workgroup:registry")

    def items(self, obj):
        return selectors.registry(**self.filters(obj))[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.number}: {item.title}"

    def item_description(self, item):
        return item.abstract

    def item_link(self, item):
        return reverse("workgroup:document", args=[item.slug])

    def item_guid(self, item):
        return f"tag:cophub,{item.registered_at:%Y-%m-%d}:{item.number}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.registered_at

    def item_updateddate(self, item):
        return item.withdrawn_at or item.registered_at

    def item_author_name(self, item):
        names = [country.name for country in item.countries.all()]
        names += [
            organisation.acronym or organisation.name for organisation in item.organisations.all()
        ]
        return ", ".join(names) or _("Secretariat")

    def item_categories(self, item):
        return [item.get_document_type_display(), item.meeting.code]


class GroupDocumentFeed(DocumentFeed):
    def get_object(self, request, group):
        return selectors.group(group)

    def filters(self, obj):
        return {"group": obj.code}

    def title(self, obj):
        return _("COP Hub: new documents of %(group)s") % {"group": obj.code}


class MeetingDocumentFeed(DocumentFeed):
    def get_object(self, request, code):
        return selectors.meeting_by_code(code)

    def filters(self, obj):
        return {"meeting": obj.code}

    def title(self, obj):
        return _("COP Hub: documents of meeting %(meeting)s") % {"meeting": obj.code}

    def link(self, obj):
        return reverse("workgroup:meeting", args=[obj.code])


class TypeDocumentFeed(DocumentFeed):
    def get_object(self, request, document_type):
        if document_type not in DocumentType.values:
            raise Http404
        return document_type

    def filters(self, obj):
        return {"document_type": obj}

    def title(self, obj):
        return _("COP Hub: new documents of type “%(type)s”") % {"type": DocumentType(obj).label}


@require_safe
def meetings_calendar(request):
    """Every meeting as an all-day event in its own time zone, with its address on COP Hub."""
    with translation.override(_language(request)):
        import icalendar  # on first use: a worker that never draws one does not hold it

        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//COP Hub//Working group meetings//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", _("COP Hub: working group meetings"))
        for meeting in selectors.meetings():
            event = icalendar.Event()
            event.add("uid", f"{meeting.code}@cophub")
            event.add("summary", f"{meeting.code}: {meeting.group.name}")
            event.add("dtstart", meeting.starts_on)
            event.add("dtend", meeting.ends_on + datetime.timedelta(days=1))
            event.add("dtstamp", datetime.datetime.now(datetime.UTC))
            event.add(
                "location", _("Online") if meeting.online and not meeting.place else meeting.place
            )
            event.add(
                "url", request.build_absolute_uri(reverse("workgroup:meeting", args=[meeting.code]))
            )
            event.add(
                "description",
                _("Contribution deadline: %(date)s")
                % {"date": meeting.contribution_deadline.isoformat()},
            )
            calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response
