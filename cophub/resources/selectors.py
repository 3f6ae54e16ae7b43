"""Reads of the repository for views, the API, OAI-PMH and the other apps."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, overload

from django.db import connection, transaction
from django.db.models import Count, Model, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _

from cophub.accounts.permissions import is_secretariat
from cophub.core import cache as versioned
from cophub.core import text
from cophub.core.errors import DomainError
from cophub.core.i18n import LANGUAGE_CODES, format_list, translated_value
from cophub.core.models import Country
from cophub.core.pagecache import data_version

from .models import Audience, GuidelineSet, LanguageVersion, Resource, Topic

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MAX_QUERY_LENGTH = 300
FACETS = ("kind", "audience", "topic", "language", "country")


def public_resources() -> QuerySet[Resource]:
    return Resource.objects.filter(status=Resource.Status.PUBLISHED)


def with_listing_data(queryset: QuerySet[Resource]) -> QuerySet[Resource]:
    """What a list of resources shows, fetched in a fixed number of queries."""
    return queryset.select_related("organisation", "guideline_set", "adapts").prefetch_related(
        "audiences", "topics", "countries", "mandate",
        Prefetch("versions", LanguageVersion.objects.order_by("language")),
    )  # fmt: skip


def with_list_item_data(queryset: QuerySet[Resource]) -> QuerySet[Resource]:
    """What an item of the search page shows (its publisher and languages): a page of 20 results
    then builds 40 records, not the 400 of the full listing data."""
    return queryset.select_related("organisation").prefetch_related(
        Prefetch("versions", LanguageVersion.objects.order_by("language"))
    )


def resource(slug: str, *, user: Any = None) -> Resource:
    """A public resource; a submission is also shown to its submitter and to the secretariat."""
    queryset = with_listing_data(Resource.objects.all()).prefetch_related(
        Prefetch("accessible_editions", public_resources().prefetch_related("versions"))
    )
    found = get_object_or_404(queryset, slug=slug)
    if found.is_public or (
        user
        and user.is_authenticated
        and (is_secretariat(user) or found.submitted_by_id == user.pk)
    ):
        return found
    raise Http404


# --- search -----------------------------------------------------------------------------------
#
# A search page runs the full-text match once for its counts and once, ranked and cut, for its
# page. The counts (the total and every facet's) come from one statement over one materialised
# set of matching resources; each chosen facet is a flag on that set, so that a facet's counts
# leave out its own choice and keep the others (each value says how many results choosing it
# would give). The match is the GIN-indexed `document @@ tsquery` (the generated column of
# migration 0002, so the index always fits the query).


@dataclass
class SearchQuery:
    text: str = ""
    kind: str = ""
    audience: str = ""
    topic: str = ""
    language: str = ""
    country: str = ""

    @property
    def filters(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}


@dataclass
class FacetValue:
    value: str
    label: StrOrPromise
    count: int | None  # None when the search found more than COUNT_CAP resources
    selected: bool


@dataclass
class SearchResults:
    queryset: RankedResults
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    more_than: int | None = None  # found more resources than this; only this many are shown

    @property
    def near_matches(self) -> bool:
        """Nothing matched every word; these are close to the words."""
        return self.queryset.settled().near_ids is not None

    @property
    def some_words(self) -> bool:
        """Nothing matched every word; these match most of them."""
        match = self.queryset.settled()
        return match.any_word or match.some_words


def check_query(query: str) -> list[set[str]]:
    """The analysed terms of a query; a clear error for one too long or without any word."""
    query = (query or "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        raise DomainError(
            _("Search with fewer words: at most %(limit)d characters.")
            % {"limit": MAX_QUERY_LENGTH},
            field="q",
        )
    terms = text.query_terms(query)
    if query and not terms:
        raise DomainError(_("Search with words or numbers, not only punctuation."), field="q")
    return terms


# Accessible editions rank below the edition they adapt (whose page links to them), superseded
# editions below the one that replaced them. Constant SQL: no input goes into it.
# Both are looked up once, from the few rows that adapt or name a previous edition (index-only
# scans), not once per matching resource nor by hashing the whole table; a match is ranked from
# its search entry alone (`e`, which carries its resource's publication: migration 0007).
RANK_FACTOR = (
    "(CASE WHEN e.resource_id IN (SELECT adapting.id FROM resources_resource adapting "
    "WHERE adapting.adapts_id IS NOT NULL) THEN 0.5 ELSE 1.0 END) * "
    "(CASE WHEN e.resource_id IN (SELECT newer.previous_edition_id FROM resources_resource newer "
    "WHERE newer.previous_edition_id IS NOT NULL) THEN 0.85 ELSE 1.0 END)"
)
# Title terms weigh most (A), then the summary (B), then text extracted from files (C).
RANK_ORDER = (
    "ts_rank('{0.1, 0.2, 0.5, 1.0}', e.document, to_tsquery('simple', %s)) * "
    + RANK_FACTOR
    + " DESC"
)
NEWEST_FIRST = "r.published_on DESC NULLS LAST, r.id DESC"
NEWEST_MATCH_FIRST = "e.published_on DESC NULLS LAST, e.resource_id DESC"

# Each chosen facet as a condition on the resource `r`. Constant SQL; the value is a parameter.
FACET_CONDITIONS = {
    "kind": "r.kind = %s",
    "audience": "EXISTS (SELECT 1 FROM resources_resource_audiences ra JOIN resources_audience a "
    "ON a.id = ra.audience_id WHERE ra.resource_id = r.id AND a.code = %s)",
    "topic": "EXISTS (SELECT 1 FROM resources_resource_topics rt JOIN resources_topic t "
    "ON t.id = rt.topic_id WHERE rt.resource_id = r.id AND t.code = %s)",
    "language": "EXISTS (SELECT 1 FROM resources_languageversion v "
    "WHERE v.resource_id = r.id AND v.language = %s)",
    "country": "EXISTS (SELECT 1 FROM resources_resource_countries rc "
    "WHERE rc.resource_id = r.id AND rc.country_id = %s)",
}
# How each facet's values are counted over the matching set `m`: the values of each resource of
# `m`, looked up by its id, in a LATERAL subquery that OFFSET 0 keeps from being flattened: a
# join would let the planner hash all of a link table (100,000 rows) for the thousand resources
# of `m`; this way each is an index lookup (EXPLAIN: 280 ms → 50 ms). Audiences and topics are
# counted by id on their link tables alone (index-only scans) and named after counting: joining
# each link to its topic read the topics once per resource (1,001 resources: 7 ms → 1.5 ms).
_FACET_VALUES = {
    "audience": ("x.audience_id", "SELECT ra.audience_id FROM resources_resource_audiences ra "
                 "WHERE ra.resource_id = m.id"),
    "topic": ("x.topic_id", "SELECT rt.topic_id FROM resources_resource_topics rt "
              "WHERE rt.resource_id = m.id"),
    "language": ("x.language", "SELECT v.language FROM resources_languageversion v "
                 "WHERE v.resource_id = m.id"),
    "country": ("x.country_id", "SELECT rc.country_id FROM resources_resource_countries rc "
                "WHERE rc.resource_id = m.id"),
}  # fmt: skip
_FACET_CODES = {"audience": "resources_audience", "topic": "resources_topic"}


def _facet_count(name: str, column: str, values: str) -> str:
    counted = (
        f"SELECT {column} AS value, COUNT(*) AS n FROM m CROSS JOIN LATERAL "  # noqa: S608 - SQL from constants, values as parameters
        f"({values} OFFSET 0) x WHERE {{where}} GROUP BY {column}"
    )
    if name in _FACET_CODES:
        return (
            f"SELECT '{name}', c.code, counted.n FROM ({counted}) counted "  # noqa: S608 - SQL from constants
            f"JOIN {_FACET_CODES[name]} c ON c.id = counted.value"
        )
    return f"SELECT '{name}', counted.value, counted.n FROM ({counted}) counted"  # noqa: S608 - SQL from constants


FACET_COUNTS = {
    "kind": "SELECT 'kind', m.kind, COUNT(*) FROM m WHERE {where} GROUP BY m.kind",
    **{name: _facet_count(name, *values) for name, values in _FACET_VALUES.items()},
}

# A word that matches nothing is tried again by trigram word similarity over the titles
# (PostgreSQL's pg_trgm `<%`, with its GIN index), which forgives a mistyped word. Only when the
# full-text search finds nothing at all, and only the closest titles: near matches are a
# suggestion, not a result set to page through.
NEAR_MATCH_LIMIT = 50
# pg_trgm's default (0.6) misses one swapped letter in a short word.
NEAR_MATCH_THRESHOLD = "0.4"


@dataclass
class _Match:
    """The published resources a search looks in, as SQL over `r` (and `e` for the text)."""

    source: str
    params: list
    terms: list[set[str]] = field(default_factory=list)
    near_ids: list[int] | None = None  # trigram near matches, closest first
    any_word: bool = False  # matches any of the words, those with most of them first
    some_words: bool = False  # matches every word that some resource has, not the others

    @classmethod
    def of(
        cls, terms: list[set[str]], *, any_word: bool = False, some_words: bool = False
    ) -> _Match:
        published = ("r.status = %s", [Resource.Status.PUBLISHED])
        if not terms:
            return cls("resources_resource r WHERE " + published[0], published[1])
        # The resource is joined for the chosen facets alone: a LEFT JOIN that nothing else
        # reads is left out by PostgreSQL, and the match is counted and ranked from the entries.
        return cls(
            "resources_searchentry e LEFT JOIN resources_resource r ON r.id = e.resource_id "
            "WHERE e.document @@ to_tsquery('simple', %s) AND e.published",
            [text.tsquery(terms, any_word=any_word)],
            terms,
            any_word=any_word,
            some_words=some_words,
        )

    @property
    def key(self) -> str:
        """The column that holds a matching resource's id."""
        return "e.resource_id" if self._on_entries else "r.id"

    @property
    def kind(self) -> str:
        """The column that holds a matching resource's kind."""
        return "e.kind" if self._on_entries else "r.kind"

    @property
    def _on_entries(self) -> bool:
        return bool(self.terms) and self.near_ids is None

    def order(self, params: list) -> tuple[str, list]:
        """The ORDER BY of a page of results, and its parameters."""
        if self.near_ids is not None:
            return "array_position(%s::bigint[], r.id)", [self.near_ids]
        if not self.terms:
            return NEWEST_FIRST, []
        order, order_params = RANK_ORDER + ", " + NEWEST_MATCH_FIRST, [params[0]]
        if self.any_word:
            # Most words matched first; the rank orders those matching as many.
            words = " + ".join(["(e.document @@ to_tsquery('simple', %s))::int"] * len(self.terms))
            order = f"{words} DESC, {order}"
            order_params = [*(text.tsquery([forms]) for forms in self.terms), *order_params]
        return order, order_params

    @classmethod
    def near(cls, terms: list[set[str]]) -> _Match:
        shortest = " ".join(min(forms, key=len) for forms in terms)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
                [NEAR_MATCH_THRESHOLD],
            )
            cursor.execute(
                "SELECT r.id FROM resources_searchentry e JOIN resources_resource r "
                "ON r.id = e.resource_id WHERE %s <%% e.title_terms AND r.status = %s "
                "ORDER BY word_similarity(%s, e.title_terms) DESC, r.id DESC LIMIT %s",
                [shortest, Resource.Status.PUBLISHED, shortest, NEAR_MATCH_LIMIT],
            )
            ids = [row[0] for row in cursor.fetchall()]
        return cls(
            "resources_resource r WHERE r.id = ANY(%s::bigint[])", [ids], terms, near_ids=ids
        )

    def where(self, query: SearchQuery, *, skip: str = "") -> tuple[str, list]:
        """The match and the chosen facets (but `skip`), as FROM … WHERE … and its parameters."""
        sql, params = self.source, list(self.params)
        for name, value in query.filters.items():
            if name != skip:
                sql += " AND " + FACET_CONDITIONS[name]
                params.append(value.upper() if name == "country" else value)
        return sql, params


