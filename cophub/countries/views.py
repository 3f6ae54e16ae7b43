import csv
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from cophub.accounts.permissions import is_secretariat, represents_country
from cophub.core import cache as versioned
from cophub.core import profiles
from cophub.core import selectors as core_selectors
from cophub.core.errors import DomainError
from cophub.core.forms import REFUSED_STATUS, render_form_page
from cophub.core.pagecache import DEFAULT_TIMEOUT, data_version, public_page

from . import display, forms, selectors, services, worldmap
from .models import MeasureStatus, Proposal

FORMS = {
    Proposal.Kind.MEASURE: forms.MeasureForm,
    Proposal.Kind.ROADMAP: forms.RoadmapForm,
    Proposal.Kind.MILESTONE: forms.MilestoneForm,
    Proposal.Kind.DOCUMENT: forms.DocumentForm,
}


def _country(iso2: str):
    return core_selectors.country(iso2)


def _filters(request):
    form = forms.FilterForm(request.GET or None)
    return form, form.filters()


@public_page("countries", "helplines", "statistics", "core")
@require_safe
def country_list(request):
    form, filters = _filters(request)
    rows = selectors.country_rows(**filters)
    context = {"form": form, "rows": rows, "profile_prefix": _profile_prefix()}
    return render_form_page(request, "countries/country_list.html", context)


def _profile_prefix() -> str:
    """One reverse() for a page of rows: the profile addresses differ only in the code."""
    return reverse("countries:profile", kwargs={"iso2": "XX"}).removesuffix("XX/")


STATUS_SYMBOLS = {
    MeasureStatus.IN_FORCE: "●",
    MeasureStatus.DRAFT: "◐",
    MeasureStatus.NONE: "○",
    MeasureStatus.UNKNOWN: "?",
}


