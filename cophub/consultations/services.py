"""Every write of the youth consultations: scheduling, taking part, closing, moderating."""

import contextlib
import datetime
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cophub.accounts.permissions import require_secretariat
from cophub.core import cache as versioned
from cophub.core.errors import DomainError
from cophub.core.models import Country
from cophub.core.pagecache import raise_version
from cophub.core.typed_text import clean_typed_text

from . import selectors
from .models import (
    AgeBand,
    Answer,
    Consultation,
    DeviceTally,
    Disclosure,
    Question,
    Response,
    Sex,
)
from .redaction import redact
from .safeguarding import signals_danger

MAX_TEXT_LENGTH = 1000
# U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates) can make text read
# differently from how it is stored ("Trojan Source"); the plain marks LRM and RLM are fine.
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


class InvalidAnswers(DomainError):
    """Some answers are wrong; `errors` maps each form field to its message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(next(iter(errors.values())), field=next(iter(errors)))
        self.errors = errors


class AlreadySent(DomainError):
    pass


class AnsweredTooFast(DomainError):
    """Sent sooner after the form was served than a person can read and answer it."""


@dataclass(frozen=True)
class Participant:
    age_band: str
    sex: str
    country: str  # ISO 3166-1 alpha-2
    language: str
    nonce: str
    served_at: float = 0.0  # when the form was signed (seconds since the epoch)

    @property
    def may_write_free_text(self) -> bool:
        # Under-13s answer the choice and scale questions only: free text may hold personal
        # information, which COPPA (under 13) and GDPR Art. 8 forbid collecting without a
        # parent's consent, which an anonymous form cannot verify (docs/consultations.md).
        return self.age_band != AgeBand.UNDER_13


@dataclass
class Submission:
    response: Response
    danger: bool
    redacted: list[str] = field(default_factory=list)


def _ensure_open(consultation: Consultation, now: datetime.datetime) -> None:
    state = consultation.state(now)
    if state == "upcoming":
        raise DomainError(_("This consultation has not opened yet. Please come back later."))
    if state == "closed" or consultation.duplicate_key is None:
        raise DomainError(_("This consultation is closed. Thank you for your interest!"))


def _require_organiser(actor: Any) -> None:
    require_secretariat(actor, _("Only the secretariat runs youth consultations."))


@transaction.atomic
def schedule_consultation(*, consultation: Consultation, by: Any) -> Consultation:
    """Fix the window in UTC from the stated time zone, and give the consultation its key.

    Resolution 1306 asks for the consultation before the meeting: it must close before the
    meeting's first day begins in the meeting's time zone.
    """
    _require_organiser(by)
    consultation.compute_window()
    meeting = consultation.meeting
    meeting_starts = datetime.datetime.combine(meeting.starts_on, datetime.time(0, 0)).replace(
        tzinfo=meeting.tz
    )
    if consultation.closes_at > meeting_starts:
        raise DomainError(
            _("The consultation must close before the meeting starts."), field="opens_on"
        )
    if consultation.duplicate_key is None and consultation.closes_at > timezone.now():
        consultation.duplicate_key = secrets.token_bytes(32)
    consultation.save()
    consultation_changed()
    return consultation


def consultation_changed() -> None:
    """A change to a consultation or its questions: every process reads them afresh (the
    question pages keep them, see selectors.kept_for_all). Called by the services here and by
    edits in the admin."""
    versioned.bump(selectors.VERSION)
    raise_version("consultations")  # its pages too: this write may bypass the signals


def _signer(consultation: Consultation) -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=f"cophub.consultations.{consultation.pk}")


def _signed_at(token: str) -> int:
    """The time a valid signed form carries (`payload:time:signature`)."""
    return signing.b62_decode(token.rsplit(signing.Signer().sep, 2)[-2])


def start_participation(
    *,
    consultation: Consultation,
    age_band: str,
    sex: str,
    country: str,
    consent: bool,
    adult_agrees: bool,
    language: str,
    now: datetime.datetime | None = None,
) -> str:
    """Check the consent step and return the signed token the question page carries.

    Nothing is stored: the token holds the three answers about the participant, a one-time
    number and the time it was signed (the time the question page is served), and travels
    with the form.
    """
    _ensure_open(consultation, now or timezone.now())
    if not consent:
        raise DomainError(_("Please tick the box to say you agree to take part."), field="consent")
    if age_band not in AgeBand.values:
        raise DomainError(_("Please choose your age."), field="age_band")
    if age_band == AgeBand.UNDER_13 and not adult_agrees:
        raise DomainError(
            _("If you are under 13, a parent, carer or teacher must be with you and agree."),
            field="adult_agrees",
        )
    if sex not in Sex.values:
        raise DomainError(_("Please choose one of the answers."), field="sex")
    if not Country.objects.filter(iso2=country).exists():
        raise DomainError(_("Please choose your country."), field="country")
    served_at = now or timezone.now()
    payload = {
        "a": age_band,
        "s": sex,
        "c": country,
        "l": language,
        "n": secrets.token_hex(16),
        # Whole seconds, as precise as the minimum answering time needs and no more.
        "t": int(served_at.timestamp()),
    }
    return _signer(consultation).sign_object(payload, compress=True)


def _served_at(payload: dict, token: str) -> float:
    if "t" not in payload:  # signed before the time was written into it: the signer's second
        return _signed_at(token)
    # Forms signed before the time was cut to whole seconds carry milliseconds.
    return payload["t"] / 1000 if payload["t"] > 10**11 else payload["t"]


def read_participation(*, consultation: Consultation, token: str) -> Participant:
    max_age = datetime.timedelta(hours=consultation.duration_hours + 1)
    try:
        payload = _signer(consultation).unsign_object(token, max_age=max_age)
        return Participant(
            age_band=payload["a"],
            sex=payload["s"],
            country=payload["c"],
            language=payload["l"],
            nonce=payload["n"],
            served_at=_served_at(payload, token),
        )
    except (signing.BadSignature, KeyError, TypeError) as error:
        raise DomainError(
            _("This form is too old or has been changed. Please start again.")
        ) from error


def clean_free_text(raw: str, *, country: str) -> tuple[str, bool, frozenset[str]]:
    """The text as it may be stored (redacted), whether it signals danger, and what was removed."""
    if len(raw) > MAX_TEXT_LENGTH:
        raise DomainError(
            _("Your answer is too long. Please keep it under %(limit)s characters.")
            % {"limit": MAX_TEXT_LENGTH}
        )
    if BIDI_CONTROLS.search(raw):
        raise DomainError(
            _(
                "Your answer contains hidden characters that change the direction of the text. "
                "Please type it again without copying it."
            )
        )
    if MARKUP.search(raw):
        raise DomainError(_("Please write your answer as plain text, without code."))
    text = clean_typed_text(raw).strip()
    redaction = redact(text, country=country)
    return redaction.text, signals_danger(text), redaction.kinds


@dataclass(frozen=True, slots=True)
class CheckedAnswer:
    """An answer as it will be stored (a row of Answer, without a model instance's cost)."""

    question_id: int
    option_id: int | None = None
    choices: str = ""
    scale: int | None = None
    text: str = ""
    danger: bool = False
    moderation: str = Answer.Moderation.NONE


def _answer_for(
    question: Question, values: list[str], participant: Participant
) -> CheckedAnswer | None:
    """The answer to one question, None when left out; DomainError when it is wrong."""
    values = [value.strip() for value in values if value.strip()]
    if question.kind == Question.Kind.TEXT and not participant.may_write_free_text:
        return None
    if not values:
        if question.required:
            raise DomainError(_("Please answer this question."))
        return None
    option_ids = {str(option.pk): option.pk for option in question.options.all()}
    if question.kind == Question.Kind.SINGLE:
        if len(values) != 1 or values[0] not in option_ids:
            raise DomainError(_("Please choose one of the answers shown."))
        return CheckedAnswer(question_id=question.pk, option_id=option_ids[values[0]])
    if question.kind == Question.Kind.MULTIPLE:
        if any(value not in option_ids for value in values):
            raise DomainError(_("Please choose only from the answers shown."))
        chosen = sorted({int(value) for value in values})
        return CheckedAnswer(question_id=question.pk, choices=",".join(map(str, chosen)))
    if question.kind == Question.Kind.SCALE:
        if len(values) != 1 or values[0] not in {"1", "2", "3", "4", "5"}:
            raise DomainError(_("Please choose a number from 1 to 5."))
        return CheckedAnswer(question_id=question.pk, scale=int(values[0]))
    text, danger, _kinds = clean_free_text(values[0], country=participant.country)
    return CheckedAnswer(
        question_id=question.pk, text=text, danger=danger, moderation=Answer.Moderation.PENDING
    )


def _keyed_hash(key: bytes, value: str) -> str:
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


# A device's tally is split into this many rows, each with its share of the device limit, so
# that as many submissions from one device can commit at once as the app runs at once (two
# workers of four threads): each keeps its tally row locked until its commit.
TALLY_SHARDS = 8


def _tally_shares(limit: int) -> dict[int, int]:
    """Each shard's share of the device limit; they add up to the limit exactly."""
    shares = {
        shard: limit // TALLY_SHARDS + (1 if shard < limit % TALLY_SHARDS else 0)
        for shard in range(TALLY_SHARDS)
    }
    return {shard: share for shard, share in shares.items() if share > 0}


def _ensure_not_too_fast(participant: Participant, now: datetime.datetime) -> None:
    """A script sends its answers the moment it has the form; a person reads first. The time
    the form was served is signed into it, so the check needs nothing stored."""
    minimum = settings.CONSULTATION_MIN_ANSWER_SECONDS
    if minimum and now.timestamp() - participant.served_at < minimum:
        raise AnsweredTooFast(
            _(
                "Thank you! You answered very quickly. Please take a moment to check your "
                "answers, then send them again."
            )
        )


def submit_response(
    *,
    consultation: Consultation,
    token: str,
    answers: dict[str, list[str]],
    device: str,
    now: datetime.datetime | None = None,
    participant: Participant | None = None,
) -> Submission:
    """Store one young person's answers, redacted, at most once per form.

    `answers` maps "q<question id>" to the submitted values; `device` is the network address
    and browser, used only through a keyed hash that is destroyed when the window closes.
    `participant` is what read_participation gave for `token`, when the caller has read it.
    """
    now = now or timezone.now()
    if participant is None:
        participant = read_participation(consultation=consultation, token=token)
    _ensure_open(consultation, now)
    _ensure_not_too_fast(participant, now)
    questions = selectors.questions_of(consultation, cached=True)
    built, errors = [], {}
    for question in questions:
        key = f"q{question.pk}"
        try:
            answer = _answer_for(question, answers.get(key, []), participant)
        except DomainError as error:
            errors[key] = error.message
        else:
            if answer is not None:
                built.append(answer)
    if errors:
        raise InvalidAnswers(errors)
    if not built:
        raise DomainError(_("Please answer at least one question."))
    assert consultation.duplicate_key is not None  # _ensure_open refused a window without one
    duplicate_key = bytes(consultation.duplicate_key)
    response = Response(
        consultation=consultation,
        age_band=participant.age_band,
        sex=participant.sex,
        country_id=participant.country,
        language=participant.language,
        # The day only: a time of day could single out a child in a small group.
        submitted_on=now.date(),
        receipt=_keyed_hash(duplicate_key, "receipt:" + participant.nonce),
    )
    device_digest = _keyed_hash(duplicate_key, "device:" + device)
    shares = _tally_shares(consultation.device_limit)
    # A shard at random first, then the next ones while they are full: the device is refused
    # only once every shard is full, that is once the limit is reached.
    start = secrets.randbelow(len(shares)) if shares else 0
    shards = list(shares)[start:] + list(shares)[:start]
    # Everything is read and checked before the writes: a replayed form fails on the unique
    # receipt with nothing written, and the tally shard stays locked only for the writes and
    # their commit.
    try:
        for shard in shards:
            if _store_in_one_statement(response, built, device_digest, shard, shares[shard]):
                danger = any(a.danger for a in built)
                if danger:
                    raise_disclosures(response=response, now=now)
                return Submission(response=response, danger=danger)
    except IntegrityError as error:
        raise AlreadySent(_("You have already sent these answers. Thank you!")) from error
    raise DomainError(
        _("We have received many answers from this device already. Thank you for taking part!")
    )


_ANSWER_COLUMNS = ("question_id", "option_id", "choices", "scale", "text", "danger", "moderation")
_ANSWER_ROW = (
    "(%s::bigint, %s::bigint, %s::varchar, %s::smallint, %s::text, %s::boolean, %s::varchar)"
)


def _store_in_one_statement(
    response: Response, built: list[CheckedAnswer], device_digest: str, shard: int, share: int
) -> bool:
    """The tally shard, the response and its answers in one statement; False, with nothing
    written, when the tally shard is full.

    Outside a transaction the statement is a transaction by itself, committed before it
    returns: one round trip to the database instead of five (BEGIN, three inserts, COMMIT),
    which is what lets one core store hundreds of submissions a second. The tally counts only
    accepted responses: when the shard is full it is not raised and nothing is written.
    """
    quote = connection.ops.quote_name
    tally, responses, answers = (
        quote(model._meta.db_table) for model in (DeviceTally, Response, Answer)
    )
    sql = (
        f"WITH tally AS ("  # noqa: S608 - table names from the models, values as parameters
        f" INSERT INTO {tally} AS t (consultation_id, digest, shard, count) VALUES (%s, %s, %s, 1)"
        f" ON CONFLICT (consultation_id, digest, shard) DO UPDATE SET count = t.count + 1"
        f" WHERE t.count < %s RETURNING count"
        f"), response AS ("
        f" INSERT INTO {responses} (consultation_id, age_band, sex, country_id, language,"
        f" submitted_on, receipt) SELECT %s, %s, %s, %s, %s, %s, %s FROM tally RETURNING id"
        f"), answer AS ("
        f" INSERT INTO {answers} (response_id, {', '.join(_ANSWER_COLUMNS)})"
        f" SELECT response.id, a.* FROM response, (VALUES {', '.join([_ANSWER_ROW] * len(built))})"
        f" AS a ({', '.join(_ANSWER_COLUMNS)})"
        f") SELECT id FROM response"
    )
    consultation_id = response.consultation_id
    params: list[int | str | bool | datetime.date | None] = [
        consultation_id,
        device_digest,
        shard,
        share,
    ]
    params += [
        consultation_id,
        response.age_band,
        response.sex,
        response.country_id,
        response.language,
        response.submitted_on,
        response.receipt,
    ]
    for answer in built:
        params += [
            answer.question_id,
            answer.option_id,
            answer.choices,
            answer.scale,
            answer.text,
            answer.danger,
            answer.moderation,
        ]
    # Inside a caller's transaction, a savepoint keeps it usable after a refused replay.
    within = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
    with within, connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return False
    response.pk = row[0]
    response._state.adding = False
    return True


@transaction.atomic
def close_consultation(*, consultation: Consultation) -> Consultation:
    """Destroy what could link a response to a device or a form once the window has closed."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.state(timezone.now()) != "closed":
        raise DomainError(_("The consultation is still open."))
    consultation.duplicate_key = None
    consultation.save(update_fields=["duplicate_key"])
    consultation_changed()
    DeviceTally.objects.filter(consultation=consultation).delete()
    Response.objects.filter(consultation=consultation).update(receipt=None)
    return consultation


def close_due_consultations(*, now: datetime.datetime | None = None) -> int:
    due = Consultation.objects.filter(
        closes_at__lte=now or timezone.now(), duplicate_key__isnull=False
    )
    count = 0
    for consultation in due:
        close_consultation(consultation=consultation)
        count += 1
    return count


@transaction.atomic
def moderate_answer(*, answer: Answer, approve: bool, by: Any) -> Answer:
    _require_organiser(by)
    if answer.moderation == Answer.Moderation.NONE:
        raise DomainError(_("Only free-text answers are moderated."))
    answer.moderation = Answer.Moderation.APPROVED if approve else Answer.Moderation.REJECTED
    answer.save(update_fields=["moderation"])
    return answer


@transaction.atomic
def register_summary_report(*, consultation: Consultation, registered_by: Any) -> Consultation:
    """Register the six-language PDF summary as an information document of the meeting.

    Resolution 1306 asks for the young people's views to reach the group: the summary becomes
    a numbered document of the meeting, public at once like every registered document.
    """
    from cophub.workgroup import services as workgroup_services

    from .exports import summary_report_files

    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.summary_document_id is not None:
        raise DomainError(
            _("The summary report is already registered as %(number)s.")
            % {"number": consultation.summary_document}
        )
    if consultation.state(timezone.now()) != "closed":
        raise DomainError(
            _("The summary report can be registered once the consultation has closed.")
        )
    document = workgroup_services.register_generated_document(
        meeting=consultation.meeting,
        document_type="information",
        title=_("Summary of the youth consultation: %(title)s") % {"title": consultation.title},
        files=summary_report_files(consultation),
        registered_by=registered_by,
        mandate=list(consultation.mandate.all()),
        agenda_item=consultation.agenda_item,
    )
    consultation.summary_document = document
    consultation.save(update_fields=["summary_document"])
    return consultation


@transaction.atomic
def serve_agenda_item(*, consultation: Consultation, agenda_item: Any, by: Any) -> Consultation:
    """Name the item of the meeting's agenda the consultation serves (or none): its summary,
    registered already or later, is filed under that item."""
    from cophub.workgroup import services as workgroup_services

    _require_organiser(by)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if agenda_item is not None and agenda_item.meeting_id != consultation.meeting_id:
        raise DomainError(
            _("This item is not on the agenda of the meeting the consultation serves."),
            field="agenda_item",
        )
    consultation.agenda_item = agenda_item
    consultation.save(update_fields=["agenda_item"])
    if consultation.summary_document is not None:
        workgroup_services.file_under_agenda_item(
            document=consultation.summary_document, agenda_item=agenda_item, by=by
        )
    return consultation


# --- safeguarding -------------------------------------------------------------------------------


def _minute(moment: datetime.datetime) -> datetime.datetime:
    return moment.replace(second=0, microsecond=0)


def _safeguarding_contacts(consultation: Consultation) -> list:
    from cophub.accounts.models import Role, User

    contacts = list(
        consultation.safeguarding_contacts.filter(is_active=True, role=Role.SECRETARIAT)
    )
    # Nobody named: the whole secretariat is told rather than nobody.
    return contacts or list(User.objects.filter(is_active=True, role=Role.SECRETARIAT))


def _notify(disclosure: Disclosure) -> None:
    """One mail per safeguarding contact, through the outbox: no answer text, only a link."""
    from cophub.jobs.services import send_mail_after_commit

    url = settings.SITE_URL + _disclosure_path(disclosure)
    for contact in _safeguarding_contacts(disclosure.consultation):
        send_mail_after_commit(
            to=contact.email,
            language=contact.preferred_language or settings.LANGUAGE_CODE,
            template="consultations/email/disclosure.txt",
            context={
                "consultation": disclosure.consultation,
                "url": url,
                "raised_at": disclosure.raised_at,
                "notices": disclosure.notices,
            },
        )


def _disclosure_path(disclosure: Disclosure) -> str:
    from django.urls import reverse

    with translation.override(settings.LANGUAGE_CODE):
        return reverse("consultations:disclosure", kwargs={"pk": disclosure.pk})


@transaction.atomic
def raise_disclosures(*, response: Response, now: datetime.datetime | None = None) -> list:
    """Open a disclosure for each answer of the response that may tell of danger, and tell the
    consultation's safeguarding contacts at once (the outbox sends once this commits)."""
    moment = _minute(now or timezone.now())
    disclosures = []
    answers = Answer.objects.filter(response_id=response.pk, danger=True).select_related(
        "response__consultation"
    )
    for answer in answers:
        disclosure = Disclosure.objects.create(
            answer=answer,
            consultation=answer.response.consultation,
            raised_at=moment,
            notified_at=moment,
        )
        _notify(disclosure)
        disclosures.append(disclosure)
    return disclosures


def raise_unhandled_disclosures(*, now: datetime.datetime | None = None) -> int:
    """Tell the contacts again of every disclosure still unhandled a set time after they were
    last told (SAFEGUARDING_RAISE_AGAIN_MINUTES); run by `cophub raise_disclosures` from cron."""
    now = now or timezone.now()
    due = now - datetime.timedelta(minutes=settings.SAFEGUARDING_RAISE_AGAIN_MINUTES)
    count = 0
    for pk in Disclosure.objects.filter(handled_at=None, notified_at__lte=due).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            disclosure = (
                Disclosure.objects.select_for_update()
                .select_related("consultation")
                .filter(pk=pk, handled_at=None, notified_at__lte=due)
                .first()
            )
            if disclosure is None:
                continue
            disclosure.notices += 1
            disclosure.notified_at = _minute(now)
            disclosure.save(update_fields=["notices", "notified_at"])
            _notify(disclosure)
            count += 1
    return count


def _log_disclosure(action: str, disclosure: Disclosure, by: Any) -> None:
    """Who read or handled a disclosure, and when; never the text."""
    from cophub.audit.services import record

    record(
        action=action,
        model="consultations.Disclosure",
        object_pk=disclosure.pk,
        object_label=str(disclosure),
        actor=by,
    )


def read_disclosure(*, disclosure: Disclosure, by: Any) -> Disclosure:
    """A safeguarding contact opens a disclosure: the audit log says who and when, not what."""
    _require_organiser(by)
    _log_disclosure("read", disclosure, by)
    return disclosure


@transaction.atomic
def handle_disclosure(*, disclosure: Disclosure, by: Any) -> Disclosure:
    _require_organiser(by)
    disclosure = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
    if disclosure.handled_at is not None:
        raise DomainError(_("This disclosure has already been handled."))
    disclosure.handled_at = timezone.now()
    disclosure.handled_by = by
    disclosure.save(update_fields=["handled_at", "handled_by"])
    _log_disclosure("handle", disclosure, by)
    return disclosure


def _secretariat_account(email: str) -> Any:
    from cophub.accounts.models import Role, User

    return User.objects.filter(
        email__iexact=email.strip(), is_active=True, role=Role.SECRETARIAT
    ).first()


@transaction.atomic
def add_safeguarding_contact(*, consultation: Consultation, email: str, by: Any) -> Any:
    """Name a secretariat account to be told at once of a disclosure in the consultation."""
    _require_organiser(by)
    contact = _secretariat_account(email)
    if contact is None:
        raise DomainError(_("No active secretariat account has this address."), field="email")
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.safeguarding_contacts.filter(pk=contact.pk).exists():
        raise DomainError(
            _("This person is already a safeguarding contact of the consultation."), field="email"
        )
    consultation.safeguarding_contacts.add(contact)
    _log_contacts(consultation, by, added=contact.email)
    return contact


@transaction.atomic
def remove_safeguarding_contact(*, consultation: Consultation, email: str, by: Any) -> None:
    _require_organiser(by)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    contact = consultation.safeguarding_contacts.filter(email__iexact=email.strip()).first()
    if contact is None:
        raise DomainError(
            _("This person is not a safeguarding contact of the consultation."), field="email"
        )
    consultation.safeguarding_contacts.remove(contact)
    _log_contacts(consultation, by, removed=contact.email)


def _log_contacts(consultation: Consultation, by: Any, **change: str) -> None:
    """Who named or removed which safeguarding contact of the consultation, and when."""
    from cophub.accounts.permissions import person
    from cophub.audit.services import record

    record(
        action="update",
        model="consultations.Consultation",
        object_pk=consultation.pk,
        object_label=str(consultation),
        changes={"safeguarding_contacts": change},
        actor=person(by),
    )
