"""Scripted stuffing of a youth consultation: scripts that fetch the form and post it many
times, fast, from one address and from many, and what ends up stored. Nothing about anyone is
kept to stop them: the minimum answering time is signed into the form, the trap field is in the
page, the per-address limit counts keyed hashes in the cache."""

import datetime
import re
import time

import django_ratelimit.core
import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from cophub.consultations import services
from cophub.consultations.forms import TRAP_FIELD
from cophub.consultations.models import Answer, DeviceTally, Response

from .factories import answers_for, consultation, token_for

pytestmark = pytest.mark.django_db

KIND = (
    "Thank you! You answered very quickly. Please take a moment to check your answers, "
    "then send them again."
)


class FrozenClock:
    """The rate limits' clock, standing still: no window ends in the middle of a test."""

    now = 1_800_000_000.0

    def time(self):
        return self.now


@pytest.fixture
def defences(settings, monkeypatch):
    monkeypatch.setattr(django_ratelimit.core, "time", FrozenClock())
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMITS = {**settings.RATELIMITS, "consultation": "10/m"}
    settings.CONSULTATION_MIN_ANSWER_SECONDS = 3
    cache.clear()
    yield settings
    cache.clear()


def fetch_form(client, item, address: str) -> tuple[str, str]:
    """What a script does first: the consent step, then the question page; returns the signed
    form and the page."""
    consent = {"age_band": "16-17", "sex": "boy", "country": "KE", "consent": "on"}
    answer = client.post(f"/en/consultations/{item.slug}/take-part/", consent, REMOTE_ADDR=address)
    assert answer.status_code == 200, answer.status_code
    page = answer.content.decode()
    return re.search(r'name="p" value="([^"]+)"', page).group(1), page


def post_answers(client, item, token, address, *, fill_every_field=False, lang="en"):
    data = {"p": token, **answers_for(item, text="More lessons about privacy")}
    if fill_every_field:  # a form filler that puts something in every text box it finds
        data[TRAP_FIELD] = "https://example.org"
    return client.post(
        f"/{lang}/consultations/{item.slug}/questions/",
        data,
        REMOTE_ADDR=address,
        HTTP_USER_AGENT="stuffer/1.0",
    )


def test_the_trap_field_is_in_the_page_hidden_from_people(client):
    item = consultation()
    _token, page = fetch_form(client, item, "198.51.100.1")
    trap = re.search(r'<div class="trap" aria-hidden="true">(.*?)</div>', page, re.S)
    assert trap, page
    assert f'<label for="id_{TRAP_FIELD}">Leave this field empty</label>' in trap.group(1)
    assert 'tabindex="-1"' in trap.group(1) and 'autocomplete="off"' in trap.group(1)
    css = client.get("/static/consultations/consultations.css")
    assert ".trap { display: none; }" in b"".join(css.streaming_content).decode()


def test_a_script_filling_the_trap_is_thanked_like_anyone_and_nothing_is_stored(client, defences):
    defences.CONSULTATION_MIN_ANSWER_SECONDS = 0
    item = consultation()
    token, _page = fetch_form(client, item, "198.51.100.1")
    trapped = post_answers(client, item, token, "198.51.100.1", fill_every_field=True)
    assert Response.objects.count() == 0 and Answer.objects.count() == 0
    assert DeviceTally.objects.count() == 0
    token, _page = fetch_form(client, item, "198.51.100.2")
    stored = post_answers(client, item, token, "198.51.100.2")
    assert Response.objects.count() == 1
    # The script cannot tell a refused submission from a stored one.
    assert (trapped.status_code, trapped.content) == (stored.status_code, stored.content)
    assert "Your answers have been sent" in stored.content.decode()


def test_answers_sent_too_soon_are_refused_and_the_same_form_goes_through_later(db, settings):
    settings.CONSULTATION_MIN_ANSWER_SECONDS = 5
    item = consultation()
    served = timezone.now().replace(microsecond=0)
    token = services.start_participation(
        consultation=item, age_band="13-15", sex="girl", country="KE", consent=True,
        adult_agrees=False, language="en", now=served,
    )  # fmt: skip
    answers = answers_for(item, text="Teach us about privacy")
    too_soon = served + datetime.timedelta(seconds=4)
    with pytest.raises(services.AnsweredTooFast) as refused:
        services.submit_response(
            consultation=item, token=token, answers=answers, device="d", now=too_soon
        )
    assert refused.value.message == KIND
    assert Response.objects.count() == 0 and DeviceTally.objects.count() == 0
    services.submit_response(
        consultation=item,
        token=token,
        answers=answers,
        device="d",
        now=served + datetime.timedelta(seconds=5),
    )
    assert Response.objects.count() == 1


def test_a_tampered_time_in_the_form_is_refused(db, settings):
    settings.CONSULTATION_MIN_ANSWER_SECONDS = 5
    item = consultation()
    token = token_for(item)
    payload, _signed_at, signature = token.rsplit(":", 2)
    earlier = f"{payload}:{_signed_at[:-1]}0:{signature}"
    with pytest.raises(services.DomainError) as refused:
        services.read_participation(consultation=item, token=earlier)
    assert "Please start again" in refused.value.message


