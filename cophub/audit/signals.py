"""Changes to the followed records, caught from Django's model signals, so that a change made
through a page, a service, the API or the admin is logged the same way.

Writes that bypass the signals (`bulk_create`, `QuerySet.update`, raw SQL) are not caught: the
apps use them only for counters, search indexes and bulk imports, which are logged once by the
service that runs them (see registry.NOT_FOLLOWED).
"""

import datetime
import decimal
import functools
import uuid

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from cophub.accounts.permissions import is_secretariat
from cophub.audit import registry, services
from cophub.audit.models import Action

TEXT_KEPT = 500  # characters of a long text kept in an entry; the record holds the rest


def _plain(value):
    """A value as JSON keeps it, so that what is stored reads back the same (for the digest)."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value if len(value) <= TEXT_KEPT else value[:TEXT_KEPT] + "…"
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID | datetime.timedelta):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(value)} bytes>"  # keys and binary data are never copied into the log
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "name") and hasattr(value, "storage"):  # a stored file
        return value.name or ""
    return str(value)


def _fields(model) -> list:
    """The concrete fields followed, by attname; a field with translations is followed through
    its per-language columns (title_en, title_fr, ...), whose values do not depend on the page's
    language."""
    settings = registry.FOLLOWED[model._meta.label]
    translated = _translated_fields(model)
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in settings.skipped and f.name not in translated
    ]


@functools.cache
def _translated_fields(model) -> frozenset[str]:
    from modeltranslation.translator import NotRegistered, translator

    try:
        return frozenset(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return frozenset()


_field_cache: dict[type, list] = {}


def fields_of(model) -> list:
    if model not in _field_cache:
        _field_cache[model] = _fields(model)
    return _field_cache[model]


def _label(instance) -> str:
    try:
        return str(instance)
    except Exception:  # noqa: BLE001 - a label must never stop the write it describes
        return f"{instance._meta.verbose_name} {instance.pk}"


def _record_change(instance, action, changes, using):
    services.record(
        action=action,
        model=instance._meta.label_lower,
        object_pk=instance.pk,
        object_label=_label(instance),
        changes=changes,
        using=using,
    )


def _before_save(sender, instance, raw=False, using="default", update_fields=None, **kwargs):
    instance._audit_old = None
    if raw or instance._state.adding or instance.pk is None:
        return
    fields = fields_of(sender)
    if update_fields is not None:
        # A translated field named in update_fields is saved through its per-language columns.
        translated = _translated_fields(sender) & set(update_fields)
        fields = [
            f
            for f in fields
            if f.name in update_fields
            or f.attname in update_fields
            or f.name.rsplit("_", 1)[0] in translated
        ]
    if not fields:
        return
    instance._audit_old = (
        sender._base_manager.using(using)
        .filter(pk=instance.pk)
        .values(*[f.attname for f in fields])
        .first()
    )


def _after_save(sender, instance, created, raw=False, using="default", update_fields=None, **kw):
    if raw:
        return
    hidden = registry.FOLLOWED[sender._meta.label].hidden
    old = getattr(instance, "_audit_old", None)
    instance._audit_old = None
    changes = {}
    if created or old is None:
        if not created:
            return  # an update of skipped fields only, or of a row that was not there
        for f in fields_of(sender):
            value = _plain(f.value_from_object(instance))
            if value not in (None, "", [], {}):
                changes[f.attname] = None if f.name in hidden else [None, value]
        _record_change(instance, Action.CREATE, changes, using)
        return
    by_attname = {f.attname: f for f in fields_of(sender)}
    for attname, before in old.items():
        now, before = _plain(getattr(instance, attname)), _plain(before)
        if now != before:
            changes[attname] = None if by_attname[attname].name in hidden else [before, now]
    if changes:
        _record_change(instance, _action_for(changes), changes, using)


def _action_for(changes: dict) -> str:
    status = changes.get("status")
    if status:
        return registry.STATUS_ACTIONS.get(status[1], Action.UPDATE)
    return Action.UPDATE


def _after_delete(sender, instance, using="default", **kwargs):
    hidden = registry.FOLLOWED[sender._meta.label].hidden
    changes = {}
    for f in fields_of(sender):
        value = _plain(f.value_from_object(instance))
        if value not in (None, "", [], {}):
            changes[f.attname] = None if f.name in hidden else [value, None]
    _record_change(instance, Action.DELETE, changes, using)


def _m2m_changed(sender, instance, action, reverse, model, pk_set, using="default", **kwargs):
    """A link added to or removed from a followed record (its countries, topics, ...): the list
    before and after. Changes made from the other side of the link are logged on that side's
    record only if it is followed."""
    if reverse or instance._meta.label not in registry.FOLLOWED:
        return
    name = _m2m_name(type(instance), sender)
    if name is None:
        return
    manager = getattr(instance, name)
    if action.startswith("pre_"):
        instance._audit_m2m = sorted(manager.using(using).values_list("pk", flat=True))
        return
    before = getattr(instance, "_audit_m2m", None)
    if before is None:
        return
    after = sorted(manager.using(using).values_list("pk", flat=True))
    instance._audit_m2m = None
    if before != after:
        _record_change(instance, Action.UPDATE, {name: [_plain(before), _plain(after)]}, using)


def _m2m_name(model, through) -> str | None:
    for f in model._meta.many_to_many:
        if f.remote_field.through is through:
            return f.name
    return None


def _signed_in(sender, request, user, **kwargs):
    if is_secretariat(user):
        services.record(action=Action.SIGN_IN, actor=user, path=request.path if request else "")


def _signed_out(sender, request, user, **kwargs):
    if is_secretariat(user):
        services.record(action=Action.SIGN_OUT, actor=user, path=request.path if request else "")


def _sign_in_failed(sender, credentials, request=None, **kwargs):
    """A failed attempt on a secretariat account; what was typed is never kept."""
    User = get_user_model()
    name = credentials.get(User.USERNAME_FIELD) or credentials.get("username")
    if not name:
        return
    account = User._default_manager.filter(**{f"{User.USERNAME_FIELD}__iexact": name}).first()
    if is_secretariat(account):
        services.record(
            action=Action.SIGN_IN_FAILED,
            actor=account,
            model=account._meta.label_lower,
            object_pk=account.pk,
            object_label=str(account),
            path=request.path if request is not None else "",
        )


def connect() -> None:
    for label in registry.FOLLOWED:
        model = apps.get_model(label)
        uid = f"audit:{label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(_after_save, sender=model, dispatch_uid=uid)
        post_delete.connect(_after_delete, sender=model, dispatch_uid=uid)
        for f in model._meta.many_to_many:
            m2m_changed.connect(
                _m2m_changed, sender=f.remote_field.through, dispatch_uid=f"{uid}:{f.name}"
            )
    user_logged_in.connect(_signed_in, dispatch_uid="audit:signed_in")
    user_logged_out.connect(_signed_out, dispatch_uid="audit:signed_out")
    user_login_failed.connect(_sign_in_failed, dispatch_uid="audit:sign_in_failed")
