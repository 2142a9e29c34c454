"""deliverable-accepted-by-team: acceptance is the client's word."""

from __future__ import annotations

from tests.rules.acceptance_files import SCOPE, baseline, deliverable
from tests.rules.conftest import Check

RULE = "deliverable-accepted-by-team"


def accepted(by: str) -> dict[str, str]:
    state = (
        "    state: accepted\n    accepted:\n      on: 2026-11-20\n"
        f"      by: {by}\n      results:\n        - {{passed: true, evidence: Shown in the demo}}\n"
    )
    return {SCOPE: baseline(deliverable(state))}


def test_an_acceptance_by_the_client_passes(check: Check) -> None:
    assert check(accepted("dana")).places(RULE) == []


def test_an_acceptance_by_the_team_is_an_error_at_its_by(check: Check) -> None:
    result = check(accepted("bob"))
    assert result.places(RULE) == [(SCOPE, 11)]
    (finding,) = result.of(RULE)
    assert finding.severity.value == "error"
    assert finding.message.startswith(
        "D-01 is recorded as accepted by Bob Steiner, who is on the team: the client accepts"
    )
    assert finding.client == (
        "\u201cTracking page\u201d is recorded as accepted by the project team, not by you; the "
        "team is correcting the record."
    )


def test_the_hook_blocks_it(check: Check) -> None:
    (finding,) = check(accepted("alice"), hook=True).of(RULE)
    assert finding.severity.value == "error"
