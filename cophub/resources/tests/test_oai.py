"""OAI-PMH read back by Sickle, a harvester library, against a live server."""

import pytest
from lxml import etree
from sickle import Sickle
from sickle.oaiexceptions import (
    BadArgument,
    BadResumptionToken,
    CannotDisseminateFormat,
    IdDoesNotExist,
    NoRecordsMatch,
)

from cophub.accounts.permissions import SYSTEM
from cophub.resources import oai
from cophub.resources.models import Resource

from .factories import make_resource

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def harvester(live_server):
    return Sickle(f"{live_server.url}/oai", max_retries=0)


def test_harvester_lists_every_public_resource_with_resumption(harvester, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 3)
    made = {make_resource(titles={"en": f"Resource {i}"}).slug for i in range(8)}
    make_resource(titles={"en": "Waiting"}, status=Resource.Status.SUBMITTED)
    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    assert {r.header.identifier.rsplit(":", 1)[1] for r in records} == made
    assert records[0].metadata["title"] == ["Resource 0"]
    identifiers = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="kind:best_practice"))
    assert len(identifiers) == 8


def test_harvester_lists_the_whole_demo_repository_page_by_page(harvester):
    from cophub.resources import selectors
    from cophub.resources.demo import load_demo

    load_demo()
    public = set(selectors.public_resources().values_list("slug", flat=True))
    assert len(public) > 3 * oai.PAGE_SIZE
    responses = harvester.ListIdentifiers(metadataPrefix="oai_dc")
    harvested = [header.identifier.rsplit(":", 1)[1] for header in responses]
    assert len(harvested) == len(set(harvested))
    assert set(harvested) == public
    # The last page's empty token closes a list that came in several pages.
    assert 'cursor="300"' in responses.oai_response.raw


def test_identify_formats_sets_and_get_record(harvester):
    resource = make_resource(titles={"en": "Chat", "ar": "دردشة"})
    identify = harvester.Identify()
    assert identify.protocolVersion == "2.0"
    assert [f.metadataPrefix for f in harvester.ListMetadataFormats()] == ["oai_dc"]
    specs = {s.setSpec for s in harvester.ListSets()}
    assert {"kind:guideline", "audience:children-under-9"} <= specs
    record = harvester.GetRecord(
        identifier=f"oai:localhost:{resource.slug}", metadataPrefix="oai_dc"
    )
    assert set(record.metadata["title"]) == {"Chat", "دردشة"}


def test_errors_are_oai_error_codes(harvester):
    assert 'code="badVerb"' in harvester.harvest(verb="Dance").raw
    with pytest.raises(BadArgument):
        harvester.ListRecords()
    with pytest.raises(BadResumptionToken):
        harvester.ListRecords(resumptionToken="forged")
    with pytest.raises(CannotDisseminateFormat):
        harvester.ListRecords(metadataPrefix="marc21")
    with pytest.raises(IdDoesNotExist):
        harvester.GetRecord(identifier="oai:localhost:nothing", metadataPrefix="oai_dc")
    with pytest.raises(NoRecordsMatch):
        harvester.ListRecords(metadataPrefix="oai_dc", set="kind:guideline")
    with pytest.raises(BadArgument):
        harvester.ListRecords(metadataPrefix="oai_dc", set="colour:blue")
    with pytest.raises(BadArgument):
        harvester.ListRecords(**{"metadataPrefix": "oai_dc", "from": "yesterday"})


def test_repeated_argument_is_bad_argument(client):
    response = client.get("/oai?verb=Identify&verb=Identify")
    root = etree.fromstring(response.content)
    assert root.find(f"{{{oai.OAI}}}error").get("code") == "badArgument"


def test_withdrawn_and_deleted_resources_are_harvested_as_deleted(harvester, monkeypatch):
    from cophub.accounts.tests.factories import SecretariatFactory
    from cophub.resources import services

    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    kept = [make_resource(titles={"en": f"Kept {i}"}) for i in range(3)]
    withdrawn = make_resource(titles={"en": "Withdrawn"}, kind=Resource.Kind.CAMPAIGN)
    deleted = make_resource(titles={"en": "Deleted"})
    never_public = make_resource(titles={"en": "Waiting"}, status=Resource.Status.SUBMITTED)
    assert harvester.Identify().deletedRecord == "persistent"
    services.withdraw_resource(resource=withdrawn, reviewer=SecretariatFactory())
    services.delete_resources(resources=[deleted, never_public], by=SYSTEM)

    # Five headers over three pages: the deleted ones come after the records, with resumption.
    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    slugs = {r.header.identifier.rsplit(":", 1)[1]: r for r in records}
    assert set(slugs) == {r.slug for r in kept} | {withdrawn.slug, deleted.slug}
    assert [slug for slug, r in slugs.items() if r.deleted] == [withdrawn.slug, deleted.slug]
    assert "metadata>" not in slugs[withdrawn.slug].raw
    assert slugs[withdrawn.slug].header.setSpecs == ["kind:campaign", "audience:children-9-12"]

    # A harvester asking only for what changed since its last visit learns of the withdrawal.
    since = slugs[withdrawn.slug].header.datestamp
    recent = list(harvester.ListIdentifiers(**{"metadataPrefix": "oai_dc", "from": since}))
    assert {h.identifier.rsplit(":", 1)[1] for h in recent if h.deleted} == {
        withdrawn.slug,
        deleted.slug,
    }
    campaigns = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="kind:campaign"))
    assert [(h.identifier.rsplit(":", 1)[1], h.deleted) for h in campaigns] == [
        (withdrawn.slug, True)
    ]
    record = harvester.GetRecord(
        identifier=f"oai:localhost:{deleted.slug}", metadataPrefix="oai_dc"
    )
    assert record.deleted
