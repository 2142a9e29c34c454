from __future__ import annotations

from tests.rules.conftest import Check

RISK = """\
id: R-001
title: Vendor may miss the sandbox date
owner: alice
raised: 2026-10-01
probability: 2
impact: 2
status: {status}
review_by: 2026-12-01
prevention:
  - action: Weekly vendor call
    owner: alice
    due: 2026-11-10
    done: 2026-11-08
  - action: Mock the gateway
    owner: bob
    due: {due}
"""
PATH = "risks/R-001.yaml"


def risk(due: str, status: str = "open") -> dict[str, str]:
    return {PATH: RISK.format(due=due, status=status)}


def test_an_open_action_past_due_is_reported_at_its_due_line(check: Check) -> None:
    result = check(risk("2026-11-20"))
    assert result.places("risk-prevention-overdue") == [(PATH, 16)]
    message = result.of("risk-prevention-overdue")[0].message
    assert "'Mock the gateway' (bob) was due 2026-11-20, 6 days ago" in message


def test_done_and_future_actions_pass(check: Check) -> None:
    assert check(risk("2026-11-27")).places("risk-prevention-overdue") == []


def test_occurred_and_closed_risks_are_not_checked(check: Check) -> None:
    occurred = risk("2026-11-20", "occurred")
    occurred[PATH] += "links: {}\n"
    assert check(occurred).places("risk-prevention-overdue") == []


def test_grace_days_option(check: Check) -> None:
    config = "rules:\n  risk-prevention-overdue: {grace_days: 6}\n"
    assert check(risk("2026-11-20"), config=config).places("risk-prevention-overdue") == []
