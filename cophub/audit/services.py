"""The one write of the audit log: `record()`. Other apps may call it for an action that is not
a change of a record (a domain step they want named), with one line in their service."""

import contextlib
import contextvars
import uuid
from collections.abc import Iterator
from typing import Any

from django.db import connections, transaction
from django.http import HttpRequest

from cophub.audit.models import Action, Entry, Seal, chain_link

# The request being answered, so that a change made deep in a service knows who asked.
current_request: contextvars.ContextVar = contextvars.ContextVar("audit_request", default=None)

# Who acts where there is no request: a management command or a task names its account here.
current_actor: contextvars.ContextVar = contextvars.ContextVar("audit_actor", default=None)

LABEL_LENGTH = 255


@contextlib.contextmanager
def acting_as(user: Any) -> Iterator[None]:
    """Changes made inside are logged as made by `user` (commands, tasks, scripts)."""
    token = current_actor.set(user)
    try:
        yield
    finally:
        current_actor.reset(token)


def _actor_of(request: HttpRequest | None) -> Any:
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None and user.is_authenticated else None


def request_id(request: Any) -> str:
    """One number for everything logged while answering the request (kept on the request)."""
    if request is None:
        return ""
    if not hasattr(request, "_audit_id"):
        request._audit_id = uuid.uuid4().hex
    return request._audit_id


def record(
    *,
    action: str,
    model: str = "",
    object_pk: object = "",
    object_label: str = "",
    changes: dict | None = None,
    actor: Any = None,
    method: str = "",
    path: str = "",
    status: int | None = None,
    request: HttpRequest | None = None,
    using: str = "default",
) -> Entry:
    """Append one entry, in the caller's transaction, so that it stays only if the change does."""
    request = request or current_request.get()
    actor = actor or current_actor.get() or _actor_of(request)
    entry = Entry(
        actor_id=actor.pk if actor else None,
        actor=getattr(actor, "email", "") if actor else "",
        role=getattr(actor, "role", "") if actor else "",
        action=Action(action).value,
        model=model,
        object_pk=str(object_pk)[:64] if object_pk is not None else "",
        object_label=str(object_label)[:LABEL_LENGTH],
        changes=changes or {},
        method=method,
        path=path[:500],
        status=status,
        request_id=request_id(request),
    )
    entry.digest = entry.compute_digest()
    entry.save(using=using, force_insert=True)
    return entry


def seal(*, using: str = "default") -> Seal | None:
    """Chain every entry written since the last seal, and store the chain's end as a new seal.

    A SHARE lock waits for the transactions that are writing entries to end and holds new ones
    back until the seal is taken, so that no entry with a lower number can appear after it.
    """
    with transaction.atomic(using=using):
        with connections[using].cursor() as cursor:
            cursor.execute("LOCK TABLE audit_entry IN SHARE MODE")
        last = Seal.objects.using(using).order_by("-last_entry_id").first()
        chain = last.chain if last else ""
        count = last.entry_count if last else 0
        last_id = last.last_entry_id if last else 0
        rows = (
            Entry.objects.using(using)
            .filter(id__gt=last_id)
            .order_by("id")
            .values_list("id", "digest")
            .iterator(chunk_size=5000)
        )
        new = 0
        for entry_id, digest in rows:
            chain = chain_link(chain, entry_id, digest)
            last_id, new = entry_id, new + 1
        if not new:
            return None
        return Seal.objects.using(using).create(
            last_entry_id=last_id, entry_count=count + new, chain=chain
        )
