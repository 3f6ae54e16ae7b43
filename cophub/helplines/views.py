"""The "get help now" finder, its embeddable form, and the pages that manage the directory.

The finder logs nothing about who looked: no address lookup, no cookie, no session write;
only a per-country, per-day count (services.count_finder_view).
"""

from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from cophub.accounts.permissions import is_secretariat, secretariat_required
from cophub.core import selectors as core
from cophub.core.errors import DomainError
from cophub.core.forms import REFUSED_STATUS, render_form_page
from cophub.core.help import emergency_numbers
from cophub.core.i18n import LANGUAGE_CODES
from cophub.core.pagecache import public_page

from . import exchange, selectors, services
from .exchange import ImportRejected
from .forms import (
    CountryForm,
    DedicatedNumberForm,
    ImportForm,
    ListingForm,
    ProposalForm,
    ReviewForm,
)
from .models import ChangeProposal, Helpline


def _country_choice(request, selected: str | None) -> dict:
    """The country list, with the child's earlier choice or a guess from the browser's
    languages selected."""
    if not selected:
        known = selectors.countries_with_services()
        selected = selectors.guess_country(request.headers.get("Accept-Language", ""), known)
    # Joined here rather than looped in the template: some 250 options on every finder page.
    options = format_html_join(
        "\n",
        '<option value="{}"{}>{}</option>',
        (
            (iso2, mark_safe(" selected") if iso2 == selected else "", name)  # noqa: S308 - the only unescaped text is a constant
            for iso2, name in core.country_choices()
        ),
    )
    return {"country_options": options, "selected": selected}


@require_safe
def finder(request):
    """Choose a country. `?country=` (the form without JavaScript) goes to its page."""
    iso2 = request.GET.get("country", "").strip().upper()
    if iso2:
        form = CountryForm(request.GET)
        if not form.is_valid():
            context = _country_choice(request, None) | {"error": form.errors["country"][0]}
            return render(request, "helplines/finder.html", context, status=REFUSED_STATUS)
        return redirect("helplines:finder-country", iso2=iso2)
    return render(request, "helplines/finder.html", _country_choice(request, None))


def _finder_context(iso2: str) -> dict:
    country = core.country(iso2)
    services_ = selectors.services_for_finder(country.iso2)
    return {
        "country": country,
        "services": services_,
        "any_demo": any(service.helpline.is_demo for service in services_),
        "emergency": emergency_numbers(country.iso2),
    }


@public_page("helplines", "core", on_every_view="cophub.helplines.services.count_finder_view")
@require_safe
def finder_country(request, iso2):
    if iso2 != iso2.upper():
        return redirect("helplines:finder-country", iso2=iso2.upper())
    context = _finder_context(iso2)
    services.count_finder_view(iso2=context["country"].iso2)
    context |= _country_choice(request, context["country"].iso2)
    context["numbers"] = selectors.dedicated_numbers_for_country(context["country"].iso2)
    return render(request, "helplines/finder_country.html", context)


@csrf_exempt  # a counter with no session, cookie or identity: there is nothing to forge
@require_POST
def tap(request, iso2, channel_id):
    """Counted when a child taps a contact channel (sent by the page's script as a beacon)."""
    services.count_tap(channel_id=channel_id, iso2=iso2.upper())
    return HttpResponse(status=204)


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
@require_safe
def embed(request, iso2):
    """The one page other sites may frame: schools, platforms and apps show it in an iframe."""
    language = request.GET.get("lang", "")
    if language not in LANGUAGE_CODES:
        language = translation.get_language() or "en"
    with translation.override(language):
        context = _finder_context(iso2.upper())
        services.count_finder_view(iso2=context["country"].iso2)
        context["language"] = language
        context["tap_base"] = reverse(
            "helplines:tap", kwargs={"iso2": context["country"].iso2, "channel_id": 0}
        )[:-2]
        context["full_url"] = request.build_absolute_uri(
            reverse("helplines:finder-country", kwargs={"iso2": context["country"].iso2})
        )
        return render(request, "helplines/embed.html", context)


@require_safe
def embed_snippet(request):
    """The snippet other sites paste to show the finder for a country."""
    iso2 = request.GET.get("country", "").strip().upper()
    country = core.countries().filter(iso2=iso2).first() if iso2 else None
    snippet = ""
    if country:
        language = translation.get_language()
        src = request.build_absolute_uri(
            reverse("helplines-root:embed", kwargs={"iso2": country.iso2}) + f"?lang={language}"
        )
        snippet = (
            f'<iframe src="{src}" title="{_("Get help now")}" width="360" height="600" '
            f'style="border:0;max-width:100%" loading="lazy"></iframe>'
        )
    return render(
        request,
        "helplines/embed_snippet.html",
        _country_choice(request, iso2 or None) | {"country": country, "snippet": snippet},
    )


@require_safe
def export(request, file_format):
    if file_format not in ("csv", "json"):
        raise Http404
    rows = exchange.export_rows(selectors.helplines())
    if file_format == "json":
        body, content_type = exchange.rows_to_json(rows), "application/json"
    else:
        body, content_type = exchange.rows_to_csv(rows), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="helplines.{file_format}"'
    return response


@never_cache
@login_required
@require_safe
def manage(request):
    secretariat = is_secretariat(request.user)
    context = {
        "secretariat": secretariat,
        "own": selectors.helplines_run_by(request.user.organisation_id),
        "my_proposals": selectors.proposals_of(request.user)[:20],
    }
    if secretariat:
        context |= {
            "import_form": ImportForm(),
            "stale": selectors.needing_verification(),
            "pending": selectors.pending_proposals(),
        }
    return render(request, "helplines/manage.html", context)


