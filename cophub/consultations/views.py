import copy
import dataclasses
import re
import secrets

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from cophub.accounts.permissions import secretariat_page
from cophub.core.errors import DomainError
from cophub.core.forms import REFUSED_STATUS, render_form_page
from cophub.core.help import help_for_country
from cophub.core.ratelimit import client_address

from . import exports, selectors, services
from .forms import TRAP_FIELD, ParticipantForm, SafeguardingContactForm, questions_form
from .models import Consultation


def _consultation(slug: str, *, cached: bool = False) -> Consultation:
    if cached:
        consultation = selectors.answerable_consultation(slug)
        if consultation is None:
            raise Http404
        return consultation
    consultation = selectors.consultation_by_slug(slug)
    if consultation is None:
        raise Http404
    if consultation.duplicate_key is not None and consultation.state(timezone.now()) == "closed":
        consultation = services.close_consultation(consultation=consultation)
    return consultation


@require_safe
def consultation_list(request):
    consultations = list(selectors.public_consultations())
    counts = selectors.counts_by_consultation(consultations)
    now = timezone.now()
    rows = [
        {"consultation": c, "state": c.state(now), "count": counts.get(c.pk, 0)}
        for c in consultations
    ]
    return render(request, "consultations/list.html", {"rows": rows})


