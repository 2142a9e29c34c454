"""Health per area and overall, computed from the findings of real projects."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from riskdocs.finding import Finding, Severity
from riskdocs.report.health import Status, assess
from riskdocs.report.view import build_view
from riskdocs.structs import replace
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
        "cost": "green",
        "communication": "green",
        "satisfaction": "green",
    }
    assert health.reasons == ("Commitments: Open commitments due within the next few days: C-004",)


def test_errors_make_an_area_red_and_warnings_amber(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "invalid" / "every-rule", root)
    assert colours(root) == {
        "overall": "red",
        "risks": "red",
        "commitments": "red",
        "scope": "red",
        "schedule": "red",
        "cost": "red",
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


def test_errors_in_the_files_make_their_area_and_the_overall_picture_at_least_amber() -> None:
    def error_in(path: str) -> Finding:
        return replace(finding("schema", Severity.ERROR), path=path)

    health = assess([error_in("commitments/C-001.yaml"), error_in("commitments/C-001.yaml"),
                     error_in("riskdocs.yaml")])  # fmt: skip
    assert health.overall is Status.AMBER
    assert {a.area: a.status for a in health.areas if a.status is not Status.GREEN} == {
        "commitments": Status.AMBER
    }
    assert health.reasons[-1].startswith("2 files with errors: what fails its checks is left out")
    client = assess([error_in("commitments/C-001.yaml")], audience="client")
    assert client.areas[1].reasons == (
        "1 record could not be read; it is missing from this page until the team fixes it",
    )


def test_a_typo_in_a_client_commitment_is_never_a_green_client_page(
    tmp_path: Path,
) -> None:
    """Found in use: `onwer: lead` dropped the commitment and the client view said green."""
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    commitment = root / "commitments" / "C-005.yaml"
    commitment.write_text(commitment.read_text().replace("owner:", "onwer:"))
    result = check_project(root, DAY)
    for audience in ("client", "team"):
        view = build_view(result.project, result.findings, DAY, audience)
        areas = {a["area"]: a for a in view["health"]["areas"]}
        assert view["health"]["overall"] != "green", audience
        assert areas["commitments"]["status"] != "green", audience
    client = build_view(result.project, result.findings, DAY, "client")
    assert "1 record could not be read" in " ".join(client["health"]["reasons"])
    assert "C-005" not in json.dumps(client["health"])


def test_the_risks_are_not_green_beside_an_open_high_risk_or_one_that_occurred() -> None:
    """Found in use: "Risks GREEN, nothing to report" beside R-001 scored 20 of 25 and the
    occurred R-003, because no rule was at fault."""
    result = check_project(EXAMPLE, DAY)
    assert not [f for f in result.findings if f.rule.startswith("risk-")]
    view = build_view(result.project, result.findings, DAY, "team")
    (risks,) = [a for a in view["health"]["areas"] if a["area"] == "risks"]
    assert risks == {"area": "risks", "status": "amber", "reasons": [
        "High risks still open: R-001 (20 of 25)",
        "Risks that occurred and are not resolved yet: R-003",
    ]}  # fmt: skip