@never_cache
@secretariat_required
def import_page(request):
    form, errors, result = ImportForm(), [], None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = services.import_directory(
                    content=upload.read(), file_format=form.file_format(), by=request.user
                )
            except ImportRejected as rejected:
                errors = rejected.errors
                form.add_error(None, rejected.message)
    return render_form_page(
        request, "helplines/import.html", {"form": form, "errors": errors, "result": result}
    )


@never_cache
@secretariat_required
def to_confirm(request):
    """Entries hidden from children until the secretariat checks each against its source."""
    form = ListingForm()
    if request.method == "POST":
        form = ListingForm(request.POST)
        if form.is_valid():
            helpline = selectors.waiting_for_confirmation().filter(key=form.cleaned_data["key"])
            try:
                if not helpline:
                    raise DomainError(_("This entry is no longer waiting for confirmation."))
                if form.cleaned_data["decision"] == "confirm":
                    services.list_for_children(helpline=helpline[0], by=request.user)
                    messages.success(request, _("Shown to children."))
                else:
                    services.refuse_listing(
                        helpline=helpline[0], by=request.user, reason=form.cleaned_data["reason"]
                    )
                    messages.success(request, _("The entry was refused and removed."))
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                return redirect("helplines:to-confirm")
    return render_form_page(
        request,
        "helplines/to_confirm.html",
        {"form": form, "waiting": selectors.waiting_for_confirmation()},
    )


@never_cache
@login_required
def propose(request, key):
    helpline = get_object_or_404(Helpline, key=key)
    if not services.may_propose(request.user, helpline):
        raise PermissionDenied
    errors = []
    if request.method == "POST":
        form = ProposalForm(request.POST)
        if form.is_valid():
            try:
                services.propose_change(
                    user=request.user,
                    helpline=helpline,
                    csv_text=form.cleaned_data["rows"],
                    note=form.cleaned_data["note"],
                )
            except ImportRejected as rejected:
                errors = rejected.errors
                form.add_error("rows", rejected.message)
            except DomainError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("Thank you. The secretariat will review your change."))
                return redirect("helplines:manage")
    else:
        current = exchange.export_rows(selectors.helplines().filter(pk=helpline.pk))
        form = ProposalForm(initial={"rows": exchange.rows_to_csv(current)})
    return render_form_page(
        request, "helplines/propose.html", {"helpline": helpline, "form": form, "errors": errors}
    )


@never_cache
@secretariat_required
def review(request, pk):
    proposal = get_object_or_404(ChangeProposal.objects.select_related("helpline"), pk=pk)
    current = exchange.export_rows(selectors.helplines().filter(pk=proposal.helpline_id))
    errors = []
    form = ReviewForm()
    if request.method == "POST":
        form = ReviewForm(request.POST)
        if form.is_valid():
            decision, note = form.cleaned_data["decision"], form.cleaned_data["note"]
            try:
                if decision == "accept":
                    services.accept_proposal(proposal=proposal, reviewer=request.user, note=note)
                else:
                    services.reject_proposal(proposal=proposal, reviewer=request.user, note=note)
            except ImportRejected as rejected:
                errors = rejected.errors
                form.add_error(None, rejected.message)
            except DomainError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("The proposal has been reviewed."))
                return redirect("helplines:manage")
    return render_form_page(
        request,
        "helplines/review.html",
        {
            "proposal": proposal,
            "current": exchange.rows_to_csv(current),
            "proposed": exchange.rows_to_csv(proposal.rows),
            "form": form,
            "errors": errors,
        },
    )


@never_cache
@login_required
@require_safe
def impact(request):
    """Impact counts as CSV: all of them for the secretariat, an organisation's own otherwise."""
    if is_secretariat(request.user):
        rows = selectors.impact_rows()
    elif request.user.organisation_id:
        ids = list(
            selectors.helplines_run_by(request.user.organisation_id).values_list("pk", flat=True)
        )
        if not ids:
            raise Http404
        rows = selectors.impact_rows(helpline_ids=ids)
    else:
        raise PermissionDenied
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=["day", "country", "event", "service", "channel", "value", "count"]
    )
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="helplines-impact.csv"'
    return response


# --- dedicated numbers (Resolution 179, MS/11, TSB/3, MSSM/2) ------------------------------------


@public_page("helplines", "core")
@require_safe
def dedicated_numbers(request):
    """Every country where a public source says whether a dedicated number is allocated."""
    return render(request, "helplines/numbers.html", {"facts": list(selectors.dedicated_numbers())})


@never_cache
@secretariat_required
def manage_numbers(request):
    """The secretariat records what a public source says, or takes 116 111 from the directory."""
    form = DedicatedNumberForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and request.POST.get("action") == "directory":
        form = DedicatedNumberForm()
        recorded = services.dedicated_numbers_from_directory(by=request.user)
        messages.success(
            request,
            _("Countries recorded from the directory: %(count)d.") % {"count": recorded},
        )
        return redirect("helplines:manage-numbers")
    if request.method == "POST" and form.is_valid():
        try:
            services.record_dedicated_number(by=request.user, **form.service_arguments())
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The number is recorded with its source."))
            return redirect("helplines:manage-numbers")
    return render_form_page(
        request,
        "helplines/manage_numbers.html",
        {"form": form, "facts": list(selectors.dedicated_numbers())},
    )
