import datetime

import pytest
from django.db.models import Sum
from django.utils import timezone, translation

from cophub.accounts.permissions import SYSTEM
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.consultations import services
from cophub.consultations.models import Answer, Consultation, DeviceTally, Response
from cophub.core.errors import DomainError

from .factories import (
    MeetingFactory,
    answers_for,
    consultation,
    move_to_past,
    respond,
    token_for,
)

pytestmark = pytest.mark.django_db


def test_a_response_keeps_only_band_sex_country_language_and_day():
    item = consultation()
    submission = respond(item, text="I would tell my sister.", age_band="16-17", sex="boy")
    response = Response.objects.get()
    assert submission.response == response
    assert (response.age_band, response.sex, response.country_id) == ("16-17", "boy", "KE")
    assert response.submitted_on == timezone.now().date()
    stored = {field.name for field in Response._meta.get_fields() if field.concrete}
    assert stored == {
        "id",
        "consultation",
        "age_band",
        "sex",
        "country",
        "language",
        "submitted_on",
        "receipt",
    }
    assert Answer.objects.filter(response=response).count() == 4
    assert not submission.danger


def test_free_text_is_stored_redacted():
    item = consultation()
    respond(item, text="Call me on +44 7700 900123 or mail lina.k@gmail.com", country="GB")
    text = Answer.objects.exclude(text="").get().text
    assert "7700" not in text and "gmail" not in text
    assert "[phone]" in text and "[e-mail]" in text


def test_danger_is_flagged_for_moderators():
    item = consultation()
    submission = respond(item, text="My stepdad hits me when he is drunk")
    assert submission.danger
    answer = Answer.objects.get(danger=True)
    assert answer.moderation == Answer.Moderation.PENDING


def test_the_window_must_close_before_the_meeting():
    meeting = MeetingFactory(starts_on=datetime.date(2030, 3, 10))
    item = Consultation(
        meeting=meeting, slug="late", title_en="Late", opens_on=datetime.date(2030, 3, 9),
        opens_at_time=datetime.time(12, 0), time_zone="Europe/Zurich",
    )  # fmt: skip
    with pytest.raises(DomainError) as error:
        services.schedule_consultation(consultation=item, by=SYSTEM)
    assert error.value.field == "opens_on"
    assert not Consultation.objects.filter(slug="late").exists()
    item.opens_on = datetime.date(2030, 3, 8)
    item.opens_at_time = datetime.time(9, 0)
    services.schedule_consultation(consultation=item, by=SYSTEM)
    # 09:00 in Zurich in March is 08:00 UTC; 24 hours by default.
    assert item.opens_at == datetime.datetime(2030, 3, 8, 8, 0, tzinfo=datetime.UTC)
    assert item.closes_at == datetime.datetime(2030, 3, 9, 8, 0, tzinfo=datetime.UTC)
    assert len(bytes(item.duplicate_key)) == 32


@pytest.mark.parametrize("state", ["upcoming", "closed"])
def test_no_answer_outside_the_window(state):
    item = consultation(state=state)
    with translation.override("ar"), pytest.raises(DomainError) as error:
        services.start_participation(
            consultation=item, age_band="13-15", sex="girl", country="EG", consent=True,
            adult_agrees=False, language="ar",
        )  # fmt: skip
    assert "المشاورة" in str(error.value.message)


def test_answers_sent_after_the_window_closed_are_not_stored():
    item = consultation()
    token = token_for(item)
    move_to_past(item)
    with pytest.raises(DomainError):
        services.submit_response(
            consultation=item, token=token, answers=answers_for(item), device="d"
        )
    assert not Response.objects.exists()