@require_safe
def consultation_detail(request, slug):
    consultation = _consultation(slug)
    state = consultation.state(timezone.now())
    context = {
        "consultation": consultation,
        "state": state,
        "count": selectors.live_count(consultation),
        "share_url": request.build_absolute_uri(
            reverse("consultations:detail", kwargs={"slug": slug})
        ),
        "questions": selectors.questions_of(consultation) if state == "closed" else [],
    }
    return render(request, "consultations/detail.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def take_part(request, slug):
    consultation = _consultation(slug)
    state = consultation.state(timezone.now())
    if request.method == "POST":
        form = ParticipantForm(request.POST)
        if form.is_valid() or state != "open":
            data = form.cleaned_data
            try:
                token = services.start_participation(
                    consultation=consultation,
                    age_band=data.get("age_band", ""),
                    sex=data.get("sex", ""),
                    country=data.get("country", ""),
                    consent=data.get("consent", False),
                    adult_agrees=data.get("adult_agrees", False),
                    language=translation.get_language(),
                )
            except DomainError as error:
                form.add_error(error.field, error.message)
            else:
                # The questions are the answer to this post: the signed form (age band, sex,
                # country) travels in the page's form and the next post's body, never in an
                # address that a proxy, a log or the browser's history would keep.
                participant = services.read_participation(consultation=consultation, token=token)
                return _question_page(request, consultation, participant, token)
    else:
        form = ParticipantForm()
    return render_form_page(
        request,
        "consultations/take_part.html",
        {"consultation": consultation, "state": state, "form": form},
    )


def _blank_fields(consultation, free_text: bool) -> str:
    """The question fields before any answer: the same for everyone, so kept."""
    key = f"fields:{consultation.pk}:{consultation.slug}:{translation.get_language()}:{free_text}"

    def render_fields():
        questions = selectors.questions_of(consultation, cached=True)
        form = questions_form(questions, free_text=free_text)
        return render_to_string("core/includes/form.html", {"form": form})

    return selectors.kept_for_all(key, render_fields)


def _question_page(request, consultation, participant, token, *, form=None, notice="", status=200):
    if form is None and _same_for_everyone(request, token):
        return HttpResponse(_blank_question_page(request, consultation, participant, token))
    context = {
        "consultation": consultation,
        "token": token,
        "form": form,
        "notice": notice,
        "trap": TRAP_FIELD,
    }
    if form is None:
        context["fields"] = _blank_fields(consultation, participant.may_write_free_text)
    return render(request, "consultations/questions.html", context, status=status)


# Stand-ins for the two things that differ between young people's blank question pages: the
# signed form and the CSRF token. Random in each process, so no text can contain them.
_FORM_MARK = secrets.token_hex(16)
_CSRF_MARK = secrets.token_hex(16)
# What a signed form is made of (base64 and the signer's separators): nothing to escape in
# HTML or in a query string, so it appears as is wherever the page shows it.
_PLAIN_TOKEN = re.compile(r"[A-Za-z0-9_.:-]+")


def _same_for_everyone(request, token: str) -> bool:
    """Whether the page is the blank one anybody without a session sees: no session (so not
    signed in, no messages), and an address without a query string."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.META.get("QUERY_STRING")
        and _PLAIN_TOKEN.fullmatch(token) is not None
    )


def _blank_question_page(request, consultation, participant, token) -> str:
    """The blank question page, rendered once per language and age group, and kept, with
    stand-ins, which each request replaces with its own signed form and CSRF token. The
    template work of the page (the layout, the language links) is most of its CPU time."""
    free_text = participant.may_write_free_text
    key = f"page:{consultation.pk}:{consultation.slug}:{translation.get_language()}:{free_text}"

    def render_page():
        stand_in = copy.copy(request)
        context = {
            "consultation": consultation,
            "token": _FORM_MARK,
            "csrf_token": _CSRF_MARK,
            "trap": TRAP_FIELD,
            "fields": _blank_fields(consultation, free_text),
        }
        return render_to_string("consultations/questions.html", context, request=stand_in)

    page = selectors.kept_for_all(key, render_page)
    # get_token also has the CSRF cookie sent, as {% csrf_token %} does.
    return page.replace(_FORM_MARK, token).replace(_CSRF_MARK, get_token(request))


@never_cache
@require_http_methods(["GET", "POST"])
def questions(request, slug):
    consultation = _consultation(slug, cached=True)
    if request.method == "GET":
        # The questions come as the answer to the consent step (take_part): an address alone
        # never carries a form, so a reload or a shared link starts there again.
        return redirect("consultations:take-part", slug=slug)
    token = request.POST.get("p", "")
    try:
        participant = services.read_participation(consultation=consultation, token=token)
    except DomainError as error:
        return _problem_page(request, consultation, error.message, status=400)
    if request.POST.get(TRAP_FIELD):
        # Filled in by a script that fills every field: people never see the field. The
        # answer is the one a stored submission gets, so the script learns nothing.
        return HttpResponse(_plain_thanks(request, consultation, participant.country))
    answers = {key: request.POST.getlist(key) for key in request.POST if key.startswith("q")}
    # Behind the load balancer the connection's address is the balancer's: the client's is
    # the one the rate limits use.
    device = client_address(request) + "|" + request.META.get("HTTP_USER_AGENT", "")
    try:
        submission = services.submit_response(
            consultation=consultation,
            token=token,
            answers=answers,
            device=device,
            participant=participant,
        )
    except services.InvalidAnswers as error:
        form = _answered_form(consultation, participant, request.POST)
        for key, message in error.errors.items():
            form.add_error(key, message)
        return _question_page(
            request, consultation, participant, token, form=form, status=REFUSED_STATUS
        )
    except services.AnsweredTooFast as error:
        # A child who clicked through: their answers stay on the page, to check and send.
        form = _answered_form(consultation, participant, request.POST)
        return _question_page(
            request,
            consultation,
            participant,
            token,
            form=form,
            notice=error.message,
            status=REFUSED_STATUS,
        )
    except services.AlreadySent as error:
        return _problem_page(request, consultation, error.message, status=409)
    except DomainError as error:
        return _problem_page(request, consultation, error.message, status=422)
    if submission.danger or request.user.is_authenticated:
        return render(
            request,
            "consultations/thanks.html",
            {
                "consultation": consultation,
                "danger": submission.danger,
                "help": _help(participant.country, first_only=not submission.danger),
            },
        )
    return HttpResponse(_plain_thanks(request, consultation, participant.country))


def _help(country: str, *, first_only: bool):
    """The country's help: all of it after a danger signal, else the finder's first entry, so
    that a child whose words were not recognised still leaves with somewhere to turn."""
    answer = help_for_country(country)
    if first_only:
        return dataclasses.replace(answer, services=answer.services[:1])
    return answer


def _answered_form(consultation, participant, data):
    form = questions_form(
        selectors.questions_of(consultation, cached=True),
        free_text=participant.may_write_free_text,
        data=data,
    )
    form.is_valid()
    return form


def _plain_thanks(request, consultation, country: str = "") -> str:
    """The thank-you page without a danger signal is the same for everyone who answered in a
    language from a country: rendered once and kept, it leaves the CPU to the next submissions.
    It is kept for 30 seconds at most, so that the helpline's "open now" stays true."""
    return selectors.kept_for_all(
        f"thanks:{consultation.pk}:{consultation.slug}:{request.path}:{country}",
        lambda: render_to_string(
            "consultations/thanks.html",
            {"consultation": consultation, "help": _help(country, first_only=True)},
            request=request,
        ),
    )


def _problem_page(request, consultation, message, *, status):
    return render(
        request,
        "consultations/problem.html",
        {"consultation": consultation, "message": message},
        status=status,
    )


@secretariat_page
@require_safe
def preview(request, slug):
    consultation = selectors.consultation_by_slug(slug, public=False)
    if consultation is None:
        raise Http404
    form = questions_form(selectors.questions_of(consultation), free_text=True)
    return render(
        request,
        "consultations/questions.html",
        {
            "consultation": consultation,
            "form": form,
            "preview": True,
            "missing": selectors.missing_translations(consultation),
        },
    )


@require_safe
def qr_code(request, slug):
    consultation = selectors.consultation_by_slug(slug)
    if consultation is None:
        raise Http404
    url = request.build_absolute_uri(reverse("consultations:detail", kwargs={"slug": slug}))
    import segno  # on first use: a worker that never draws one does not hold it

    svg = segno.make(url, error="m").svg_inline(scale=6, dark="#000", light="#fff", border=2)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="{slug}-qr.svg"'
    return response


def _closed_consultation(slug):
    consultation = _consultation(slug)
    if consultation.state(timezone.now()) != "closed":
        raise Http404
    return consultation


@require_safe
def results(request, slug):
    consultation = _closed_consultation(slug)
    context = {
        "consultation": consultation,
        "results": selectors.results(consultation),
        "participation": selectors.participation(consultation),
        "total": selectors.live_count(consultation),
    }
    return render(request, "consultations/results.html", context)


@require_safe
def results_csv(request, slug):
    consultation = _closed_consultation(slug)
    response = HttpResponse(exports.results_csv(consultation), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{slug}-results.csv"'
    return response


@require_safe
def results_xlsx(request, slug):
    consultation = _closed_consultation(slug)
    response = HttpResponse(
        exports.results_xlsx(consultation),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}-results.xlsx"'
    return response


@require_safe
def summary_pdf(request, slug):
    consultation = _closed_consultation(slug)
    language = translation.get_language()
    response = HttpResponse(
        exports.summary_report_pdf(consultation, language), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="{slug}-summary-{language}.pdf"'
    return response


@secretariat_page
@require_safe
def disclosures(request):
    """What waits for a safeguarding contact, since when, and who handled what."""
    return render(
        request, "consultations/disclosures.html", {"disclosures": selectors.disclosures()}
    )


@secretariat_page
@require_http_methods(["GET", "POST"])
def disclosure(request, pk):
    found = selectors.disclosure(pk)
    if found is None:
        raise Http404
    if request.method == "POST":
        try:
            services.handle_disclosure(disclosure=found, by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        return redirect("consultations:disclosures")
    services.read_disclosure(disclosure=found, by=request.user)
    return render(request, "consultations/disclosure.html", {"disclosure": found})


@never_cache
@secretariat_page
@require_http_methods(["GET", "POST"])
def safeguarding_contacts(request):
    """Who is told at once of a disclosure in each consultation (nobody named: the whole
    secretariat)."""
    form = SafeguardingContactForm()
    if request.method == "POST":
        form = SafeguardingContactForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            consultation = selectors.consultation_by_slug(data["consultation"], public=False)
            try:
                if consultation is None:
                    raise DomainError(_("This consultation does not exist."))
                if data["action"] == "add":
                    services.add_safeguarding_contact(
                        consultation=consultation, email=data["email"], by=request.user
                    )
                else:
                    services.remove_safeguarding_contact(
                        consultation=consultation, email=data["email"], by=request.user
                    )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("The safeguarding contacts are saved."))
                return redirect("consultations:safeguarding-contacts")
    return render_form_page(
        request,
        "consultations/safeguarding_contacts.html",
        {"form": form, "consultations": selectors.safeguarding_contacts()},
    )
