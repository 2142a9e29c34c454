from __future__ import annotations

from tests.rules.conftest import Check

BASELINE = """\
signed_off: 2026-10-09
signed_off_by: dana
deliverables:
  - id: D-01
    title: Tracking page
    acceptance: [Shows the status of a shipment]
  - id: D-07
    title: Claims form
    acceptance: [A claim can be filed]
    added: {added}
{extra}"""
PATH = "scope/baseline.yaml"
CHANGE = """\
id: CR-002
title: Add a claims form
raised: 2026-11-01
raised_by: dana
status: {status}
deliverables: [D-07]
{decision}"""


def scope(added: str = "2026-11-10", extra: str = "", cr: str | None = None) -> dict[str, str]:
    files = {PATH: BASELINE.format(added=added, extra=extra)}
    if cr is not None:
        decision = (
            "decided: 2026-11-05\ndecided_by: dana\n" if cr in ("approved", "rejected") else ""
        )
        files["scope/changes/CR-002.yaml"] = CHANGE.format(status=cr, decision=decision)
    return files


def test_added_after_sign_off_without_a_request_is_reported_at_added(check: Check) -> None:
    result = check(scope())
    assert result.places("scope-change-unapproved") == [(PATH, 10)]
    (finding,) = result.of("scope-change-unapproved")
    assert finding.entity == "D-07"
    assert "no approved change request names it" in finding.message


def test_an_approved_request_listing_it_passes(check: Check) -> None:
    assert check(scope(cr="approved")).places("scope-change-unapproved") == []


def test_a_request_that_is_not_approved_is_named(check: Check) -> None:
    result = check(scope(extra="    change_request: CR-002\n", cr="proposed"))
    (finding,) = result.of("scope-change-unapproved")
    assert "CR-002 is proposed, not approved" in finding.message
    assert len(check(scope(cr="rejected")).of("scope-change-unapproved")) == 1


def test_added_on_or_before_sign_off_is_part_of_the_baseline(check: Check) -> None:
    assert check(scope(added="2026-10-09")).places("scope-change-unapproved") == []


def test_an_unsigned_scope_is_not_checked(check: Check) -> None:
    files = {PATH: scope()[PATH].replace("signed_off: 2026-10-09\nsigned_off_by: dana\n", "")}
    assert check(files).places("scope-change-unapproved") == []
