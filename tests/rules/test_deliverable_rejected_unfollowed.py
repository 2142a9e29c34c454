"""deliverable-rejected-unfollowed: a rejection needs a commitment or a change request."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import BASE_CONFIG, TODAY, check_project
from tests.rules.acceptance_files import SCOPE, baseline, deliverable
from tests.rules.conftest import Check

RULE = "deliverable-rejected-unfollowed"
REJECTED = (
    "    state: rejected\n    submitted: {{on: 2026-11-12, by: bob}}\n    rejected:\n"
    "      - on: 2026-11-14\n        by: dana\n        reason: Too slow\n{more}"
)
C_001 = (
    "id: C-001\ntitle: Make the tracking page fast\nowner: bob\nto: dana\nmade: 2026-11-14\n"
    "due: 2026-12-10\nstatus: open\n"
)
CR_001 = (
    "id: CR-001\ntitle: Faster carrier feed\nraised: 2026-11-14\nraised_by: dana\n"
    "status: proposed\ndeliverables: [D-01]\n"
)


def rejected(more: str = "") -> dict[str, str]:
    return {SCOPE: baseline(deliverable(REJECTED.format(more=more)))}


def test_a_rejection_without_follow_up_is_reported_at_its_reason(check: Check) -> None:
    result = check(rejected())
    assert result.places(RULE) == [(SCOPE, 13)]
    (finding,) = result.of(RULE)
    assert finding.message == (
        "D-01 was rejected on 2026-11-14 and nothing follows it up: add `commitment:` (the "
        "commitment to fix it, with its due date) or `change_request:` to the rejection"
    )
    assert "You rejected \u201cTracking page\u201d on 14 Nov 2026" in (finding.client or "")


def test_a_commitment_or_a_change_request_follows_it_up(check: Check) -> None:
    with_commitment = rejected("        commitment: C-001\n") | {"commitments/C-001.yaml": C_001}
    assert check(with_commitment).places(RULE) == []
    with_change = rejected("        change_request: CR-001\n") | {
        "scope/changes/CR-001.yaml": CR_001
    }
    assert check(with_change).places(RULE) == []


def test_only_the_latest_rejection_of_a_rejected_deliverable_counts(check: Check) -> None:
    resubmitted = REJECTED.format(more="").replace("state: rejected", "state: submitted")
    resubmitted = resubmitted.replace("2026-11-12, by: bob", "2026-11-20, by: bob")
    assert check({SCOPE: baseline(deliverable(resubmitted))}).places(RULE) == []


def test_a_follow_up_that_names_nothing_is_a_reference_error(tmp_path: Path) -> None:
    (tmp_path / "scope").mkdir()
    (tmp_path / "riskdocs.yaml").write_text(BASE_CONFIG.read_text())
    follow_up = REJECTED.format(more="        commitment: C-009\n")
    (tmp_path / SCOPE).write_text(baseline(deliverable(follow_up)))
    findings = check_project(tmp_path, date.fromisoformat(TODAY)).findings
    (dangling,) = [f for f in findings if f.rule == "unknown-reference"]
    assert (dangling.line, "C-009" in dangling.message) == (14, True)
