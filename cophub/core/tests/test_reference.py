import csv
import re
from pathlib import Path

import pytest
from django.apps import apps

from cophub.core import reference
from cophub.core.models import Country, MandateParagraph, Organisation, Region

SHARED_TEXTS = Path(__file__).resolve().parents[3].parent / "shared" / "texts"
SOURCE_FILES = {
    "R1306": "council-resolution-1306-2024.ar.txt",
    "R179": "pp-resolution-179-bucharest-2022.ar.txt",
}

pytestmark = pytest.mark.django_db


def test_every_iso_country_is_loaded_with_cldr_names_in_six_languages():
    assert Country.objects.count() == 249
    germany = Country.objects.get(iso2="DE")
    assert (germany.iso3, germany.numeric) == ("DEU", "276")
    assert {lang: getattr(germany, f"name_{lang}") for lang in reference.LANGUAGE_CODES} == {
        "ar": "ألمانيا",
        "zh": "德国",
        "en": "Germany",
        "fr": "Allemagne",
        "ru": "Германия",
        "es": "Alemania",
    }
    assert not Country.objects.filter(name_ar="").exists()
    assert not Country.objects.filter(name_zh="").exists()


def test_itu_member_states_each_belong_to_one_of_six_regions():
    assert Region.objects.count() == 6
    members = Country.objects.filter(itu_member=True)
    assert members.count() == 194  # the 193 UN Member States and the Vatican
    assert not members.filter(region__isnull=True).exists()
    assert Country.objects.get(iso2="VA").itu_member
    assert Country.objects.get(iso2="EG").region_id == "ARB"
    assert Country.objects.get(iso2="KE").region_id == "AFR"
    assert Country.objects.get(iso2="BR").region_id == "AMS"
    assert Country.objects.get(iso2="KZ").region_id == "CIS"
    assert Country.objects.get(iso2="FR").region_id == "EUR"
    assert Country.objects.get(iso2="JP").region_id == "ASP"
    assert not Country.objects.get(iso2="PR").itu_member


def test_un_development_groups_follow_the_current_lists():
    assert Country.objects.filter(ldc=True).count() == 44
    assert Country.objects.filter(lldc=True).count() == 32
    # Bhutan (2023) and São Tomé and Príncipe (2024) have graduated from the LDC list.
    assert not Country.objects.get(iso2="BT").ldc
    assert not Country.objects.get(iso2="ST").ldc
    afghanistan = Country.objects.get(iso2="AF")
    assert afghanistan.ldc and afghanistan.lldc and not afghanistan.sids
    assert Country.objects.get(iso2="FJ").sids
    assert Country.objects.get(iso2="HT").ldc and Country.objects.get(iso2="HT").sids


def test_organisations_include_the_partners_of_resolution_179():
    codes = set(Organisation.objects.values_list("code", flat=True))
    assert {
        "itu",
        "itu-d",
        "itu-t",
        "itu-r",
        "bdt",
        "unicef",
        "iwf",
        "fosi",
        "icmec",
        "inhope",
    } <= codes
    assert Organisation.objects.filter(acronym__in=["IWF", "FOSI", "ICMEC", "INHOPE"]).count() == 4
    assert Organisation.objects.get(code="bdt").parent.code == "itu-d"
    for organisation in Organisation.objects.all():
        for lang in reference.LANGUAGE_CODES:
            assert getattr(organisation, f"name_{lang}"), (organisation.code, lang)


def test_mandate_paragraphs_have_stable_codes_and_titles_in_six_languages():
    codes = list(MandateParagraph.objects.values_list("code", flat=True))
    assert len(codes) == len(set(codes))
    assert {"R1306/RES/1.1", "R1306/RES/3", "R1306/RES/5", "R1306/RES/6"} <= set(codes)
    assert MandateParagraph.objects.filter(resolution="R179", section="BDT").exists()
    for paragraph in MandateParagraph.objects.all():
        assert paragraph.code == f"{paragraph.resolution}/{paragraph.section}/{paragraph.number}"
        for lang in reference.LANGUAGE_CODES:
            assert getattr(paragraph, f"title_{lang}"), (paragraph.code, lang)
            assert getattr(paragraph, f"heading_{lang}"), (paragraph.code, lang)


def test_short_titles_keep_what_the_paragraphs_say():
    # Resolution 1306 §6 asks for a draft final report (مشروع تقرير ختامي), not the report itself.
    draft = {
        "ar": "مشروع",
        "zh": "草案",
        "en": "draft",
        "fr": "projet",
        "ru": "проект",
        "es": "proyecto",
    }
    final_report = MandateParagraph.objects.get(code="R1306/RES/6")
    for lang, word in draft.items():
        assert word in getattr(final_report, f"title_{lang}").lower(), lang
    # Resolution 179 (invites Member States, 4): online safety skills, not cybersecurity.
    assert "网络安全" not in MandateParagraph.objects.get(code="R179/MS/4").title_zh
    assert "网上安全" in MandateParagraph.objects.get(code="R179/MS/4").title_zh


