import difflib
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from cophub.accounts.permissions import (
    delegate_refusal,
    delegate_required,
    is_secretariat,
    secretariat_required,
)
from cophub.core import i18n
from cophub.core.errors import DomainError
from cophub.core.files import file_response
from cophub.core.forms import REFUSED_STATUS, refused, render_form_page
from cophub.core.jsonld import as_script_text
from cophub.core.pagecache import public_page
from cophub.core.templatetags.cophub import translated

from . import jsonld, report_editions, reports, selectors, services
from .forms import (
    CoSourceAnswerForm,
    MeetingRegistrationForm,
    ReasonForm,
    RegisterForm,
    RegistryFilterForm,
    SubmissionForm,
    SubscriptionForm,
    TranslationForm,
)
from .models import Document, DocumentType

PAGE_SIZE = 25


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@public_page("workgroup", "core")
@require_safe
def registry(request):
    section, refused_filters = selectors.kept_registry_part(
        "registry-page", request.GET, lambda: _registry_section(request)
    )
    status = REFUSED_STATUS if refused_filters else 200
    return render(request, "workgroup/registry.html", {"section": section}, status=status)


def _registry_section(request) -> tuple[str, bool]:
    """The filter form, the count, one page of documents and the links to the others; and
    whether the filters were refused (the page then says why, with the unfiltered list)."""
    form = RegistryFilterForm(request.GET or None)
    filters = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "q": data["q"],
            "group": data["group"].code if data["group"] else "",
            "meeting": data["meeting"].strip(),
            "document_type": data["document_type"],
            "source": data["source"].strip(),
            "country": data["country"],
            "language": data["language"],
            "year": data["year"],
        }
    documents = selectors.registry_filtered(**filters)
    count = selectors.registry_count(documents, filters)
    page = Paginator(_RegistryPages(documents, count), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    # The form is the same on every page of a result (and its country list is long): rendered
    # once per filter, not once per page.
    form_html = selectors.kept_registry_part(
        "registry-form",
        query,
        lambda: render_to_string(
            "workgroup/includes/registry_form.html",
            {"form": form, "filtered": any(filters.values())},
            request,
        ),
    )
    context = {
        "form_html": form_html,
        "page": page,
        "rows": _registry_rows(page.object_list),
        "query": query.urlencode(),
    }
    html = render_to_string("workgroup/includes/registry_section.html", context, request)
    return html, refused(form)


class _RegistryPages:
    """What the paginator needs of the registry: its (known) count, and slices read with
    `selectors.registry_slice`."""

    def __init__(self, documents, count: int):
        self.documents, self.known_count = documents, count

    def count(self) -> int:
        return self.known_count

    def __len__(self) -> int:
        return self.known_count

    def __getitem__(self, index: slice) -> list[Document]:
        return selectors.registry_slice(self.documents, index.start, index.stop)


@dataclass
class _RegistryRow:
    url: str
    number: str
    document_type: str
    withdrawn: bool
    late: bool
    title: str
    sources: str
    registered: str
    languages: list[str]


def _registry_rows(documents: list[Document]) -> list[_RegistryRow]:
    """What each row shows, computed here once rather than by a template include and a dozen
    tags per row: the address from one reversed prefix, the type labels from one dict."""
    prefix = reverse("workgroup:document", args=["-"]).removesuffix("-/")
    types = {value: str(label) for value, label in DocumentType.choices}
    secretariat = _("Secretariat")
    rows = []
    for document in documents:
        sources = [country.name for country in document.countries.all()]
        sources += [o.acronym or o.name for o in document.organisations.all()]
        if document.secretariat_source:
            sources.append(secretariat)
        rows.append(
            _RegistryRow(
                url=f"{prefix}{document.slug}/",
                number=document.number,
                document_type=types.get(document.document_type, document.document_type),
                withdrawn=document.status == Document.Status.WITHDRAWN,
                late=document.late,
                title=translated(document, "title"),
                sources=sources,  # joined as the reader's language joins a list
                # the day it was registered, in the reader's calendar format (not the time)
                registered=i18n.format_date(timezone.localdate(document.registered_at), "medium"),
                languages=[file.language for file in document.files.all()],
            )
        )
    return rows


@public_page("workgroup", "core")
@require_safe
def document_detail(request, slug):
    document = selectors.document_by_slug(slug)
    versions = sorted(document.versions.all(), key=lambda d: (d.version, d.version_number))
    return render(
        request,
        "workgroup/document_detail.html",
        {
            "document": document,
            "versions": [v for v in versions if v.is_public],
            "replies": [r for r in document.replies.all() if r.is_public],
            "json_ld": as_script_text(jsonld.document(document, request)),
            "withdraw_form": ReasonForm(),
        },
    )


@require_safe
def document_file(request, slug, language):
    file = selectors.document_file(slug, language)
    # Saved under its ITU symbol (CWG-COP-26-1-E.docx), whatever the sender named it.
    response = file_response(file.file, filename=file.download_name, kind=file.kind)
    response["Content-Language"] = language
    return response


@require_safe
def document_diff(request, slug, other):
    """What changed in the text between two versions of a document, from the extracted text."""
    old = selectors.document_by_slug(slug)
    new = selectors.document_by_slug(other)
    old_root, new_root = old.base_id or old.pk, new.base_id or new.pk
    if old_root != new_root:
        raise Http404
    language = request.GET.get("language") or request.LANGUAGE_CODE
    lines = []
    old_text, new_text = _text(old, language), _text(new, language)
    for line in difflib.unified_diff(
        old_text.splitlines(), new_text.splitlines(), lineterm="", n=2
    ):
        if line.startswith(("---", "+++")):
            continue
        kind = {"+": "added", "-": "removed", "@": "hunk"}.get(line[:1], "same")
        lines.append((kind, line[1:] if kind != "hunk" else "…"))
    return render(
        request,
        "workgroup/document_diff.html",
        {"old": old, "new": new, "lines": lines, "language": language},
    )


def _text(document: Document, language: str) -> str:
    files = {file.language: file for file in document.files.all()}
    chosen = (
        files.get(language)
        or files.get(document.original_language)
        or next(iter(files.values()), None)
    )
    if chosen is None:
        return ""
    return chosen.__class__.objects.only("text").get(pk=chosen.pk).text


@require_POST
@login_required
def withdraw(request, slug):
    document = selectors.document_by_slug(slug)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.withdraw_document(
                document=document, withdrawn_by=request.user, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The document is withdrawn."))
    else:
        messages.error(request, _("Say why the document is withdrawn."))
    return redirect("workgroup:document", slug=document.slug)


def _chosen_meeting(request, open_meetings, base):
    """The meeting a submission goes to: the revised document's, the one sent with the form, or
    the one named in the address (`?meeting=CWG-COP-26`); None before one is chosen."""
    if base is not None:
        return base.meeting
    if request.method == "POST":
        pk = request.POST.get("meeting", "")
        return open_meetings.filter(pk=int(pk)).first() if pk.isdigit() else None
    code = request.GET.get("meeting", "")
    return next((meeting for meeting in open_meetings if meeting.code == code), None)


@delegate_required
def submit(request):
    open_meetings = selectors.meetings(upcoming=True)
    base = None
    if slug := request.GET.get("revise") or request.POST.get("revise"):
        base = selectors.document_by_slug(slug)
    meeting = _chosen_meeting(request, open_meetings, base)
    if meeting is None and request.method != "POST":
        # The meeting first: the form then offers only its agenda items.
        return render(request, "workgroup/submit.html", {"choose": open_meetings})
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES, meetings=open_meetings, meeting=meeting)
        if base is not None:
            form.fields["meeting"].required = False
        if form.is_valid():
            data = form.cleaned_data
            try:
                document = services.submit_document(
                    submitted_by=request.user,
                    meeting=data["meeting"] or base.meeting,
                    document_type=data["document_type"],
                    title=data["title"],
                    abstract=data["abstract"],
                    original_language=data["original_language"],
                    agenda_item=data["agenda_item"],
                    countries=data["countries"],
                    organisations=data["organisations"],
                    mandate=data["mandate"],
                    files={data["original_language"]: data["file"]},
                    base=base,
                    version=request.POST.get("version", "revision") if base else "original",
                    liaison_direction=data["liaison_direction"],
                    liaison_group=data["liaison_group"],
                    reply_deadline=data["reply_deadline"],
                    reply_to=data["reply_to"],
                    base_url=_base_url(request),
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(
                    request, _("Your document is submitted. The secretariat will register it.")
                )
                return redirect("workgroup:submission", pk=document.pk)
    else:
        form = SubmissionForm(
            meetings=open_meetings,
            meeting=meeting,
            initial={"original_language": request.LANGUAGE_CODE, "meeting": meeting.pk},
        )
    if meeting is not None:
        form.fields["meeting"].widget = forms.HiddenInput()
    return render_form_page(
        request,
        "workgroup/submit.html",
        {
            "form": form,
            "base": base,
            "meeting": meeting,
            "is_late": meeting is not None
            and timezone.localtime(timezone.now(), meeting.tz).date()
            > meeting.contribution_deadline,
            "versions": Document.Version.choices[1:],
        },
    )


@delegate_required
def co_sources(request):
    """The documents that name the delegate's Member State or organisation as co-source and wait
    for its answer; for the secretariat, all of them, to confirm for a co-source with a reason."""
    waiting = selectors.co_sources_waiting(request.user)
    form = CoSourceAnswerForm(waiting=waiting)
    if request.method == "POST":
        form = CoSourceAnswerForm(request.POST, waiting=waiting)
        if form.is_valid():
            data = form.cleaned_data
            names = {"source": data["co_source"].source.name, "title": data["co_source"].document}
            try:
                if data["answer"] == "confirm":
                    services.confirm_co_source(
                        co_source=data["co_source"], user=request.user, reason=data["reason"]
                    )
                    message = _("%(source)s is now a source of “%(title)s”.") % names
                else:
                    services.decline_co_source(co_source=data["co_source"], user=request.user)
                    message = _("%(source)s will not be listed as a source of “%(title)s”.") % names
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, message)
                return redirect("workgroup:co-sources")
    return render_form_page(
        request, "workgroup/co_sources.html", {"waiting": list(waiting), "form": form}
    )


@delegate_required
def submissions(request):
    """The delegate's own submissions; for the secretariat, everything waiting to be registered."""
    if is_secretariat(request.user):
        documents = selectors.submissions_waiting()
    else:
        documents = selectors.submissions_of(request.user)
    return render(request, "workgroup/submissions.html", {"documents": documents})


@delegate_required
def submission(request, pk):
    document = get_object_or_404(
        Document.objects.select_related(
            "meeting__group", "submitted_by", "agenda_item"
        ).prefetch_related(
            "files", "countries", "organisations", "co_sources__country", "co_sources__organisation"
        ),
        pk=pk,
    )
    if not is_secretariat(request.user) and document.submitted_by_id != request.user.pk:
        raise PermissionDenied
    register_form = RegisterForm(late=document.late)
    return_form, translation_form = ReasonForm(), TranslationForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "register":
                register_form = RegisterForm(request.POST, late=document.late)
                if register_form.is_valid():
                    services.register_document(
                        document=document,
                        registered_by=request.user,
                        serial=register_form.cleaned_data["serial"],
                        base_url=_base_url(request),
                        late_reason=register_form.cleaned_data.get("late_reason", ""),
                    )
                    document.refresh_from_db()
                    messages.success(
                        request, _("Registered as %(number)s.") % {"number": document.number}
                    )
                    return redirect("workgroup:document", slug=document.slug)
            elif action == "return":
                return_form = ReasonForm(request.POST)
                if return_form.is_valid():
                    services.return_document(
                        document=document,
                        returned_by=request.user,
                        reason=return_form.cleaned_data["reason"],
                    )
                    messages.success(request, _("The submission is returned to the delegate."))
                    return redirect("workgroup:submissions")
            elif action == "translation":
                translation_form = TranslationForm(request.POST, request.FILES)
                if translation_form.is_valid():
                    data = translation_form.cleaned_data
                    services.add_translation(
                        document=document,
                        user=request.user,
                        language=data["language"],
                        file=data["file"],
                        title=data["title"],
                        abstract=data["abstract"],
                    )
                    messages.success(request, _("The file is added."))
                    return redirect("workgroup:submission", pk=document.pk)
        except DomainError as error:
            form = {"register": register_form, "return": return_form}.get(action, translation_form)
            form.add_error(error.field if error.field in form.fields else None, error.message)
    return render_form_page(
        request,
        "workgroup/submission.html",
        {
            "document": document,
            "register_form": register_form,
            "return_form": return_form,
            "translation_form": translation_form,
        },
    )


@public_page("workgroup", "consultations")
@require_safe
def meeting_list(request):
    return render(
        request,
        "workgroup/meeting_list.html",
        {
            "upcoming": selectors.meetings(upcoming=True),
            "past": selectors.meetings(upcoming=False),
        },
    )


def _registration_initial(request, registration) -> dict:
    if registration is not None:
        fields = ("name", "role", "attendance", "gender")
        return {name: getattr(registration, name) for name in fields}
    if not request.user.is_authenticated:
        return {}
    role = "secretariat" if is_secretariat(request.user) else "delegate"
    return {"name": request.user.full_name, "role": role, "attendance": "in_person"}


@public_page("workgroup", "consultations", "core")
def meeting_detail(request, code):
    """The meeting's materials on one page, in the order a delegate needs them: the agenda, the
    call, the documents under the agenda item they serve, the youth consultation, presentations,
    the participants and the report (as the IETF Datatracker's meeting materials page)."""
    meeting = selectors.meeting_by_code(code)
    registration = selectors.registration_of(meeting, request.user)
    form = MeetingRegistrationForm(initial=_registration_initial(request, registration))
    if request.method == "POST":
        if (response := delegate_refusal(request)) is not None:
            return response
        form = MeetingRegistrationForm(request.POST)
        if form.is_valid():
            try:
                services.register_for_meeting(
                    meeting=meeting, delegate=request.user, **form.cleaned_data
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("You are registered for this meeting."))
                return redirect("workgroup:meeting", code=meeting.code)
    return render_form_page(
        request,
        "workgroup/meeting_detail.html",
        {
            "meeting": meeting,
            "paragraphs": list(selectors.meeting_mandate(meeting)),
            "materials": selectors.meeting_materials(meeting),
            "consultation": selectors.consultation_of(meeting),
            "participant_count": selectors.participants(meeting).count(),
            "form": form,
            "registration": registration,
            "is_over": timezone.localtime(timezone.now(), meeting.tz).date() > meeting.ends_on,
            "json_ld": as_script_text(jsonld.meeting(meeting, request)),
        },
    )


@public_page("workgroup")
@require_safe
def liaison_list(request):
    return render(
        request,
        "workgroup/liaison_list.html",
        {"liaisons": selectors.liaison_statements().order_by("-registered_at")},
    )


def subscribe(request):
    if request.method == "POST":
        form = SubscriptionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.subscribe(
                    email=data["email"],
                    group=data["group"],
                    document_type=data["document_type"],
                    language=request.LANGUAGE_CODE,
                    base_url=_base_url(request),
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(
                    request,
                    _(
                        "We have sent a link to this address. Open it to confirm: until then, "
                        "no e-mail about new documents is sent to it."
                    ),
                )
                return redirect("workgroup:registry")
    else:
        form = SubscriptionForm()
    return render_form_page(request, "workgroup/subscribe.html", {"form": form})


def confirm_subscription(request, token):
    """The link mailed to a new subscriber: a page with a button, since mail filters open links
    on their own; the subscription is confirmed by the button's POST only."""
    subscription = selectors.subscription_by_token(token)
    if request.method == "POST":
        services.confirm_subscription(token=subscription.token)
        messages.success(request, _("You will get an e-mail for each new document."))
        return redirect("workgroup:registry")
    return render(request, "workgroup/confirm_subscription.html", {"subscription": subscription})


def unsubscribe(request, token):
    if request.method == "POST":
        services.unsubscribe(token=token)
        messages.success(request, _("You will get no more e-mails about new documents."))
        return redirect("workgroup:registry")
    return render(request, "workgroup/unsubscribe.html", {"token": token})


@require_safe
def report_list(request):
    return render(request, "workgroup/report_list.html", {"years": reports.report_years()})


@require_safe
def report(request, kind, year=None, fmt="html"):
    built = reports.build(kind=kind, year=year)
    if fmt == "pdf":
        return HttpResponse(reports.to_pdf(built, request), content_type="application/pdf")
    if fmt == "docx":
        response = HttpResponse(
            reports.to_docx(built),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f'attachment; filename="{built.filename}.docx"'
        return response
    return render(
        request, "workgroup/report.html", {"report": built, "sections": reports.formatted(built)}
    )


@require_POST
@secretariat_required
def register_report(request, kind, year=None):
    """Put the report's generation and registration on the task queue; its page shows progress."""
    try:
        generation = report_editions.start_report_generation(kind=kind, year=year, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("workgroup:reports")
    return redirect("workgroup:report-generation", pk=generation.pk)
