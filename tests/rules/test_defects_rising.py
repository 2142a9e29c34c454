"""defects-rising: more found than fixed, month after month."""

from __future__ import annotations

from tests.rules.budget_files import BUDGET, files
from tests.rules.conftest import Check

RULE = "defects-rising"
RISING = (
    "  - {month: 2026-09, defects: {opened: {high: 3}}}\n"
    "  - {month: 2026-10, defects: {opened: {high: 3}, closed: {high: 1}}}\n"
    "  - {month: 2026-11, defects: {opened: {medium: 4}, closed: {high: 1}}}\n"
)


def test_open_defects_growing_two_months_in_a_row_are_reported(check: Check) -> None:
    result = check(files(RISING))
    assert result.places(RULE) == [(BUDGET, 8)]
    (finding,) = result.of(RULE)
    assert finding.entity == "quality"
    assert finding.message.startswith(
        "open defects grew for 2 months in a row (2026-09: 3, 2026-10: 5, 2026-11: 8)"
    )
    assert finding.client == (
        "Open defects have grown for 2 months in a row (now 8); the team is planning how to "
        "bring them down."
    )


def test_a_month_that_fixed_more_than_it_found_passes(check: Check) -> None:
    falling = RISING.replace("opened: {medium: 4}, closed: {high: 1}", "closed: {high: 3}")
    assert check(files(falling)).places(RULE) == []
    option = "rules:\n  defects-rising:\n    months: 3\n"
    assert check(files(RISING), config=option).places(RULE) == []
