import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from cophub.accounts.permissions import SYSTEM
from cophub.accounts.tests.factories import DelegateFactory, SecretariatFactory, UserFactory
from cophub.core.errors import DomainError
from cophub.resources import selectors, services
from cophub.resources.models import LanguageVersion, Resource

from .factories import docx_upload, make_resource

pytestmark = pytest.mark.django_db


def test_vocabulary_is_loaded_in_six_languages():
    topic = selectors.topics().get(code="sextortion")
    assert topic.label_ar == "الابتزاز الجنسي"
    assert topic.label_zh == "性勒索"
    assert selectors.guideline_sets().count() == 4


def test_create_resource_indexes_titles_in_each_language():
    resource = make_resource(
        titles={"en": "Guidelines for parents", "fr": "Lignes directrices pour les parents"}
    )
    entry = resource.search_entry
    assert "parent" in entry.title_terms.split()
    assert "lign" in entry.title_terms.split()


def test_a_resource_needs_a_language_version_and_nothing_is_written():
    with pytest.raises(DomainError) as error:
        make_resource(links={})
    assert "at least one language version" in str(error.value)
    assert Resource.objects.count() == 0


def test_unknown_topic_is_refused_with_its_code():
    with pytest.raises(DomainError) as error:
        make_resource(topics=["cyberbullying", "weather"])
    assert "weather" in str(error.value)
    assert error.value.field == "topics"
    assert Resource.objects.count() == 0


def test_title_in_the_original_language_is_required():
    with pytest.raises(DomainError, match="language the resource was written in"):
        make_resource(titles={"fr": "Titre"}, original_language="en")


def test_upload_that_is_not_what_its_name_says_is_refused_and_nothing_written():
    fake = SimpleUploadedFile(
        "report.pdf", b"MZ\x90\x00 this is a program", content_type="application/pdf"
    )
    with pytest.raises(DomainError):
        make_resource(links={}, files={"en": fake})
    assert Resource.objects.count() == 0
    assert LanguageVersion.objects.count() == 0


def test_a_document_named_as_another_kind_is_refused():
    with pytest.raises(DomainError) as error:
        make_resource(links={}, files={"en": docx_upload("Text", name="report.pdf")})
    assert "DOCX" in str(error.value) and error.value.field == "file"
    assert Resource.objects.count() == 0


def test_text_extracted_from_a_file_is_searchable():
    make_resource(links={}, files={"en": docx_upload("Moderators trained in Nairobi schools")})
    found = selectors.search(selectors.SearchQuery(text="moderators Nairobi")).queryset
    assert [r.title for r in found] == ["Safer chat rooms for children"]
    assert found[0].versions.all()[0].file_kind == "docx"


def test_search_normalises_arabic_and_segments_chinese():
    make_resource(
        titles={"ar": "إرشادات للآباء والأمهات"},
        original_language="ar",
        links={"ar": "https://example.org/ar"},
    )
    make_resource(
        titles={"zh": "家长和教育工作者保护上网儿童指南"},
        original_language="zh",
        links={"zh": "https://example.org/zh"},
    )
    assert selectors.search(selectors.SearchQuery(text="ارشادات الاباء")).queryset.count() == 1
    assert selectors.search(selectors.SearchQuery(text="家长指南")).queryset.count() == 1


@pytest.mark.parametrize("query", ["x" * 10_000, "!!! ??? ... ،،، 。。"])
def test_bad_queries_get_a_clear_error(query):
    with pytest.raises(DomainError) as error:
        selectors.search(selectors.SearchQuery(text=query))
    assert error.value.field == "q"


def test_facets_count_what_each_choice_would_give():
    make_resource(countries=["KE"], published_on=datetime.date(2020, 1, 1))
    make_resource(
        countries=["KE"],
        published_on=datetime.date(2021, 1, 1),
        links={"en": "https://e.org/x", "fr": "https://e.org/y"},
    )
    make_resource(
        titles={"en": "Chat safety in Ghana"}, countries=["GH"], kind=Resource.Kind.CAMPAIGN
    )
    found = selectors.search(selectors.SearchQuery(text="chat", kind="campaign"))
    assert found.queryset.count() == 1
    kinds = {v.value: v.count for v in found.facets["kind"]}
    assert kinds == {"best_practice": 2, "campaign": 1}
    assert {v.value: v.count for v in found.facets["language"]} == {"en": 1}
    everything = selectors.search(selectors.SearchQuery(text="chat")).facets
    assert {v.value: v.count for v in everything["language"]} == {"en": 3, "fr": 1}
    assert {v.value: v.count for v in everything["country"]} == {"KE": 2, "GH": 1}
    assert {v.value: v.count for v in found.facets["country"]} == {"GH": 1}


