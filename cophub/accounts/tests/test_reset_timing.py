"""Whether an address has an account cannot be told from how long the reset page takes.

Measured as the probe measured it: over HTTP, against a running server (Django's live server),
without a task broker, so that the queue runs in the server's process.
"""

import math
import re
import statistics
import time

import pytest
import requests

from cophub.accounts.tests.factories import DelegateFactory
from cophub.jobs.models import OutgoingMail

TRIES = 40


def _median_error(seconds: list[float]) -> float:
    quartiles = statistics.quantiles(seconds, n=4)
    return 1.2533 * (quartiles[2] - quartiles[0]) / 1.349 / math.sqrt(len(seconds))


def _answer_seconds(session, url: str, email: str) -> float:
    form = session.get(url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    started = time.perf_counter()
    answer = session.post(
        url,
        data={"csrfmiddlewaretoken": token, "email": email},
        headers={"Referer": url},
        allow_redirects=False,
    )
    elapsed = time.perf_counter() - started
    assert answer.status_code == 302, answer.text[:500]
    return elapsed


@pytest.mark.django_db(transaction=True)
def test_a_known_address_takes_as_long_as_an_unknown_one(live_server, settings):
    assert settings.CELERY_TASK_ALWAYS_EAGER  # no broker: the work runs in the server process
    DelegateFactory(email="known@example.org")
    url = f"{live_server.url}/en/accounts/password/reset/"
    session = requests.Session()
    known, unknown = [], []
    _answer_seconds(session, url, "warm@example.org")  # the first request loads templates
    for _try in range(TRIES):
        known.append(_answer_seconds(session, url, "known@example.org"))
        time.sleep(0.1)  # let what followed the answer finish, so it slows no later answer
        unknown.append(_answer_seconds(session, url, "nobody@example.org"))
        time.sleep(0.1)
    known_median, unknown_median = statistics.median(known), statistics.median(unknown)
    # Noise: the standard error of the difference of the two medians, from the spread of each
    # kind (a median's standard error is about 1.25 σ/√n, σ about IQR/1.35), three times over, or
    # two milliseconds. On a busy machine the spread, and so the noise, grows with the load; the
    # leak this guards against (a mail sent inline: 83 against 25 ms) stays far above it.
    noise = max(0.002, 3 * math.hypot(_median_error(known), _median_error(unknown)))
    print(f"reset answer medians: known {known_median * 1000:.1f} ms, unknown "
          f"{unknown_median * 1000:.1f} ms, noise {noise * 1000:.1f} ms")  # fmt: skip
    assert abs(known_median - unknown_median) <= noise, (known_median, unknown_median)
    # and the known address did get its links.
    deadline = time.monotonic() + 10
    while OutgoingMail.objects.filter(recipient="known@example.org").count() < TRIES:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert not OutgoingMail.objects.exclude(recipient="known@example.org").exists()
