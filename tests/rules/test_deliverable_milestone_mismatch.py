from __future__ import annotations

from tests.rules.conftest import Check

SCOPE = "scope/baseline.yaml"
BASELINE = """\
signed_off: 2026-10-09
signed_off_by: dana
deliverables:
  - id: D-01
    title: Tracking page
    acceptance: [Shows the status of a shipment]
    milestone: {milestone}
  - id: D-02
    title: Claims form
    acceptance: [A claim can be filed]
"""
MILESTONE = """\
id: {id}
title: Release {id}
baseline: 2026-12-11
forecast: 2026-12-11
deliverables: [{listed}]
"""


def project(milestone: str, m1: str, m2: str) -> dict[str, str]:
    return {
        SCOPE: BASELINE.format(milestone=milestone),
        "milestones/M-01.yaml": MILESTONE.format(id="M-01", listed=m1),
        "milestones/M-02.yaml": MILESTONE.format(id="M-02", listed=m2),
    }


def test_agreeing_lists_pass(check: Check) -> None:
    assert check(project("M-01", "D-01", "D-02")).of("deliverable-milestone-mismatch") == []


def test_a_deliverable_under_two_milestones_is_reported_at_the_second(check: Check) -> None:
    """Found in use: a deliverable listed under two milestones was not noticed."""
    result = check(project("M-01", "D-01", "D-02, D-01"))
    assert result.places("deliverable-milestone-mismatch") == [("milestones/M-02.yaml", 5)]
    (finding,) = result.of("deliverable-milestone-mismatch")
    assert finding.col == 22
    assert finding.message.startswith("D-01 is listed under both M-01 and M-02")


def test_a_deliverable_naming_another_milestone_than_the_one_listing_it(check: Check) -> None:
    result = check(project("M-02", "D-01", "D-02"))
    assert result.places("deliverable-milestone-mismatch") == [(SCOPE, 7)]
    (finding,) = result.of("deliverable-milestone-mismatch")
    assert finding.message == (
        "D-01 names milestone M-02, but M-01 lists it under `deliverables:`: make the "
        "deliverable's `milestone:` and the milestone's `deliverables:` agree"
    )


def test_a_milestone_whose_list_leaves_out_a_deliverable_naming_it(check: Check) -> None:
    (finding,) = check(project("M-02", "", "D-02")).of("deliverable-milestone-mismatch")
    assert "M-02's `deliverables:` does not list it" in finding.message


def test_a_milestone_without_a_list_agrees_with_any_deliverable(check: Check) -> None:
    files = project("M-02", "D-02", "D-02")
    files["milestones/M-02.yaml"] = files["milestones/M-02.yaml"].replace(
        "deliverables: [D-02]\n", ""
    )
    files["milestones/M-01.yaml"] = files["milestones/M-01.yaml"].replace("[D-02]", "[]")
    assert check(files).of("deliverable-milestone-mismatch") == []
