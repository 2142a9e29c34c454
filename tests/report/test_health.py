"""Health per area and overall, computed from the findings of real projects."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from riskdocs.finding import Finding, Severity
from riskdocs.report.health import Status, assess
from tests.conftest import EXAMPLE, FIXTURES, TODAY, check_project

DAY = date.fromisoformat(TODAY)


def colours(root: Path) -> dict[str, str]:
    health = assess(check_project(root, DAY).findings)
    return {"overall": health.overall.label} | {a.area: a.status.label for a in health.areas}


def test_the_example_is_amber_because_one_promise_is_due_tomorrow() -> None:
    health = assess(check_project(EXAMPLE, DAY).findings)
    assert colours(EXAMPLE) == {
        "overall": "amber",
        "risks": "green",
        "commitments": "amber",
        "scope": "green",
        "schedule": "green",
        "communication": "green",
        "satisfaction": "green",
    }
    assert health.reasons == ("commitments: Open commitments due within the next few days: C-004",)


def test_errors_make_an_area_red_and_warnings_amber(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "invalid" / "every-rule", root)
    assert colours(root) == {
        "overall": "red",
        "risks": "red",
        "commitments": "red",
        "scope": "red",
        "schedule": "red",
        "communication": "red",
        "satisfaction": "amber",
    }
    commitments = assess(check_project(root, DAY).findings).areas[1]
    assert commitments.reasons[:3] == (
        "Action items that name the commitment they stand for and say otherwise about it: "
        "2026-11-12-weekly",
        "Open action items from meeting notes whose due date has passed: 2026-11-12-weekly",
        "Open commitments whose due date has passed: C-001",
    )


def finding(rule: str, severity: Severity, ignored: str | None = None) -> Finding:
    return Finding(
        path="x.yaml",
        line=1,
        col=1,
        rule=rule,
        severity=severity,
        message="m",
        entity="C-001",
        ignored=ignored,
    )


def test_information_and_ignored_findings_do_not_change_a_colour() -> None:
    health = assess(
        [
            finding("commitment-done-late", Severity.INFO),
            finding("commitment-overdue", Severity.ERROR, ignored="client paused the work"),
        ]
    )
    assert health.overall is Status.GREEN and health.reasons == ()


def test_errors_in_the_files_make_the_overall_picture_at_least_amber() -> None:
    health = assess([finding("schema", Severity.ERROR), finding("schema", Severity.ERROR)])
    assert health.overall is Status.AMBER
    assert {a.status for a in health.areas} == {Status.GREEN}
    assert health.reasons[0].startswith("2 errors in the project's files")
