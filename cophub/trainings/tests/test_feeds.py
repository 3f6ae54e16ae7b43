import feedparser
import icalendar
import pytest

from .factories import schedule

pytestmark = pytest.mark.django_db


def test_the_atom_feed_reads_back_with_each_training_and_its_address(client):
    training = schedule(days=7, title="Online safety for industry", audience="industry")
    answer = client.get("/feeds/trainings.atom?lang=fr")
    feed = feedparser.parse(answer.content)
    assert answer.status_code == 200
    assert feed.feed.title == "COP Hub : formations"
    [entry] = feed.entries
    assert entry.title == "Online safety for industry"
    assert entry.link.endswith(f"/fr/trainings/{training.slug}/")
    assert "Industrie" in entry.summary


def test_the_calendar_reads_back_with_the_hours_in_the_training_time_zone(client):
    coming = schedule(days=7, time_zone="Asia/Shanghai", online=True)
    answer = client.get("/feeds/trainings.ics?lang=zh")
    calendar = icalendar.Calendar.from_ical(answer.content)
    [event] = calendar.walk("VEVENT")
    assert answer.status_code == 200
    starts = event.decoded("dtstart")
    assert str(starts.tzinfo) == "Asia/Shanghai"
    assert starts == coming.starts_at.replace(microsecond=0)
    assert event.decoded("dtend") == coming.ends_at.replace(microsecond=0)
    # Place and "online" joined as Chinese joins a list (CLDR), not with a Latin comma.
    assert str(event["location"]) == "Beijing和线上"
    assert str(event["url"]).endswith(f"/zh/trainings/{coming.slug}/")
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Asia/Shanghai"
