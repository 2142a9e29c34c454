from __future__ import annotations

from tests.rules.conftest import Check

PLANNED = """\
id: R-003
title: Legacy data quality
owner: alice
raised: 2026-11-01
probability: 4
impact: 5
status: open
response: mitigate
prevention:
  - action: Trial migration
    owner: bob
    due: 2026-12-01
contingency: Manual clean-up sprint
review_by: 2026-12-01
"""
PATH = "risks/R-003.yaml"


def without(*keys: str, text: str = PLANNED) -> dict[str, str]:
    lines = text.splitlines(keepends=True)
    kept, skipping = [], False
    for line in lines:
        key = line.split(":")[0]
        if not line.startswith(" "):
            skipping = key in keys
        if not skipping:
            kept.append(line)
    return {PATH: "".join(kept)}


def test_a_fully_planned_high_risk_passes(check: Check) -> None:
    assert check({PATH: PLANNED}).places("risk-high-unplanned") == []


def test_missing_parts_are_named_at_the_probability_line(check: Check) -> None:
    result = check(without("contingency", "prevention"))
    assert result.places("risk-high-unplanned") == [(PATH, 5)]
    message = result.of("risk-high-unplanned")[0].message
    assert "scores 20 (high from 15) but has no prevention action and no contingency plan" in (
        message
    )


def test_no_owner_and_no_response(check: Check) -> None:
    (finding,) = check(without("owner", "response")).of("risk-high-unplanned")
    assert "no owner and no response strategy and no prevention action" not in finding.message
    assert "no owner and no response strategy" in finding.message


def test_accepted_risks_need_no_prevention(check: Check) -> None:
    accepted = PLANNED.replace("response: mitigate", "response: accept")
    assert check(without("prevention", text=accepted)).places("risk-high-unplanned") == []


def test_medium_and_closed_risks_are_not_checked(check: Check) -> None:
    medium = PLANNED.replace("probability: 4", "probability: 2")
    assert check(without("contingency", text=medium)).places("risk-high-unplanned") == []
    closed = PLANNED.replace("status: open", "status: closed\nclosed: 2026-11-20")
    assert check(without("contingency", text=closed)).places("risk-high-unplanned") == []


def test_the_band_follows_the_thresholds(check: Check) -> None:
    medium = PLANNED.replace("probability: 4", "probability: 2")  # score 10
    config = "thresholds:\n  risk_bands: {high: 10, medium: 5}\n"
    files = without("contingency", text=medium)
    assert check(files, config=config).places("risk-high-unplanned") == [(PATH, 5)]