def test_consent_and_age_rules():
    item = consultation()
    base = dict(consultation=item, sex="girl", country="FR", language="fr")
    with pytest.raises(DomainError) as error:
        services.start_participation(age_band="13-15", consent=False, adult_agrees=False, **base)
    assert error.value.field == "consent"
    with pytest.raises(DomainError) as error:
        services.start_participation(age_band="u13", consent=True, adult_agrees=False, **base)
    assert error.value.field == "adult_agrees"
    with pytest.raises(DomainError) as error:
        services.start_participation(age_band="30-40", consent=True, adult_agrees=False, **base)
    assert error.value.field == "age_band"
    with pytest.raises(DomainError) as error:
        services.start_participation(
            consultation=item, age_band="13-15", sex="girl", country="XX", language="fr",
            consent=True, adult_agrees=False,
        )  # fmt: skip
    assert error.value.field == "country"


def test_under_13s_answer_no_free_text():
    item = consultation()
    respond(item, age_band="u13", text="My name is Sam and I live at 12 Baker Street")
    response = Response.objects.get()
    assert response.age_band == "u13"
    assert not Answer.objects.filter(response=response).exclude(text="").exists()
    assert Answer.objects.filter(response=response).count() == 3


def test_unknown_option_and_missing_answer_store_nothing():
    item = consultation()
    answers = answers_for(item)
    single, multiple, scale, _text = list(answers)
    answers[single] = ["999999"]
    answers[multiple] = [answers[multiple][0], "abc"]
    answers[scale] = []
    with translation.override("zh"), pytest.raises(services.InvalidAnswers) as error:
        services.submit_response(
            consultation=item, token=token_for(item), answers=answers, device="d"
        )
    assert set(error.value.errors) == {single, multiple, scale}
    assert error.value.errors[scale] == "请回答这个问题。"
    assert not Response.objects.exists() and not Answer.objects.exists()


@pytest.mark.parametrize(
    "text, words",
    [
        ("x" * 100_000, "too long"),
        ("<script>alert(1)</script> I like games", "plain text"),
        ("I like games \u202egnp.exe", "hidden characters"),
    ],
)
def test_bad_free_text_is_refused_with_a_clear_message(text, words):
    item = consultation()
    answers = answers_for(item, text=text)
    with pytest.raises(services.InvalidAnswers) as error:
        services.submit_response(
            consultation=item, token=token_for(item), answers=answers, device="d"
        )
    assert words in str(error.value.errors[list(answers)[3]])
    assert not Response.objects.exists()


def test_a_replayed_form_counts_once():
    item = consultation()
    token = token_for(item)
    services.submit_response(consultation=item, token=token, answers=answers_for(item), device="d")
    with pytest.raises(services.AlreadySent):
        services.submit_response(
            consultation=item, token=token, answers=answers_for(item), device="d"
        )
    assert Response.objects.count() == 1
    assert Answer.objects.count() == 3


def test_a_changed_token_is_refused():
    item = consultation()
    token = token_for(item)
    with pytest.raises(DomainError):
        services.submit_response(
            consultation=item, token=token[:-2] + "xx", answers=answers_for(item), device="d"
        )
    other = consultation(slug="other")
    with pytest.raises(DomainError):
        services.submit_response(
            consultation=other, token=token, answers=answers_for(other), device="d"
        )
    assert not Response.objects.exists()


def test_one_device_is_limited_without_storing_it():
    item = consultation(device_limit=2)
    respond(item, device="10.0.0.1|Firefox")
    respond(item, device="10.0.0.1|Firefox")
    with pytest.raises(DomainError):
        respond(item, device="10.0.0.1|Firefox")
    respond(item, device="10.0.0.2|Firefox")
    assert Response.objects.count() == 3
    digests = list(DeviceTally.objects.values("digest").annotate(total=Sum("count")))
    assert sorted(row["total"] for row in digests) == [1, 2]
    assert all("10.0.0" not in row["digest"] and len(row["digest"]) == 64 for row in digests)


@pytest.mark.parametrize("limit", [1, 7, 8, 13])
def test_a_device_reaches_its_limit_exactly_whatever_the_shards(limit):
    item = consultation(device_limit=limit)
    stored = refused = 0
    for _ in range(limit + 3):
        try:
            respond(item, device="school|Chrome")
        except DomainError as error:
            assert "many answers from this device" in error.message
            refused += 1
        else:
            stored += 1
    assert (stored, refused) == (limit, 3)
    assert Response.objects.count() == limit
    assert DeviceTally.objects.aggregate(total=Sum("count"))["total"] == limit
    assert DeviceTally.objects.count() == min(limit, services.TALLY_SHARDS)


