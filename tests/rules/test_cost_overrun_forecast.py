"""cost-overrun-forecast: spent beyond the value of the accepted work."""

from __future__ import annotations

from tests.rules.budget_files import BUDGET, files
from tests.rules.conftest import Check

RULE = "cost-overrun-forecast"


def test_spending_what_was_earned_passes(check: Check) -> None:
    assert check(files("  - {month: 2026-10, spent: 90000}\n")).places(RULE) == []


def test_spending_more_than_was_earned_is_a_forecast_overrun(check: Check) -> None:
    # EV 90000, AC 96000, BAC 100000: EAC = 96000 + 10000 = 106000, 6% over
    result = check(files("  - {month: 2026-10, spent: 96000}\n"))
    assert result.places(RULE) == [(BUDGET, 2)]
    (finding,) = result.of(RULE)
    assert finding.message == (
        "€96,000.00 spent for work worth €90,000.00: the project is forecast to cost "
        "€106,000.00, €6,000.00 (6%) over its budget of €100,000.00; find what costs more "
        "than planned and say so in the next status meeting"
    )
    assert finding.client == (
        "At the current rate the project is forecast to cost €106,000.00, 6% more than its "
        "budget of €100,000.00."
    )


def test_within_the_tolerance_passes_and_beyond_the_contingency_says_so(check: Check) -> None:
    assert check(files("  - {month: 2026-10, spent: 94000}\n")).places(RULE) == []  # 4%
    (beyond,) = check(files("  - {month: 2026-10, spent: 90000}\n", done=False)).of(RULE)
    assert "over its budget of €100,000.00 and more than its contingency" in beyond.message
    option = "rules:\n  cost-overrun-forecast:\n    percent: 1\n"
    assert check(files("  - {month: 2026-10, spent: 94000}\n"), config=option).places(RULE) == [
        (BUDGET, 2)
    ]


def test_an_approved_change_raises_the_budget(check: Check) -> None:
    change = (
        "id: CR-001\ntitle: More carriers\nraised: 2026-10-20\nraised_by: dana\n"
        "status: approved\ndecided: 2026-10-22\ndecided_by: dana\nimpact: {cost: 10000}\n"
    )
    base = files("  - {month: 2026-10, spent: 96000}\n", planned="{M-01: 90000}")
    # The change's cost goes to M-01 (the last milestone): EV 100000, EAC 96000 + 10000.
    assert check(base | {"scope/changes/CR-001.yaml": change}).places(RULE) == []
