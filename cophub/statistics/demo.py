"""Demo figures for a local `make run`: the core indicators for 30 countries over five years.

Made up from a seeded random generator, sent through the same submission path as a real file,
and marked: the submission is flagged as demo data, every row's source says so, and the
statistics pages say that the figures are not real while any demo submission is loaded.
"""

import csv
import io
import random
from dataclasses import dataclass

from django.utils import timezone

from cophub.countries.selectors import strategy_in_place_since
from cophub.helplines.selectors import listed_services

from . import services
from .framework import CORE_INDICATORS
from .models import Submission

DEMO_COUNTRIES = [
    "KE", "TZ", "UG", "NG", "GH", "ZA", "ET", "SN", "EG", "MA", "SA", "AE", "JO", "TN", "IN",
    "ID", "PH", "VN", "TH", "CN", "BR", "MX", "CO", "AR", "CL", "FR", "DE", "GB", "RU", "KZ",
]  # fmt: skip
DEMO_SOURCE = "COP Hub demo data: made up, not real figures"
DEMO_FILE = "cophub-demo-statistics.csv"
AGE_SHIFT = {"Y9T11": -12, "Y12T14": 0, "Y15T17": 10}
SEX_SHIFT = {"F": -2, "M": 2}


@dataclass(frozen=True, slots=True)
class CountryFacts:
    """What the other modules' records say of a country, which its figures must not contradict:
    no count of hotline reports where the directory lists no hotline, no "strategy in place"
    before the year the country adopted one."""

    child_helpline: bool = True
    reporting_hotline: bool = True
    strategy_since: int | None = None


def country_facts(iso2: str) -> CountryFacts:
    listed = listed_services(iso2)
    return CountryFacts(
        child_helpline=listed.child_helpline,
        reporting_hotline=listed.reporting_hotline,
        strategy_since=strategy_in_place_since(iso2),
    )


def demo_rows(last_year: int, facts: dict[str, CountryFacts] | None = None) -> list[dict]:
    generator = random.Random(179)  # fixed seed: the same demo every time
    years = range(last_year - 4, last_year + 1)
    rows = []
    for country_index, country in enumerate(DEMO_COUNTRIES):
        known = (facts or {}).get(country, CountryFacts())
        # A third of the countries stop breaking down by sex and age after the first year,
        # so that the country profiles show the gap.
        breakdown_years = years if country_index % 3 else years[:1]
        for spec in CORE_INDICATORS:
            base_level = generator.uniform(15, 80)
            for offset, year in enumerate(years):
                made = _indicator_rows(generator, spec, country, year, base_level + offset * 2.5,
                                       year in breakdown_years)  # fmt: skip
                if spec["code"] == "NATIONAL_COP_STRATEGY":
                    in_place = known.strategy_since is not None and known.strategy_since <= year
                    made = [row | {"value": int(in_place)} for row in made]
                if _contradicts(spec["code"], known):
                    continue  # drawn all the same, so that the other figures stay as they were
                rows.extend(made)
    return rows


def _contradicts(code: str, known: CountryFacts) -> bool:
    return (code == "HOTLINE_REPORTS" and not known.reporting_hotline) or (
        code == "HELPLINE_CONTACTS" and not known.child_helpline
    )


def _indicator_rows(generator, spec, country, year, level, with_breakdowns) -> list[dict]:
    code, by = spec["code"], spec["by"]
    row = {"indicator": code, "country": country, "year": year, "source": DEMO_SOURCE}
    if spec["unit"] == "YES_NO":
        return [row | {"value": int(level > 35 or year > 2023)}]
    if spec["unit"] == "NUMBER":
        scale = 40 if code == "HOTLINE_REPORTS" else 12
        total = round(level * scale * generator.uniform(0.8, 1.2))
        rows = [row | {"value": total}]
        if with_breakdowns and "sex" in by:
            girls = round(total * generator.uniform(0.5, 0.65))
            rows += [row | {"sex": "F", "value": girls}, row | {"sex": "M", "value": total - girls}]
        return rows
    clamp = lambda value: round(min(max(value, 1), 99), 1)  # noqa: E731
    rows = [
        row
        | {
            "value": clamp(level),
            "status": "P" if year == timezone.now().year - 1 else "A",
            "base": 1200,
        }
    ]
    if not with_breakdowns:
        return rows
    if "sex" in by and "age" in by:
        for age, age_shift in AGE_SHIFT.items():
            rows.append(row | {"age": age, "value": clamp(level + age_shift), "base": 400})
            for sex, sex_shift in SEX_SHIFT.items():
                value = clamp(level + age_shift + sex_shift + generator.uniform(-3, 3))
                rows.append(row | {"sex": sex, "age": age, "value": value, "base": 200})
        for sex, sex_shift in SEX_SHIFT.items():
            rows.append(row | {"sex": sex, "value": clamp(level + sex_shift), "base": 600})
    if "urbanisation" in by:
        rows.append(row | {"urbanisation": "U", "value": clamp(level + 8), "base": 700})
        rows.append(row | {"urbanisation": "R", "value": clamp(level - 8), "base": 500})
    if "disability" in by:
        # Few children with a disability are in a national sample: some cells are too small
        # to publish and are withheld.
        rows.append(
            row
            | {"disability": "DIS", "value": clamp(level - 5), "base": generator.choice([6, 45])}
        )
    return rows


def demo_csv(last_year: int, facts: dict[str, CountryFacts] | None = None) -> bytes:
    out = io.StringIO()
    columns = ["indicator", "country", "year", "sex", "age", "urbanisation", "disability",
               "value", "status", "base", "source"]  # fmt: skip
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(demo_rows(last_year, facts))
    return out.getvalue().encode()


def load_demo(stdout=None) -> None:
    if Submission.objects.filter(demo=True, file_name=DEMO_FILE).exists():
        return
    last_year = timezone.now().year - 1
    facts = {iso2: country_facts(iso2) for iso2 in DEMO_COUNTRIES}
    report = services.submit_observations(
        data=demo_csv(last_year, facts), file_name=DEMO_FILE, demo=True
    )
    if stdout:
        stdout.write(
            f"Demo statistics: {report.created} observations for {len(DEMO_COUNTRIES)} countries "
            f"(made up, marked as demo data)."
        )
