"""Who gets what answer, for every URL pattern of the site and every operation of the API.

Each line names a pattern as the resolver writes it (`{lang}/` for the language prefix) or an API
operation as the OpenAPI schema writes it, the address to visit (built from the records of
`access_site.build_site`), and the answer each role expects:

- a status code (200, 403, 404, 405, ...);
- LOGIN: a redirect to the sign-in page; ADMIN_LOGIN: a redirect to the admin's sign-in page;
- for writes (POST), ALLOWED: the role may write, so the answer is no refusal (a validation
  error is fine); NO_WRITE: any answer below 500, and nothing in the database changed.

A role refused a write (401, 403, 404, LOGIN, ADMIN_LOGIN, NO_WRITE) must leave every table as
it was. A new pattern or operation needs a line here: the tests name the ones without.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile

from .access_site import COUNTRY_A, COUNTRY_B, ROLES

LOGIN = "login"
ADMIN_LOGIN = "admin-login"
ALLOWED = "allowed"
NO_WRITE = "no-write"
REFUSALS = (401, 403, 404, 405, LOGIN, ADMIN_LOGIN, NO_WRITE)


def answers(default, **by_role) -> dict:
    unknown = set(by_role) - set(ROLES)
    assert not unknown, f"unknown roles {unknown}"
    return {role: by_role.get(role, default) for role in ROLES}


def everyone(status=200) -> dict:
    return answers(status)


def signed_in(status=200, **by_role) -> dict:
    return answers(status, **({"anonymous": LOGIN} | by_role))


def delegates(status=200, refused=403, **by_role) -> dict:
    """Delegates (any role but public) and the secretariat; the public account is refused."""
    return answers(status, **({"anonymous": LOGIN, "public": refused} | by_role))


def secretariat(status=200, refused=403, **by_role) -> dict:
    return answers(refused, **({"anonymous": LOGIN, "secretariat": status} | by_role))


def staff(status=200) -> dict:
    """Pages behind the admin's staff check: everyone else is sent to the admin's sign-in."""
    return answers(ADMIN_LOGIN, secretariat=status)


@dataclass
class Post:
    data: Callable = lambda site: {}
    expect: dict = field(default_factory=lambda: everyone(ALLOWED))
    url: Callable | None = None  # another address than the page's GET one
    json: bool = False


@dataclass
class Visit:
    """One address of a pattern and the answer each role gets on GET (and on POST, if any)."""

    url: Callable
    get: dict | None = None
    post: Post | None = None
    extra: list = field(default_factory=list)  # more (url, answers) on the same pattern


def _address(url) -> Callable:
    return url if callable(url) else (lambda site: url)


def page(url, get=None, post=None, extra=()):
    return Visit(_address(url), get, post, [(_address(u), expect) for u, expect in extra])


def _docx(text: str):
    from cophub.workgroup.tests.factories import docx_bytes

    return SimpleUploadedFile("contribution.docx", docx_bytes(text))


def _csv(*rows: str):
    from cophub.statistics.tests.factories import csv_bytes

    return SimpleUploadedFile("observations.csv", csv_bytes(*rows))


A, B = COUNTRY_A, COUNTRY_B

# --- the site's pages ---------------------------------------------------------------------------

PAGES: dict[str, Visit] = {
    "api/v1/openapi.json": page("/api/v1/openapi.json", everyone()),
    "api/v1/docs": page("/api/v1/docs", everyone()),
    "api/v1/": page("/api/v1/", everyone(404)),
    # core
    "{lang}/": page("/en/", everyone()),
    "{lang}/mandate/": page("/en/mandate/", everyone()),
    "{lang}/privacy/": page("/en/privacy/", everyone()),
    "{lang}/accessibility/": page("/en/accessibility/", everyone()),
    "{lang}/contact/": page("/en/contact/", everyone()),
    "{lang}/terms/": page("/en/terms/", everyone()),
    "{lang}/mandate/<str:slug>/": page(
        lambda s: f"/en/mandate/{s.mandate.code.replace('/', '-')}/", everyone()
    ),
    # accounts
    "{lang}/accounts/login/": page(
        "/en/accounts/login/",
        answers(302, anonymous=200),
        Post(lambda s: {"username": "nobody@example.org", "password": "wrong"}),
    ),
    "{lang}/accounts/request/": page(
        "/en/accounts/request/", everyone(), Post(lambda s: {"email": "not an address"})
    ),
    "{lang}/accounts/request/sent/": page("/en/accounts/request/sent/", everyone()),
    "{lang}/accounts/profile/": page("/en/accounts/profile/", signed_in()),
    "{lang}/accounts/logout/": page("/en/accounts/logout/", everyone(405), Post()),
    "{lang}/accounts/password/reset/": page(
        "/en/accounts/password/reset/", everyone(), Post(lambda s: {"email": "x@example.org"})
    ),
    "{lang}/accounts/password/reset/sent/": page("/en/accounts/password/reset/sent/", everyone()),
    "{lang}/accounts/password/reset/<uidb64>/<token>/": page(
        lambda s: f"/en/accounts/password/reset/{s.reset_uid}/{s.reset_token}/", everyone(302)
    ),
    "{lang}/accounts/password/reset/done/": page("/en/accounts/password/reset/done/", everyone()),
    # two-step sign-in: the secretariat has a confirmed app and has given its code; the others have
    # none, so the code page sends them to set one up and turning it off sends them to the profile
    "{lang}/accounts/two-factor/": page(
        "/en/accounts/two-factor/",
        signed_in(302),
        Post(lambda s: {"code": "000000"}, answers(NO_WRITE, anonymous=LOGIN)),
    ),
    "{lang}/accounts/two-factor/set-up/": page(
        "/en/accounts/two-factor/set-up/",
        signed_in(200, secretariat=302),
        # a wrong first code keeps the unconfirmed device it was meant to confirm
        Post(lambda s: {"code": "000000"}, answers(ALLOWED, anonymous=LOGIN, secretariat=NO_WRITE)),
    ),
    "{lang}/accounts/two-factor/backup-codes/": page(
        "/en/accounts/two-factor/backup-codes/",
        signed_in(405),
        Post(expect=answers(NO_WRITE, anonymous=LOGIN, secretariat=ALLOWED)),
    ),
    "{lang}/accounts/two-factor/turn-off/": page(
        "/en/accounts/two-factor/turn-off/",
        signed_in(302),
        Post(lambda s: {"code": "000000"}, answers(NO_WRITE, anonymous=LOGIN)),
    ),
    # workgroup
    # Searches must not find country A's draft (every answer is searched for its words).
    "{lang}/documents/": page(
        "/en/documents/", everyone(), extra=[("/en/documents/?q=age+checks", everyone())]
    ),
    "{lang}/documents/submit/": page(
        "/en/documents/submit/",
        delegates(),
        Post(
            lambda s: {
                "meeting": s.meeting.pk,
                "document_type": "contribution",
                "title": "Helplines in schools",
                "original_language": "en",
                "file": _docx("Every school shows the helpline number."),
            },
            delegates(ALLOWED),
        ),
        # Country B's delegate may not revise country A's document.
        extra=[
            (lambda s: f"/en/documents/submit/?revise={s.document.slug}", delegates()),
        ],
    ),
    "{lang}/documents/submissions/": page("/en/documents/submissions/", delegates()),
    "{lang}/documents/submissions/<int:pk>/": page(
        lambda s: f"/en/documents/submissions/{s.draft.pk}/",
        secretariat(delegate_a=200),
        Post(
            lambda s: {"action": "register"},
            secretariat(ALLOWED, delegate_a=NO_WRITE),
        ),
    ),
    # Only country B, which the request names, or the secretariat for it, may answer.
    "{lang}/documents/co-sources/": page(
        "/en/documents/co-sources/",
        delegates(),
        Post(
            lambda s: {
                "co_source": s.co_source.pk,
                "answer": "confirm",
                "reason": "Letter from the mission of South Africa",
            },
            answers(NO_WRITE, anonymous=LOGIN, public=403, delegate_b=ALLOWED, secretariat=ALLOWED),
        ),
    ),
    "{lang}/documents/subscribe/": page(
        "/en/documents/subscribe/", everyone(), Post(lambda s: {"email": "new@example.org"})
    ),
    "{lang}/documents/subscribe/confirm/<str:token>/": page(
        lambda s: f"/en/documents/subscribe/confirm/{s.subscription.token}/", everyone(), Post()
    ),
    "{lang}/documents/unsubscribe/<str:token>/": page(
        lambda s: f"/en/documents/unsubscribe/{s.subscription.token}/", everyone(), Post()
    ),
    "{lang}/documents/<str:slug>/": page(lambda s: f"/en/documents/{s.document.slug}/", everyone()),
    "{lang}/documents/<str:slug>/files/<str:language>/": page(
        lambda s: f"/en/documents/{s.document.slug}/files/en/", everyone()
    ),
    "{lang}/documents/<str:slug>/diff/<str:other>/": page(
        lambda s: f"/en/documents/{s.document.slug}/diff/{s.revision.slug}/", everyone()
    ),
    "{lang}/documents/<str:slug>/withdraw/": page(
        lambda s: f"/en/documents/{s.document.slug}/withdraw/",
        everyone(405),
        Post(
            lambda s: {"reason": "Superseded"},
            answers(NO_WRITE, anonymous=LOGIN, delegate_a=ALLOWED, secretariat=ALLOWED),
        ),
    ),
    "{lang}/meetings/": page("/en/meetings/", everyone()),
    "{lang}/meetings/<str:code>/": page(
        lambda s: f"/en/meetings/{s.meeting.code}/",
        everyone(),
        Post(lambda s: {"gender": ""}, delegates(ALLOWED)),
    ),
    "{lang}/meetings/manage/": page("/en/meetings/manage/", secretariat()),
    "{lang}/meetings/new/": page(
        "/en/meetings/new/", secretariat(), Post(lambda s: {"number": "x"}, secretariat(ALLOWED))
    ),
    "{lang}/meetings/<str:code>/edit/": page(
        lambda s: f"/en/meetings/{s.meeting.code}/edit/",
        secretariat(),
        Post(lambda s: {"place": ""}, secretariat(ALLOWED)),
    ),
    "{lang}/meetings/<str:code>/manage/": page(
        lambda s: f"/en/meetings/{s.meeting.code}/manage/",
        secretariat(),
        Post(lambda s: {"new-number": ""}, secretariat(ALLOWED)),
    ),
    "{lang}/meetings/<str:code>/manage/consultation/": page(
        lambda s: f"/en/meetings/{s.consultation.meeting.code}/manage/consultation/",
        secretariat(405),
        Post(lambda s: {"agenda_item": ""}, secretariat(ALLOWED)),
    ),
    "{lang}/meetings/<str:code>/manage/papers/<int:pk>/": page(
        lambda s: f"/en/meetings/{s.meeting.code}/manage/papers/{s.paper_generation.pk}/",
        secretariat(),
    ),
    # An action the page does not offer: the check of who may act runs before it is read.
    "{lang}/meetings/<str:code>/manage/<slug:action>/": page(
        lambda s: f"/en/meetings/{s.meeting.code}/manage/no-such-action/",
        secretariat(405),
        Post(expect=secretariat(ALLOWED)),
    ),
    "{lang}/meetings/<str:code>/participants.pdf": page(
        lambda s: f"/en/meetings/{s.meeting.code}/participants.pdf", secretariat()
    ),
    "{lang}/meetings/<str:code>/participants.docx": page(
        lambda s: f"/en/meetings/{s.meeting.code}/participants.docx", secretariat()
    ),
    "{lang}/liaisons/": page("/en/liaisons/", everyone()),
    "{lang}/reports/": page("/en/reports/", everyone()),
    "{lang}/reports/annual/<year:year>/": page(
        lambda s: f"/en/reports/annual/{s.report_year}/", everyone()
    ),
    "{lang}/reports/annual/<year:year>.pdf": page(
        lambda s: f"/en/reports/annual/{s.report_year}.pdf", everyone()
    ),
    "{lang}/reports/annual/<year:year>.docx": page(
        lambda s: f"/en/reports/annual/{s.report_year}.docx", everyone()
    ),
    "{lang}/reports/annual/<year:year>/register/": page(
        lambda s: f"/en/reports/annual/{s.report_year}/register/",
        everyone(405),
        Post(expect=secretariat(ALLOWED)),
    ),
    "{lang}/reports/final/": page("/en/reports/final/", everyone()),
    "{lang}/reports/final.pdf": page("/en/reports/final.pdf", everyone()),
    "{lang}/reports/final.docx": page("/en/reports/final.docx", everyone()),
    "{lang}/reports/final/register/": page(
        "/en/reports/final/register/", everyone(405), Post(expect=secretariat(ALLOWED))
    ),
    "{lang}/reports/annual/<year:year>/write/": page(
        lambda s: f"/en/reports/annual/{s.report_year}/write/",
        secretariat(),
        Post(lambda s: {"council_number": "C26/45"}, secretariat(ALLOWED)),
    ),
    "{lang}/reports/final/write/": page(
        "/en/reports/final/write/",
        secretariat(),
        Post(lambda s: {"council_number": "C26/46"}, secretariat(ALLOWED)),
    ),
    "{lang}/reports/<reportkind:kind>/<year:year>/": page(
        lambda s: f"/en/reports/bdt-67/{s.report_year}/", everyone()
    ),
    "{lang}/reports/<reportkind:kind>/<year:year>.pdf": page(
        lambda s: f"/en/reports/un-sg/{s.report_year}.pdf", everyone()
    ),
    "{lang}/reports/<reportkind:kind>/<year:year>.docx": page(
        lambda s: f"/en/reports/sg-pp/{s.report_year}.docx", everyone()
    ),
    "{lang}/reports/<reportkind:kind>/<year:year>/write/": page(
        lambda s: f"/en/reports/bdt-67/{s.report_year}/write/",
        secretariat(),
        Post(lambda s: {"council_number": "C26/47"}, secretariat(ALLOWED)),
    ),
    "{lang}/reports/generations/<int:pk>/": page(
        lambda s: f"/en/reports/generations/{s.report_generation.pk}/", secretariat()
    ),
    "{lang}/meetings/<str:code>/report/": page(
        lambda s: f"/en/meetings/{s.meeting.code}/report/",
        secretariat(),
        Post(
            lambda s: {"action": "outcome", "kind": "decision", "text": "Agreed."},
            secretariat(ALLOWED),
        ),
    ),
    "{lang}/documents/<str:slug>/send/": page(
        lambda s: f"/en/documents/{s.document.slug}/send/",
        secretariat(),
        Post(expect=secretariat(ALLOWED)),
    ),
    "{lang}/distribution-lists/": page(
        "/en/distribution-lists/",
        secretariat(),
        Post(lambda s: {"action": "list", "name": "UN agencies"}, secretariat(ALLOWED)),
    ),
    "{lang}/desk/": page("/en/desk/", secretariat()),
    "{lang}/desk/account-requests/<int:pk>/": page(
        lambda s: f"/en/desk/account-requests/{s.account_request.pk}/",
        everyone(405),
        Post(lambda s: {"decision": "reject", "reason": "Unknown"}, secretariat(ALLOWED)),
    ),
    # consultations: anyone takes part without an account
    "{lang}/consultations/": page("/en/consultations/", everyone()),
    "{lang}/consultations/<slug:slug>/": page(
        lambda s: f"/en/consultations/{s.consultation.slug}/",
        everyone(),
        extra=[(lambda s: f"/en/consultations/{s.draft_consultation.slug}/", everyone(404))],
    ),
    "{lang}/consultations/<slug:slug>/take-part/": page(
        lambda s: f"/en/consultations/{s.consultation.slug}/take-part/", everyone(), Post()
    ),
    "{lang}/consultations/<slug:slug>/questions/": page(
        lambda s: f"/en/consultations/{s.consultation.slug}/questions/?p={s.participation_token}",
        everyone(302),
        Post(),
    ),
    "{lang}/safeguarding/": page("/en/safeguarding/", staff()),
    # Who is told of a disclosure in each consultation.
    "{lang}/safeguarding/contacts/": page(
        "/en/safeguarding/contacts/",
        staff(),
        Post(
            lambda s: {"consultation": s.consultation.slug, "action": "add", "email": "x@y.z"},
            staff(ALLOWED),
        ),
    ),
    "{lang}/safeguarding/<int:pk>/": page(
        lambda s: f"/en/safeguarding/{s.disclosure.pk}/", staff(), Post(expect=staff(ALLOWED))
    ),
    "{lang}/consultations/<slug:slug>/preview/": page(
        lambda s: f"/en/consultations/{s.draft_consultation.slug}/preview/", staff()
    ),
    "{lang}/consultations/<slug:slug>/qr.svg": page(
        lambda s: f"/en/consultations/{s.consultation.slug}/qr.svg", everyone()
    ),
    "{lang}/consultations/<slug:slug>/results/": page(
        lambda s: f"/en/consultations/{s.closed_consultation.slug}/results/",
        everyone(),
        extra=[(lambda s: f"/en/consultations/{s.consultation.slug}/results/", everyone(404))],
    ),
    "{lang}/consultations/<slug:slug>/results.csv": page(
        lambda s: f"/en/consultations/{s.closed_consultation.slug}/results.csv", everyone()
    ),
    "{lang}/consultations/<slug:slug>/results.xlsx": page(
        lambda s: f"/en/consultations/{s.closed_consultation.slug}/results.xlsx", everyone()
    ),
    "{lang}/consultations/<slug:slug>/summary.pdf": page(
        lambda s: f"/en/consultations/{s.closed_consultation.slug}/summary.pdf", everyone()
    ),
    # resources
    "{lang}/resources/": page(
        "/en/resources/", everyone(), extra=[("/en/resources/?q=Kenya", everyone())]
    ),
    "{lang}/resources/guidelines/": page("/en/resources/guidelines/", everyone()),
    "{lang}/resources/guidelines/<slug:code>/": page(
        lambda s: f"/en/resources/guidelines/{s.guideline_set.code}/", everyone()
    ),
    "{lang}/resources/submit/": page(
        "/en/resources/submit/",
        signed_in(),
        Post(
            lambda s: {
                "title": "Parents' evenings on online safety",
                "summary": "Schools invite parents each term.",
                "original_language": "en",
                "link": "https://example.org/evenings",
                "topics": ["cyberbullying"],
                "audiences": ["parents-educators"],
            },
            signed_in(ALLOWED, public=NO_WRITE),
        ),
    ),
    "{lang}/resources/submissions/": page("/en/resources/submissions/", signed_in()),
    # Country A's submission under review: its submitter only (the secretariat reviews it).
    "{lang}/resources/submissions/<slug:slug>/": page(
        lambda s: f"/en/resources/submissions/{s.submission.slug}/",
        signed_in(404, delegate_a=200),
        Post(
            lambda s: {"title": "Kenya best practice, revised", "summary": "Each term."},
            signed_in(404, delegate_a=ALLOWED),
        ),
    ),
    "{lang}/resources/review/": page("/en/resources/review/", staff()),
    "{lang}/resources/review/<slug:slug>/": page(
        lambda s: f"/en/resources/review/{s.submission.slug}/",
        staff(),
        Post(lambda s: {"action": "start"}, staff(ALLOWED)),
    ),
    "{lang}/resources/<slug:slug>/": page(
        lambda s: f"/en/resources/{s.resource.slug}/",
        everyone(),
        extra=[
            (
                lambda s: f"/en/resources/{s.submission.slug}/",
                answers(404, delegate_a=200, secretariat=200),
            )
        ],
    ),
    # a file of a published resource is public; a submission's only for its submitter and us
    "{lang}/resources/<slug:slug>/files/<str:language>": page(
        lambda s: f"/en/resources/{s.resource.slug}/files/en",
        everyone(),
        extra=[(lambda s: f"/en/resources/{s.resource.slug}/files/fr", everyone(404))],
    ),
    "{lang}/resources/<slug:slug>/editions/": page(
        lambda s: f"/en/resources/{s.guideline.slug}/editions/", everyone()
    ),
    # helplines
    "{lang}/help/": page("/en/help/", everyone()),
    "{lang}/help/embed/": page(f"/en/help/embed/?country={A}", everyone()),
    "{lang}/help/export.<str:file_format>": page("/en/help/export.csv", everyone()),
    "{lang}/help/manage/": page("/en/help/manage/", signed_in()),
    "{lang}/help/manage/import/": page(
        "/en/help/manage/import/", secretariat(), Post(expect=secretariat(ALLOWED))
    ),
    # Entries imported unlisted: the secretariat confirms or refuses each.
    "{lang}/help/manage/to-confirm/": page(
        "/en/help/manage/to-confirm/",
        secretariat(),
        Post(lambda s: {"key": s.helpline.key, "decision": "refuse"}, secretariat(ALLOWED)),
    ),
    "{lang}/help/manage/impact.csv": page(
        "/en/help/manage/impact.csv", secretariat(organisation=200)
    ),
    # The organisation that runs the service proposes changes to it; the secretariat reviews.
    "{lang}/help/manage/propose/<slug:key>/": page(
        lambda s: f"/en/help/manage/propose/{s.helpline.key}/",
        answers(403, anonymous=LOGIN, organisation=200),
        Post(lambda s: {"rows": ""}, answers(403, anonymous=LOGIN, organisation=ALLOWED)),
    ),
    "{lang}/help/manage/proposals/<int:pk>/": page(
        lambda s: f"/en/help/manage/proposals/{s.helpline_proposal.pk}/",
        secretariat(),
        Post(lambda s: {"decision": "reject"}, secretariat(ALLOWED)),
    ),
    # Dedicated numbers (116 111): public facts with their sources; the secretariat records them.
    "{lang}/help/numbers/": page("/en/help/numbers/", everyone()),
    "{lang}/help/manage/numbers/": page(
        "/en/help/manage/numbers/",
        secretariat(),
        Post(lambda s: {"action": "record", "number": "0"}, secretariat(ALLOWED)),
    ),
    "{lang}/help/<str:iso2>/": page(f"/en/help/{A}/", everyone()),
    "{lang}/help/<str:iso2>/tap/<int:channel_id>/": page(
        lambda s: f"/en/help/{A}/tap/{s.channel.pk}/", everyone(405), Post()
    ),
    # countries
    "{lang}/countries/": page("/en/countries/", everyone()),
    "{lang}/countries/compare/": page("/en/countries/compare/", everyone()),
    "{lang}/countries/compare.csv": page("/en/countries/compare.csv", everyone()),
    "{lang}/countries/compare/map.svg": page("/en/countries/compare/map.svg", everyone()),
    "{lang}/countries/checklist/": page("/en/countries/checklist/", everyone()),
    "{lang}/countries/proposals/": page("/en/countries/proposals/", secretariat()),
    "{lang}/countries/proposals/<int:pk>/": page(
        lambda s: f"/en/countries/proposals/{s.proposal.pk}/",
        secretariat(),
        Post(lambda s: {"decision": "reject", "note": "No"}, secretariat(ALLOWED)),
    ),
    # Requests for assistance: a delegate asks for its own country; the secretariat handles them.
    "{lang}/countries/assistance/": page("/en/countries/assistance/", secretariat()),
    "{lang}/countries/assistance/<int:pk>/": page(
        lambda s: f"/en/countries/assistance/{s.assistance.pk}/",
        secretariat(delegate_a=200),
        Post(lambda s: {"state": "accepted"}, secretariat(ALLOWED)),
    ),
    "{lang}/countries/<str:iso2>/assistance/": page(
        f"/en/countries/{A}/assistance/",
        answers(403, anonymous=LOGIN, delegate_a=200),
        Post(
            lambda s: {"subject": "roadmap", "description": "Help with the roadmap"},
            answers(403, anonymous=LOGIN, delegate_a=ALLOWED),
        ),
    ),
    "{lang}/countries/<str:iso2>/": page(f"/en/countries/{A}/", everyone()),
    "{lang}/countries/<str:iso2>/history/": page(f"/en/countries/{A}/history/", everyone()),
    # A Member State's focal point proposes changes to its own country only.
    "{lang}/countries/<str:iso2>/propose/<str:kind>/": page(
        f"/en/countries/{A}/propose/roadmap/",
        secretariat(delegate_a=200),
        Post(
            lambda s: {"title": "COP roadmap 2027", "kind": "roadmap", "status": "adopted"},
            secretariat(ALLOWED, delegate_a=ALLOWED),
        ),
        extra=[(f"/en/countries/{B}/propose/measure/", secretariat(delegate_b=200))],
    ),
    # statistics
    "{lang}/statistics/": page("/en/statistics/", everyone()),
    "{lang}/statistics/submit/": page(
        "/en/statistics/submit/",
        secretariat(delegate_a=200, delegate_b=200),
        # Country A's figures: B's delegate may not submit them.
        Post(
            lambda s: {"file": _csv(f"CHILDREN_ONLINE,{A},2024,_T,_T,70")},
            secretariat(ALLOWED, delegate_a=ALLOWED, delegate_b=NO_WRITE),
        ),
    ),
    "{lang}/^statistics/(?P<code>[A-Z][A-Z0-9_]*)/$": page(
        lambda s: f"/en/statistics/{s.indicator.code}/", everyone()
    ),
    "{lang}/^statistics/(?P<code>[A-Z][A-Z0-9_]*)/data\\.csv$": page(
        lambda s: f"/en/statistics/{s.indicator.code}/data.csv", everyone()
    ),
    "{lang}/^statistics/(?P<code>[A-Z][A-Z0-9_]*)/data\\.json$": page(
        lambda s: f"/en/statistics/{s.indicator.code}/data.json", everyone()
    ),
    # trainings: the list and each training are public; the secretariat schedules them
    "feeds/trainings.atom": page("/feeds/trainings.atom", everyone()),
    "feeds/trainings.ics": page("/feeds/trainings.ics", everyone()),
    "{lang}/trainings/": page("/en/trainings/", everyone()),
    "{lang}/trainings/new/": page(
        "/en/trainings/new/", staff(), Post(lambda s: {"title": ""}, staff(ALLOWED))
    ),
    # Requests for a training: a delegate or an organisation asks; the secretariat answers.
    "{lang}/trainings/requests/": page("/en/trainings/requests/", signed_in()),
    "{lang}/trainings/requests/new/": page(
        "/en/trainings/requests/new/",
        delegates(),
        Post(lambda s: {"topic": ""}, delegates(ALLOWED)),
    ),
    "{lang}/trainings/requests/<int:pk>/": page(
        lambda s: f"/en/trainings/requests/{s.training_request.pk}/",
        answers(403, anonymous=LOGIN, delegate_a=200, secretariat=200),
        Post(
            lambda s: {"action": "decline", "reason": ""},
            answers(403, anonymous=LOGIN, secretariat=ALLOWED),
        ),
    ),
    "{lang}/trainings/<str:slug>/": page(lambda s: f"/en/trainings/{s.training.slug}/", everyone()),
    # coordination: the register is public; the secretariat keeps it
    "{lang}/coordination/": page("/en/coordination/", everyone()),
    "{lang}/coordination/add/": page(
        "/en/coordination/add/", staff(), Post(lambda s: {"organisation": ""}, staff(ALLOWED))
    ),
    "{lang}/coordination/timeline/": page("/en/coordination/timeline/", everyone()),
    "{lang}/coordination/organisations/": page("/en/coordination/organisations/", everyone()),
    "{lang}/coordination/organisations/<slug:code>/": page(
        "/en/coordination/organisations/bdt/", everyone()
    ),
    "{lang}/coordination/topics/": page("/en/coordination/topics/", everyone()),
    "{lang}/coordination/topics/<slug:code>/": page(
        lambda s: f"/en/coordination/topics/{s.topic.code}/", everyone()
    ),
    "{lang}/coordination/<slug:slug>/": page(
        lambda s: f"/en/coordination/{s.activity.slug}/", everyone()
    ),
    "{lang}/coordination/<slug:slug>/edit/": page(
        lambda s: f"/en/coordination/{s.activity.slug}/edit/",
        staff(),
        Post(lambda s: {"organisation": ""}, staff(ALLOWED)),
    ),
    "{lang}/coordination/<slug:slug>/overlaps/": page(
        lambda s: f"/en/coordination/{s.activity.slug}/overlaps/",
        staff(),
        Post(lambda s: {"other": s.other_activity.slug, "relation": "duplicate"}, staff(ALLOWED)),
    ),
    # machine-read addresses
    "feeds/documents.atom": page("/feeds/documents.atom", everyone()),
    "feeds/meetings.ics": page("/feeds/meetings.ics", everyone()),
    "feeds/meetings/<str:code>/documents.atom": page(
        lambda s: f"/feeds/meetings/{s.meeting.code}/documents.atom", everyone()
    ),
    "feeds/types/<str:document_type>/documents.atom": page(
        "/feeds/types/contribution/documents.atom", everyone()
    ),
    "feeds/<str:group>/documents.atom": page(
        lambda s: f"/feeds/{s.meeting.group.code}/documents.atom", everyone()
    ),
    "oai": page("/oai?verb=Identify", everyone()),
    "feeds/resources.atom": page("/feeds/resources.atom", everyone()),
    "embed/help/<str:iso2>/": page(f"/embed/help/{A}/?lang=fr", everyone()),
    "^sdmx/rest/(?:structure/)?(?P<resource>dataflow|datastructure|codelist|conceptscheme)"
    "(?:/(?P<agency>[^/]+)(?:/(?P<resource_id>[^/]+)(?:/(?P<version>[^/]+))?)?)?/?$": page(
        "/sdmx/rest/dataflow/", everyone()
    ),
    "^sdmx/rest/data/(?P<flow>[^/]+)(?:/(?P<key>[^/]*)(?:/(?P<provider>[^/]+))?)?/?$": page(
        "/sdmx/rest/data/DF_COP/", everyone()
    ),
    "^sdmx/rest/availableconstraint/(?P<flow>[^/]+)(?:/(?P<key>[^/]*)"
    "(?:/(?P<provider>[^/]+)(?:/(?P<component>[^/]+))?)?)?/?$": page(
        "/sdmx/rest/availableconstraint/DF_COP/", everyone()
    ),
    # the admin, for the secretariat only (its per-model pages: ADMIN_MODELS)
    "{lang}/admin/": page("/en/admin/", staff()),
    "{lang}/admin/login/": page("/en/admin/login/", answers(200, secretariat=302)),
    # Django sends those it does not let in back to the admin index.
    "{lang}/admin/logout/": page("/en/admin/logout/", answers(302, secretariat=405)),
    "{lang}/admin/password_change/": page(
        "/en/admin/password_change/",
        staff(),
        Post(lambda s: {"old_password": "wrong"}, staff(ALLOWED)),
    ),
    "{lang}/admin/password_change/done/": page("/en/admin/password_change/done/", staff()),
    "{lang}/admin/autocomplete/": page("/en/admin/autocomplete/", staff(403)),
    "{lang}/admin/jsi18n/": page("/en/admin/jsi18n/", staff()),
    "{lang}/admin/r/<path:content_type_id>/<path:object_id>/": page(
        lambda s: f"/en/admin/r/{s.topic_type_id}/{s.topic.pk}/", staff(302)
    ),
    "{lang}/admin/^(?P<app_label>core|auth|accounts|workgroup|consultations|resources|helplines"
    "|countries|statistics|coordination|audit|otp_totp|otp_static|axes)/$": page(
        "/en/admin/workgroup/", staff()
    ),
    # a device's key as a QR code or URI: for the superuser alone, like the device itself
    "{lang}/admin/otp_totp/totpdevice/<int:pk>/config/": page(
        lambda s: f"/en/admin/otp_totp/totpdevice/{s.users['secretariat'].otp_device.pk}/config/",
        staff(403),
    ),
    "{lang}/admin/otp_totp/totpdevice/<int:pk>/qrcode/": page(
        lambda s: f"/en/admin/otp_totp/totpdevice/{s.users['secretariat'].otp_device.pk}/qrcode/",
        staff(403),
    ),
    # the audit log: the secretariat reads and exports it
    "{lang}/audit/": page("/en/audit/", secretariat()),
    "{lang}/audit/export.<str:file_format>": page(
        "/en/audit/export.csv",
        secretariat(),
        extra=[
            ("/en/audit/export.json", secretariat()),
            ("/en/audit/export.xml", secretariat(404)),
        ],
    ),
    "{lang}/admin/(?P<url>.*)$": page("/en/admin/nothing-here/", staff(404)),
}

# --- the admin's pages, per registered model ------------------------------------------------------


@dataclass
class AdminModel:
    """What the secretariat may do with a model in the admin; nobody else gets in."""

    add: bool = True
    delete: bool = True
    extra_routes: tuple = ()
    secretariat: bool = True  # False: for the superuser who runs the site only


READ_ONLY = AdminModel(add=False, delete=False)

ADMIN_MODELS: dict[str, AdminModel] = {
    # reference data (regions, countries, the mandate): corrected in cophub/core/data, never here
    "core.region": READ_ONLY,
    "core.country": READ_ONLY,
    "core.organisation": AdminModel(),
    "core.mandateparagraph": READ_ONLY,
    # permission groups: the secretariat's rights come from its role (accounts.backends)
    "auth.group": AdminModel(secretariat=False),
    "accounts.user": AdminModel(extra_routes=("<id>/password/",)),
    # requests are decided through the approval action, not made here
    "accounts.accountrequest": READ_ONLY,
    "workgroup.group": AdminModel(),
    "workgroup.meeting": AdminModel(),
    # a registered document is never deleted, only withdrawn
    "workgroup.document": READ_ONLY,
    "workgroup.meetingregistration": AdminModel(),
    "workgroup.subscription": AdminModel(),
    "consultations.consultation": AdminModel(),
    "consultations.question": AdminModel(),
    # answers come from children only; the secretariat redacts
    "consultations.freetextanswer": AdminModel(add=False, delete=True),
    # controlled vocabularies and the record of deletions for harvesters
    "resources.topic": READ_ONLY,
    "resources.audience": READ_ONLY,
    "resources.guidelineset": READ_ONLY,
    "resources.resource": AdminModel(),
    "resources.deletedrecord": READ_ONLY,
    "helplines.helpline": AdminModel(),
    # proposed by the organisation that runs the service
    "helplines.changeproposal": AdminModel(add=False, delete=True),
    # counted by the finder
    "helplines.dailycount": AdminModel(add=False, delete=True),
    # the checklist and country records: changed through proposals and their history, not here
    "countries.checklistitem": READ_ONLY,
    "countries.measure": READ_ONLY,
    "countries.roadmap": READ_ONLY,
    "countries.proposal": READ_ONLY,
    "countries.change": READ_ONLY,
    "statistics.indicator": AdminModel(),
    "statistics.observation": AdminModel(),
    "statistics.submission": AdminModel(),
    "coordination.topic": READ_ONLY,
    "coordination.activity": AdminModel(),
    "coordination.overlapmark": AdminModel(),
    # the audit log is append-only: read, never added to, changed or deleted here
    "audit.entry": READ_ONLY,
    "audit.seal": READ_ONLY,
    # two-step sign-in devices: a superuser removes a lost phone's; the keys are never shown
    "otp_totp.totpdevice": AdminModel(secretariat=False),
    "otp_static.staticdevice": AdminModel(secretariat=False),
    # paused sign-ins: the secretariat lifts one by deleting it
    "axes.accessattempt": AdminModel(add=False, delete=True),
    "axes.accesslog": AdminModel(add=False, delete=True),
    "axes.accessfailurelog": AdminModel(add=False, delete=True),
}

ADMIN_MODEL_ROUTES = (
    "",
    "add/",
    "<path:object_id>/history/",
    "<path:object_id>/delete/",
    "<path:object_id>/change/",
    "<path:object_id>/",
)


def admin_routes() -> dict[str, tuple[str, str]]:
    """Every admin route of a model in ADMIN_MODELS: route → (model label, route suffix)."""
    routes = {}
    for label, rights in ADMIN_MODELS.items():
        app_label, model_name = label.split(".")
        for suffix in (*ADMIN_MODEL_ROUTES, *rights.extra_routes):
            routes[f"{{lang}}/admin/{app_label}/{model_name}/{suffix}"] = (label, suffix)
    return routes


# --- the API ----------------------------------------------------------------------------------------


def api(url, get=None, post=None, extra=()):
    return Visit(_address(url), get, post, [(_address(u), expect) for u, expect in extra])


def api_secretariat(status=ALLOWED) -> dict:
    return answers(403, anonymous=401, secretariat=status)


API: dict[tuple[str, str], Visit] = {
    ("GET", "/api/v1/regions"): api("/api/v1/regions", everyone()),
    ("GET", "/api/v1/countries"): api("/api/v1/countries", everyone()),
    ("GET", "/api/v1/countries/{iso2}"): api(f"/api/v1/countries/{A}", everyone()),
    ("GET", "/api/v1/organisations"): api("/api/v1/organisations", everyone()),
    ("GET", "/api/v1/mandate"): api("/api/v1/mandate", everyone()),
    ("GET", "/api/v1/mandate/{code}"): api(
        lambda s: f"/api/v1/mandate/{s.mandate.code.replace('/', '-')}", everyone()
    ),
    ("GET", "/api/v1/groups"): api("/api/v1/groups", everyone()),
    ("GET", "/api/v1/meetings"): api("/api/v1/meetings", everyone()),
    ("GET", "/api/v1/meetings/{code}"): api(
        lambda s: f"/api/v1/meetings/{s.meeting.code}", everyone()
    ),
    ("GET", "/api/v1/documents"): api(
        "/api/v1/documents", everyone(), extra=[("/api/v1/documents?q=age+checks", everyone())]
    ),
    ("GET", "/api/v1/documents/{number}"): api(
        lambda s: f"/api/v1/documents/{s.document.slug}", everyone()
    ),
    ("GET", "/api/v1/consultations"): api("/api/v1/consultations", everyone()),
    ("GET", "/api/v1/consultations/{slug}"): api(
        lambda s: f"/api/v1/consultations/{s.closed_consultation.slug}", everyone()
    ),
    ("GET", "/api/v1/resources"): api(
        "/api/v1/resources", everyone(), extra=[("/api/v1/resources?q=Kenya", everyone())]
    ),
    ("GET", "/api/v1/resources/topics"): api("/api/v1/resources/topics", everyone()),
    ("GET", "/api/v1/resources/guideline-sets/{code}/parity"): api(
        lambda s: f"/api/v1/resources/guideline-sets/{s.guideline_set.code}/parity", everyone()
    ),
    ("GET", "/api/v1/resources/{slug}"): api(
        lambda s: f"/api/v1/resources/{s.resource.slug}",
        everyone(),
        extra=[(lambda s: f"/api/v1/resources/{s.submission.slug}", everyone(404))],
    ),
    ("GET", "/api/v1/helplines"): api("/api/v1/helplines", everyone()),
    ("GET", "/api/v1/helplines/{key}"): api(
        lambda s: f"/api/v1/helplines/{s.helpline.key}", everyone()
    ),
    ("GET", "/api/v1/help/{iso2}"): api(f"/api/v1/help/{A}", everyone()),
    ("GET", "/api/v1/dedicated-numbers"): api("/api/v1/dedicated-numbers", everyone()),
    ("GET", "/api/v1/dedicated-numbers/{iso2}"): api(f"/api/v1/dedicated-numbers/{A}", everyone()),
    ("GET", "/api/v1/training-requests"): api(
        "/api/v1/training-requests", answers(200, anonymous=401)
    ),
    ("POST", "/api/v1/training-requests"): api(
        "/api/v1/training-requests",
        post=Post(
            lambda s: {
                "topic": "Online safety for teachers",
                "audience": "educators",
                "language": "fr",
                "country": COUNTRY_B,
                "period_start": str(datetime.date.today() + datetime.timedelta(days=30)),
                "period_end": str(datetime.date.today() + datetime.timedelta(days=60)),
            },
            answers(ALLOWED, anonymous=401, public=403),
            json=True,
        ),
    ),
    ("GET", "/api/v1/training-requests/{request_id}"): api(
        lambda s: f"/api/v1/training-requests/{s.training_request.pk}",
        answers(403, anonymous=401, delegate_a=200, secretariat=200),
    ),
    ("GET", "/api/v1/checklist"): api("/api/v1/checklist", everyone()),
    ("GET", "/api/v1/countries/{iso2}/measures"): api(
        f"/api/v1/countries/{A}/measures", everyone()
    ),
    ("GET", "/api/v1/countries/{iso2}/roadmap"): api(f"/api/v1/countries/{A}/roadmap", everyone()),
    ("GET", "/api/v1/countries/{iso2}/history"): api(f"/api/v1/countries/{A}/history", everyone()),
    ("GET", "/api/v1/comparison"): api("/api/v1/comparison", everyone()),
    ("GET", "/api/v1/countries/{iso2}/assistance"): api(
        f"/api/v1/countries/{A}/assistance", everyone()
    ),
    ("POST", "/api/v1/countries/{iso2}/assistance"): api(
        f"/api/v1/countries/{A}/assistance",
        post=Post(
            lambda s: {"subject": "roadmap", "description": "Help with the roadmap"},
            answers(403, anonymous=401, delegate_a=ALLOWED),
            json=True,
        ),
    ),
    ("GET", "/api/v1/assistance-requests"): api(
        "/api/v1/assistance-requests", answers(403, anonymous=401, secretariat=200)
    ),
    ("POST", "/api/v1/assistance-requests/{request_id}/steps"): api(
        lambda s: f"/api/v1/assistance-requests/{s.assistance.pk}/steps",
        post=Post(lambda s: {"state": "accepted"}, api_secretariat(), json=True),
    ),
    # A Member State's focal point proposes changes to its own country only.
    ("POST", "/api/v1/countries/{iso2}/proposals"): api(
        f"/api/v1/countries/{A}/proposals",
        post=Post(
            lambda s: {"kind": "measure", "payload": {"item": "tec-hotline", "status": "in_force"}},
            answers(403, anonymous=401, delegate_a=ALLOWED),
            json=True,
        ),
    ),
    ("GET", "/api/v1/statistics/indicators"): api("/api/v1/statistics/indicators", everyone()),
    ("GET", "/api/v1/statistics/indicators/{code}"): api(
        lambda s: f"/api/v1/statistics/indicators/{s.indicator.code}", everyone()
    ),
    ("GET", "/api/v1/statistics/observations"): api("/api/v1/statistics/observations", everyone()),
    ("GET", "/api/v1/statistics/indicators/{code}/comparison"): api(
        lambda s: f"/api/v1/statistics/indicators/{s.indicator.code}/comparison", everyone()
    ),
    ("GET", "/api/v1/statistics/countries/{iso2}/key-figures"): api(
        f"/api/v1/statistics/countries/{A}/key-figures", everyone()
    ),
    # Country A's figures: B's delegate may not submit them.
    ("POST", "/api/v1/statistics/submissions"): api(
        "/api/v1/statistics/submissions",
        post=Post(
            lambda s: {"file": _csv(f"CHILDREN_ONLINE,{A},2024,_T,_T,70")},
            answers(
                403,
                anonymous=401,
                delegate_a=ALLOWED,
                delegate_b=NO_WRITE,
                secretariat=ALLOWED,
            ),
        ),
    ),
    ("GET", "/api/v1/trainings"): api("/api/v1/trainings", everyone()),
    ("GET", "/api/v1/trainings/{slug}"): api(
        lambda s: f"/api/v1/trainings/{s.training.slug}", everyone()
    ),
    ("GET", "/api/v1/coordination/activities"): api("/api/v1/coordination/activities", everyone()),
    ("POST", "/api/v1/coordination/activities"): api(
        "/api/v1/coordination/activities",
        post=Post(
            lambda s: {
                "organisation": "bdt",
                "kind": "campaign",
                "titles": {"en": "Safer internet day in Nairobi"},
                "original_language": "en",
                "starts_on": "2026-02-10",
            },
            api_secretariat(),
            json=True,
        ),
    ),
    ("GET", "/api/v1/coordination/activities/{slug}"): api(
        lambda s: f"/api/v1/coordination/activities/{s.activity.slug}", everyone()
    ),
    ("GET", "/api/v1/coordination/activities/{slug}/overlaps"): api(
        lambda s: f"/api/v1/coordination/activities/{s.activity.slug}/overlaps", everyone()
    ),
    ("GET", "/api/v1/coordination/marks"): api("/api/v1/coordination/marks", everyone()),
    ("GET", "/api/v1/coordination/topics"): api("/api/v1/coordination/topics", everyone()),
}
