"""`riskdocs init`: a new project from the shipped template, dated around today.

The template is written as if "today" were `TEMPLATE_TODAY`; init moves every
date (and every feedback month) by the same number of days so a fresh
project describes the last few weeks instead of a stale past. It also writes
the JSON Schemas to `.riskdocs/schemas/`, which the `# yaml-language-server:
$schema=` line at the top of each YAML file points at, so editors complete
and check files offline. init never overwrites a file.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from riskdocs.dates import parse_day
from riskdocs.errors import RiskdocsError
from riskdocs.resources import SCHEMA_SUFFIX, schema_names, schema_text, template_files

TEMPLATE_TODAY = date(2026, 1, 28)
SCHEMA_FOLDER = ".riskdocs/schemas"
_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_MONTH = re.compile(r"(?<![\d-])(\d{4})-(\d{2})(?![\d-])")


def init_project(target: Path, today: date) -> list[str]:
    """Write the template into `target`; returns the relative paths written."""
    planned = _planned_files(today - TEMPLATE_TODAY)
    # Project files first: they are what the user recognises.
    conflicts = sorted(
        (rel for rel in planned if (target / rel).exists()),
        key=lambda rel: (rel != "riskdocs.yaml", rel.startswith("."), rel),
    )
    if conflicts:
        shown = ", ".join(conflicts[:5]) + (
            f" and {len(conflicts) - 5} more" if len(conflicts) > 5 else ""
        )
        raise RiskdocsError(
            f"{target} already has {shown}; init never overwrites files: "
            "choose a new folder or move those files away"
        )
    for rel, text in planned.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(planned)


def _planned_files(shift: timedelta) -> dict[str, str]:
    planned: dict[str, str] = {}
    for rel, entry in template_files():
        monthly = rel.startswith("feedback/")
        planned[shift_dates(rel, shift, monthly)] = shift_dates(
            entry.read_text("utf-8"), shift, monthly
        )
    for name in schema_names():
        planned[f"{SCHEMA_FOLDER}/{name}{SCHEMA_SUFFIX}"] = schema_text(name)
    return dict(sorted(planned.items()))


def shift_dates(text: str, shift: timedelta, monthly: bool = False) -> str:
    """Move every YYYY-MM-DD in `text` by `shift`; with `monthly`, YYYY-MM months too.

    A month moves with its 15th day, matching template pulses answered mid-month.
    """
    text = _DATE.sub(lambda m: (parse_day(m.group(1)) + shift).isoformat(), text)
    if monthly:
        text = _MONTH.sub(lambda m: _shift_month(int(m.group(1)), int(m.group(2)), shift), text)
    return text


def _shift_month(year: int, month: int, shift: timedelta) -> str:
    moved = date(year, month, 15) + shift
    return f"{moved.year:04d}-{moved.month:02d}"