def _matrix_rows(comparison) -> str:
    """The matrix body, built here rather than in a template loop: with 194 countries and every
    item it has thousands of cells, and each status's cell is the same string."""
    cells = {
        status: format_html(
            '<td class="cell-{}"><span aria-hidden="true">{}</span>'
            '<span class="visually-hidden">{}</span></td>',
            status,
            symbol,
            MeasureStatus(status).label,
        )
        for status, symbol in STATUS_SYMBOLS.items()
    }
    no_data = format_html('<span class="muted">{}</span>', _("No data"))
    profile_prefix = _profile_prefix()
    rows = []
    for country, score, statuses in comparison.rows:
        rows.append(
            format_html(
                '<tr><th scope="row"><a href="{}{}/">{}</a></th><td>{}</td>',
                profile_prefix,
                country.iso2,
                country.name,
                no_data if score is None else score,
            )
            + "".join(cells[status] for status in statuses)
            + "</tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 - every part escaped by format_html above


@require_safe
def compare(request):
    form, filters = _filters(request)
    comparison = selectors.comparison(**filters)
    context = {
        "form": form,
        "comparison": comparison,
        "matrix_rows": _matrix_rows(comparison),
        "symbols": [(symbol, MeasureStatus(s).label) for s, symbol in STATUS_SYMBOLS.items()],
        "query": request.GET.urlencode(),
    }
    return render_form_page(request, "countries/compare.html", context)


@require_safe
def compare_map(request):
    """The world map of the comparison, shaded by score, as an SVG image."""
    form, filters = _filters(request)
    comparison = selectors.comparison(**filters)
    shapes = worldmap.shaded_map((country, score) for country, score, _cells in comparison.rows)
    response = render(request, "countries/map.svg", {"map": shapes}, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def compare_csv(request):
    form, filters = _filters(request)
    if form.is_bound and not form.is_valid():
        return HttpResponse(
            _("Unknown region or group."),
            status=REFUSED_STATUS,
            content_type="text/plain; charset=utf-8",
        )
    comparison = selectors.comparison(**filters)
    name = "-".join(["cop-checklist", *(value for value in filters.values() if value)])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["iso2", "country", "itu_region", "score", *(item.code for item in comparison.items)]
    )
    for country, score, cells in comparison.rows:
        writer.writerow([country.iso2, country.name, country.region_id or "", score, *cells])
    return response


@public_page("countries", "core")
@require_safe
def checklist(request):
    return render(request, "countries/checklist.html", {"items": selectors.checklist()})


@public_page(
    "countries", "helplines", "statistics", "resources", "coordination", "workgroup", "core"
)
@require_safe
def profile(request, iso2):
    if iso2 != iso2.upper():
        return redirect("countries:profile", iso2=iso2.upper(), permanent=True)
    country = _country(iso2)
    can_propose = represents_country(request.user, country.iso2) or is_secretariat(request.user)
    sections, gaps = [], []
    for section, (html, section_gaps) in _sections(country, can_propose):
        sections.append({"section": section, "section_html": html})
        gaps.extend(section_gaps)
    context = {
        "country": country,
        "sections": sections,
        "gaps": gaps,
        "can_propose": can_propose,
        "can_request_assistance": represents_country(request.user, country.iso2),
        "proposals": list(selectors.proposals(status=None).filter(country=country)[:10])
        if can_propose
        else [],
    }
    return render(request, "countries/profile.html", context)


def _sections(
    country, can_propose: bool
) -> list[tuple[profiles.ProfileSection, tuple[str, list[str]]]]:
    """Each profile section as HTML ("" when it has nothing to show) and its gaps for the
    country, kept per country, language and whether the reader may propose changes (a section
    may link to what only they see) until the data of the app that owns the section changes: a
    change to one part of the profile reads and renders that part only. The sections are read
    from the cache together."""
    language = translation.get_language()
    sections = profiles.sections()
    entries = []
    for section in sections:
        app = section.data.__module__.split(".")[1]  # cophub.<app>.…
        key = f"profile:{section.key}:{country.iso2}:{language}:{int(can_propose)}"
        entries.append((data_version(app), key, partial(_section, section, country, can_propose)))
    found = versioned.cached_many(entries, timeout=DEFAULT_TIMEOUT)
    return list(zip(sections, found, strict=True))


def _section(section: profiles.ProfileSection, country, can_propose: bool) -> tuple[str, list[str]]:
    data = section.data(country)
    if isinstance(data, QuerySet):
        data = list(data)
    gaps = [str(gap) for gap in section.gaps(country)] if section.gaps else []
    if not data:
        return "", gaps
    context = {"country": country, "data": data, "section": section, "can_propose": can_propose}
    # Without the request: what is kept for every reader shows nothing of one (and the context
    # processors, which build the page's language links, are not run ten times).
    return render_to_string(section.template, context), gaps


@require_safe
def history(request, iso2):
    if iso2 != iso2.upper():
        return redirect("countries:history", iso2=iso2.upper(), permanent=True)
    country = _country(iso2)
    page = Paginator(selectors.history(country), 50).get_page(request.GET.get("page"))
    entries = [(change, display.changed_fields(change)) for change in page]
    return render(
        request,
        "countries/history.html",
        {"country": country, "page": page, "entries": entries},
    )


def _form_for(kind, country, data=None):
    roadmap = selectors.roadmap(country)
    if kind == Proposal.Kind.MILESTONE:
        milestones = roadmap.milestones.all() if roadmap else []
        return forms.MilestoneForm(data, milestones=milestones)
    if kind == Proposal.Kind.ROADMAP and data is None and roadmap is not None:
        initial = {name: getattr(roadmap, name) for name in forms.RoadmapForm.base_fields if name}
        return forms.RoadmapForm(initial=initial)
    return FORMS[kind](data)


@login_required
@require_http_methods(["GET", "POST"])
def propose(request, iso2, kind):
    country = _country(iso2)
    if kind not in FORMS:
        raise Http404
    direct = is_secretariat(request.user)
    if not (direct or represents_country(request.user, country.iso2)):
        return render_form_page(
            request,
            "core/error.html",
            {
                "status": 403,
                "title": _("Not allowed"),
                "message": _("You can propose changes only for the Member State you represent."),
            },
            status=403,
        )
    form = _form_for(kind, country, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        change = services.apply_change if direct else services.propose_change
        try:
            change(country=country, kind=kind, payload=form.payload(), by=request.user)
        except DomainError as error:
            field = getattr(form, "service_fields", {}).get(error.field, error.field)
            form.add_error(field if field in form.fields else None, error.message)
        else:
            if direct:
                messages.success(request, _("The change is published and kept in the history."))
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. The secretariat will review your proposal before it is published."
                    ),
                )
            return redirect("countries:profile", iso2=country.iso2)
    return render_form_page(
        request,
        "countries/propose.html",
        {"country": country, "form": form, "kind": kind, "kind_label": Proposal.Kind(kind).label},
    )