# A search counts its matches, and its facets, up to this many resources: past it the page says
# "more than 1,000" and lists the facets' values without counts (counted over the first 1,000
# matches, they would be wrong), so that a broad search costs no more than a narrow one.
COUNT_CAP = 1000


@dataclass
class _Summary:
    matched: int  # resources matching the words (up to COUNT_CAP + 1)
    total: int  # of those, the ones matching the chosen facets too (up to COUNT_CAP + 1)
    counts: dict[str, Counter]

    @property
    def capped(self) -> bool:
        return self.matched > COUNT_CAP


def _summary(match: _Match, query: SearchQuery) -> _Summary:
    """In one statement over one materialised match: how many resources match the words, how
    many of them also match the chosen facets, and each facet's counts (up to COUNT_CAP)."""
    chosen = {
        name: value.upper() if name == "country" else value for name, value in query.filters.items()
    }
    flags = "".join(f", {FACET_CONDITIONS[name]} AS f_{name}" for name in chosen)

    def where(skip: str = "") -> str:
        return " AND ".join([f"m.f_{name}" for name in chosen if name != skip] or ["1 = 1"])

    params = [*chosen.values(), *match.params, COUNT_CAP + 1]
    if chosen:
        # The first COUNT_CAP matches need not hold every resource the facets choose: the total
        # is counted on its own, up to the cap too.
        filtered, filtered_params = match.where(query)
        total = f"SELECT 'total', '', COUNT(*) FROM (SELECT 1 FROM {filtered} LIMIT %s) t"  # noqa: S608 - SQL from constants, values as parameters
        params += [*filtered_params, COUNT_CAP + 1]
    else:
        total = "SELECT 'total', '', COUNT(*) FROM m"
    parts = [
        "SELECT 'matched', '', COUNT(*) FROM m",
        total,
        *(FACET_COUNTS[name].format(where=where(name)) for name in FACETS),
    ]
    columns = f"{match.key} AS id, {match.kind} AS kind{flags}"
    sql = (
        f"WITH m AS MATERIALIZED (SELECT {columns} FROM {match.source} LIMIT %s) "  # noqa: S608 - SQL from constants, values as parameters
        + " UNION ALL ".join(parts)
    )
    summary = _Summary(0, 0, {name: Counter() for name in FACETS})
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, n in cursor.fetchall():
            if facet in ("matched", "total"):
                setattr(summary, facet, n)
            else:
                summary.counts[facet][value] = n
    return summary


