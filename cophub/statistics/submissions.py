"""Reading submitted files: CSV, SDMX-CSV and SDMX-ML, row by row, with the row named in each error.

A reader yields `(number, fields)` for each observation, where `number` is the row of a CSV file or
the line of an SDMX-ML element (`row_label` makes "row 12" or "element Obs on line 40" of it, only
for the rows that are wrong) and `fields` maps our field names to the text found. Checking the values
against the indicators' structure is the service's work (services.submit_observations).
"""

import csv
import io
from collections.abc import Iterator

from django.utils.translation import gettext as _
from lxml import etree

from cophub.core.errors import DomainError

from .models import Submission

FLOW_ID = "DF_COP"

# Column names accepted for each field: our plain CSV's names first, then SDMX's concept ids.
COLUMNS = {
    "indicator": ("indicator", "INDICATOR"),
    "country": ("country", "REF_AREA"),
    "period": ("year", "period", "TIME_PERIOD"),
    "sex": ("sex", "SEX"),
    "age": ("age", "AGE"),
    "urbanisation": ("urbanisation", "URBANISATION"),
    "disability": ("disability", "DISABILITY"),
    "value": ("value", "OBS_VALUE"),
    "unit": ("unit", "UNIT_MEASURE"),
    "status": ("status", "OBS_STATUS"),
    "confidential": ("confidential", "CONF_STATUS"),
    "base": ("base", "OBS_COUNT"),
    "source": ("source", "SOURCE_DETAIL"),
    "note": ("note", "COMMENT"),
}
REQUIRED = ("indicator", "country", "period", "value")
CONCEPT_TO_FIELD = {name: field for field, names in COLUMNS.items() for name in names}


class FileRejected(DomainError):
    """The file as a whole cannot be read (encoding, delimiter, XML); `where` names the place."""

    def __init__(self, message, *, where: str = ""):
        super().__init__(message)
        self.where = where


def detect_format(data: bytes, file_name: str = "") -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") or file_name.lower().endswith(".xml"):
        return Submission.Format.SDMX_ML
    first_line = head.split(b"\n", 1)[0]
    if first_line.upper().startswith((b"DATAFLOW", b"STRUCTURE", b'"DATAFLOW"')):
        return Submission.Format.SDMX_CSV
    return Submission.Format.CSV


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileRejected(
            _(
                "The file is not UTF-8 text: line %(line)s has a character in another encoding. "
                "Save the file as “CSV UTF-8” and send it again."
            )
            % {"line": line},
            where=_("line %(line)s") % {"line": line},
        ) from None


def row_label(file_format: str, number: int) -> str:
    """The place of an observation in its file, as the report names it."""
    if file_format == Submission.Format.SDMX_ML:
        return _("element Obs on line %(line)s") % {"line": number}
    return _("row %(number)s") % {"number": number}


def read_csv(data: bytes) -> Iterator[tuple[int, dict]]:
    """Plain CSV and SDMX-CSV 1.0: a header row of column names, then one observation a row."""
    text = decode(data)
    lines = io.StringIO(text, newline="")
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        raise FileRejected(_("The file is empty."), where=_("row 1")) from None
    header = [name.strip() for name in header]
    if len(header) == 1 and any(sep in header[0] for sep in ";\t|"):
        raise FileRejected(
            _(
                "The columns are not separated by commas. Save the file as CSV with commas "
                "between the columns and send it again."
            ),
            where=_("row 1"),
        )
    fields = []
    for name in header:
        field = CONCEPT_TO_FIELD.get(name) or CONCEPT_TO_FIELD.get(name.lower())
        fields.append(field)
    missing = [name for name in REQUIRED if name not in fields]
    if missing:
        names = ", ".join(COLUMNS[name][0] for name in missing)
        raise FileRejected(
            _("The first row must name the columns; these are missing: %(names)s.")
            % {"names": names},
            where=_("row 1"),
        )
    # SDMX-CSV 1.0 names the dataflow in DATAFLOW; 2.0 in STRUCTURE_ID.
    flow_name = next((name for name in ("DATAFLOW", "STRUCTURE_ID") if name in header), None)
    flow_column = header.index(flow_name) if flow_name else None
    width = len(header)
    columns = [(index, field) for index, field in enumerate(fields) if field]
    flows: dict[str, bool] = {}  # the dataflow column holds one or two distinct texts
    for number, row in enumerate(reader, start=2):
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != width:
            yield (
                number,
                {
                    "_error": _("The row has %(found)s columns; the header has %(expected)s.")
                    % {"found": len(row), "expected": width}
                },
            )
            continue
        if flow_column is not None and not flows.setdefault(
            row[flow_column], _is_our_flow(row[flow_column])
        ):
            yield (
                number,
                {
                    "_error": _("The dataflow “%(flow)s” is not COP Hub's %(ours)s.")
                    % {"flow": row[flow_column], "ours": FLOW_ID}
                },
            )
            continue
        yield number, {field: row[index].strip() for index, field in columns}


