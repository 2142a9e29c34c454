"""milestone-done-unaccepted: a milestone is reached when the client has accepted."""

from __future__ import annotations

from tests.rules.acceptance_files import CONTRACT, SCOPE, baseline, contract, deliverable
from tests.rules.conftest import Check

RULE = "milestone-done-unaccepted"
M_02 = (
    "id: M-02\ntitle: Tracking live\nbaseline: 2026-11-20\nforecast: 2026-11-20\n"
    "done: 2026-11-20\n{listed}"
)
SUBMITTED = "    state: submitted\n    submitted: {on: 2026-11-16, by: bob}\n"
ACCEPTED = (
    "    state: accepted\n    accepted:\n      on: 2026-11-19\n      by: dana\n      results:\n"
    "        - {passed: true, evidence: Shown in the demo}\n"
)


def project(state: str, listed: str = "deliverables: [D-01]\n", more: str = "") -> dict[str, str]:
    return {
        SCOPE: baseline(deliverable(state + more)),
        "milestones/M-02.yaml": M_02.format(listed=listed),
    }


def test_a_done_milestone_whose_deliverable_is_accepted_passes(check: Check) -> None:
    assert check(project(ACCEPTED)).places(RULE) == []


def test_a_done_milestone_with_a_submitted_deliverable_is_reported_at_done(check: Check) -> None:
    result = check(project(SUBMITTED))
    assert result.places(RULE) == [("milestones/M-02.yaml", 5)]
    (finding,) = result.of(RULE)
    assert finding.message.startswith(
        "M-02 is marked done on 2026-11-20 but the client has not accepted D-01"
    )
    assert finding.client == (
        "Milestone \u201cTracking live\u201d is marked reached, but you have not yet accepted "
        "\u201cTracking page\u201d."
    )


def test_a_deliverable_naming_the_milestone_counts_too(check: Check) -> None:
    result = check(project(SUBMITTED, listed="", more="    milestone: M-02\n"))
    assert result.places(RULE) == [("milestones/M-02.yaml", 5)]


def test_a_deemed_acceptance_counts(check: Check) -> None:
    files = project(SUBMITTED) | {CONTRACT: contract(window=3, deemed=True)}
    assert check(files).places(RULE) == []  # the window ended 2026-11-19


def test_an_internal_deliverable_is_not_named_to_the_client(check: Check) -> None:
    (finding,) = check(project(SUBMITTED, more="    visibility: internal\n")).of(RULE)
    assert "Tracking page" not in (finding.client or "")
