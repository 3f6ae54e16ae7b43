"""Reads of the repository for views, the API, OAI-PMH and the other apps."""

from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from cophub.core.errors import DomainError
from cophub.core.i18n import LANGUAGE_CODES, translated_value
from cophub.core.models import Country

from . import analysis
from .models import Audience, GuidelineSet, LanguageVersion, Resource, Topic

MAX_QUERY_LENGTH = 300
# Accessible editions rank a little below the edition they adapt (whose page links to them), and
# superseded editions below the one that replaced them. A constant: no input goes into it.
RANK_FACTOR = (
    "(CASE WHEN resources_resource.adapts_id IS NULL THEN 1.0 ELSE 0.5 END) * (CASE WHEN EXISTS "
    "(SELECT 1 FROM resources_resource newer WHERE newer.previous_edition_id = resources_resource.id) "
    "THEN 0.85 ELSE 1.0 END)"
)
FACETS = ("kind", "audience", "topic", "language", "country")


def public_resources() -> QuerySet[Resource]:
    return Resource.objects.filter(status=Resource.Status.PUBLISHED)


def with_listing_data(queryset: QuerySet[Resource]) -> QuerySet[Resource]:
    """What a list of resources shows, fetched in a fixed number of queries."""
    return queryset.select_related("organisation", "guideline_set", "adapts").prefetch_related(
        "audiences", "topics", "countries", Prefetch("versions", LanguageVersion.objects.order_by("language"))
    )  # fmt: skip


def resource(slug: str, *, user=None) -> Resource:
    """A public resource; a submission is also shown to its submitter and to the secretariat."""
    queryset = with_listing_data(Resource.objects.all()).prefetch_related(
        Prefetch("accessible_editions", public_resources().prefetch_related("versions"))
    )
    found = get_object_or_404(queryset, slug=slug)
    if found.is_public or (
        user and user.is_authenticated and (user.is_staff or found.submitted_by_id == user.pk)
    ):
        return found
    raise Http404


# --- search -----------------------------------------------------------------------------------


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
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    queryset: QuerySet[Resource]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    near_matches: bool = False  # nothing matched every word; these are close to the words


def check_query(text: str) -> list[set[str]]:
    """The analysed terms of a query; a clear error for one too long or without any word."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise DomainError(
            _("Search with fewer words: at most %(limit)d characters.")
            % {"limit": MAX_QUERY_LENGTH},
            field="q",
        )
    terms = analysis.query_terms(text)
    if text and not terms:
        raise DomainError(_("Search with words or numbers, not only punctuation."), field="q")
    return terms


def _match(terms: list[set[str]]) -> RawSQL:
    """The ids of the resources whose terms match, by the database's own full-text search."""
    if connection.vendor == "postgresql":
        return RawSQL(
            "SELECT resource_id FROM resources_searchentry WHERE document @@ to_tsquery('simple', %s)",
            [analysis.tsquery(terms)],
        )
    return RawSQL(
        "SELECT e.resource_id FROM resources_search_fts f JOIN resources_searchentry e "
        "ON e.id = f.rowid WHERE resources_search_fts MATCH %s",
        [analysis.fts5_query(terms)],
    )


# Accessible editions rank below the edition they adapt (whose page links to them), superseded
# editions below the one that replaced them. Constant SQL: no input goes into it.
RANK_FACTOR = (
    "(CASE WHEN r.adapts_id IS NULL THEN 1.0 ELSE 0.5 END) * (CASE WHEN EXISTS "
    "(SELECT 1 FROM resources_resource newer WHERE newer.previous_edition_id = r.id) "
    "THEN 0.85 ELSE 1.0 END)"
)
RANKED_SQL = {
    # Title terms weigh most (A), then the summary (B), then text extracted from files (C).
    "postgresql": (
        "SELECT r.id FROM resources_resource r JOIN resources_searchentry e ON e.resource_id = r.id "  # noqa: S608 - constant
        "WHERE e.document @@ to_tsquery('simple', %s) AND r.id IN ({filtered}) ORDER BY "
        "ts_rank('{{0.1, 0.2, 0.5, 1.0}}', e.document, to_tsquery('simple', %s)) * "
        + RANK_FACTOR
        + " DESC, r.published_on DESC NULLS LAST, r.id DESC LIMIT %s OFFSET %s"
    ),
    "sqlite": (
        "SELECT r.id FROM resources_search_fts f JOIN resources_searchentry e ON e.id = f.rowid "  # noqa: S608 - constant
        "JOIN resources_resource r ON r.id = e.resource_id WHERE resources_search_fts MATCH %s "
        "AND r.id IN ({filtered}) ORDER BY bm25(resources_search_fts, 10.0, 4.0, 1.0) * "
        + RANK_FACTOR
        + " ASC, r.published_on DESC NULLS LAST, r.id DESC LIMIT %s OFFSET %s"
    ),
}