def test_parity_matrix_marks_current_older_and_missing():
    old = make_resource(kind="guideline", guideline_set="industry", edition=2009, audiences=["industry"],
                        links={"en": "https://e.org/1", "ru": "https://e.org/2"})  # fmt: skip
    make_resource(kind="guideline", guideline_set="industry", edition=2020, audiences=["industry"],
                  previous_edition=old, links={"en": "https://e.org/3"})  # fmt: skip
    current, rows = selectors.parity_matrix(selectors.guideline_set("industry"))
    assert current == 2020
    states = {cell.language: (cell.state, cell.edition) for cell in rows[0].cells}
    assert states["en"] == ("current", 2020)
    assert states["ru"] == ("older", 2009)
    assert states["zh"] == ("missing", None)


def test_edition_history_says_what_changed():
    old = make_resource(kind="guideline", guideline_set="industry", edition=2009, audiences=["industry"],
                        titles={"en": "Guidelines for Industry"}, topics=["harmful-content"])  # fmt: skip
    new = make_resource(kind="guideline", guideline_set="industry", edition=2020, audiences=["industry"],
                        titles={"en": "Guidelines for industry"}, previous_edition=old,
                        topics=["harmful-content", "age-assurance"], links={"en": "https://e.org/a", "fr": "https://e.org/b"})  # fmt: skip
    history = selectors.edition_history(old)
    assert [edition.pk for edition, _changes in history] == [old.pk, new.pk]
    changes = {c.label: (c.before, c.after) for c in history[1][1]}
    assert changes["Title (en)"] == ("Guidelines for Industry", "Guidelines for industry")
    assert changes["Languages"] == ("en", "en and fr")
    assert "Age assurance" in changes["Topics"][1]


def test_accessible_edition_must_name_its_format():
    source = make_resource(kind="guideline")
    with pytest.raises(Exception):  # noqa: B017 - the model's check constraint, as ValidationError
        make_resource(kind="guideline", adapts=source)
    assert Resource.objects.count() == 1


def test_best_practice_workflow_submitted_review_published_credited():
    delegate = DelegateFactory()
    secretariat = SecretariatFactory()
    resource = services.submit_best_practice(
        user=delegate, titles={"en": "Helpline in schools"}, original_language="en",
        links={"en": "https://example.org/h"}, topics=["helplines"],
    )  # fmt: skip
    assert resource.status == Resource.Status.SUBMITTED
    assert resource.credit == "Kenya"
    assert not selectors.search(selectors.SearchQuery(text="helpline schools")).queryset.exists()
    resource = services.start_review(resource=resource, reviewer=secretariat)
    assert resource.status == Resource.Status.IN_REVIEW
    resource = services.publish_submission(resource=resource, reviewer=secretariat)
    assert resource.status == Resource.Status.PUBLISHED
    assert list(selectors.search(selectors.SearchQuery(text="helpline schools")).queryset) == [
        resource
    ]


def test_returned_with_a_reason_and_sent_again():
    delegate = DelegateFactory()
    secretariat = SecretariatFactory()
    resource = services.submit_best_practice(
        user=delegate, titles={"en": "Helpline"}, original_language="en",
        links={"en": "https://example.org/h"}, topics=["helplines"],
    )  # fmt: skip
    with pytest.raises(DomainError, match="Say why"):
        services.return_submission(resource=resource, reviewer=secretariat, reason="  ")
    resource.refresh_from_db()
    assert resource.status == Resource.Status.SUBMITTED
    resource = services.return_submission(
        resource=resource, reviewer=secretariat, reason="Add results."
    )
    assert resource.return_reason == "Add results."
    with pytest.raises(DomainError):
        services.publish_submission(resource=resource, reviewer=secretariat)
    resource = services.resubmit(
        resource=resource, user=delegate, summaries={"en": "Calls doubled."}
    )
    assert resource.status == Resource.Status.SUBMITTED


def test_only_delegates_submit_and_only_the_secretariat_reviews():
    with pytest.raises(DomainError):
        services.submit_best_practice(user=UserFactory(), titles={"en": "x"}, original_language="en", links={"en": "https://e.org"})  # fmt: skip
    resource = make_resource(status=Resource.Status.SUBMITTED)
    with pytest.raises(DomainError, match="secretariat"):
        services.start_review(resource=resource, reviewer=DelegateFactory())


