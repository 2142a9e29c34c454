"""riskdocs.dates: one reading of dates for options, files, git output and outputs."""

from __future__ import annotations

from datetime import date

import pytest

from riskdocs.dates import day_or_none, is_day_or_not_text, optional_day, parse_day
from tests.conftest import EXAMPLE, run

NOT_DATES = ["20261125", "2026-W48-3", "2026-11-25T10:00", "2026-02-30", "26-11-25", " 2026-11-25"]


def test_only_the_calendar_form_is_a_date() -> None:
    assert parse_day("2026-11-25") == date(2026, 11, 25)
    assert optional_day(None) is None and optional_day("2024-02-29") == date(2024, 2, 29)
    for text in NOT_DATES:
        with pytest.raises(ValueError):
            parse_day(text)
        assert day_or_none(text) is None, text
        assert not is_day_or_not_text(text), text
    assert day_or_none(20261125) is None
    assert is_day_or_not_text(20261125)  # left to the schema's `type`


@pytest.mark.parametrize("text", ["20261125", "2026-W48-3"])
def test_the_cli_refuses_other_iso_forms(text: str) -> None:
    result = run("validate", "--root", str(EXAMPLE), "--today", text)
    assert result.exit_code == 2
    assert f"'{text}' is not a date; write YYYY-MM-DD" in result.output