# On PostgreSQL, a query that finds nothing is tried again by trigram word similarity over the
# titles (pg_trgm's `<%`, with its GIN index), which forgives a mistyped word.
NEAR_MATCH_SQL = (
    "SELECT r.id FROM resources_resource r JOIN resources_searchentry e ON e.resource_id = r.id "  # noqa: S608 - constant
    "WHERE %s <%% e.title_terms AND r.id IN ({filtered}) "
    "ORDER BY word_similarity(%s, e.title_terms) DESC, r.id DESC LIMIT %s OFFSET %s"
)


def _near_match(terms: list[set[str]]) -> RawSQL:
    return RawSQL(
        "SELECT resource_id FROM resources_searchentry WHERE %s <%% title_terms",
        [_near_text(terms)],
    )


def _near_text(terms: list[set[str]]) -> str:
    return " ".join(min(forms, key=len) for forms in terms)


class RankedResults:
    """Search results, best first, read a page at a time: the database ranks and cuts the page,
    and only that page's resources are loaded (with what a list shows, in fixed queries).

    Quacks like a QuerySet for Django's Paginator and ninja's pagination."""

    def __init__(self, terms: list[set[str]], filtered: QuerySet[Resource], *, near=False):
        self.terms = terms
        self.filtered = filtered
        self.near = near
        self._count = None

    def all(self):
        return self

    def count(self) -> int:
        if self._count is None:
            self._count = self.filtered.count()
        return self._count

    def __len__(self):
        return self.count()

    def exists(self) -> bool:
        return self.filtered.exists()

    def __iter__(self):
        return iter(self[0 : self.count()])

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        if stop <= start:
            return []
        return self._page(start, stop - start)

    def _page(self, offset: int, limit: int) -> list[Resource]:
        vendor = "postgresql" if connection.vendor == "postgresql" else "sqlite"
        filtered_sql, filtered_params = self.filtered.values("id").query.sql_with_params()
        if vendor == "postgresql":
            query = analysis.tsquery(self.terms)
            params = [query, *filtered_params, query, limit, offset]
        else:
            params = [analysis.fts5_query(self.terms), *filtered_params, limit, offset]
        sql = RANKED_SQL[vendor]
        if self.near:
            text = _near_text(self.terms)
            sql, params = NEAR_MATCH_SQL, [text, *filtered_params, text, limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql.format(filtered=filtered_sql), params)
            ids = [row[0] for row in cursor.fetchall()]
        found = {r.id: r for r in with_listing_data(Resource.objects.filter(id__in=ids))}
        return [found[i] for i in ids if i in found]


def _filtered(queryset: QuerySet[Resource], query: SearchQuery, *, skip: str = "") -> QuerySet:
    if query.kind and skip != "kind":
        queryset = queryset.filter(kind=query.kind)
    if query.audience and skip != "audience":
        queryset = queryset.filter(audiences__code=query.audience)
    if query.topic and skip != "topic":
        queryset = queryset.filter(topics__code=query.topic)
    if query.country and skip != "country":
        queryset = queryset.filter(countries__iso2=query.country.upper())
    if query.language and skip != "language":
        queryset = queryset.filter(
            id__in=LanguageVersion.objects.filter(language=query.language).values("resource_id")
        )
    return queryset


