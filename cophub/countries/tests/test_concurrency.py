"""Two secretariat members reviewing the same proposal at once: it is applied once."""

import threading

import pytest
from django.db import connections

from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory
from cophub.core.errors import DomainError
from cophub.countries import services
from cophub.countries.models import Change, Evidence, Proposal

from .factories import country

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_proposal_is_applied_once_when_reviewed_twice_at_the_same_time():
    proposal = services.propose_change(
        country=country("KE"),
        kind="measure",
        payload={
            "item": "tec-hotline",
            "status": "in_force",
            "evidence": [{"title": "Decree", "year": 2021, "url": "https://example.org/d"}],
        },
        by=DelegateFactory(),
    )
    reviewers = [SecretariatFactory(), SecretariatFactory()]
    start = threading.Barrier(2)
    outcomes = []

    def review(reviewer):
        try:
            start.wait()
            services.review_proposal(proposal=proposal, accept=True, by=reviewer)
            outcomes.append("accepted")
        except DomainError as error:
            outcomes.append(str(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=review, args=(r,)) for r in reviewers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["This proposal has already been reviewed.", "accepted"]
    assert Evidence.objects.count() == 1
    assert Change.objects.filter(proposal=proposal).count() == 2  # the measure and its evidence
    assert Proposal.objects.get().status == "accepted"
