"""The Atom feed and the iCalendar of trainings, read by other people's tools: their addresses
carry no language; `?lang=` chooses the language of titles and links (English by default)."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cophub.core.i18n import LANGUAGE_CODES, format_list

from . import selectors

# The newest 25 trainings announced: a reader polls for what is new; the list page has the rest.
FEED_LENGTH = 25


def _feed_language(request) -> str:
    asked = request.GET.get("lang", "")
    return asked if asked in LANGUAGE_CODES else settings.LANGUAGE_CODE


def _where(training) -> str:
    places = [training.place] if training.place else []
    return format_list([*places, _("Online")] if training.online else places)


class TrainingFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        with translation.override(_feed_language(request)):
            return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("COP Hub: trainings")

    def subtitle(self):
        return _("Trainings on child online protection announced on COP Hub")

    def link(self):
        return reverse("trainings:list")

    def items(self):
        return selectors.trainings().order_by("-created_at", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.summary}\n\n{item.get_audience_display()} · {_where(item)}"

    def item_link(self, item):
        return reverse("trainings:detail", args=[item.slug])

    def item_guid(self, item):
        return f"tag:cophub,{item.created_at:%Y-%m-%d}:training-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at

    def item_categories(self, item):
        return [item.get_audience_display()]


@require_safe
def trainings_calendar(request):
    """Every training as an event at its hours, with its time zone and its address on COP Hub."""
    with translation.override(_feed_language(request)):
        import icalendar  # on first use: a worker that never draws one does not hold it

        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//COP Hub//Trainings//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", _("COP Hub: trainings"))
        for training in selectors.trainings():
            event = icalendar.Event()
            event.add("uid", f"training-{training.pk}@cophub")
            event.add("summary", training.title)
            event.add("dtstart", training.starts_at.astimezone(training.zone))
            event.add("dtend", training.ends_at.astimezone(training.zone))
            event.add("dtstamp", datetime.datetime.now(datetime.UTC))
            event.add("location", _where(training))
            event.add("categories", [training.get_audience_display()])
            event.add(
                "url",
                request.build_absolute_uri(reverse("trainings:detail", args=[training.slug])),
            )
            event.add("description", training.summary)
            calendar.add_component(event)
        calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="trainings.ics"'
    return response
