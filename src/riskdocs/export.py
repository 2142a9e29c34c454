"""`riskdocs export KIND`: one kind's records as CSV, for the spreadsheet or tracker a PM
already uses.

UTF-8 with a byte order mark, so Excel opens Chinese (or any non-Latin) text
correctly; one row per record, the columns in the order the kind's schema lists its
fields. A list of plain values is joined with "; ", anything nested is compact JSON.
A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) starts with
an apostrophe instead. Files that cannot be read are left out and counted, never
dropped in silence.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from riskdocs.checks.pipeline import schema_valid
from riskdocs.load.kinds import KINDS
from riskdocs.load.project import load_project
from riskdocs.load.tree import Tree
from riskdocs.resources import load_schema
from riskdocs.structs import struct

EXPORTABLE = ("risk", "commitment", "concern", "change-request", "milestone", "lesson")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


@struct(kw_only=False)
class Exported:
    text: str  # the CSV, with its byte order mark
    rows: int
    left_out: int  # files of the kind that could not be read


def export(tree: Tree, kind_name: str, audience: str = "team") -> Exported:
    kind = KINDS[kind_name]
    documents, _ = load_project(tree)
    mine = [d for d in documents if d.kind is kind]
    valid, _ = schema_valid([d for d in mine if d.readable])
    records = [d.data for d in sorted(valid, key=lambda d: str(d.data.get("id", d.path)))]
    if audience != "team":
        records = [r for r in records if r.get("visibility", "client") != "internal"]
    columns = _columns(kind_name, records)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record.get(column)) for column in columns])
    return Exported("\ufeff" + out.getvalue(), len(records), len(mine) - len(valid))


def _columns(kind_name: str, records: Sequence[dict[str, Any]]) -> list[str]:
    """The schema's fields that some record has, in the schema's order, then any other."""
    used = {key for record in records for key in record}
    ordered = [key for key in load_schema(kind_name).get("properties", {}) if key in used]
    extra = sorted(used - set(ordered))
    return ordered + extra if records else list(load_schema(kind_name).get("required", []))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, date)):
        return str(value)  # a number stays a number, a minus sign and all
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str, separators=(", ", ": "))
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text
