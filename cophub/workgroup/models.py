"""Groups and their meetings: the calendar that documents, liaisons and youth consultations hang on.

Council Resolution 1306 sets up the Council Working Group on Child Online Protection (CWG-COP);
the groups it liaises with (e.g. CWG-Internet, ITU-T study groups) are recorded the same way.
"""

import datetime
import uuid
import zoneinfo

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cophub.core.models import Country, Organisation, mandate_field


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class Group(models.Model):
    class Kind(models.TextChoices):
        COUNCIL_WORKING_GROUP = "cwg", _("Council working group")
        STUDY_GROUP = "sg", _("Study group")
        OTHER = "other", _("Other group")

    # The prefix of its document numbers and meeting addresses, e.g. "CWG-COP".
    code = models.CharField(
        _("code"),
        max_length=30,
        unique=True,
        help_text=_("Upper-case letters, digits and hyphens, e.g. CWG-COP."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z0-9]+(-[A-Z0-9]+)*$"), name="group_code_form"
            ),
        ]

    def __str__(self):
        return self.code


class Meeting(models.Model):
    group = models.ForeignKey(
        Group, models.PROTECT, related_name="meetings", verbose_name=_("group")
    )
    # The group's own meeting number; document numbers carry it, e.g. CWG-COP-24/7.
    number = models.PositiveSmallIntegerField(_("number"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Zurich", validators=[validate_time_zone]
    )
    contribution_deadline = models.DateField(
        _("contribution deadline"),
        help_text=_(
            "Contributions received after this date are accepted only as late, and registered "
            "only when the secretariat accepts them with a reason."
        ),
    )
    # The call for contributions reminds its recipients this many days before the deadline.
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder, days before the deadline"), default=7
    )
    # How to join from afar (a link, a dial-in number): shown only to registered participants.
    remote_details = models.TextField(_("remote participation details"), blank=True)
    call_issued_at = models.DateTimeField(
        _("call for contributions sent at"), null=True, blank=True
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    agenda_adopted_at = models.DateTimeField(_("agenda adopted at"), null=True, blank=True)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["group", "number"], name="meeting_number_unique"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="meeting_dates_order"
            ),
            models.CheckConstraint(
                condition=models.Q(contribution_deadline__lte=models.F("starts_on")),
                name="meeting_deadline_before_start",
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def code(self) -> str:
        """The meeting's name in addresses and document numbers, e.g. CWG-COP-24."""
        return f"{self.group.code}-{self.number}"

    @property
    def tz(self) -> datetime.tzinfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    number = models.CharField(_("number"), max_length=10)  # "1", "4.2"
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["meeting", "order", "number"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agenda_item_number_unique"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class DocumentType(models.TextChoices):
    CONTRIBUTION = "contribution", _("Contribution")
    INFORMATION = "information", _("Information document")
    LIAISON = "liaison", _("Liaison statement")
    REPORT = "report", _("Report")
    CHAIR_SUMMARY = "chair_summary", _("Chair's summary")
    ANNUAL_REPORT = "annual_report", _("Annual report to Council")
    FINAL_REPORT = "final_report", _("Final report")
    CALL = "call", _("Convening letter and call for contributions")
    AGENDA = "agenda", _("Agenda")
    PRESENTATION = "presentation", _("Presentation")
    PARTICIPANTS = "participants", _("List of participants")


# The types a delegate may submit; the others are written by the secretariat.
SUBMITTABLE_TYPES = (
    DocumentType.CONTRIBUTION,
    DocumentType.INFORMATION,
    DocumentType.LIAISON,
    DocumentType.PRESENTATION,
)


class DocumentCounter(models.Model):
    """The last serial number given in a meeting's series; its row is locked while numbering.

    Numbers are given at registration, not at submission, so that returned submissions leave
    no hole in the series (CWG-COP-24/1, /2, /3 ... without gaps).
    """

    meeting = models.OneToOneField(
        Meeting, models.CASCADE, related_name="document_counter", verbose_name=_("meeting")
    )
    last_serial = models.PositiveIntegerField(_("last serial number"), default=0)

    class Meta:
        verbose_name = _("document counter")
        verbose_name_plural = _("document counters")

    def __str__(self):
        return f"{self.meeting}: {self.last_serial}"


class Document(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for registration")
        REGISTERED = "registered", _("Registered")
        RETURNED = "returned", _("Returned to the submitter")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Version(models.TextChoices):
        ORIGINAL = "original", _("Original")
        REVISION = "revision", _("Revision")
        ADDENDUM = "addendum", _("Addendum")
        CORRIGENDUM = "corrigendum", _("Corrigendum")

    class Direction(models.TextChoices):
        INCOMING = "in", _("Incoming")
        OUTGOING = "out", _("Outgoing")

    meeting = models.ForeignKey(
        Meeting, models.PROTECT, related_name="documents", verbose_name=_("meeting")
    )
    document_type = models.CharField(
        _("document type"), max_length=20, choices=DocumentType.choices
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    # CWG-COP-24/7, CWG-COP-24/7(Rev.1) as ITU writes them; empty until the secretariat registers the document.
    number = models.CharField(_("number"), max_length=60, blank=True)
    slug = models.CharField(_("address"), max_length=60, blank=True)
    serial = models.PositiveIntegerField(_("serial number"), null=True, blank=True)
    version = models.CharField(
        _("version"), max_length=12, choices=Version.choices, default=Version.ORIGINAL
    )
    version_number = models.PositiveSmallIntegerField(_("version number"), default=0)
    base = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="versions",
        verbose_name=_("revises or adds to"),
    )
    title = models.CharField(_("title"), max_length=400)
    abstract = models.TextField(_("abstract"), blank=True)
    original_language = models.CharField(
        _("original language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("agenda item"),
    )
    secretariat_source = models.BooleanField(_("from the secretariat"), default=False)
    countries = models.ManyToManyField(
        Country, blank=True, related_name="+", verbose_name=_("Member States (sources)")
    )
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("organisations (sources)")
    )
    mandate = mandate_field()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    late = models.BooleanField(_("submitted after the deadline"), default=False)
    # Why the secretariat accepted a late submission: a late one is registered only with it.
    late_acceptance_reason = models.TextField(_("reason for accepting it late"), blank=True)
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    return_reason = models.TextField(_("reason for returning"), blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    # Liaison statements: where they come from or go to, when the reply is due, and the reply.
    liaison_direction = models.CharField(
        _("liaison direction"), max_length=3, choices=Direction.choices, blank=True
    )
    liaison_group = models.ForeignKey(
        Group,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="liaison_statements",
        verbose_name=_("from or to group"),
    )
    reply_deadline = models.DateField(_("reply due by"), null=True, blank=True)
    reply_to = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    # Titles, abstracts and the text of the files, for the search fallback and the diff.
    search_text = models.TextField(_("searchable text"), blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-registered_at", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~models.Q(number=""), name="document_number_unique"
            ),
            models.UniqueConstraint(
                fields=["slug"], condition=~models.Q(slug=""), name="document_slug_unique"
            ),
            models.UniqueConstraint(
                fields=["meeting", "serial"],
                condition=models.Q(version="original"),
                name="document_serial_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(status="submitted")
                | models.Q(status="returned")
                | ~models.Q(number=""),
                name="document_registered_has_number",
            ),
        ]
        indexes = [
            # The registry's order: newest first, without sorting the whole table per page. Only
            # public documents, and nothing but the keys, so that counting them and finding the
            # documents of a deep page are index-only scans instead of reads of whole rows.
            models.Index(
                fields=["-registered_at", "-id"],
                condition=models.Q(status__in=["registered", "withdrawn"]),
                name="document_public_order_idx",
            ),
        ]

    def __str__(self):
        return self.number or self.title

    @property
    def is_public(self) -> bool:
        return self.status in (self.Status.REGISTERED, self.Status.WITHDRAWN)


class CoSource(models.Model):
    """A Member State or organisation the submitter names as co-source of a document.

    Naming a co-source is a request: the named Member State or organisation is listed among the
    document's sources (`Document.countries`, `Document.organisations`: the page, the API, the
    feeds and the registry read those), and so may revise or withdraw it, only once one of its
    delegates confirms, or the secretariat confirms on its behalf with a reason (an ITU letter,
    a message from the mission)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")

    document = models.ForeignKey(
        Document, models.CASCADE, related_name="co_sources", verbose_name=_("document")
    )
    country = models.ForeignKey(
        Country,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Member State"),
    )
    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("named at"), default=timezone.now)
    decided_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    # Set when the secretariat confirms for the co-source: what it confirmed on.
    secretariat_reason = models.TextField(_("reason given by the secretariat"), blank=True)

    class Meta:
        ordering = ["document", "pk"]
        verbose_name = _("co-source")
        verbose_name_plural = _("co-sources")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(country__isnull=False, organisation__isnull=True)
                | models.Q(country__isnull=True, organisation__isnull=False),
                name="co_source_country_or_organisation",
            ),
            models.UniqueConstraint(
                fields=["document", "country"],
                condition=models.Q(country__isnull=False),
                name="co_source_country_unique",
            ),
            models.UniqueConstraint(
                fields=["document", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="co_source_organisation_unique",
            ),
        ]

    def __str__(self):
        return f"{self.document} · {self.source}"

    @property
    def source(self) -> Country | Organisation:
        return self.country if self.country_id else self.organisation  # type: ignore[return-value]


def document_file_path(instance, filename):
    return f"workgroup/{instance.document.meeting.code}/{uuid.uuid4().hex}/{filename}"


# ITU marks each language version of a document with a letter after its number:
# CWG-COP-26/1-E is the English text of CWG-COP-26/1.
LANGUAGE_SYMBOLS = {"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}


class DocumentFile(models.Model):
    """One file per language of a document; the stable address names the language."""

    document = models.ForeignKey(
        Document, models.CASCADE, related_name="files", verbose_name=_("document")
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    file = models.FileField(_("file"), upload_to=document_file_path, max_length=300)
    filename = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("format"), max_length=8)
    size = models.PositiveIntegerField(_("size in bytes"))
    text = models.TextField(_("extracted text"), blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["document", "language"]
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="document_file_language_unique"
            ),
        ]

    def __str__(self):
        return f"{self.document} ({self.language})"

    @property
    def symbol(self) -> str:
        """The language version's symbol, as ITU writes it: CWG-COP-26/1-E."""
        return f"{self.document.number}-{LANGUAGE_SYMBOLS[self.language]}"

    @property
    def download_name(self) -> str:
        """The symbol as a file name (no slash): CWG-COP-26-1-E.docx."""
        return f"{self.document.slug}-{LANGUAGE_SYMBOLS[self.language]}.{self.kind}"


class MeetingRegistration(models.Model):
    """A delegate's registration for a meeting.

    Resolution 179 asks Member States to consider gender balance in their delegations: the
    gender is optional and self-declared, and reported only as counts per meeting.
    """

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        OTHER = "other", _("Another gender")
        UNDISCLOSED = "", _("Prefer not to say")

    class Role(models.TextChoices):
        HEAD = "head", _("Head of delegation")
        DELEGATE = "delegate", _("Delegate")
        OBSERVER = "observer", _("Observer")
        SECRETARIAT = "secretariat", _("Secretariat")

    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        REMOTE = "remote", _("Remotely")

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="registrations", verbose_name=_("meeting")
    )
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("delegate")
    )
    gender = models.CharField(
        _("gender (optional)"), max_length=8, choices=Gender.choices, blank=True
    )
    # As the list of participants prints it.
    name = models.CharField(_("name"), max_length=200, blank=True)
    country = models.ForeignKey(
        Country,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Member State"),
    )
    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.DELEGATE)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)

    class Meta:
        ordering = ["meeting", "registered_at"]
        verbose_name = _("meeting registration")
        verbose_name_plural = _("meeting registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "delegate"], name="meeting_registration_unique"
            ),
        ]

    def __str__(self):
        return f"{self.meeting} · {self.delegate}"


