"""The checklist every country is assessed against, shipped in `data/checklist.json`.

The items are written for COP Hub from the ITU Guidelines on Child Online Protection for
policy-makers (2020) and the WeProtect Global Alliance's Model National Response; each says in
plain words what a country has when it has the measure, in the six languages. Loaded after every
migrate (as core loads its reference data), matched on the code and updated in place.
"""

import json
from functools import cache
from pathlib import Path

from cophub.core.i18n import LANGUAGE_CODES

DATA_FILE = Path(__file__).resolve().parent / "data" / "checklist.json"


@cache
def read_checklist() -> tuple[dict, ...]:
    with open(DATA_FILE, encoding="utf-8") as handle:
        return tuple(json.load(handle))


def _row(order: int, entry: dict) -> dict:
    row = {"code": entry["code"], "category": entry["category"], "order": order}
    row["source"] = entry["source"]
    for field in ("title", "explanation"):
        row[field] = entry[field]["en"]
        row |= {f"{field}_{lang}": entry[field].get(lang, "") for lang in LANGUAGE_CODES}
    return row


def load_checklist(apps, *, using: str = "default") -> None:
    ChecklistItem = apps.get_model("countries", "ChecklistItem")
    existing = {item.code: item for item in ChecklistItem.objects.using(using)}
    for order, entry in enumerate(read_checklist(), start=1):
        row = _row(order, entry)
        item = existing.get(row["code"])
        if item is None:
            ChecklistItem.objects.using(using).create(**row)
        elif any(getattr(item, key) != value for key, value in row.items()):
            for key, value in row.items():
                setattr(item, key, value)
            item.save(using=using)
