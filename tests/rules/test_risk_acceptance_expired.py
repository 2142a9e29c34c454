from __future__ import annotations

from tests.rules.conftest import Check

ACCEPTED = """\
id: R-005
title: Old browser users
owner: alice
raised: 2026-09-01
probability: 2
impact: 2
status: open
response: accept
acceptance:
  on: 2026-10-01
  by: dana
  reason: Two users only, and they can use the new browser
  until: 2026-12-31
"""
PATH = "risks/R-005.yaml"


def test_an_acceptance_still_in_force_passes(check: Check) -> None:
    assert check({PATH: ACCEPTED}).places("risk-acceptance-expired") == []


def test_an_acceptance_that_ran_out_is_reported_at_its_until(check: Check) -> None:
    result = check({PATH: ACCEPTED}, today="2027-01-10")
    assert result.places("risk-acceptance-expired") == [(PATH, 13)]
    (finding,) = result.of("risk-acceptance-expired")
    assert "R-005 was accepted until 2026-12-31 (10 days ago)" in finding.message
    assert finding.client == (
        "Dana Kowalski accepted living with risk \u201cOld browser users\u201d until "
        "31 Dec 2026; that decision is due to be looked at again."
    )


def test_the_last_day_of_an_acceptance_is_still_in_force(check: Check) -> None:
    assert check({PATH: ACCEPTED}, today="2026-12-31").places("risk-acceptance-expired") == []


def test_an_accepted_risk_with_no_record_is_reported_at_its_response(check: Check) -> None:
    unrecorded = ACCEPTED.split("acceptance:")[0]
    result = check({PATH: unrecorded})
    assert result.places("risk-acceptance-expired") == [(PATH, 8)]
    assert "no record of who accepted it" in result.of("risk-acceptance-expired")[0].message


def test_closed_risks_and_other_responses_are_not_checked(check: Check) -> None:
    closed = ACCEPTED.replace("status: open", "status: closed\nclosed: 2026-11-20")
    mitigated = ACCEPTED.split("acceptance:")[0].replace("response: accept", "response: mitigate")
    assert check({PATH: closed}, today="2027-01-10").places("risk-acceptance-expired") == []
    assert check({PATH: mitigated}).places("risk-acceptance-expired") == []
