"""Who may sign in: the secretariat and the delegates of members and stakeholders.

Reading anything public never needs an account; accounts are for those who submit and manage.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    MEMBER_STATE = "member_state", _("Member State delegate")
    SECTOR_MEMBER = "sector_member", _("Sector Member delegate")
    STAKEHOLDER = "stakeholder", _("Stakeholder organisation member")
    PUBLIC = "public", _("Public")


# The roles a person can ask for; secretariat accounts are made by the secretariat itself.
REQUESTABLE_ROLES = (Role.MEMBER_STATE, Role.SECTOR_MEMBER, Role.STAKEHOLDER)
ORGANISATION_ROLES = (Role.SECTOR_MEMBER, Role.STAKEHOLDER)

_COUNTRY_RULE = models.Q(role=Role.MEMBER_STATE, country__isnull=False) | ~models.Q(
    role=Role.MEMBER_STATE
)
# `is_staff` opens Django's admin: it follows the role and is never set on its own, so that the
# admin and COP Hub's own checks (accounts.permissions) cannot disagree about who is staff.
_STAFF_ROLE = models.Q(is_superuser=True) | models.Q(role=Role.SECRETARIAT)
_STAFF_RULE = models.Q(_STAFF_ROLE, is_staff=True) | models.Q(~_STAFF_ROLE, is_staff=False)


def staff_status(role: str, is_superuser: bool | None) -> bool:
    """The `is_staff` an account with this role has (the rule above, for an unsaved account)."""
    return bool(is_superuser) or role == Role.SECRETARIAT


_ORGANISATION_RULE = models.Q(role__in=ORGANISATION_ROLES, organisation__isnull=False) | ~models.Q(
    role__in=ORGANISATION_ROLES
)


class Representation(models.Model):
    """Whom a person speaks for, and in which language we write to them."""

    country = models.ForeignKey(
        "core.Country",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Member State"),
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta:
        abstract = True


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        # The secretariat works in the admin; no other role does (see accounts.permissions).
        fields["is_staff"] = staff_status(
            fields.get("role", Role.PUBLIC), fields.get("is_superuser")
        )
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username):
        # Addresses are stored in lower case and are unique whatever their case.
        return self.get(email__iexact=username)

    def create_superuser(self, email, password=None, **fields):
        fields.update(role=Role.SECRETARIAT, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin, Representation):
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PUBLIC)
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            models.CheckConstraint(
                condition=_COUNTRY_RULE,
                name="user_member_state_has_country",
                violation_error_message=_("A Member State delegate must have a Member State."),
            ),
            models.CheckConstraint(
                condition=_ORGANISATION_RULE,
                name="user_organisation_role_has_organisation",
                violation_error_message=_("This role needs an organisation."),
            ),
            models.CheckConstraint(
                condition=_STAFF_RULE,
                name="user_staff_status_follows_role",
                violation_error_message=_(
                    "Only secretariat and superuser accounts have staff status."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    def save(self, *args, **kwargs):
        # Staff status is derived, never chosen: it is written with the role it follows.
        self.is_staff = staff_status(self.role, self.is_superuser)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"role", "is_superuser"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "is_staff"}
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name


class AccountRequest(Representation):
    """A person's request for a delegate account, which the secretariat approves or rejects."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the secretariat")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    email = models.EmailField(_("e-mail address"))
    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(
        _("role"), max_length=20, choices=[(r.value, r.label) for r in REQUESTABLE_ROLES]
    )
    organisation_name = models.CharField(
        _("organisation, if not in the list"), max_length=200, blank=True
    )
    position = models.CharField(_("position or function"), max_length=200)
    note = models.TextField(_("why you need an account"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decision_reason = models.TextField(_("reason given"), blank=True)
    user = models.OneToOneField(
        User,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="account_request",
        verbose_name=_("account"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("account request")
        verbose_name_plural = _("account requests")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(status="pending"),
                name="one_pending_request_per_email",
            ),
            models.CheckConstraint(
                condition=_COUNTRY_RULE,
                name="request_member_state_has_country",
                violation_error_message=_("A Member State delegate must have a Member State."),
            ),
            models.CheckConstraint(
                condition=~models.Q(role__in=ORGANISATION_ROLES)
                | models.Q(organisation__isnull=False)
                | ~models.Q(organisation_name=""),
                name="request_organisation_role_has_organisation",
                violation_error_message=_("This role needs an organisation."),
            ),
        ]

    def __str__(self):
        return f"{self.full_name} <{self.email}> ({self.get_role_display()})"


class PasswordResetRequest(models.Model):
    """An address someone asked a reset link for, known or not: the request writes this row and
    queues its id whatever the address, and the task finds out whether an account has it and
    writes the mail, so that the answer takes the same time either way. Deleted once handled."""

    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    domain = models.CharField(_("site"), max_length=255)
    use_https = models.BooleanField(default=True)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)

    class Meta:
        verbose_name = _("password reset request")
        verbose_name_plural = _("password reset requests")

    def __str__(self):
        return self.email