def _count(match: _Match, query: SearchQuery) -> int:
    sql, params = match.where(query)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {sql}", params)  # noqa: S608 - constant SQL
        return cursor.fetchone()[0]


# For this transaction: no sequential scan, no plain index scan, so that the match is a bitmap of
# the GIN index (constant SQL).
PLAN_WITH_THE_WORD_INDEX = (
    "SELECT set_config('enable_seqscan', '%s', true), set_config('enable_indexscan', '%s', true)"
)
# Whether a published resource has these words, found through the word index (constant SQL).
_IN_THE_INDEX = (
    "EXISTS (SELECT 1 FROM resources_searchentry e "
    "WHERE e.document @@ to_tsquery('simple', %s) AND e.published)"
)
# Whether a word is in some published resource is asked first of a sample: the first
# WORD_SAMPLE published entries in the table's order. A common word is nearly always among them,
# and they are read in a millisecond or two; only the words the sample lacks are looked up in the
# word index, which answers at once for a rare word but gathers every match of a common one
# first (30 ms for a French stem in 100,000 resources).
WORD_SAMPLE = 1000


def _in_the_index(queries: list[str]) -> list[bool]:
    """Whether each tsquery matches a published resource, in one statement. A word that no
    resource has is the common case here (it is how a search falls back), and for it PostgreSQL's
    plan for `EXISTS` reads the whole table, expecting an early match (70 ms at 100,000
    resources): the words are looked up in the GIN index instead, which answers in a few
    milliseconds whether or not anything matches."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(PLAN_WITH_THE_WORD_INDEX % ("off", "off"))
        try:
            cursor.execute("SELECT " + ", ".join([_IN_THE_INDEX] * len(queries)), queries)
            return [bool(found) for found in cursor.fetchone()]
        finally:  # back to the defaults for the rest of an enclosing transaction
            cursor.execute(PLAN_WITH_THE_WORD_INDEX % ("on", "on"))


def _any(match: _Match) -> bool:
    """Whether anything matches the words (the chosen facets aside)."""
    if not match.terms or match.near_ids is not None:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {match.source} LIMIT 1", match.params)  # noqa: S608 - SQL from constants, values as parameters
            return cursor.fetchone() is not None
    return _in_the_index([match.params[0]])[0]


def _words_found(terms: list[set[str]]) -> list[bool]:
    """Whether each word (any of its forms) is in some published resource."""
    queries = [text.tsquery([forms]) for forms in terms]
    with connection.cursor() as cursor:
        columns = ", ".join(["bool_or(s.document @@ to_tsquery('simple', %s))"] * len(queries))
        cursor.execute(
            f"SELECT {columns} FROM (SELECT"  # noqa: S608 - SQL from constants, values as parameters
            " e.document FROM resources_searchentry e WHERE e.published LIMIT %s) s",
            [*queries, WORD_SAMPLE],
        )
        found = [bool(value) for value in cursor.fetchone()]
    missing = [i for i, value in enumerate(found) if not value]
    if missing:
        for i, value in zip(missing, _in_the_index([queries[i] for i in missing]), strict=True):
            found[i] = value
    return found


class RankedResults:
    """Search results, best first, read a page at a time: the database ranks and cuts the page,
    and only that page's resources are loaded (with what a list shows, in fixed queries).

    Unless the count is given, the first page is read in the statement that counts the matches,
    so that the words are looked up in the index once. When nothing matches every word, the
    results move to the search's fallbacks (see `_fallbacks`), in order, until one finds
    something.

    Quacks like a QuerySet for Django's Paginator and ninja's pagination."""

    def __init__(
        self,
        match: _Match,
        query: SearchQuery,
        *,
        count: int | None = None,
        fallbacks: Iterator[_Match] | None = None,
        listing: Callable[[QuerySet[Resource]], QuerySet[Resource]] = with_listing_data,
    ):
        self.match = match
        self.query = query
        self._count = count
        self._fallbacks = fallbacks
        self._listing = listing

    def all(self) -> RankedResults:
        return self

    def count(self) -> int:
        while self._count is None:
            self._count = _count(self.match, self.query)
            if self._count == 0:
                self._next_fallback()
        return self._count

    def settled(self) -> _Match:
        """The match the results come from, once it is known whether it found anything."""
        self.count()
        return self.match

    def _next_fallback(self) -> None:
        """Nothing matched: move to the next fallback, unless the words alone match something
        (then the chosen facets left nothing, and that is the answer)."""
        if self._fallbacks is None:
            return
        if self.query.filters and _any(self.match):
            self._fallbacks = None
            return
        following = next(self._fallbacks, None)
        if following is None:
            self._fallbacks = None
            return
        self.match, self._count = following, None

    def __len__(self) -> int:
        return self.count()

    def exists(self) -> bool:
        return self.count() > 0

    def __iter__(self) -> Iterator[Resource]:
        return iter(self[0 : self.count()])

    @overload
    def __getitem__(self, index: int) -> Resource: ...
    @overload
    def __getitem__(self, index: slice) -> list[Resource]: ...
    def __getitem__(self, index: int | slice) -> Resource | list[Resource]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        if self._count is not None:  # counted up to the cap: no further
            stop = min(stop, self._count)
        if stop <= start:
            return []
        return self._page(start, stop - start)

    def _page(self, offset: int, limit: int) -> list[Resource]:
        while True:
            counting = self._count is None
            sql, params = self.match.where(self.query)
            order, order_params = self.match.order(params)
            total = "COUNT(*) OVER ()" if counting else "NULL"
            with connection.cursor() as cursor:
                statement = f"SELECT {self.match.key}, {total} FROM {sql} ORDER BY {order}"  # noqa: S608 - SQL from constants, values as parameters
                cursor.execute(
                    statement + " LIMIT %s OFFSET %s", [*params, *order_params, limit, offset]
                )
                rows = cursor.fetchall()
            if not counting or rows:
                if counting:
                    self._count = rows[0][1]
                break
            # Nothing on this page: count the matches (none, on the first page), and read the
            # page again if that moved the results to a fallback.
            searched = self.match
            if offset == 0:
                self._count = 0
                self._next_fallback()
            else:
                self.count()
            if self.match is searched:
                break
        ids = [row[0] for row in rows]
        found = {r.id: r for r in self._listing(Resource.objects.filter(id__in=ids))}
        return [found[i] for i in ids if i in found]


def search(
    query: SearchQuery,
    *,
    facets: bool = True,
    listing: Callable[[QuerySet[Resource]], QuerySet[Resource]] = with_listing_data,
) -> SearchResults:
    """Published resources matching the words and the chosen facets, best first, with the
    facet counts (what each choice would give) when asked for. `listing` loads what the results
    show (by default, what the API and the other lists show).

    When no resource has every word, the resources with most of the words come first (and the
    page says so); when none has any, the titles closest to the words."""
    terms = check_query(query.text)
    match = _Match.of(terms)
    if not facets:
        return SearchResults(
            queryset=RankedResults(
                match, query, fallbacks=_fallbacks(terms) if terms else None, listing=listing
            )
        )
    summary = _summary(match, query)
    if terms and summary.matched == 0:
        for match in _fallbacks(terms):  # noqa: B007 - the last one tried is the answer
            summary = _summary(match, query)
            if summary.matched:
                break
    return SearchResults(
        queryset=RankedResults(match, query, count=min(summary.total, COUNT_CAP), listing=listing),
        facets=_facets(summary.counts, query, counted=not summary.capped),
        more_than=COUNT_CAP if summary.total > COUNT_CAP else None,
    )


def _fallbacks(terms: list[set[str]]) -> Iterator[_Match]:
    """What a search shows when no resource has every word, each tried when the one before
    finds nothing.

    First, the resources with every word that some resource has: where a word is in no resource
    ("Apple" in "Apple privacy settings"), those have the most words any resource can have, and
    the index finds them as it finds a search with every word. Then, the resources with any of
    the words, those with most of them first: that ranks every resource with a common word, so it
    is the last resort before the titles closest to the words."""
    if len(terms) > 1:
        found = _words_found(terms)
        kept = [forms for forms, present in zip(terms, found, strict=True) if present]
        if kept and len(kept) < len(terms):
            yield _Match.of(kept, some_words=True)
        if kept:
            yield _Match.of(terms, any_word=True)
    yield _Match.near(terms)


def _facets(
    counts: dict[str, Counter], query: SearchQuery, *, counted: bool = True
) -> dict[str, list[FacetValue]]:
    labels = facet_labels(countries=list(counts["country"]))
    facets = {}
    for name in FACETS:
        chosen = getattr(query, name)
        if name == "country":
            chosen = chosen.upper()
        values = [
            FacetValue(value, labels[name].get(value, value), n, value == chosen)
            for value, n in counts[name].items()
            if n
        ]
        values.sort(key=lambda v: (-(v.count or 0), v.label))
        if not counted:
            for value in values:
                value.count = None
        facets[name] = values[:20] if name == "country" else values
    return facets


def facet_labels(*, countries: list[str] | None = None) -> dict[str, dict[str, StrOrPromise]]:
    from django.conf import settings

    vocabulary = _vocabulary_labels()
    names = _country_names()
    return {
        "kind": dict(Resource.Kind.choices),
        "audience": vocabulary["audience"],
        "topic": vocabulary["topic"],
        "language": dict(settings.LANGUAGES),  # each language in its own name
        "country": {iso2: names[iso2] for iso2 in countries or [] if iso2 in names},
    }


# The names a search page gives its facets' values, in the language of the request, kept until
# the vocabulary or the countries change (in this process's memory too): a broad search counts
# 240 countries, whose names took 7 ms to read and translate on every search.
LABELS_SECONDS = 3600


def _vocabulary_labels() -> dict[str, dict[str, StrOrPromise]]:
    def compute() -> dict[str, dict[str, StrOrPromise]]:
        return {
            "audience": {a.code: str(translated_value(a, "label")) for a in Audience.objects.all()},
            "topic": {t.code: str(translated_value(t, "label")) for t in Topic.objects.all()},
        }

    key = f"resources:vocabulary-labels:{translation.get_language()}"
    return versioned.cached(
        data_version("resources"), key, compute, timeout=LABELS_SECONDS, in_process=True
    )


def _country_names() -> dict[str, StrOrPromise]:
    def compute() -> dict[str, StrOrPromise]:
        rows = Country.objects.values("iso2", *(f"name_{code}" for code in LANGUAGE_CODES))
        return {row["iso2"]: str(translated_value(SimpleNamespace(**row), "name")) for row in rows}

    key = f"resources:country-names:{translation.get_language()}"
    return versioned.cached(
        data_version("core"), key, compute, timeout=LABELS_SECONDS, in_process=True
    )


# --- vocabulary, guideline sets, editions -------------------------------------------------------


def topics() -> QuerySet[Topic]:
    return Topic.objects.all()


def audiences() -> QuerySet[Audience]:
    return Audience.objects.all()


def guideline_sets() -> QuerySet[GuidelineSet]:
    return GuidelineSet.objects.select_related("audience")


def guideline_set(code: str) -> GuidelineSet:
    return get_object_or_404(guideline_sets(), code=code)


def set_editions(guideline_set: GuidelineSet) -> list[Resource]:
    """The set's published editions (accessible editions aside), oldest first."""
    return list(
        with_listing_data(public_resources().filter(guideline_set=guideline_set, adapts=None))
        .order_by("edition", "id")
    )  # fmt: skip


