"""Checks the log against its digests and seals: what `cophub verifyaudit` reports."""

from dataclasses import dataclass, field

from cophub.audit.models import Entry, Seal, chain_link


@dataclass
class Verification:
    entries: int = 0
    seals: int = 0
    problems: list[str] = field(default_factory=list)


def verify(*, using: str = "default") -> Verification:
    """Recompute each entry's digest (an edited entry no longer matches its own) and the chain at
    each seal (an entry deleted, added or renumbered before a seal breaks it)."""
    result = Verification()
    seals = list(Seal.objects.using(using).order_by("last_entry_id"))
    result.seals = len(seals)
    pending = iter(seals)
    next_seal = next(pending, None)
    chain, count = "", 0
    for entry in Entry.objects.using(using).order_by("id").iterator(chunk_size=2000):
        while next_seal is not None and entry.id > next_seal.last_entry_id:
            _check_seal(result, next_seal, chain, count)
            next_seal = next(pending, None)
        result.entries += 1
        if entry.compute_digest() != entry.digest:
            result.problems.append(f"entry {entry.id}: its content does not match its digest")
        chain, count = chain_link(chain, entry.id, entry.digest), count + 1
    while next_seal is not None:
        _check_seal(result, next_seal, chain, count)
        next_seal = next(pending, None)
    return result


def _check_seal(result: Verification, seal: Seal, chain: str, count: int) -> None:
    if seal.chain != chain or seal.entry_count != count:
        result.problems.append(
            f"seal {seal.pk} (up to entry {seal.last_entry_id}): the chain is broken; "
            f"{seal.entry_count} entries were sealed, {count} are there"
        )