def search(query: SearchQuery, *, facets: bool = True) -> SearchResults:
    """Published resources matching the words and the chosen facets, best first.

    Facet counts are of the resources that match everything else chosen, so that each value
    says how many results choosing it would give.
    """
    terms = check_query(query.text)
    base = public_resources()
    if terms:
        base = base.filter(id__in=_match(terms))
    filtered = _filtered(base, query)
    near = False
    if terms and connection.vendor == "postgresql" and not filtered.exists():
        near = True
        with connection.cursor() as cursor:
            # pg_trgm's default (0.6) misses one swapped letter in a short word.
            cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', '0.4', false)")
        base = public_resources().filter(id__in=_near_match(terms))
        filtered = _filtered(base, query)
    if terms:
        results = RankedResults(terms, filtered, near=near)
    else:
        results = with_listing_data(filtered.order_by("-published_on", "-id"))
    found = SearchResults(queryset=results, near_matches=near)
    if facets:
        found.facets = _facet_counts(base, query)
    return found


def _facet_counts(base: QuerySet[Resource], query: SearchQuery) -> dict[str, list[FacetValue]]:
    counts: dict[str, Counter] = {}
    ids = lambda skip: _filtered(base, query, skip=skip).values("id")  # noqa: E731
    counts["kind"] = Counter(
        dict(
            Resource.objects.filter(id__in=ids("kind"))
            .values_list("kind")
            .annotate(n=Count("id"))
            .order_by()
        )
    )
    counts["audience"] = Counter(
        dict(
            Audience.objects.filter(resources__in=ids("audience"))
            .values_list("code")
            .annotate(n=Count("resources"))
            .order_by()
        )
    )
    counts["topic"] = Counter(
        dict(
            Topic.objects.filter(resources__in=ids("topic"))
            .values_list("code")
            .annotate(n=Count("resources"))
            .order_by()
        )
    )
    counts["language"] = Counter(
        dict(
            LanguageVersion.objects.filter(resource__in=ids("language"))
            .values_list("language")
            .annotate(n=Count("id"))
            .order_by()
        )
    )
    counts["country"] = Counter(
        dict(
            Resource.countries.through.objects.filter(resource__in=ids("country"))
            .values_list("country_id").annotate(n=Count("id")).order_by()
        )
    )  # fmt: skip
    labels = facet_labels(countries=list(counts["country"]))
    facets = {}
    for name in FACETS:
        chosen = getattr(query, name)
        values = [
            FacetValue(value, labels[name].get(value, value), n, value == chosen)
            for value, n in counts[name].items()
            if n
        ]
        values.sort(key=lambda v: (-v.count, v.label))
        facets[name] = values[:20] if name == "country" else values
    return facets


def facet_labels(*, countries=None) -> dict[str, dict[str, str]]:
    from django.conf import settings

    return {
        "kind": dict(Resource.Kind.choices),
        "audience": {a.code: str(translated_value(a, "label")) for a in Audience.objects.all()},
        "topic": {t.code: str(translated_value(t, "label")) for t in Topic.objects.all()},
        "language": dict(settings.LANGUAGES),  # each language in its own name
        "country": {
            c.iso2: str(translated_value(c, "name"))
            for c in Country.objects.filter(iso2__in=countries or [])
        },
    }


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
    by_audience: dict[object, list[Resource]] = {}
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


def _names(items) -> set[str]:
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
                EditionChange(label, ", ".join(sorted(before)), ", ".join(sorted(after)))
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


def submissions_of(user) -> QuerySet[Resource]:
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


def resources_for_country(iso2: str, kinds=None) -> QuerySet[Resource]:
    """Published resources about a country, newest first; `kinds` narrows to some kinds."""
    queryset = public_resources().filter(countries__iso2=iso2.upper())
    if kinds:
        queryset = queryset.filter(kind__in=list(kinds))
    return with_listing_data(queryset.order_by("-published_on", "-id"))


def new_resources(limit: int = 50) -> QuerySet[Resource]:
    return with_listing_data(public_resources().order_by("-created_at", "-id"))[:limit]


def published_between(start, end) -> QuerySet[Resource]:
    return public_resources().filter(published_on__gte=start, published_on__lte=end)


def count_by_kind(queryset: QuerySet[Resource]) -> dict[str, int]:
    return dict(queryset.values_list("kind").annotate(n=Count("id")).order_by().order_by())


def for_mandate_paragraph(code: str) -> QuerySet[Resource]:
    return public_resources().filter(Q(mandate__code=code)).order_by("-published_on")[:50]