class Subscription(models.Model):
    """An e-mail address told of each newly registered document of a group, and/or a type.

    Double opt-in: a subscription is written unconfirmed and the address is sent a link; no
    notice goes to it until the link is followed (`confirmed_at`), so that no one can have
    another person's mailbox written to by typing its address."""

    email = models.EmailField(_("e-mail address"))
    group = models.ForeignKey(
        Group,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("group"),
    )
    document_type = models.CharField(
        _("document type"), max_length=20, choices=DocumentType.choices, blank=True
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # When the confirmation link was last mailed: it is mailed again at most once an hour.
    confirmation_sent_at = models.DateTimeField(
        _("confirmation link sent at"), null=True, blank=True
    )

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "group", "document_type"],
                condition=models.Q(group__isnull=False),
                name="subscription_unique",
            ),
            models.UniqueConstraint(
                fields=["email", "document_type"],
                condition=models.Q(group__isnull=True),
                name="subscription_all_groups_unique",
            ),
        ]

    def __str__(self):
        return self.email


# Meeting reports, decisions and actions, the reports' own words, distribution lists.
from .outcome_models import (  # noqa: E402,F401
    Dispatch,
    DistributionAddress,
    DistributionList,
    MeetingReport,
    Outcome,
    PaperGeneration,
    ReportComment,
    ReportEdition,
    ReportGeneration,
    ReportKind,
    ReportPart,
    ReportText,
)