def test_closing_destroys_the_key_tallies_and_receipts():
    item = consultation()
    respond(item)
    assert Response.objects.get().receipt
    move_to_past(item)
    assert services.close_due_consultations() == 1
    item.refresh_from_db()
    assert item.duplicate_key is None
    assert not DeviceTally.objects.exists()
    assert Response.objects.get().receipt is None
    assert services.close_due_consultations() == 0


def test_an_open_consultation_cannot_be_closed():
    item = consultation()
    with pytest.raises(DomainError):
        services.close_consultation(consultation=item)


def test_moderation():
    item = consultation()
    respond(item, text="More lessons about privacy")
    answer = Answer.objects.exclude(text="").get()
    services.moderate_answer(answer=answer, approve=True, by=SecretariatFactory())
    assert Answer.objects.get(pk=answer.pk).moderation == "approved"
    choice = Answer.objects.filter(text="").first()
    with pytest.raises(DomainError):
        services.moderate_answer(answer=choice, approve=True, by=SYSTEM)


def test_only_the_secretariat_moderates_or_schedules():
    item = consultation()
    respond(item, text="More lessons about privacy")
    answer = Answer.objects.exclude(text="").get()
    delegate = DelegateFactory()
    with translation.override("fr"), pytest.raises(DomainError) as refused:
        services.moderate_answer(answer=answer, approve=True, by=delegate)
    assert refused.value.message == "Seul le secrétariat organise les consultations des jeunes."
    assert Answer.objects.get(pk=answer.pk).moderation == answer.moderation != "approved"
    later = Consultation(
        meeting=MeetingFactory(starts_on=datetime.date(2030, 3, 10)), slug="later",
        title_en="Later", opens_on=datetime.date(2030, 3, 8), opens_at_time=datetime.time(9, 0),
        time_zone="Europe/Zurich",
    )  # fmt: skip
    with translation.override("es"), pytest.raises(DomainError) as refused:
        services.schedule_consultation(consultation=later, by=delegate)
    assert refused.value.message == "Solo la secretaría organiza las consultas de jóvenes."
    assert not Consultation.objects.filter(slug="later").exists()


def test_demo_data_loads_twice_without_duplicates():
    from cophub.accounts.tests.factories import SecretariatFactory
    from cophub.consultations.demo import load_demo
    from cophub.workgroup.demo import first_day
    from cophub.workgroup.tests.factories import AgendaItemFactory, MeetingFactory

    # The meeting held last, as the workgroup's demo plans it, with its item on consultations.
    SecretariatFactory(email="secretariat@demo.cophub.invalid")
    held = MeetingFactory(number=25, starts_on=first_day(25))
    youth = AgendaItemFactory(meeting=held, number="4")
    load_demo()
    load_demo()
    past = Consultation.objects.get(slug="safe-online")
    current = Consultation.objects.get(slug="friends-online")
    upcoming = Consultation.objects.get(slug="ai-and-you")
    now = timezone.now()
    assert past.state(now) == "closed" and past.duplicate_key is None
    assert current.state(now) == "open" and current.duplicate_key is not None
    assert upcoming.state(now) == "upcoming" and upcoming.duplicate_key is not None
    # Each serves its own meeting: the one held, the next one, the one after it.
    assert past.meeting == held and past.meeting.ends_on < now.date()
    assert now.date() < current.meeting.starts_on < upcoming.meeting.starts_on
    # The past one's summary is registered under the meeting's item on youth consultations.
    assert past.summary_document.agenda_item == youth
    assert past.summary_document.registered_at.date() < now.date()
    assert Response.objects.filter(consultation=past).count() == 240
    assert past.questions.count() == 4 and all(
        q.text_ar and q.text_zh for q in past.questions.all()
    )
