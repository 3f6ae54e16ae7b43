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