@dataclass
class ParityCell:
    language: str
    state: str  # "current", "older" or "missing"
    edition: int | None = None
    resource: Resource | None = None


@dataclass
class ParityRow:
    audience: Audience | None
    resource: Resource | None  # the current edition for this audience, if there is one
    cells: list[ParityCell]


def parity_matrix(guideline_set: GuidelineSet) -> tuple[int | None, list[ParityRow]]:
    """For each audience edition of a set and each language: whether the current edition
    exists in it, only an older one, or none (Resolution 179, instructs BDT 5: keep the
    guidelines up to date in the six languages)."""
    editions = set_editions(guideline_set)
    if not editions:
        return None, []
    current = max(e.edition or 0 for e in editions)
    by_audience: dict[Audience | None, list[Resource]] = {}
    for edition in editions:
        group = min(edition.audiences.all(), key=lambda a: a.order, default=None)
        by_audience.setdefault(group, []).append(edition)
    rows = []
    for audience, items in sorted(by_audience.items(), key=lambda kv: kv[0].order if kv[0] else 99):
        items.sort(key=lambda e: e.edition or 0, reverse=True)
        cells = []
        for language in LANGUAGE_CODES:
            holder = next(
                (e for e in items if any(v.language == language for v in e.versions.all())), None
            )
            if holder is None:
                cells.append(ParityCell(language, "missing"))
            else:
                state = "current" if holder.edition == current else "older"
                cells.append(ParityCell(language, state, holder.edition, holder))
        head = items[0] if items[0].edition == current else None
        rows.append(ParityRow(audience, head, cells))
    return current, rows


