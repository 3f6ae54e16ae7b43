"""Under concurrent submissions: a form counts once, tallies lose no update."""

import threading

import pytest
from django.db import connection
from django.db.models import Sum

from cophub.consultations import services
from cophub.consultations.models import Answer, DeviceTally, Response
from cophub.core.errors import DomainError

from .factories import answers_for, consultation, token_for

pytestmark = pytest.mark.django_db(transaction=True)


def _in_threads(count, target):
    outcomes = []
    lock = threading.Lock()
    barrier = threading.Barrier(count)

    def run(index):
        barrier.wait()
        try:
            result = target(index)
        except Exception as error:  # noqa: BLE001 - the outcome is what is checked
            result = error
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_the_same_form_sent_at_once_from_eight_places_is_stored_once():
    item = consultation()
    token = token_for(item)
    answers = answers_for(item, text="hello")
    outcomes = _in_threads(
        8,
        lambda i: services.submit_response(
            consultation=item, token=token, answers=answers, device=f"d{i}"
        ),
    )
    stored = [o for o in outcomes if isinstance(o, services.Submission)]
    refused = [o for o in outcomes if isinstance(o, services.AlreadySent)]
    assert len(stored) == 1 and len(refused) == 7
    assert Response.objects.count() == 1
    assert Answer.objects.count() == 4


def test_the_device_tally_counts_every_concurrent_submission():
    item = consultation(device_limit=1000)
    tokens = [token_for(item) for _ in range(10)]
    answers = answers_for(item)
    outcomes = _in_threads(
        10,
        lambda i: services.submit_response(
            consultation=item, token=tokens[i], answers=answers, device="school"
        ),
    )
    assert all(isinstance(o, services.Submission) for o in outcomes)
    assert DeviceTally.objects.aggregate(total=Sum("count"))["total"] == 10


def test_one_device_sending_at_once_is_held_to_its_limit_exactly():
    item = consultation(device_limit=5)
    tokens = [token_for(item) for _ in range(12)]
    answers = answers_for(item)
    outcomes = _in_threads(
        12,
        lambda i: services.submit_response(
            consultation=item, token=tokens[i], answers=answers, device="school"
        ),
    )
    stored = [o for o in outcomes if isinstance(o, services.Submission)]
    refused = [o for o in outcomes if isinstance(o, DomainError)]
    assert (len(stored), len(refused)) == (5, 7)
    assert Response.objects.count() == 5
    answered = [key for key, values in answers.items() if any(values)]  # free text left out
    assert Answer.objects.count() == 5 * len(answered)
    assert DeviceTally.objects.aggregate(total=Sum("count"))["total"] == 5
