"""The audit log: one row per change to a public record and per action of the secretariat.

Both tables are append-only, enforced by the database: triggers refuse UPDATE, DELETE and
TRUNCATE (migration 0001). The models are unmanaged so that Django's `flush` (run between
transactional tests and by `cophub flush`) leaves them out instead of failing on the triggers.
"""

import datetime
import hashlib
import json

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    # Domain actions, read from a change of status (see registry.STATUS_ACTIONS).
    REGISTER = "register", _("Registered")
    RETURN = "return", _("Returned")
    WITHDRAW = "withdraw", _("Withdrawn")
    PUBLISH = "publish", _("Published")
    ACCEPT = "accept", _("Accepted")
    APPROVE = "approve", _("Approved")
    REJECT = "reject", _("Rejected")
    # What the secretariat does, besides changing records.
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_OUT = "sign_out", _("Signed out")
    SIGN_IN_FAILED = "sign_in_failed", _("Failed sign-in")
    REQUEST = "request", _("Request")
    EXPORT = "export", _("Download or export")
    # A safeguarding contact opened, and handled, a disclosure (never its text).
    READ = "read", _("Read")
    HANDLE = "handle", _("Handled")


class Entry(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now)
    # Not a foreign key: an account that is deleted keeps its entries, and a cascade or SET NULL
    # would have to change rows that the database refuses to change.
    actor_id = models.BigIntegerField(_("account number"), null=True, blank=True)
    actor = models.CharField(_("who"), max_length=254, blank=True)
    role = models.CharField(_("role"), max_length=20, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    model = models.CharField(_("kind of record"), max_length=100, blank=True)
    object_pk = models.CharField(_("record number"), max_length=64, blank=True)
    object_label = models.CharField(_("record"), max_length=255, blank=True)
    # {field: [old, new]}; [old, new] is null for a field whose values are never kept (passwords).
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    method = models.CharField(_("method"), max_length=10, blank=True)
    path = models.CharField(_("address"), max_length=500, blank=True)
    status = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)
    request_id = models.CharField(_("request"), max_length=32, blank=True)
    digest = models.CharField(_("digest"), max_length=64, editable=False)

    class Meta:
        managed = False
        db_table = "audit_entry"
        ordering = ["-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["at"], name="audit_entry_at"),
            models.Index(fields=["actor_id", "at"], name="audit_entry_actor"),
            models.Index(fields=["model", "object_pk"], name="audit_entry_object"),
            models.Index(fields=["action", "at"], name="audit_entry_action"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor or '-'} {self.action} {self.object_label}"

    def role_label(self) -> str:
        """The role in the page's language, as the accounts name it."""
        from django.contrib.auth import get_user_model
        from django.core.exceptions import FieldDoesNotExist

        try:
            choices = dict(get_user_model()._meta.get_field("role").flatchoices)
        except FieldDoesNotExist:
            return self.role
        return str(choices.get(self.role, self.role))

    def content(self) -> str:
        """The entry's content as one canonical string, from which its digest is taken."""
        at = self.at.astimezone(datetime.UTC).isoformat(timespec="microseconds")
        values = [
            at,
            self.actor_id,
            self.actor,
            self.role,
            self.action,
            self.model,
            self.object_pk,
            self.object_label,
            self.changes,
            self.method,
            self.path,
            self.status,
            self.request_id,
        ]
        return json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def compute_digest(self) -> str:
        return hashlib.sha256(self.content().encode()).hexdigest()


class Seal(models.Model):
    """A link of the hash chain over every entry up to `last_entry_id`, in the order of their
    numbers. Entries carry only a digest of their own content, so that writers on several app
    servers never wait for one another; `cophub verifyaudit --seal` chains them afterwards, and a
    deleted or inserted entry before a seal breaks it."""

    sealed_at = models.DateTimeField(_("sealed at"), default=timezone.now)
    last_entry_id = models.BigIntegerField(_("last entry"))
    entry_count = models.BigIntegerField(_("entries"))
    chain = models.CharField(_("chain"), max_length=64)

    class Meta:
        managed = False
        db_table = "audit_seal"
        ordering = ["last_entry_id"]
        verbose_name = _("audit seal")
        verbose_name_plural = _("audit seals")

    def __str__(self):
        return f"{self.last_entry_id} {self.chain}"


def chain_link(previous: str, entry_id: int, digest: str) -> str:
    return hashlib.sha256(f"{previous}:{entry_id}:{digest}".encode()).hexdigest()
