"""The log as CSV and JSON, streamed row by row so that a long log never sits in memory."""

import csv
import json

from cophub.audit.models import Entry

COLUMNS = [
    "id",
    "at",
    "actor_id",
    "actor",
    "role",
    "action",
    "model",
    "object_pk",
    "object_label",
    "changes",
    "method",
    "path",
    "status",
    "request_id",
    "digest",
]
CHUNK = 2000


def _row(entry: Entry) -> dict:
    row = {column: getattr(entry, column) for column in COLUMNS}
    row["at"] = entry.at.isoformat()
    return row


class _Echo:
    def write(self, value):
        return value


def csv_lines(entries):
    writer = csv.writer(_Echo())
    yield writer.writerow(COLUMNS)
    for entry in entries.iterator(chunk_size=CHUNK):
        row = _row(entry)
        row["changes"] = json.dumps(entry.changes, ensure_ascii=False, sort_keys=True)
        yield writer.writerow([_safe_cell(row[column]) for column in COLUMNS])


def _safe_cell(value):
    """Spreadsheets run a cell that starts with = + - @ as a formula: such text is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def json_chunks(entries):
    yield "[\n"
    first = True
    for entry in entries.iterator(chunk_size=CHUNK):
        yield ("" if first else ",\n") + json.dumps(_row(entry), ensure_ascii=False)
        first = False
    yield "\n]\n"