def test_resources_for_country_filters_by_kind():
    make_resource(kind="national_strategy", countries=["KE"])
    make_resource(kind="campaign", countries=["KE"])
    make_resource(kind="campaign", countries=["GH"])
    assert selectors.resources_for_country("ke").count() == 2
    assert [r.kind for r in selectors.resources_for_country("KE", kinds=["campaign"])] == [
        "campaign"
    ]


def test_arabic_text_extracted_from_a_file_is_searchable():
    make_resource(
        titles={"ar": "دليل المدارس"}, original_language="ar", links={},
        files={"ar": docx_upload("يتعلم التلاميذ كيف يحمون خصوصيتهم على الإنترنت")},
    )  # fmt: skip
    assert selectors.search(selectors.SearchQuery(text="خصوصية")).queryset.count() == 1


def test_only_the_secretariat_withdraws_and_only_a_published_resource():
    from cophub.resources.models import DeletedRecord

    resource = make_resource()
    with pytest.raises(DomainError) as error:
        services.withdraw_resource(resource=resource, reviewer=DelegateFactory())
    assert str(error.value.message) == "Only the secretariat reviews submissions."
    resource.refresh_from_db()
    assert resource.status == Resource.Status.PUBLISHED
    assert not DeletedRecord.objects.exists()
    secretariat = SecretariatFactory()
    services.withdraw_resource(resource=resource, reviewer=secretariat)
    with pytest.raises(DomainError) as error:
        services.withdraw_resource(resource=resource, reviewer=secretariat)
    assert str(error.value.message) == "Only a published resource can be withdrawn."
    assert list(DeletedRecord.objects.values_list("slug", flat=True)) == [resource.slug]
    assert not selectors.search(selectors.SearchQuery(text="safer chat")).queryset.exists()


def test_deleting_a_resource_takes_its_accessible_editions_and_records_both():
    from cophub.resources.models import DeletedRecord

    source = make_resource(kind="guideline")
    easy = make_resource(kind="guideline", adapts=source, accessible_format="easy_read",
                         titles={"en": "Easy read"})  # fmt: skip
    assert services.delete_resources(resources=[source], by=SecretariatFactory()) == 2
    assert not Resource.objects.exists()
    assert set(DeletedRecord.objects.values_list("slug", flat=True)) == {source.slug, easy.slug}


def test_broad_searches_are_counted_up_to_the_cap(monkeypatch, client):
    monkeypatch.setattr(selectors, "COUNT_CAP", 3)
    for i in range(4):
        make_resource(titles={"en": f"Chat safety {i}"})
    make_resource(titles={"en": "Chat safety campaign"}, kind=Resource.Kind.CAMPAIGN)
    found = selectors.search(selectors.SearchQuery(text="chat"))
    assert found.more_than == 3
    assert found.queryset.count() == 3
    assert len(found.queryset[0:10]) == 3
    # Past the cap the facets' values come from the first matches, without counts.
    assert {v.count for v in found.facets["kind"]} == {None}
    assert {v.value for v in found.facets["kind"]} <= {"best_practice", "campaign"}
    # The chosen facet's total is counted on its own: the one campaign, though the first three
    # matches are best practices.
    narrowed = selectors.search(selectors.SearchQuery(text="chat", kind="campaign"))
    assert (narrowed.more_than, narrowed.queryset.count()) == (None, 1)
    assert [r.title for r in narrowed.queryset] == ["Chat safety campaign"]
    body = client.get("/fr/resources/?q=chat").content.decode()
    assert "Ressources trouvées : plus de 3" in body
    monkeypatch.setattr(selectors, "COUNT_CAP", 5)
    exact = selectors.search(selectors.SearchQuery(text="chat"))
    assert exact.more_than is None
    assert {v.value: v.count for v in exact.facets["kind"]} == {"best_practice": 4, "campaign": 1}


def test_only_the_secretariat_keeps_the_repository():
    resource = make_resource()
    for user in (DelegateFactory(), UserFactory(), SecretariatFactory(is_active=False)):
        with translation.override("ar"), pytest.raises(DomainError) as refused:
            make_resource(titles={"en": "Another guide"}, created_by=user)
        assert refused.value.message == "الأمانة وحدها تتولى شؤون المستودع."
        with translation.override("ar"), pytest.raises(DomainError):
            services.delete_resources(resources=[resource], by=user)
    assert list(Resource.objects.all()) == [resource]
    services.delete_resources(resources=[resource], by=SYSTEM)
    assert not Resource.objects.exists()
