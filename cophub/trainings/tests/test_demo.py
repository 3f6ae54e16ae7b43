import pytest

from cophub.trainings import demo, selectors

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_training_held_and_one_to_come_and_loads_once():
    demo.load_demo()
    demo.load_demo()
    [held] = selectors.past_trainings()
    [coming] = selectors.upcoming_trainings()
    assert held.is_demo and coming.is_demo
    assert held.place == "Dakar, Senegal" and not held.online
    assert coming.online and str(coming.starts_at.astimezone(coming.zone).hour) == "14"


def test_the_demo_has_a_request_waiting_and_one_declined_with_its_reason():
    demo.load_demo()
    demo.load_demo()
    waiting, declined = sorted(selectors.training_requests(), key=lambda r: r.state != "received")
    assert (waiting.country_id, waiting.state, waiting.is_demo) == ("FJ", "received", True)
    assert (declined.country_id, declined.state) == ("SN", "declined")
    assert declined.reason.startswith("Demo data") and declined.requested_by.country_id == "SN"
