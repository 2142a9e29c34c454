from __future__ import annotations

from riskdocs.finding import Severity
from tests.rules.conftest import Check
from tests.rules.test_commitment_overdue import commitment


def test_due_within_three_days_warns_at_the_due_line(check: Check) -> None:
    result = check(commitment("2026-11-28"))
    assert result.places("commitment-due-soon") == [("commitments/C-001.yaml", 6)]
    (finding,) = result.of("commitment-due-soon")
    assert finding.severity is Severity.WARNING
    assert "due in 2 days (2026-11-28)" in finding.message


def test_due_today_says_today(check: Check) -> None:
    (finding,) = check(commitment("2026-11-26")).of("commitment-due-soon")
    assert "is due today" in finding.message


def test_later_past_or_closed_commitments_do_not_warn(check: Check) -> None:
    assert check(commitment("2026-11-30")).places("commitment-due-soon") == []
    assert check(commitment("2026-11-25")).places("commitment-due-soon") == []
    assert check(commitment("2026-11-27", "dropped")).places("commitment-due-soon") == []


def test_days_option(check: Check) -> None:
    config = "rules:\n  commitment-due-soon:\n    days: 10\n"
    assert len(check(commitment("2026-12-06"), config=config).of("commitment-due-soon")) == 1
    assert check(commitment("2026-12-07"), config=config).places("commitment-due-soon") == []
