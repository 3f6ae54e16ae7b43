import datetime

import factory
from django.utils import timezone

from cophub.consultations import services
from cophub.consultations.models import Consultation
from cophub.consultations.sample import add_questions, answers_for  # noqa: F401
from cophub.workgroup.tests import factories as workgroup_factories


class MeetingFactory(workgroup_factories.MeetingFactory):
    """A meeting ten days from now. It takes its number from the same sequence as the working
    group's factory (a subclass shares its counter), so that meetings made by both in one test
    process never share a number."""

    starts_on = factory.LazyFunction(lambda: timezone.now().date() + datetime.timedelta(days=10))
    place = ""
    time_zone = "Europe/Zurich"


def consultation(*, state="open", questions=True, **fields) -> Consultation:
    """A published consultation whose window is open, upcoming or closed now."""
    now = timezone.now()
    opens = {
        "open": now - datetime.timedelta(hours=2),
        "upcoming": now + datetime.timedelta(days=2),
        "closed": now - datetime.timedelta(days=3),
    }[state]
    meeting = fields.pop("meeting", None) or MeetingFactory(
        starts_on=(opens + datetime.timedelta(days=4)).date()
    )
    slug = fields.pop("slug", None) or f"consultation-{Consultation.objects.count() + 1}-{state}"
    item = Consultation(
        meeting=meeting,
        slug=slug,
        title_en=fields.pop("title_en", "What makes you feel safe online?"),
        title_ar="ما الذي يجعلك تشعر بالأمان على الإنترنت؟",
        title_zh="什么让你在网上感到安全？",
        opens_on=opens.date(),
        opens_at_time=opens.time().replace(microsecond=0, second=0),
        time_zone="UTC",
        **({"published": True} | fields),
    )
    item.compute_window()
    item.duplicate_key = b"k" * 32
    item.save()
    if questions:
        add_questions(item)
    if state == "closed":
        item.duplicate_key = None
        item.save()
    return item


def token_for(item, *, age_band="13-15", sex="girl", country="KE", language="en"):
    return services.start_participation(
        consultation=item, age_band=age_band, sex=sex, country=country, consent=True,
        adult_agrees=age_band == "u13", language=language,
    )  # fmt: skip


def respond(item, *, device="device", text="", **profile):
    return services.submit_response(
        consultation=item,
        token=token_for(item, **profile),
        answers=answers_for(item, text=text),
        device=device,
    )


def move_to_past(item: Consultation) -> Consultation:
    """Let the window of a consultation that received answers end (as if a day had passed)."""
    shift = item.closes_at - item.opens_at + datetime.timedelta(hours=3)
    Consultation.objects.filter(pk=item.pk).update(
        opens_at=item.opens_at - shift, closes_at=timezone.now() - datetime.timedelta(hours=1)
    )
    item.refresh_from_db()
    return item
