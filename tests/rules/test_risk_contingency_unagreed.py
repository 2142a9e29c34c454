from __future__ import annotations

from tests.rules.conftest import Check

HIGH = """\
id: R-006
title: Search index rebuild
owner: alice
raised: 2026-10-01
probability: 4
impact: 5
status: open
response: mitigate
prevention:
  - action: Rebuild the index on a copy first
    owner: bob
    due: 2026-12-01
contingency: Launch with the old search for two weeks
"""
PATH = "risks/R-006.yaml"
AGREED = "contingency_agreed:\n  on: 2026-11-12\n  by: {who}\n"


def test_a_contingency_the_client_agreed_passes(check: Check) -> None:
    files = {PATH: HIGH + AGREED.format(who="dana")}
    assert check(files).places("risk-contingency-unagreed") == []


def test_a_high_risk_with_no_agreement_is_reported_at_its_contingency(check: Check) -> None:
    result = check({PATH: HIGH})
    assert result.places("risk-contingency-unagreed") == [(PATH, 13)]
    (finding,) = result.of("risk-contingency-unagreed")
    assert "R-006 scores 20 (high) and nobody on the client's side" in finding.message
    assert "Search index rebuild" in (finding.client or "")


def test_an_agreement_by_the_team_is_not_the_clients(check: Check) -> None:
    result = check({PATH: HIGH + AGREED.format(who="bob")})
    assert result.places("risk-contingency-unagreed") == [(PATH, 16)]
    assert (
        "agreed by Bob Steiner, who is on the team"
        in result.of("risk-contingency-unagreed")[0].message
    )


def test_medium_closed_and_planless_risks_are_not_checked(check: Check) -> None:
    medium = HIGH.replace("probability: 4", "probability: 2")
    closed = HIGH.replace("status: open", "status: closed\nclosed: 2026-11-20")
    planless = HIGH.replace("contingency: Launch with the old search for two weeks\n", "")
    for text in (medium, closed, planless):
        assert check({PATH: text}).places("risk-contingency-unagreed") == []
