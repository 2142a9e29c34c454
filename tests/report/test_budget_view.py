"""The budget on the page and in status.json: the cost area and the figures for the team;
the client sees cost or quality only when `client_sees:` names it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tests.conftest import EXAMPLE, REPO, TODAY, run

BUDGET = "budget/budget.yaml"
AMOUNTS = ("150,000", "158,400", "29,600", "22,000.00", "166,000", "150000", "29600")


def build(tmp_path: Path, audience: str, client_sees: str | None) -> tuple[dict, str]:
    root = tmp_path / f"p-{audience}-{client_sees}"
    shutil.copytree(EXAMPLE, root)
    path = root / BUDGET
    text = re.sub(r"client_sees: .*\n", "", path.read_text())
    path.write_text(text + (f"client_sees: {client_sees}\n" if client_sees else ""))
    out = tmp_path / f"site-{audience}-{client_sees}"
    result = run("report", "--root", str(root), "-o", str(out), "--today", TODAY,
                 "--audience", audience)  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads((out / "status.json").read_text()), (out / "index.html").read_text()


def areas(status: dict) -> list[str]:
    return [a["area"] for a in status["health"]["areas"]]


def test_the_client_sees_no_cost_and_no_quality_by_default(tmp_path: Path) -> None:
    status, page = build(tmp_path, "client", None)
    assert status["budget"] is None and "cost" not in areas(status)
    assert 'id="cost"' not in page and "Defects" not in page
    assert not [a for a in AMOUNTS if a in page]
    team, team_page = build(tmp_path, "team", None)
    assert "cost" in areas(team)
    assert team["budget"]["cost"]["eac"] == "123133.33"
    assert "€158,400.00" in team_page and "budget at completion" in team_page


def test_client_sees_quality_shows_quality_and_no_money(tmp_path: Path) -> None:
    status, page = build(tmp_path, "client", "[quality]")
    assert status["budget"]["cost"] is None and status["budget"]["quality"][0]["open"] == 3
    assert "cost" not in areas(status) and "Defects found" in page
    assert not [a for a in AMOUNTS if a in page]


def test_client_sees_cost_shows_the_area_and_the_figures(tmp_path: Path) -> None:
    status, page = build(tmp_path, "client", "[cost]")
    assert "cost" in areas(status) and status["budget"]["quality"] is None
    assert "€158,400.00" in page and "Defects found" not in page


def test_a_finding_about_the_budget_stays_with_the_team(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    path = root / BUDGET
    path.write_text(path.read_text().replace("  M-03: 58000", "  M-03: 48000"))  # mismatch
    out = tmp_path / "site"
    assert run("report", "--root", str(root), "-o", str(out), "--today", TODAY).exit_code == 0
    status = json.loads((out / "status.json").read_text())
    assert status["health"]["overall"] == "amber"
    assert [f for f in status["findings"] if "budget" in json.dumps(f)] == []
    team = tmp_path / "team"
    run("report", "--root", str(root), "-o", str(team), "--today", TODAY, "--audience", "team")
    found = json.loads((team / "status.json").read_text())
    assert found["health"]["overall"] == "red"
    assert [a["status"] for a in found["health"]["areas"] if a["area"] == "cost"] == ["red"]


def test_the_chinese_example_shows_cost_in_yuan(tmp_path: Path) -> None:
    out = tmp_path / "site"
    example = REPO / "examples" / "huadong-website"
    assert run("report", "--root", str(example), "-o", str(out), "--today", TODAY).exit_code == 0
    page = (out / "index.html").read_text()
    assert "¥420,000.00" in page and "成本与质量" in page
    status = json.loads((out / "status.json").read_text())
    assert status["budget"]["cost"]["ev"] == "170000.00"  # M-01 accepted, M-02 half started
