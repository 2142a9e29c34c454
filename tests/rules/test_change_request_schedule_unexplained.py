from __future__ import annotations

from tests.rules.conftest import Check

CR = "scope/changes/CR-001.yaml"
CHANGE = """\
id: CR-001
title: Address clean-up
raised: 2026-11-05
raised_by: dana
status: approved
decided: 2026-11-12
decided_by: dana
{impact}{links}"""
MILESTONE = """\
id: M-01
title: Tracking live
baseline: {to}
forecast: {to}
rebaselined:
  - {{on: 2026-11-12, from: 2026-12-06, to: {to}, agreed_by: dana, change_request: {cr}}}
"""


def project(days: int | None, to: str = "2026-12-11", cr: str = "CR-001",
            links: str = "") -> dict[str, str]:  # fmt: skip
    impact = "" if days is None else f"impact:\n  schedule_days: {days}\n"
    files = {CR: CHANGE.format(impact=impact, links=links)}
    files["milestones/M-01.yaml"] = MILESTONE.format(to=to, cr=cr)
    if cr != "CR-001":
        files["scope/changes/CR-002.yaml"] = CHANGE.format(impact="", links="").replace(
            "CR-001", "CR-002")  # fmt: skip
    return files


def test_days_that_match_the_baseline_move_pass(check: Check) -> None:
    assert check(project(5)).of("change-request-schedule-unexplained") == []


def test_a_move_longer_than_the_agreed_days_is_reported_with_the_difference(check: Check) -> None:
    result = check(project(5, to="2026-12-20"))
    assert result.places("change-request-schedule-unexplained") == [(CR, 9)]
    (finding,) = result.of("change-request-schedule-unexplained")
    assert finding.message == (
        "CR-001 adds 5 days to the schedule, but M-01's baseline moved 14 days later by it: "
        "9 days unexplained; record the move under M-01's `rebaselined:`, or correct "
        "`schedule_days:`"
    )


def test_days_no_milestone_moved_by_are_reported(check: Check) -> None:
    result = check(project(5, cr="CR-002")).of("change-request-schedule-unexplained")
    (finding,) = [f for f in result if f.entity == "CR-001"]
    assert "but no milestone's baseline moved by it" in finding.message


def test_a_linked_milestone_that_did_not_move_is_named(check: Check) -> None:
    links = "links:\n  milestones: [M-01]\n"
    result = check(project(-2, cr="CR-002", links=links))
    (finding,) = [f for f in result.of("change-request-schedule-unexplained")
                  if f.entity == "CR-001"]  # fmt: skip
    assert finding.message.startswith(
        "CR-001 takes 2 days off the schedule, but M-01's baseline moved 0 days by it"
    )


def test_a_move_through_a_request_with_no_schedule_impact(check: Check) -> None:
    (finding,) = check(project(None)).of("change-request-schedule-unexplained")
    assert finding.message == (
        "M-01's baseline moved 5 days later by CR-001, which records no schedule impact: set "
        "`impact: schedule_days: 5`"
    )
