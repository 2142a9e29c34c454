from __future__ import annotations

from textwrap import dedent

from riskdocs.finding import Severity
from tests.rules.conftest import Check

DONE = """
    id: C-002
    title: Share the test plan
    owner: bob
    to: dana
    made: 2026-10-01
    due: {due}
    status: done
    done: {done}
"""


def done(due: str, on: str, moves: str = "") -> dict[str, str]:
    return {"commitments/C-002.yaml": dedent(DONE).format(due=due, done=on) + moves}


def test_delivered_after_the_due_date_is_information_at_the_done_line(check: Check) -> None:
    result = check(done("2026-11-10", "2026-11-13"))
    assert result.places("commitment-done-late") == [("commitments/C-002.yaml", 8)]
    (finding,) = result.of("commitment-done-late")
    assert finding.severity is Severity.INFO
    assert "3 days after the due date in force that day (2026-11-10)" in finding.message


def test_on_time_is_not_reported(check: Check) -> None:
    assert check(done("2026-11-10", "2026-11-10")).places("commitment-done-late") == []


def test_a_renegotiation_agreed_before_delivery_counts(check: Check) -> None:
    moves = """\
renegotiated:
  - on: 2026-11-08
    from: 2026-11-05
    to: 2026-11-12
    agreed_by: dana
"""
    assert check(done("2026-11-12", "2026-11-11", moves)).places("commitment-done-late") == []


def test_a_renegotiation_agreed_after_delivery_does_not_make_it_on_time(check: Check) -> None:
    moves = """\
renegotiated:
  - on: 2026-11-20
    from: 2026-11-05
    to: 2026-11-12
    agreed_by: dana
"""
    (finding,) = check(done("2026-11-12", "2026-11-11", moves)).of("commitment-done-late")
    assert "6 days after the due date in force that day (2026-11-05)" in finding.message
