"""The closing report: written once the project is closed, in both audiences, from the
view and the git history, held to the status schema like the rest of status.json."""

from __future__ import annotations

import json
from pathlib import Path

from tests.closed import AFTER_END, closed_example
from tests.conftest import EXAMPLE, TODAY, run


def report(root: Path, out: Path, audience: str, today: str = AFTER_END) -> dict:
    result = run("report", "--root", str(root), "-o", str(out), "--today", today,
                 "--audience", audience)  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads((out / "status.json").read_text())


def test_an_open_project_has_no_closing_report(tmp_path: Path) -> None:
    status = report(EXAMPLE, tmp_path / "site", "team", TODAY)
    assert status["closure"] is None and not (tmp_path / "site" / "closure.html").exists()


def test_the_closing_report_puts_the_plan_beside_what_happened(tmp_path: Path) -> None:
    status = report(closed_example(tmp_path), tmp_path / "site", "team")
    closure = status["closure"]
    assert (closure["closed"], closure["accepted_by"]) == ("2027-03-05", "erik")
    milestones = {m["id"]: m for m in closure["milestones"]}
    assert (milestones["M-01"]["days_from_first"], milestones["M-02"]["moves"]) == (-1, 1)
    assert closure["promises"]["by_side"]["team"]["on_time_rate"] == 1.0
    assert closure["changes"] == {"count": 2, "by_status": {"approved": 1, "proposed": 1},
                                  "schedule_days": 5, "cost": "8400.00"}  # fmt: skip
    assert closure["risks"]["occurred"] == [
        {"id": "R-003", "title": closure["risks"]["occurred"][0]["title"]}
    ]
    assert closure["budget"]["bac"] == "158400.00"
    assert [t["id"] for t in closure["transferred"]] == [
        "C-004",
        "C-005",
        "R-001",
        "R-002",
        "R-003",
        "R-004",
    ]
    page = (tmp_path / "site" / "closure.html").read_text()
    assert "The new portal is live" in page and "her calendar is full" in page


def test_the_clients_closing_report_holds_nothing_internal(tmp_path: Path) -> None:
    status = report(closed_example(tmp_path), tmp_path / "site", "client")
    closure = status["closure"]
    ids = [t["id"] for t in closure["transferred"]]
    assert "R-004" not in ids and closure["budget"] is None  # an internal risk; no client_sees
    assert all(t["note"] is None for t in closure["transferred"])
    page = (tmp_path / "site" / "closure.html").read_text()
    assert "her calendar is full" not in page  # a team note
    assert "158,400" not in page and "R-004" not in page  # no budget; a change's cost is shared


def test_the_closing_report_in_chinese(tmp_path: Path) -> None:
    root = closed_example(tmp_path)
    out = tmp_path / "site"
    result = run("report", "--root", str(root), "-o", str(out), "--today", AFTER_END,
                 "--lang", "zh-CN")  # fmt: skip
    assert result.exit_code == 0, result.output
    page = (out / "closure.html").read_text()
    assert '<html lang="zh-CN">' in page and "结项报告" in page
