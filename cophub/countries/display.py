"""How a recorded change reads on the history page, in the reader's language."""

from dataclasses import dataclass

from .models import Change, Evidence, Measure, Milestone, Roadmap, RoadmapDocument

MODEL_OF_ACTION = {
    Change.Action.MEASURE: Measure,
    Change.Action.EVIDENCE: Evidence,
    Change.Action.ROADMAP: Roadmap,
    Change.Action.MILESTONE_ADDED: Milestone,
    Change.Action.MILESTONE: Milestone,
    Change.Action.DOCUMENT: RoadmapDocument,
}


@dataclass(frozen=True)
class ChangedField:
    label: str
    before: str
    after: str


def _shown(field, value) -> str:
    if value in (None, ""):
        return ""
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def changed_fields(change: Change) -> list[ChangedField]:
    model = MODEL_OF_ACTION.get(change.action)
    rows = []
    for entry in change.details:
        name = entry.get("field", "")
        try:
            field = model._meta.get_field(name) if model else None
        except Exception:  # noqa: BLE001 - a field renamed since; show its code
            field = None
        label = str(field.verbose_name) if field is not None else name
        rows.append(
            ChangedField(
                label=label[:1].upper() + label[1:],
                before=_shown(field, entry.get("before")),
                after=_shown(field, entry.get("after")),
            )
        )
    return rows


@dataclass(frozen=True)
class ProposedValue:
    label: str
    current: str
    proposed: str

    @property
    def changes(self) -> bool:
        return self.current != self.proposed


def _label(model, name: str) -> tuple[str, object]:
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - a key the model does not have; show it as it is
        return name, None
    label = str(field.verbose_name)
    return label[:1].upper() + label[1:], field


def proposed_values(proposal) -> list[ProposedValue]:
    """The proposal beside the record as it stands, field by field, for the reviewer."""
    from .models import ChecklistItem, Measure, Milestone, Proposal, Roadmap, RoadmapDocument

    payload = proposal.payload if isinstance(proposal.payload, dict) else {}
    country = proposal.country
    current = None
    model = {
        Proposal.Kind.MEASURE: Measure,
        Proposal.Kind.ROADMAP: Roadmap,
        Proposal.Kind.MILESTONE: Milestone,
        Proposal.Kind.DOCUMENT: RoadmapDocument,
    }.get(proposal.kind, Measure)
    if proposal.kind == Proposal.Kind.MEASURE:
        current = Measure.objects.filter(country=country, item__code=payload.get("item")).first()
    elif proposal.kind == Proposal.Kind.ROADMAP:
        current = Roadmap.objects.filter(country=country).first()
    elif proposal.kind == Proposal.Kind.MILESTONE and str(payload.get("id") or "").isdigit():
        current = Milestone.objects.filter(pk=payload["id"], roadmap__country=country).first()
    lines = []
    for key, value in payload.items():
        if key in ("id", "evidence"):
            continue
        label, field = _label(model, key)
        if key == "item":
            item = ChecklistItem.objects.filter(code=value).first() if value else None
            proposed = str(item.title) if item else str(value or "")
            before = getattr(current, "item", None) if current is not None else None
            lines.append(ProposedValue(label, str(before.title) if before else "", proposed))
            continue
        before = getattr(current, key, "") if current is not None else ""
        lines.append(ProposedValue(label, _shown(field, before), _shown(field, value)))
    for number, evidence in enumerate(payload.get("evidence") or [], start=1):
        if isinstance(evidence, dict):
            for key, value in evidence.items():
                label, field = _label(Evidence, key)
                lines.append(ProposedValue(f"{label} ({number})", "", _shown(field, value)))
    return lines
