from __future__ import annotations

from textwrap import dedent

from riskdocs.finding import Severity
from tests.rules.conftest import Check

COMMITMENT = """
    id: C-001
    title: Send the revised timeline
    owner: alice
    to: dana
    made: 2026-11-01
    due: {due}
    status: {status}
"""


def commitment(due: str, status: str = "open") -> dict[str, str]:
    note = "note: the client no longer needs it\n" if status == "dropped" else ""
    return {"commitments/C-001.yaml": dedent(COMMITMENT).format(due=due, status=status) + note}


def test_open_commitment_past_its_due_date_is_reported_at_the_due_line(check: Check) -> None:
    result = check(commitment("2026-11-20"))
    assert result.places("commitment-overdue") == [("commitments/C-001.yaml", 6)]
    (finding,) = result.of("commitment-overdue")
    assert finding.severity is Severity.ERROR and finding.entity == "C-001"
    assert "was due 2026-11-20 (6 days ago)" in finding.message
    assert "renegotiated:" in finding.message


def test_due_today_or_later_is_not_overdue(check: Check) -> None:
    assert check(commitment("2026-11-26")).places("commitment-overdue") == []
    assert check(commitment("2026-12-01")).places("commitment-overdue") == []


def test_done_and_dropped_commitments_are_not_overdue(check: Check) -> None:
    done = commitment("2026-11-20", "done")
    done["commitments/C-001.yaml"] += "done: 2026-11-19\n"
    assert check(done).places("commitment-overdue") == []
    assert check(commitment("2026-11-20", "dropped")).places("commitment-overdue") == []


def test_grace_days_option(check: Check) -> None:
    six_days_late = commitment("2026-11-20")
    config = "rules:\n  commitment-overdue:\n    grace_days: {}\n"
    assert check(six_days_late, config=config.format(6)).places("commitment-overdue") == []
    assert len(check(six_days_late, config=config.format(5)).of("commitment-overdue")) == 1
