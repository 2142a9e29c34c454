from __future__ import annotations

from tests.rules.conftest import Check

CR = """
    id: CR-001
    title: Add the store locator
    raised: 2026-11-01
    raised_by: dana
    status: approved
    decided: 2026-11-05
    decided_by: {who}
"""
SCOPE = """
    signed_off: 2026-10-01
    signed_off_by: {who}
    deliverables:
      - id: D-01
        title: Tracking page
        acceptance: [Finds any shipment]
"""
CR_PATH, SCOPE_PATH = "scope/changes/CR-001.yaml", "scope/baseline.yaml"


def test_a_decision_or_sign_off_by_the_team_is_reported_at_the_person(check: Check) -> None:
    result = check({CR_PATH: CR.format(who="alice"), SCOPE_PATH: SCOPE.format(who="bob")})
    assert result.places("decision-by-team") == [(SCOPE_PATH, 2), (CR_PATH, 7)]
    assert "CR-001 (approved) is recorded as decided by Alice Martin, who is on the team" in (
        result.of("decision-by-team")[1].message
    )


def test_the_clients_decisions_pass_and_each_check_can_be_turned_off(check: Check) -> None:
    files = {CR_PATH: CR.format(who="dana"), SCOPE_PATH: SCOPE.format(who="dana")}
    assert check(files).places("decision-by-team") == []
    team = {CR_PATH: CR.format(who="alice"), SCOPE_PATH: SCOPE.format(who="bob")}
    config = "rules:\n  decision-by-team:\n    change_requests: false\n    sign_off: false\n"
    assert check(team, config=config).places("decision-by-team") == []