@pytest.mark.skipif(
    not SHARED_TEXTS.is_dir(),
    reason="the resolutions in ../shared/texts are not beside the project",
)
def test_mandate_paragraph_texts_are_the_published_texts():
    sources = {
        resolution: reference.clean_published_text(
            (SHARED_TEXTS / name).read_text(encoding="utf-8")
        )
        for resolution, name in SOURCE_FILES.items()
    }
    for paragraph in MandateParagraph.objects.all():
        assert paragraph.source_text, paragraph.code
        assert "[footnoteRef" not in paragraph.source_text
        assert paragraph.source_text in sources[paragraph.resolution], paragraph.code
    # Resolution 1306 §5: contributions and reports public without a password.
    assert "بدون حماية بكلمة مرور" in MandateParagraph.objects.get(code="R1306/RES/5").text_ar


# What the export of proposal EUR/44A18/1 left side by side: each kind the clean texts resolve.
DOUBLETS = {
    "online": r"الخط\s+الإنترنت",
    "online-reversed": r"الإنترنت\s+الخط",
    "edition": r"بوينس آيرس|2017\s*كيغالي",
    "wording": r"لتسهيل\s+لمساعدة",
    "punctuation": r"[؛;]\s*[،,]",
    "hyphen": r"\bITUT\b|CWGCOP|CWGInternet",
}


def _resolutions() -> dict[str, list[dict]]:
    with open(reference.DATA_DIR / "r179-doublets.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_code: dict[str, list[dict]] = {}
    for row in rows:
        by_code.setdefault(row["code"], []).append(row)
    return by_code


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w.-]+", text))


def test_every_kind_of_doublet_is_in_the_source_and_in_no_clean_text():
    paragraphs = list(MandateParagraph.objects.all())
    for kind, pattern in DOUBLETS.items():
        assert any(re.search(pattern, p.source_text) for p in paragraphs), kind
        for paragraph in paragraphs:
            for lang in reference.LANGUAGE_CODES:
                text = getattr(paragraph, f"text_{lang}")
                assert not re.search(pattern, text), (kind, paragraph.code, lang)


def test_clean_texts_are_the_sources_with_the_listed_resolutions_and_invent_no_word():
    resolutions = _resolutions()
    assert set(resolutions) <= set(MandateParagraph.objects.values_list("code", flat=True))
    marked = 0
    for paragraph in MandateParagraph.objects.all():
        rows = resolutions.get(paragraph.code, [])
        assert not rows or paragraph.resolution == "R179", paragraph.code
        resolved = paragraph.source_text
        for row in rows:
            assert re.search(DOUBLETS[row["kind"]], row["found"]), row
            # The wording kept is one side of the doublet; only a lost hyphen is put back.
            if row["kind"] == "hyphen":
                assert row["kept"].replace("-", "") == row["found"], row
            else:
                assert row["kept"] in row["found"] and row["kept"] != row["found"], row
            assert row["reason"].strip(), row
            assert resolved.count(row["found"]) == int(row["occurrences"]), row
            resolved = resolved.replace(row["found"], row["kept"])
        assert paragraph.text_ar == resolved, paragraph.code
        kept = set().union(*(_words(row["kept"]) for row in rows))
        assert _words(paragraph.text_ar) <= _words(paragraph.source_text) | kept, paragraph.code
        marked += paragraph.has_revision_marks
    assert marked == len(resolutions) == 43


def test_every_paragraph_has_its_text_in_six_languages_with_the_sources_numbers():
    for paragraph in MandateParagraph.objects.all():
        numbers = sorted(re.findall(r"\d+(?:\.\d+)?", paragraph.text_ar))
        for lang in reference.LANGUAGE_CODES:
            text = getattr(paragraph, f"text_{lang}")
            assert text, (paragraph.code, lang)
            assert sorted(re.findall(r"\d+(?:\.\d+)?", text)) == numbers, (paragraph.code, lang)
            if lang != "ar":
                assert not re.search(r"[\u0600-\u06ff]", text), (paragraph.code, lang)


def test_loading_again_updates_in_place_and_keeps_what_points_at_the_rows():
    from cophub.accounts.models import Role, User

    user = User.objects.create_user(
        "d@example.org", full_name="D", role=Role.MEMBER_STATE, country_id="KE"
    )
    Country.objects.filter(iso2="KE").update(name_en="Changed by hand")
    before = (
        Country.objects.count(),
        Organisation.objects.count(),
        MandateParagraph.objects.count(),
    )

    reference.load_reference_data(apps)

    assert (
        Country.objects.count(),
        Organisation.objects.count(),
        MandateParagraph.objects.count(),
    ) == before
    assert Country.objects.get(iso2="KE").name_en == "Kenya"
    user.refresh_from_db()
    assert user.country_id == "KE"


def test_loadreference_command_restores_the_data_files(capsys):
    from django.core.management import call_command

    Country.objects.filter(iso2="FR").update(name_fr="")
    MandateParagraph.objects.filter(code="R1306/RES/5").update(title_ar="")
    call_command("loadreference")
    assert Country.objects.get(iso2="FR").name_fr == "France"
    assert MandateParagraph.objects.get(code="R1306/RES/5").title_ar
    assert "Reference data loaded." in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_reference_data_is_back_after_the_database_is_flushed():
    from django.core.management import call_command

    call_command("flush", "--noinput")
    assert Country.objects.count() == 249
    assert MandateParagraph.objects.exists()
