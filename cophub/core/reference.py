"""Load the reference data (regions, countries, organisations, mandate) shipped in `data/`.

Runs after every `migrate` (a post_migrate handler), so that every database, the test databases
included, has it as the files say; `cophub loadreference` runs it on demand. Loading is
idempotent: rows are matched on their code and updated in place, so records that point at them
are kept, and nothing is deleted.
"""

import csv
import json
import re
from functools import cache
from pathlib import Path

import pycountry
from babel import Locale

from .i18n import LANGUAGE_CODES

DATA_DIR = Path(__file__).resolve().parent / "data"

# ITU-D regions, with their names as ITU publishes them in the six languages.
REGIONS = [
    ("AFR", {"en": "Africa", "fr": "Afrique", "es": "África", "ru": "Африка", "ar": "أفريقيا", "zh": "非洲"}),
    ("AMS", {"en": "Americas", "fr": "Amériques", "es": "Américas", "ru": "Северная и Южная Америка", "ar": "الأمريكتان", "zh": "美洲"}),
    ("ARB", {"en": "Arab States", "fr": "États arabes", "es": "Estados Árabes", "ru": "Арабские государства", "ar": "الدول العربية", "zh": "阿拉伯国家"}),
    ("ASP", {"en": "Asia and the Pacific", "fr": "Asie-Pacifique", "es": "Asia-Pacífico", "ru": "Азиатско-Тихоокеанский регион", "ar": "آسيا والمحيط الهادئ", "zh": "亚太"}),
    ("CIS", {"en": "Commonwealth of Independent States", "fr": "Communauté des États indépendants", "es": "Comunidad de Estados Independientes", "ru": "Содружество Независимых Государств", "ar": "كومنولث الدول المستقلة", "zh": "独联体"}),
    ("EUR", {"en": "Europe", "fr": "Europe", "es": "Europa", "ru": "Европа", "ar": "أوروبا", "zh": "欧洲"}),
]  # fmt: skip


# What the word-processor export left in the published texts: footnote anchors and bookmarks.
_EXPORT_MARKERS = re.compile(r"\[footnoteRef:\d+\]\d*|\[bookmark: [^\]]*\]")


def clean_published_text(text: str) -> str:
    return _EXPORT_MARKERS.sub("", text).strip()


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)


def country_names(iso2: str) -> dict[str, str]:
    """The country's name in the six languages, from CLDR."""
    return {lang: _locale(lang).territories[iso2] for lang in LANGUAGE_CODES}


def read_country_groups() -> dict[str, dict]:
    with open(DATA_DIR / "countries.csv", encoding="utf-8", newline="") as handle:
        return {row["iso2"]: row for row in csv.DictReader(handle)}


def read_json(name: str) -> list[dict]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


@cache
def reference_organisation_codes() -> frozenset[str]:
    return frozenset(o["code"] for o in read_json("organisations.json"))


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{lang}": values.get(lang, "") for lang in LANGUAGE_CODES} | {
        field: values["en"]
    }


def _upsert(model, key: str, rows: list[dict], using: str) -> None:
    """Create the rows that are new and update the others, matched on `key`."""
    existing = {getattr(obj, key): obj for obj in model.objects.using(using)}
    new, changed = [], []
    for row in rows:
        obj = existing.get(row[key])
        if obj is None:
            new.append(model(**row))
            continue
        for field, value in row.items():
            setattr(obj, field, value)
        changed.append(obj)
    model.objects.using(using).bulk_create(new)
    if changed:
        model.objects.using(using).bulk_update(
            changed, [field for field in rows[0] if field != key]
        )


def load_reference_data(apps, using: str = "default") -> None:
    """Load everything in `data/` through `apps` (the migration state's or the live registry)."""
    try:
        Region = apps.get_model("core", "Region")
    except LookupError:  # the core app is migrated back to zero
        return
    Country = apps.get_model("core", "Country")
    Organisation = apps.get_model("core", "Organisation")
    MandateParagraph = apps.get_model("core", "MandateParagraph")

    _upsert(
        Region,
        "code",
        [
            {"code": code, "order": i, **_translated("name", names)}
            for i, (code, names) in enumerate(REGIONS)
        ],
        using,
    )

    groups = read_country_groups()
    countries = []
    for entry in pycountry.countries:
        flags = groups.get(entry.alpha_2, {})
        countries.append(
            {
                "iso2": entry.alpha_2,
                "iso3": entry.alpha_3,
                "numeric": entry.numeric,
                "itu_member": flags.get("itu_member") == "1",
                "region_id": flags.get("itu_region") or None,
                "ldc": flags.get("ldc") == "1",
                "lldc": flags.get("lldc") == "1",
                "sids": flags.get("sids") == "1",
                "transition_economy": flags.get("eit") == "1",
                **_translated("name", country_names(entry.alpha_2)),
            }
        )
    _upsert(Country, "iso2", countries, using)

    organisations = read_json("organisations.json")
    _upsert(
        Organisation,
        "code",
        [
            {
                "code": o["code"],
                "acronym": o.get("acronym", ""),
                "kind": o["kind"],
                "website": o.get("website", ""),
                **_translated("name", o["name"]),
            }
            for o in organisations
        ],
        using,
    )
    by_code = Organisation.objects.using(using).in_bulk(
        [o["code"] for o in organisations], field_name="code"
    )
    for o in organisations:
        by_code[o["code"]].parent = by_code.get(o.get("parent") or "")
    Organisation.objects.using(using).bulk_update(by_code.values(), ["parent"])

    _upsert(
        MandateParagraph,
        "code",
        [
            {
                "code": p["code"],
                "resolution": p["resolution"],
                "section": p["section"],
                "number": p["number"],
                "order": p["order"],
                "source_text": clean_published_text(p["source_ar"]),
                "text_language": "ar",
                **_translated("heading", p["heading"]),
                **_translated("title", p["title"]),
                **_translated("text", p["text"]),
            }
            for p in read_json("mandate.json")
        ],
        using,
    )