def _is_our_flow(text: str) -> bool:
    # "ITU:DF_COP(1.0)", "DF_COP", or SDMX-CSV 2.0's "dataflow=ITU:DF_COP(1.0)"
    flow = text.split("=", 1)[-1].split(":", 1)[-1].split("(", 1)[0].strip()
    return flow == FLOW_ID


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse_xml(data: bytes):
    """Parse untrusted XML: no DTD, no entities, no network, nothing expanded."""
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        raise FileRejected(
            _(
                "The file declares a document type or entities (<!DOCTYPE>, <!ENTITY>). SDMX-ML "
                "files do not need them and such a file is not read."
            ),
            where=_("line %(line)s") % {"line": data[: data.find(b"<!")].count(b"\n") + 1},
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True,
    )  # fmt: skip
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        raise FileRejected(
            _("The file is not well-formed XML (line %(line)s): %(problem)s")
            % {"line": line, "problem": error.msg},
            where=_("line %(line)s") % {"line": line},
        ) from None
    if root.getroottree().docinfo.doctype:
        raise FileRejected(_("The file declares a document type (<!DOCTYPE>)."), where=_("line 1"))
    return root


def read_sdmx_ml(data: bytes) -> Iterator[tuple[int, dict]]:
    """SDMX-ML 2.1 data messages, generic or structure-specific, series or flat."""
    root = parse_xml(data)
    if _local(root.tag) not in {"GenericData", "StructureSpecificData", "GenericTimeSeriesData",
                                "StructureSpecificTimeSeriesData"}:  # fmt: skip
        raise FileRejected(
            _("The file is XML but not an SDMX-ML 2.1 data message (it starts with <%(tag)s>).")
            % {"tag": _local(root.tag)},
            where=_("line %(line)s") % {"line": root.sourceline},
        )
    datasets = [el for el in root if _local(el.tag) == "DataSet"]
    if not datasets:
        raise FileRejected(_("The message has no DataSet element."), where=_("line 1"))
    for dataset in datasets:
        for child in dataset:
            name = _local(child.tag)
            if name == "Series":
                series_fields = _element_fields(child)
                for obs in child:
                    if _local(obs.tag) == "Obs":
                        yield obs.sourceline, series_fields | _element_fields(obs)
            elif name == "Obs":
                yield child.sourceline, _element_fields(child)


def _element_fields(element) -> dict:
    """The concepts an element carries: as XML attributes (structure-specific) or as
    generic:Value, ObsDimension and ObsValue children (generic)."""
    fields = {}
    for concept, value in element.attrib.items():
        if concept in CONCEPT_TO_FIELD:
            fields[CONCEPT_TO_FIELD[concept]] = value.strip()
    for part in element:
        name = _local(part.tag)
        if name in {"SeriesKey", "ObsKey", "Attributes"}:
            for value in part:
                concept = value.get("id", "")
                if concept in CONCEPT_TO_FIELD:
                    fields[CONCEPT_TO_FIELD[concept]] = value.get("value", "").strip()
        elif name == "ObsDimension":
            fields["period"] = part.get("value", "").strip()
        elif name == "ObsValue":
            fields["value"] = part.get("value", "").strip()
    return fields


def read_rows(data: bytes, file_format: str) -> Iterator[tuple[int, dict]]:
    if file_format == Submission.Format.SDMX_ML:
        return read_sdmx_ml(data)
    return read_csv(data)