def edition_chain(resource: Resource) -> list[Resource]:
    """Every edition of a guideline, oldest first, following the previous-edition links."""
    chain = [resource]
    seen = {resource.pk}
    while chain[0].previous_edition_id and chain[0].previous_edition_id not in seen:
        previous = with_listing_data(Resource.objects.all()).get(pk=chain[0].previous_edition_id)
        seen.add(previous.pk)
        chain.insert(0, previous)
    while True:
        following = with_listing_data(public_resources()).filter(previous_edition=chain[-1]).first()
        if following is None or following.pk in seen:
            break
        seen.add(following.pk)
        chain.append(following)
    return chain


@dataclass
class EditionChange:
    label: str
    before: str
    after: str


def _names(items: Iterable[Model]) -> set[str]:
    return {str(translated_value(item, "label")) for item in items}


def edition_changes(older: Resource, newer: Resource) -> list[EditionChange]:
    """What changed in the metadata between two editions, in the reader's language."""
    changes = []
    for code in LANGUAGE_CODES:
        before, after = getattr(older, f"title_{code}") or "", getattr(newer, f"title_{code}") or ""
        if before != after:
            changes.append(
                EditionChange(_("Title (%(language)s)") % {"language": code}, before, after)
            )
    summary_before, summary_after = (
        str(translated_value(older, "summary")),
        str(translated_value(newer, "summary")),
    )
    if summary_before != summary_after:
        changes.append(EditionChange(_("Summary"), summary_before, summary_after))
    for label, before, after in (
        (_("Audiences"), _names(older.audiences.all()), _names(newer.audiences.all())),
        (_("Topics"), _names(older.topics.all()), _names(newer.topics.all())),
        (
            _("Languages"),
            {v.language for v in older.versions.all()},
            {v.language for v in newer.versions.all()},
        ),
    ):
        if before != after:
            changes.append(
                EditionChange(label, format_list(sorted(before)), format_list(sorted(after)))
            )
    for label, before, after in (
        (_("Licence"), older.get_licence_display(), newer.get_licence_display()),
        (
            _("Organisation"),
            str(older.organisation or older.publisher),
            str(newer.organisation or newer.publisher),
        ),
    ):
        if before != after:
            changes.append(EditionChange(label, before, after))
    return changes


