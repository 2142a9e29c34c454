"""Dates as riskdocs writes and reads them: `YYYY-MM-DD`, nothing else.

The one parser of dates for every stage (options, files, git output, caches, the
view model). Python 3.11's `date.fromisoformat` alone also takes `20261125` and
ISO week dates such as `2026-W48-3`; riskdocs files, its outputs and `--today`
use only the calendar form, so anything else is not a date.
"""

from __future__ import annotations

import re
from datetime import date

from riskdocs import i18n

ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(text: str) -> date:
    """The date written `text` (YYYY-MM-DD); ValueError for any other text or a day the
    calendar does not have (2026-02-30)."""
    if not ISO_DAY.fullmatch(text):
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")
    return date.fromisoformat(text)


def checked_day(text: str) -> date:
    """A date the schema has already checked (its pattern is YYYY-MM-DD and its `format`
    a real day), for the model builders: no second check on the hot path."""
    return date.fromisoformat(text)


def optional_day(text: str | None) -> date | None:
    """`checked_day` for an optional field: None stays None."""
    return checked_day(text) if text else None


def day_or_none(value: object) -> date | None:
    """The date `value` writes, or None when it is not text or not a real YYYY-MM-DD date
    (for text no schema has checked: old versions in git, action item words)."""
    if not isinstance(value, str):
        return None
    try:
        return parse_day(value)
    except ValueError:
        return None


def is_day_or_not_text(value: object) -> bool:
    """JSON Schema's `date` format: text must be a real YYYY-MM-DD date; other values are
    left to the `type` keyword, as jsonschema's format checker does."""
    return not isinstance(value, str) or day_or_none(value) is not None


def long_date(day: date) -> str:
    """`27 Nov 2026` (`2026年11月27日`): how the page, the client's sentences and the notes
    write a date, in the language of the command."""
    return i18n.long_date(day)