@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_a_child_who_was_too_fast_keeps_their_answers_and_reads_a_kind_message(
    client, defences, lang
):
    defences.CONSULTATION_MIN_ANSWER_SECONDS = 60
    item = consultation()
    token, _page = fetch_form(client, item, "198.51.100.1")
    answer = post_answers(client, item, token, "198.51.100.1", lang=lang)
    assert answer.status_code == 422
    html = answer.content.decode()
    with translation.override(lang):
        kind = translation.gettext(KIND)
    if lang != "en":
        assert kind != KIND
    assert f'<p class="notice" role="status" id="check-answers">{kind}</p>' in html
    assert "error-summary" not in html  # nothing is wrong with the answers
    chosen = answers_for(item)
    first_question, first_option = next(iter(chosen.items()))
    assert re.search(rf'name="{first_question}" value="{first_option[0]}"[^>]*checked', html), (
        "the answers are kept on the page"
    )
    assert f'name="p" value="{token}"' in html
    assert Response.objects.count() == 0


def test_scripted_stuffing_from_one_address(client, defences):
    item = consultation()
    address = "203.0.113.9"
    # A form filler, as fast as it can: the trap and the minimum time stop every post, and
    # the per-address limit (10 posts a minute: 5 consent steps and 5 answers) the rest.
    statuses = []
    for _ in range(5):
        token, _page = fetch_form(client, item, address)
        statuses.append(
            post_answers(client, item, token, address, fill_every_field=True).status_code
        )
    assert statuses == [200] * 5  # thanked, stored nothing
    for _ in range(20):
        statuses.append(post_answers(client, item, "x", address).status_code)
    assert set(statuses[5:]) == {429}
    assert Response.objects.count() == 0
    # Next minute, a script that skips the trap but does not wait.
    FrozenClock.now += 61
    try:
        tokens = [fetch_form(client, item, address)[0] for _ in range(3)]
        fast = [post_answers(client, item, token, address).status_code for token in tokens]
        assert fast == [422, 422, 422]
        assert Response.objects.count() == 0
        # The same forms, resent once the minimum time has passed, are stored; then the
        # address has used its 10 posts of the minute (3 consent steps, 3 fast answers, 3
        # resent, one more) and nothing more gets in.
        time.sleep(3.1)
        later = [post_answers(client, item, token, address).status_code for token in tokens]
        assert later == [200, 200, 200]
        assert post_answers(client, item, token_for(item), address).status_code == 422
        refused = post_answers(client, item, token_for(item), address)
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) >= 1
        assert Response.objects.count() == 3
    finally:
        FrozenClock.now -= 61


def test_scripted_stuffing_from_many_addresses(client, defences):
    item = consultation()
    addresses = [f"198.51.100.{n}" for n in range(1, 41)]
    for address in addresses:  # a form filler, one post from each of 40 addresses
        token, _page = fetch_form(client, item, address)
        assert post_answers(client, item, token, address, fill_every_field=True).status_code == 200
    for address in addresses:  # the same without the trap, as fast
        token, _page = fetch_form(client, item, address)
        assert post_answers(client, item, token, address).status_code == 422
    assert Response.objects.count() == 0
    # A script that skips the trap, waits, and changes address each time gets through: the
    # limits are a brake, not an identity check (docs/consultations.md). Each address is a
    # device of its own, counted in its own tally.
    tokens = [fetch_form(client, item, address)[0] for address in addresses[:10]]
    time.sleep(3.1)
    for token, address in zip(tokens, addresses[:10], strict=True):
        assert post_answers(client, item, token, address).status_code == 200
    assert Response.objects.count() == 10
    assert DeviceTally.objects.values("digest").distinct().count() == 10


def test_behind_the_load_balancer_each_client_has_a_device_tally_of_its_own(client, settings):
    settings.BEHIND_PROXY = True
    item = consultation(device_limit=2)
    balancer = "10.0.0.2"  # every request reaches the app from the load balancer
    for visitor in ("203.0.113.5", "203.0.113.6"):
        for _ in range(2):
            token, _page = fetch_form(client, item, balancer)
            answer = client.post(
                f"/en/consultations/{item.slug}/questions/",
                {"p": token, **answers_for(item)},
                REMOTE_ADDR=balancer,
                HTTP_X_FORWARDED_FOR=f"192.0.2.1, {visitor}",
            )
            assert answer.status_code == 200
    assert Response.objects.count() == 4
    token, _page = fetch_form(client, item, balancer)
    full = client.post(
        f"/en/consultations/{item.slug}/questions/",
        {"p": token, **answers_for(item)},
        REMOTE_ADDR=balancer,
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    assert "many answers from this device" in full.content.decode()
    assert Response.objects.count() == 4