def _secretariat_only(request):
    if not is_secretariat(request.user):
        return render(
            request,
            "core/error.html",
            {
                "status": 403,
                "title": _("Not allowed"),
                "message": _("Only the secretariat reviews proposed changes."),
            },
            status=403,
        )
    return None


@login_required
@require_safe
def proposal_queue(request):
    if denied := _secretariat_only(request):
        return denied
    pending = list(selectors.proposals())
    return render(request, "countries/proposals.html", {"proposals": pending})


@login_required
@require_http_methods(["GET", "POST"])
def proposal_review(request, pk):
    if denied := _secretariat_only(request):
        return denied
    proposal = get_object_or_404(selectors.proposals(status=None), pk=pk)
    form = forms.ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_proposal(
                proposal=proposal,
                accept=form.cleaned_data["decision"] == "accept",
                by=request.user,
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The proposal has been reviewed."))
            return redirect("countries:proposals")
    return render_form_page(
        request,
        "countries/proposal_review.html",
        {"proposal": proposal, "form": form, "values": display.proposed_values(proposal)},
    )


# --- requests for assistance (Resolution 179, RES/2, BDT/4, BDT/8) ---------------------------


def _refused_page(request, message):
    return render_form_page(
        request,
        "core/error.html",
        {"status": 403, "title": _("Not allowed"), "message": message},
        status=403,
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_assistance(request, iso2):
    country = _country(iso2)
    if not represents_country(request.user, country.iso2):
        return _refused_page(
            request, _("You can ask for assistance only for the Member State you represent.")
        )
    form = forms.AssistanceRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.request_assistance(
                country=country, by=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                _("Your request is sent. The secretariat will answer it here, step by step."),
            )
            return redirect("countries:assistance-request", pk=sent.pk)
    return render_form_page(
        request, "countries/request_assistance.html", {"country": country, "form": form}
    )


@login_required
@require_safe
def assistance_list(request):
    if not is_secretariat(request.user):
        return _refused_page(request, _("Only the secretariat handles requests for assistance."))
    form = forms.AssistanceFilterForm(request.GET or None)
    requests = list(selectors.assistance_requests(**form.filters())[:200])
    return render_form_page(
        request, "countries/assistance_list.html", {"form": form, "requests": requests}
    )


@login_required
@require_http_methods(["GET", "POST"])
def assistance_detail(request, pk):
    try:
        sent = selectors.assistance_request(pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    secretariat = is_secretariat(request.user)
    if not (secretariat or represents_country(request.user, sent.country_id)):
        return _refused_page(
            request,
            _("Only the secretariat and the delegates of the Member State see this request."),
        )
    next_states = services.ASSISTANCE_NEXT[sent.state] if secretariat else ()
    form = None
    if next_states:
        data = request.POST if request.method == "POST" else None
        form = forms.AssistanceStepForm(data, next_states=next_states)
    elif request.method == "POST":
        return _refused_page(request, _("Only the secretariat handles requests for assistance."))
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.advance_assistance_request(request=sent, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The request has moved on and the step is recorded."))
            return redirect("countries:assistance-request", pk=sent.pk)
    context = {
        "assistance": sent,
        "steps": list(selectors.assistance_steps(sent)),
        "form": form,
    }
    return render_form_page(request, "countries/assistance_detail.html", context)
