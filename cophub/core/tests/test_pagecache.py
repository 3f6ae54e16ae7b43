"""Public pages kept for anonymous visitors: served again while the data is unchanged, rebuilt
after a change, never for a visitor with a session, never with a cookie in them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from cophub.accounts.tests.factories import DelegateFactory
from cophub.core.pagecache import page_cache_middleware, public_page
from cophub.workgroup.tests.factories import MeetingFactory

# Without the test's own transaction around it: a page built inside a transaction is not kept.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def _queries(client, path, **headers):
    from django.db import connection

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return response, len(queries)


def test_an_anonymous_page_is_served_again_without_the_database(client):
    MeetingFactory(place="Kigali")
    first, queries_first = _queries(client, "/en/meetings/")
    again, queries_again = _queries(client, "/en/meetings/")
    assert first.status_code == again.status_code == 200
    assert queries_first > 0 and queries_again == 0
    assert again.content == first.content and b"Kigali" in again.content
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "public, max-age=0, s-maxage=300"
    # The headers the middleware below adds are kept with the page.
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert again["Content-Language"] == "en"


def test_the_page_in_another_language_is_another_page(client):
    MeetingFactory()
    english = client.get("/en/meetings/")
    arabic = client.get("/ar/meetings/")
    assert 'lang="ar"' in arabic.content.decode() and 'dir="rtl"' in arabic.content.decode()
    assert 'lang="en"' in english.content.decode()
    assert client.get("/ar/meetings/").content == arabic.content


def test_a_change_shows_at_once(client):
    meeting = MeetingFactory(place="Kigali")
    assert b"Kigali" in client.get("/en/meetings/").content
    meeting.place = "Montevideo"
    meeting.save()
    page = client.get("/en/meetings/").content
    assert b"Montevideo" in page and b"Kigali" not in page


def test_a_change_in_a_transaction_shows_once_it_has_committed(client):
    meeting = MeetingFactory(place="Kigali")
    client.get("/en/meetings/")
    with transaction.atomic():
        meeting.place = "Bangkok"
        meeting.save()
        meeting.place = "Montevideo"
        meeting.save()
    assert b"Montevideo" in client.get("/en/meetings/").content


def test_a_page_built_inside_a_transaction_is_not_kept(client):
    MeetingFactory(place="Kigali")
    with transaction.atomic():
        client.get("/en/meetings/")
    _response, queries = _queries(client, "/en/meetings/")
    assert queries > 0


def test_a_rolled_back_change_does_not_stop_the_next_one_from_showing(client):
    meeting = MeetingFactory(place="Kigali")
    client.get("/en/meetings/")
    with pytest.raises(RuntimeError), transaction.atomic():
        meeting.place = "Bangkok"
        meeting.save()
        raise RuntimeError
    meeting.refresh_from_db()
    assert b"Kigali" in client.get("/en/meetings/").content
    meeting.place = "Montevideo"
    meeting.save()
    assert b"Montevideo" in client.get("/en/meetings/").content


def test_a_change_to_another_apps_data_keeps_the_page(client):
    from cophub.coordination.models import Topic

    MeetingFactory()
    client.get("/en/meetings/")
    Topic.objects.create(code="new-topic", label="A new topic")
    _response, queries = _queries(client, "/en/meetings/")
    assert queries == 0


def test_the_visitor_who_has_the_page_gets_304(client):
    MeetingFactory()
    first = client.get("/en/meetings/")
    unchanged = client.get("/en/meetings/", headers={"If-None-Match": first["ETag"]})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged["ETag"] == first["ETag"]
    since = client.get("/en/meetings/", headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    other = client.get("/en/meetings/", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.content == first.content


def test_a_signed_in_visitor_gets_their_own_page_and_it_is_not_kept(client):
    MeetingFactory()
    delegate = DelegateFactory()
    client.force_login(delegate)
    mine = client.get("/en/meetings/")
    assert "Cache-Control" not in mine or "public" not in mine["Cache-Control"]
    assert b"Sign out" in mine.content
    client.logout()
    client.cookies.clear()
    anonymous, queries = _queries(client, "/en/meetings/")
    assert queries > 0  # built afresh: the signed-in page was not kept
    assert b"Sign out" not in anonymous.content


def test_a_visitor_with_a_session_is_never_served_a_kept_page(client):
    MeetingFactory()
    client.get("/en/meetings/")
    client.cookies["sessionid"] = "any"
    _response, queries = _queries(client, "/en/meetings/")
    assert queries > 0


def test_the_api_list_is_kept_and_pages_at_25_by_default(client):
    for _number in range(30):
        MeetingFactory()
    first, queries_first = _queries(client, "/api/v1/meetings")
    again, queries_again = _queries(client, "/api/v1/meetings")
    assert first.status_code == 200 and len(first.json()["items"]) == 25
    assert first.json()["count"] == 30
    assert queries_first > 0 and queries_again == 0 and again.json() == first.json()
    assert len(client.get("/api/v1/meetings?limit=30").json()["items"]) == 30


# The middleware on its own, with views of the test's own.
def _request(path="/en/page/", **headers):
    request = RequestFactory().get(path, headers=headers)
    request.user = AnonymousUser()
    return request


def test_a_page_that_sets_a_cookie_is_never_kept():
    calls = []

    @public_page("workgroup")
    def view(request):
        calls.append(1)
        response = HttpResponse("hello")
        response.set_cookie("csrftoken", "per-visitor")
        return response

    handler = page_cache_middleware(view)
    handler(_request())
    handler(_request())
    assert len(calls) == 2


def test_an_error_page_is_never_kept():
    calls = []

    @public_page("workgroup")
    def view(request):
        calls.append(1)
        return HttpResponse("gone", status=404)

    handler = page_cache_middleware(view)
    assert handler(_request()).status_code == 404
    handler(_request())
    assert len(calls) == 2


def test_a_page_that_varies_by_accept_is_kept_once_per_format():
    calls = []

    @public_page("statistics")
    def view(request):
        calls.append(request.headers.get("Accept"))
        response = HttpResponse(request.headers.get("Accept", "none"))
        response["Vary"] = "Accept"
        return response

    handler = page_cache_middleware(view)
    assert handler(_request(Accept="text/csv")).content == b"text/csv"
    assert handler(_request(Accept="application/json")).content == b"application/json"
    assert handler(_request(Accept="text/csv")).content == b"text/csv"
    assert handler(_request(Accept="application/json")).content == b"application/json"
    assert calls == ["text/csv", "application/json"]


def test_a_view_not_marked_public_is_never_kept():
    calls = []

    def view(request):
        calls.append(1)
        return HttpResponse("a child's page")

    handler = page_cache_middleware(view)
    handler(_request())
    handler(_request())
    assert len(calls) == 2


def test_an_address_no_public_page_answers_is_not_looked_up_again(monkeypatch):
    from cophub.core import pagecache

    looked_up = []
    real_entry = pagecache._entry
    monkeypatch.setattr(pagecache, "_entry", lambda key: looked_up.append(key) or real_entry(key))
    public = False

    def view(request):
        if not public:
            return HttpResponse("not found", status=404)
        return public_page("workgroup")(lambda request: HttpResponse("registered now"))(request)

    handler = page_cache_middleware(view)
    handler(_request())
    handler(_request())
    assert len(looked_up) == 1  # the second visit goes straight to the view
    # The address comes to be a public page (a document registered after a 404): it is kept
    # from that answer on, and served from the cache again.
    public = True
    assert handler(_request()).content == b"registered now"
    assert handler(_request()).content == b"registered now"
    assert len(looked_up) == 2


def test_the_help_page_counts_every_opening_also_from_the_cache(client):
    from cophub.helplines.models import DailyCount

    for _opening in range(3):
        assert client.get("/en/help/KE/").status_code == 200
    from django.db import connection

    with CaptureQueriesContext(connection) as queries:
        client.get("/en/help/KE/")
    count = DailyCount.objects.get(country_id="KE", event=DailyCount.Event.VIEW)
    assert count.count == 4
    # Served from the cache: the count (written at once with no broker) is all it ran.
    statements = [q["sql"] for q in queries.captured_queries if q["sql"] not in {"BEGIN", "COMMIT"}]
    assert len(statements) == 1 and statements[0].startswith('UPDATE "helplines_dailycount"')


def test_with_a_task_queue_opening_the_help_page_writes_nothing_on_the_request_path(
    client, monkeypatch
):
    import datetime

    from django.db import connection
    from django.utils import timezone

    from cophub.helplines import services
    from cophub.helplines.models import DailyCount
    from cophub.jobs import queue

    monkeypatch.setattr(queue, "runs_inline", lambda: False)
    queued = []
    monkeypatch.setattr(queue, "enqueue", lambda task, *args: queued.append((task, args)))
    monkeypatch.setattr(services, "_finder_counts_sent", [0.0])  # the first opening sends
    with CaptureQueriesContext(connection) as queries:
        for _opening in range(3):
            assert client.get("/en/help/KE/").status_code == 200
        assert client.get("/en/help/TZ/").status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    # The first opening's count went at once; the others wait for the next send, together.
    today = timezone.localdate().isoformat()
    assert [(task.name, args) for task, args in queued] == [
        ("cophub.helplines.tasks.record_finder_views", ([("KE", today, 1)],))
    ]
    monkeypatch.setattr(services, "_finder_counts_sent", [0.0])
    client.get("/en/help/KE/")
    assert sorted(queued[1][1][0]) == [("KE", today, 3), ("TZ", today, 1)]
    # The worker adds each count to the day's row.
    for task, args in queued:
        task.apply(args=args, throw=True)
    count = DailyCount.objects.get(country_id="KE", event=DailyCount.Event.VIEW)
    assert (count.count, count.day) == (4, datetime.date.fromisoformat(today))


def test_a_change_made_by_another_app_server_shows_within_a_second(client, monkeypatch):
    from cophub.core import pagecache

    MeetingFactory(place="Kigali")
    client.get("/en/meetings/")
    # Another app server raised the version (in the shared cache): this process, having read it
    # just now, still answers from memory for up to VERSION_SECONDS ...
    cache.set("version:data:workgroup", "raised-elsewhere", None)
    _response, queries = _queries(client, "/en/meetings/")
    assert queries == 0
    # ... and reads it again once they have passed.
    monkeypatch.setattr(pagecache, "VERSION_SECONDS", 0.0)
    _response, queries = _queries(client, "/en/meetings/")
    assert queries > 0
