from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import TODAY, check_project
from tests.rules.conftest import Check


@pytest.fixture
def project_at(project: Callable[..., Path]) -> Callable[..., Path]:
    return project


RULE = "scope-resign-unapproved"
SCOPE = "scope/baseline.yaml"
BASELINE = """\
signed_off: 2026-10-09
signed_off_by: dana
resigned:
  - on: 2026-11-13
    by: dana
    change_requests: [CR-001, {cited}]
deliverables:
  - id: D-01
    title: Tracking page
    acceptance: [Shows the status of a shipment]
"""
CHANGE = """\
id: {id}
title: Change {id}
raised: 2026-11-01
raised_by: dana
status: {status}
{decision}"""
APPROVED = "decided: {day}\ndecided_by: dana\n"


def project(status: str, decided: str = "2026-11-12") -> dict[str, str]:
    decision = APPROVED.format(day=decided) if status in ("approved", "rejected") else ""
    return {
        SCOPE: BASELINE.format(cited="CR-002"),
        "scope/changes/CR-001.yaml": CHANGE.format(id="CR-001", status="approved",
                                                   decision=APPROVED.format(day="2026-11-12")),
        "scope/changes/CR-002.yaml": CHANGE.format(id="CR-002", status=status, decision=decision),
    }  # fmt: skip


def test_a_re_sign_of_approved_changes_passes(check: Check) -> None:
    assert check(project("approved")).of(RULE) == []


def test_a_re_sign_naming_a_proposed_change_is_an_error_at_its_id(check: Check) -> None:
    """Found in use: a re-sign could name a change request still proposed, and the page
    read as if the client had accepted it."""
    result = check(project("proposed"))
    assert result.places(RULE) == [(SCOPE, 6)]
    (finding,) = result.of(RULE)
    assert finding.col == 31 and finding.entity == "CR-002"
    assert finding.message == (
        "the re-sign on 2026-11-13 covers CR-002, which is proposed: approve CR-002 first "
        "(`status: approved`, `decided`, `decided_by`) or leave it out of this re-sign"
    )
    assert finding.client == (
        "The scope signed again on 13 Nov 2026 by Dana Kowalski names the change \u201cChange "
        "CR-002\u201d, which has not been approved; the team is correcting the record."
    )


def test_rejected_or_approved_after_the_re_sign_is_an_error_too(check: Check) -> None:
    (rejected,) = check(project("rejected")).of(RULE)
    assert "which is rejected:" in rejected.message
    (later,) = check(project("approved", decided="2026-11-20")).of(RULE)
    assert "was approved only on 2026-11-20, after the re-sign" in later.message


def test_an_unknown_change_request_is_a_reference_error_not_this_rule(
    project_at: Callable[..., Path],
) -> None:
    files = project("approved")
    files[SCOPE] = BASELINE.format(cited="CR-009")
    found = {f.rule for f in check_project(project_at(files), date.fromisoformat(TODAY)).findings}
    assert "unknown-reference" in found and RULE not in found
