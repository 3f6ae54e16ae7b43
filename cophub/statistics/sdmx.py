"""SDMX 2.1 at the edge: the COP data structure, its codelists, and data messages.

One dataflow, ITU:DF_COP(1.0), described by one data structure definition whose key is
INDICATOR.REF_AREA.SEX.AGE.URBANISATION.DISABILITY, with TIME_PERIOD at the observation.
Messages are written with lxml (SDMX-ML 2.1 structure and generic data), as SDMX-JSON 1.0 data
and as SDMX-CSV 1.0, and are read back in the tests by the sdmx1 and pysdmx client libraries.
"""

import csv
import io
import json
import uuid
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from lxml import etree

from cophub.core.i18n import LANGUAGE_CODES, translations_of
from cophub.core.models import Country

from .models import AgeBand, Disability, Indicator, ObservationStatus, Sex, Unit, Urbanisation

AGENCY = "ITU"
VERSION = "1.0"
FLOW_ID = "DF_COP"
DSD_ID = "DSD_COP"
CONCEPT_SCHEME_ID = "CS_COP"

NS = {
    "mes": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message",
    "str": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure",
    "com": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common",
    "gen": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

MEDIA_XML_STRUCTURE = "application/vnd.sdmx.structure+xml;version=2.1"
MEDIA_XML_GENERIC = "application/vnd.sdmx.genericdata+xml;version=2.1"
MEDIA_JSON = "application/vnd.sdmx.data+json;version=1.0.0"
MEDIA_CSV = "application/vnd.sdmx.data+csv;version=1.0.0"


@dataclass(frozen=True)
class Dimension:
    id: str
    field: str  # the Observation field
    codelist: str
    name: str  # English; the six languages come from the gettext catalogs


# The key, in order. The field names match Observation's.
DIMENSIONS = [
    Dimension("INDICATOR", "indicator", "CL_INDICATOR", "Indicator"),
    Dimension("REF_AREA", "country", "CL_AREA", "Reference area"),
    Dimension("SEX", "sex", "CL_SEX", "Sex"),
    Dimension("AGE", "age", "CL_AGE", "Age band"),
    Dimension("URBANISATION", "urbanisation", "CL_URBANISATION", "Urban or rural"),
    Dimension("DISABILITY", "disability", "CL_DISABILITY", "Disability"),
]
ATTRIBUTES = [
    ("UNIT_MEASURE", "CL_UNIT", "Unit of measure"),
    ("OBS_STATUS", "CL_OBS_STATUS", "Observation status"),
    ("COMMENT", None, "Comment"),
]
ENUMS = {
    "CL_SEX": ("Sex", Sex),
    "CL_AGE": ("Age band", AgeBand),
    "CL_URBANISATION": ("Urban or rural", Urbanisation),
    "CL_DISABILITY": ("Disability", Disability),
    "CL_OBS_STATUS": ("Observation status", ObservationStatus),
    "CL_UNIT": ("Unit of measure", Unit),
}


def concept_names() -> dict[str, str]:
    return {
        "INDICATOR": _("Indicator"),
        "REF_AREA": _("Country"),
        "SEX": _("Sex"),
        "AGE": _("Age band"),
        "URBANISATION": _("Urban or rural"),
        "DISABILITY": _("Disability"),
        "TIME_PERIOD": _("Year"),
        "OBS_VALUE": _("Value"),
        "UNIT_MEASURE": _("Unit of measure"),
        "OBS_STATUS": _("Observation status"),
        "COMMENT": _("Comment"),
    }


class QueryError(Exception):
    """An SDMX query that cannot be answered; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.status = status


# --- queries ----------------------------------------------------------------------------------


def check_agency(agency: str) -> None:
    if agency not in ("all", "*", AGENCY):
        raise QueryError(_("No structures of agency %(agency)s.") % {"agency": agency}, status=404)


def check_version(version: str) -> None:
    if version not in ("latest", "all", "*", "~", "+", VERSION):
        raise QueryError(_("No such version: %(version)s.") % {"version": version}, status=404)


def check_flow(flow: str) -> None:
    # flowRef may be "DF_COP", "ITU,DF_COP" or "ITU,DF_COP,1.0"
    parts = flow.split(",")
    if parts[-1] in (VERSION, "latest") and len(parts) == 3:
        parts = parts[:2]
    if parts[-1] != FLOW_ID or (len(parts) == 2 and parts[0] not in (AGENCY, "all")):
        raise QueryError(_("No such dataflow: %(flow)s.") % {"flow": flow}, status=404)


def parse_key(key: str) -> dict[str, set[str]]:
    """ "CHILD_DAILY_USE.KE+TZ..." to {"indicator": {...}, "country": {"KE", "TZ"}}; an empty
    position (or "all", "*") is a wildcard."""
    if key in ("", "all", "*"):
        return {}
    parts = key.split(".")
    if len(parts) != len(DIMENSIONS):
        raise QueryError(
            _("The key has %(found)s positions; this dataflow's key has %(expected)s "
              "(INDICATOR.REF_AREA.SEX.AGE.URBANISATION.DISABILITY).")
            % {"found": len(parts), "expected": len(DIMENSIONS)}
        )  # fmt: skip
    filters = {}
    for dimension, part in zip(DIMENSIONS, parts, strict=True):
        if part in ("", "*"):
            continue
        filters[dimension.field] = {code for code in part.split("+") if code}
    return filters


def parse_period(text: str | None, *, end: bool = False) -> int | None:
    if not text:
        return None
    year = text[:4]
    if not year.isdigit():
        raise QueryError(_("The period %(period)s is not a year.") % {"period": text})
    return int(year)


def parse_positive(text: str | None, name: str) -> int | None:
    if text in (None, ""):
        return None
    if not text.isdigit() or int(text) == 0:
        raise QueryError(_("%(name)s must be a positive whole number.") % {"name": name})
    return int(text)


def data_format(accept: str, format_param: str = "") -> str:
    wanted = (format_param or accept or "").lower()
    if "csv" in wanted:
        return "csv"
    if "json" in wanted:
        return "json"
    return "xml"


# --- structures -------------------------------------------------------------------------------


def _el(parent, tag: str, **attrs):
    prefix, name = tag.split(":")
    return etree.SubElement(parent, f"{{{NS[prefix]}}}{name}", {k: v for k, v in attrs.items()})


def _names(parent, texts: dict[str, str], tag: str = "com:Name") -> None:
    for lang in LANGUAGE_CODES:
        if texts.get(lang):
            _el(parent, tag).text = texts[lang]
            parent[-1].set(XML_LANG, lang)


def _in_each_language(function) -> dict[str, str]:
    texts = {}
    for lang in LANGUAGE_CODES:
        with translation.override(lang):
            texts[lang] = str(function())
    return texts


def _header(root, *, structure: bool) -> None:
    header = _el(root, "mes:Header")
    _el(header, "mes:ID").text = f"COPHUB-{uuid.uuid4().hex[:16]}"
    _el(header, "mes:Test").text = "false"
    _el(header, "mes:Prepared").text = timezone.now().replace(microsecond=0).isoformat()
    _el(header, "mes:Sender", id=AGENCY)
    if not structure:
        ref = _el(header, "mes:Structure", structureID=f"{AGENCY}_{DSD_ID}_1_0",
                  dimensionAtObservation="TIME_PERIOD")  # fmt: skip
        inner = _el(ref, "com:Structure")
        etree.SubElement(inner, "Ref", agencyID=AGENCY, id=DSD_ID, version=VERSION)


def _ref(parent, **attrs) -> None:
    etree.SubElement(parent, "Ref", {"agencyID": AGENCY, **attrs})


def _maintainable(parent, tag: str, id_: str, names: dict[str, str]):
    element = _el(parent, tag, id=id_, agencyID=AGENCY, version=VERSION, isFinal="true")
    element.set("urn", f"urn:sdmx:org.sdmx.infomodel.{_URN_CLASS[tag]}={AGENCY}:{id_}({VERSION})")
    _names(element, names)
    return element


_URN_CLASS = {
    "str:Dataflow": "datastructure.Dataflow",
    "str:DataStructure": "datastructure.DataStructure",
    "str:Codelist": "codelist.Codelist",
    "str:ConceptScheme": "conceptscheme.ConceptScheme",
}


def codelists() -> dict[str, tuple[dict[str, str], list[tuple[str, dict[str, str]]]]]:
    """Each codelist's names and its codes with their names, in the six languages."""
    lists = {
        "CL_INDICATOR": (
            _in_each_language(lambda: _("COP indicators")),
            [
                (i.code, {lang: getattr(i, f"name_{lang}") or i.name for lang in LANGUAGE_CODES})
                for i in Indicator.objects.all()
            ],
        ),  # fmt: skip
        "CL_AREA": (
            _in_each_language(lambda: _("Countries and areas")),
            [
                (c.iso2, {lang: getattr(c, f"name_{lang}") or c.name for lang in LANGUAGE_CODES})
                for c in Country.objects.all()
            ],
        ),  # fmt: skip
    }
    for codelist_id, (_name, choices) in ENUMS.items():
        codes = []
        for code in choices.values:
            codes.append(
                (code, _in_each_language(lambda code=code, choices=choices: choices(code).label))
            )
        lists[codelist_id] = (_in_each_language(lambda d=codelist_id: _codelist_name(d)), codes)
    return lists


# The indicators' notes, as annotations of their codes in CL_INDICATOR, in the six languages.
NOTE_ANNOTATIONS = [
    ("METHOD_NOTES", "method_notes"),
    ("COMPARABILITY_NOTES", "comparability_notes"),
]


def _indicator_notes() -> dict[str, dict]:
    """Each indicator's definition (the code's description) and its notes (annotations)."""
    notes = {}
    for indicator in Indicator.objects.all():
        notes[indicator.code] = {
            "description": translations_of(indicator, "definition"),
            "annotations": [
                (annotation_type, translations_of(indicator, field))
                for annotation_type, field in NOTE_ANNOTATIONS
            ],
        }
    return notes


def _annotations(parent, annotations: list[tuple[str, dict[str, str]]]) -> None:
    annotations = [(kind, texts) for kind, texts in annotations if texts]
    if not annotations:
        return
    element = _el(parent, "com:Annotations")
    for kind, texts in annotations:
        annotation = _el(element, "com:Annotation", id=kind)
        _el(annotation, "com:AnnotationType").text = kind
        _names(annotation, texts, "com:AnnotationText")


def _codelist_name(codelist_id: str) -> str:
    names = {d.codelist: d.id for d in DIMENSIONS} | {a[1]: a[0] for a in ATTRIBUTES if a[1]}
    return concept_names()[names[codelist_id]]


def structure_message(*, dataflows=False, datastructures=False, codelist_ids=(), concepts=False):
    root = etree.Element(
        f"{{{NS['mes']}}}Structure", nsmap={k: v for k, v in NS.items() if k != "gen"}
    )
    _header(root, structure=True)
    structures = _el(root, "mes:Structures")
    if dataflows:
        flows = _el(structures, "str:Dataflows")
        flow = _maintainable(flows, "str:Dataflow", FLOW_ID,
                             _in_each_language(lambda: _("Child online protection indicators")))  # fmt: skip
        _ref(
            _el(flow, "str:Structure"),
            id=DSD_ID,
            version=VERSION,
            **{"class": "DataStructure", "package": "datastructure"},
        )
    if codelist_ids:
        all_lists = codelists()
        indicator_notes = _indicator_notes() if "CL_INDICATOR" in codelist_ids else {}
        element = _el(structures, "str:Codelists")
        for codelist_id in codelist_ids:
            names, codes = all_lists[codelist_id]
            codelist = _maintainable(element, "str:Codelist", codelist_id, names)
            for code, code_names in codes:
                item = _el(codelist, "str:Code", id=code)
                item.set(
                    "urn",
                    f"urn:sdmx:org.sdmx.infomodel.codelist.Code={AGENCY}:{codelist_id}({VERSION}).{code}",
                )
                notes = indicator_notes.get(code) if codelist_id == "CL_INDICATOR" else None
                if notes:
                    _annotations(item, notes["annotations"])
                _names(item, code_names)
                if notes:
                    _names(item, notes["description"], "com:Description")
    if concepts:
        scheme_parent = _el(structures, "str:Concepts")
        scheme = _maintainable(scheme_parent, "str:ConceptScheme", CONCEPT_SCHEME_ID,
                               _in_each_language(lambda: _("Concepts of COP statistics")))  # fmt: skip
        names = {lang: None for lang in LANGUAGE_CODES}
        for lang in LANGUAGE_CODES:
            with translation.override(lang):
                names[lang] = concept_names()
        for concept_id in names["en"]:
            concept = _el(scheme, "str:Concept", id=concept_id)
            concept.set(
                "urn",
                f"urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept={AGENCY}:{CONCEPT_SCHEME_ID}({VERSION}).{concept_id}",
            )
            _names(concept, {lang: names[lang][concept_id] for lang in LANGUAGE_CODES})
    if datastructures:
        _datastructure(_el(structures, "str:DataStructures"))
    return _xml(root)


def _concept_ref(parent, concept_id: str) -> None:
    _ref(_el(parent, "str:ConceptIdentity"), id=concept_id, maintainableParentID=CONCEPT_SCHEME_ID,
         maintainableParentVersion=VERSION, **{"class": "Concept", "package": "conceptscheme"})  # fmt: skip


def _enumeration(parent, codelist_id: str) -> None:
    representation = _el(parent, "str:LocalRepresentation")
    _ref(_el(representation, "str:Enumeration"), id=codelist_id, version=VERSION,
         **{"class": "Codelist", "package": "codelist"})  # fmt: skip


def _datastructure(parent) -> None:
    dsd = _maintainable(parent, "str:DataStructure", DSD_ID,
                        _in_each_language(lambda: _("Child online protection indicators")))  # fmt: skip
    components = _el(dsd, "str:DataStructureComponents")
    dimensions = _el(components, "str:DimensionList", id="DimensionDescriptor")
    for position, dimension in enumerate(DIMENSIONS, start=1):
        element = _el(dimensions, "str:Dimension", id=dimension.id, position=str(position))
        _concept_ref(element, dimension.id)
        _enumeration(element, dimension.codelist)
    time = _el(dimensions, "str:TimeDimension", id="TIME_PERIOD", position=str(len(DIMENSIONS) + 1))
    _concept_ref(time, "TIME_PERIOD")
    _el(_el(time, "str:LocalRepresentation"), "str:TextFormat", textType="ObservationalTimePeriod")
    attributes = _el(components, "str:AttributeList", id="AttributeDescriptor")
    for attribute_id, codelist_id, _name in ATTRIBUTES:
        status = "Mandatory" if attribute_id == "UNIT_MEASURE" else "Conditional"
        element = _el(attributes, "str:Attribute", id=attribute_id, assignmentStatus=status)
        _concept_ref(element, attribute_id)
        if codelist_id:
            _enumeration(element, codelist_id)
        else:
            _el(_el(element, "str:LocalRepresentation"), "str:TextFormat", textType="String")
        relationship = _el(_el(element, "str:AttributeRelationship"), "str:PrimaryMeasure")
        etree.SubElement(relationship, "Ref", id="OBS_VALUE")
    measures = _el(components, "str:MeasureList", id="MeasureDescriptor")
    measure = _el(measures, "str:PrimaryMeasure", id="OBS_VALUE")
    _concept_ref(measure, "OBS_VALUE")


ALL_CODELISTS = [d.codelist for d in DIMENSIONS] + ["CL_UNIT", "CL_OBS_STATUS"]


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# --- data -------------------------------------------------------------------------------------


def _series_key(row) -> tuple[str, ...]:
    """Indicator code, country and the four breakdowns: the first six of selectors.ROW_FIELDS."""
    return row[:6]


def _value_text(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else repr(value)


def generic_data_message(rows) -> bytes:
    root = etree.Element(f"{{{NS['mes']}}}GenericData", nsmap=NS)
    _header(root, structure=False)
    dataset = _el(root, "mes:DataSet", structureRef=f"{AGENCY}_{DSD_ID}_1_0", action="Information")
    current, series = None, None
    for row in rows:
        key = _series_key(row)
        if key != current:
            current = key
            series = _el(dataset, "gen:Series")
            series_key = _el(series, "gen:SeriesKey")
            for dimension, code in zip(DIMENSIONS, key, strict=True):
                _el(series_key, "gen:Value", id=dimension.id, value=code)
            _el(
                _el(series, "gen:Attributes"),
                "gen:Value",
                id="UNIT_MEASURE",
                value=row.unit,
            )
        obs = _el(series, "gen:Obs")
        _el(obs, "gen:ObsDimension", value=str(row.period))
        _el(obs, "gen:ObsValue", value=_value_text(row.value))
        attributes = _el(obs, "gen:Attributes")
        _el(attributes, "gen:Value", id="OBS_STATUS", value=row.status)
        if row.note:
            _el(attributes, "gen:Value", id="COMMENT", value=row.note)
    return _xml(root)


CSV_HEADER = ["DATAFLOW", *[d.id for d in DIMENSIONS], "TIME_PERIOD", "OBS_VALUE",
              "UNIT_MEASURE", "OBS_STATUS", "COMMENT"]  # fmt: skip


def csv_message(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    flow = f"{AGENCY}:{FLOW_ID}({VERSION})"
    for row in rows:
        writer.writerow([flow, *_series_key(row), row.period, _value_text(row.value),
                         row.unit, row.status, row.note])  # fmt: skip
    return out.getvalue()


def json_message(rows) -> str:
    """SDMX-JSON 1.0 data message, series by series, TIME_PERIOD at the observation."""
    rows = list(rows)
    names = concept_names()
    values: list[dict[str, int]] = [{} for _d in DIMENSIONS]
    periods: dict[str, int] = {}
    units: dict[str, int] = {}
    statuses: dict[str, int] = {}
    comments: dict[str, int] = {}
    series: dict[str, dict] = {}
    for row in rows:
        indexes = [
            values[i].setdefault(code, len(values[i])) for i, code in enumerate(_series_key(row))
        ]
        period = periods.setdefault(str(row.period), len(periods))
        unit = units.setdefault(row.unit, len(units))
        status = statuses.setdefault(row.status, len(statuses))
        comment = comments.setdefault(row.note, len(comments)) if row.note else None
        entry = series.setdefault(
            ":".join(map(str, indexes)), {"attributes": [], "observations": {}}
        )
        entry["observations"][str(period)] = [row.value, unit, status, comment]
    labels = codelist_labels()
    structure = {
        "name": _("Child online protection indicators"),
        "dimensions": {
            "dataset": [],
            "series": [
                {
                    "id": d.id,
                    "name": names[d.id],
                    "keyPosition": i,
                    "values": [
                        {"id": code, "name": labels.get(d.codelist, {}).get(code, code)}
                        for code in values[i]
                    ],
                }
                for i, d in enumerate(DIMENSIONS)
            ],  # fmt: skip
            "observation": [
                {
                    "id": "TIME_PERIOD",
                    "name": names["TIME_PERIOD"],
                    "role": "time",
                    "values": [{"id": p, "name": p} for p in periods],
                }
            ],  # fmt: skip
        },
        "attributes": {
            "dataSet": [],
            "series": [],
            "observation": [
                {
                    "id": "UNIT_MEASURE",
                    "name": names["UNIT_MEASURE"],
                    "values": [{"id": u, "name": labels["CL_UNIT"].get(u, u)} for u in units],
                },
                {
                    "id": "OBS_STATUS",
                    "name": names["OBS_STATUS"],
                    "values": [
                        {"id": s, "name": labels["CL_OBS_STATUS"].get(s, s)} for s in statuses
                    ],
                },
                {
                    "id": "COMMENT",
                    "name": names["COMMENT"],
                    "values": [{"name": c} for c in comments],
                },
            ],  # fmt: skip
        },
    }
    message = {
        "header": {
            "id": f"COPHUB-{uuid.uuid4().hex[:16]}",
            "test": False,
            "prepared": timezone.now().replace(microsecond=0).isoformat(),
            "sender": {"id": AGENCY},
        },
        "dataSets": [{"action": "Information", "series": series}],
        "structure": structure,
    }
    return json.dumps(message, ensure_ascii=False)


def codelist_labels() -> dict[str, dict[str, str]]:
    """The labels of the fixed codelists in the current language (indicators and countries aside,
    which the caller has at hand)."""
    return {codelist_id: {c: str(choices(c).label) for c in choices.values}
            for codelist_id, (_name, choices) in ENUMS.items()}  # fmt: skip


def availability_message(available: dict[str, list[str]]) -> bytes:
    """A structure message with one content constraint: the codes that have data."""
    root = etree.Element(
        f"{{{NS['mes']}}}Structure", nsmap={k: v for k, v in NS.items() if k != "gen"}
    )
    _header(root, structure=True)
    structures = _el(root, "mes:Structures")
    constraints = _el(structures, "str:Constraints")
    constraint = _el(constraints, "str:ContentConstraint", id="CC_AVAILABILITY", agencyID=AGENCY,
                     version=VERSION, isFinal="false", type="Actual")  # fmt: skip
    _names(constraint, _in_each_language(lambda: _("Data available")))
    attachment = _el(constraint, "str:ConstraintAttachment")
    _ref(_el(attachment, "str:Dataflow"), id=FLOW_ID, version=VERSION,
         **{"class": "Dataflow", "package": "datastructure"})  # fmt: skip
    region = _el(constraint, "str:CubeRegion", include="true")
    for dimension in DIMENSIONS:
        key_value = _el(region, "com:KeyValue", id=dimension.id)
        for code in available[dimension.field]:
            _el(key_value, "com:Value").text = code
    if available["period"]:
        time = _el(region, "com:KeyValue", id="TIME_PERIOD")
        time_range = _el(time, "com:TimeRange")
        _el(time_range, "com:StartPeriod", isInclusive="true").text = available["period"][0]
        _el(time_range, "com:EndPeriod", isInclusive="true").text = available["period"][-1]
    return _xml(root)


def error_message(code: int, text: str) -> bytes:
    root = etree.Element(f"{{{NS['mes']}}}Error", nsmap={"mes": NS["mes"], "com": NS["com"]})
    message = _el(root, "mes:ErrorMessage", code=str(code))
    _el(message, "com:Text").text = text
    return _xml(root)
