"""deliverable-acceptance-incomplete: one result per criterion, and reservations shown."""

from __future__ import annotations

from tests.rules.acceptance_files import SCOPE, baseline, deliverable
from tests.rules.conftest import Check

RULE = "deliverable-acceptance-incomplete"
TWO = "[Finds a shipment by number, Updates within 5 minutes]"


def accepted(results: str) -> dict[str, str]:
    state = f"    state: accepted\n    accepted:\n      on: 2026-11-20\n      by: dana\n{results}"
    return {SCOPE: baseline(deliverable(state, criteria=TWO))}


PASSED = "        - {passed: true, evidence: https://ci.example.com/run/812}\n"
FAILED = "        - {passed: false, evidence: Took 20 minutes in the test}\n"


def test_a_result_per_criterion_passes(check: Check) -> None:
    assert check(accepted("      results:\n" + PASSED + PASSED)).places(RULE) == []


def test_missing_or_miscounted_results_are_reported(check: Check) -> None:
    result = check(accepted(""))
    assert result.places(RULE) == [(SCOPE, 10)]
    assert result.of(RULE)[0].message.startswith(
        "D-01 has 2 acceptance criteria and its acceptance records 0 results: give one result "
        "per criterion under `accepted: results:`"
    )
    one = check(accepted("      results:\n" + PASSED))
    assert one.places(RULE) == [(SCOPE, 13)]


def test_an_accepted_criterion_that_did_not_pass_is_a_reservation(check: Check) -> None:
    result = check(accepted("      results:\n" + PASSED + FAILED))
    assert result.places(RULE) == [(SCOPE, 14)]
    (finding,) = result.of(RULE)
    assert "criterion 2 not met (\u201cUpdates within 5 minutes\u201d)" in finding.message
    assert finding.client == (
        "\u201cTracking page\u201d was accepted although \u201cUpdates within 5 minutes\u201d "
        "was not met."
    )
