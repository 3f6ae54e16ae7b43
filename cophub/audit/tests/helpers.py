from cophub.audit.models import Entry


def last_entry_id() -> int:
    last = Entry.objects.order_by("-id").first()
    return last.id if last else 0


def entries_since(entry_id: int, **filters) -> list[Entry]:
    return list(Entry.objects.filter(id__gt=entry_id, **filters).order_by("id"))
