"""cost-actuals-missing: the figures are as current as the last month recorded."""

from __future__ import annotations

from tests.conftest import BASE_CONFIG
from tests.rules.budget_files import BUDGET, files
from tests.rules.conftest import Check

RULE = "cost-actuals-missing"


def test_a_recent_month_passes_and_an_old_one_is_reported(check: Check) -> None:
    assert check(files("  - {month: 2026-10, spent: 80000}\n")).places(RULE) == []
    result = check(files("  - {month: 2026-09, spent: 40000}\n  - {month: 2026-08}\n"))
    assert result.places(RULE) == [(BUDGET, 6)]  # September, the last month with a cost
    (finding,) = result.of(RULE)
    assert finding.message.startswith(
        "no actual cost has been recorded since 2026-09 (57 days ago): add each month"
    )
    assert finding.client == "The project's costs have not been updated since 30 Sep 2026."


def test_the_weeks_option(check: Check) -> None:
    option = "rules:\n  cost-actuals-missing:\n    weeks: 9\n"
    months = "  - {month: 2026-09, spent: 40000}\n"
    assert check(files(months), config=option).places(RULE) == []


def test_no_month_at_all_counts_from_the_projects_start(check: Check) -> None:
    assert check(files("  []\n")).places(RULE) == []  # no start: nothing to count from
    started = BASE_CONFIG.read_text().replace("project:\n", "project:\n  start: 2026-09-01\n")
    result = check(files("  []\n"), base=started)
    assert result.places(RULE) == [(BUDGET, 2)]
    assert "since the project started on 2026-09-01" in result.of(RULE)[0].message