def edition_history(resource: Resource) -> list[tuple[Resource, list[EditionChange]]]:
    chain = edition_chain(resource)
    return [
        (edition, edition_changes(chain[i - 1], edition) if i else [])
        for i, edition in enumerate(chain)
    ]


# --- submissions ------------------------------------------------------------------------------


def submissions_of(user: Any) -> QuerySet[Resource]:
    return Resource.objects.filter(submitted_by=user).order_by("-submitted_at")


def review_queue() -> QuerySet[Resource]:
    return (
        Resource.objects.filter(status__in=[Resource.Status.SUBMITTED, Resource.Status.IN_REVIEW])
        .select_related("submitted_by")
        .order_by("submitted_at")
    )


# --- for other apps ---------------------------------------------------------------------------

COUNTRY_PROFILE_KINDS = (
    Resource.Kind.NATIONAL_STRATEGY,
    Resource.Kind.TRAINING,
    Resource.Kind.CAMPAIGN,
)


def resources_for_country(iso2: str, kinds: Iterable[str] | None = None) -> QuerySet[Resource]:
    """Published resources about a country, newest first; `kinds` narrows to some kinds. The
    resources alone: title, kind and date are what the country profile shows."""
    queryset = public_resources().filter(countries__iso2=iso2.upper())
    if kinds:
        queryset = queryset.filter(kind__in=list(kinds))
    return queryset.order_by("-published_on", "-id")


def new_resources(limit: int = 50) -> QuerySet[Resource]:
    return with_listing_data(public_resources().order_by("-created_at", "-id"))[:limit]


def language_version_file(slug: str, language: str, *, user: Any = None) -> LanguageVersion:
    """The uploaded file of one language version, for whoever may see the resource."""
    found = resource(slug, user=user)
    return get_object_or_404(
        LanguageVersion.objects.exclude(file=""), resource=found, language=language
    )


def published_between(start: datetime.date, end: datetime.date) -> QuerySet[Resource]:
    return public_resources().filter(published_on__gte=start, published_on__lte=end)


def count_by_kind(queryset: QuerySet[Resource]) -> dict[str, int]:
    return dict(queryset.values_list("kind").annotate(n=Count("id")).order_by().order_by())


def for_mandate_paragraph(code: str) -> QuerySet[Resource]:
    return public_resources().filter(Q(mandate__code=code)).order_by("-published_on")[:50]
