"""Monthly trends from git history, as status.json rows and charts on the page."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from riskdocs.report.trends import month_ends
from tests.conftest import run
from tests.gitrepo import Repo

COMMITMENT = (
    "id: {id}\ntitle: t\nowner: alice\nto: dana\nmade: 2026-09-01\ndue: {due}\nstatus: {status}\n"
    "{done}"
)
RISK = (
    "id: R-001\ntitle: t\nowner: alice\nraised: 2026-09-01\nprobability: {p}\nimpact: 3\n"
    "status: open\nreview_by: 2026-12-20\nvisibility: {visibility}\n"
)


def test_month_ends_cover_every_month_up_to_today() -> None:
    assert list(month_ends(date(2026, 11, 15), date(2027, 1, 10))) == [
        ("2026-11", date(2026, 11, 30)), ("2026-12", date(2026, 12, 31)),
        ("2027-01", date(2027, 1, 10)),
    ]  # fmt: skip


def build(repo: Repo, visibility: str = "client") -> None:
    c1 = "commitments/C-001.yaml"
    repo.commit("start", {c1: COMMITMENT.format(id="C-001", due="2026-09-20", status="open",
                                                done=""),
                          "risks/R-001.yaml": RISK.format(p=2, visibility=visibility)},
                day="2026-09-02")  # fmt: skip
    repo.commit("slip", {c1: COMMITMENT.format(id="C-001", due="2026-10-05", status="open",
                                               done="")}, day="2026-09-18")  # fmt: skip
    repo.commit("more risk", {"risks/R-001.yaml": RISK.format(p=4, visibility=visibility)},
                day="2026-10-10")  # fmt: skip
    finished = COMMITMENT.format(id="C-001", due="2026-10-05", status="done",
                                 done="done: 2026-10-04\n")  # fmt: skip
    repo.commit("done", {c1: finished}, day="2026-10-04")


def test_trends_count_open_commitments_slips_exposure_and_deliveries(
    repo: Repo, tmp_path: Path
) -> None:
    build(repo)
    out = tmp_path / "site"
    result = run("report", "--root", str(repo.root), "-o", str(out), "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    rows = json.loads((out / "status.json").read_text())["trends"]
    assert [(r["month"], r["open_commitments"], r["silent_slips"], r["risk_exposure"],
             r["delivered_on_time"]) for r in rows] == [
        ("2026-09", 1, 1, 6, 0), ("2026-10", 0, 0, 12, 1), ("2026-11", 0, 0, 12, 0),
    ]  # fmt: skip
    page = (out / "index.html").read_text()
    # each chart is drawn twice, for a desktop and for a phone (the style sheet shows one)
    assert page.count('class="bars"') == 4 and "1 silent slip" in page and "1 slip<" in page


def test_internal_risks_stay_out_of_the_client_trends(repo: Repo, tmp_path: Path) -> None:
    build(repo, visibility="internal")
    out = tmp_path / "site"
    assert run("report", "--root", str(repo.root), "-o", str(out), "--today",
               "2026-11-26").exit_code == 0  # fmt: skip
    rows = json.loads((out / "status.json").read_text())["trends"]
    assert {r["risk_exposure"] for r in rows} == {0}


def test_each_side_has_its_own_on_time_record_per_month(repo: Repo, tmp_path: Path) -> None:
    """Found in use: the on-time rate mixed the client's own late delivery into the team's."""
    build(repo)  # alice (team) delivers C-001 on time in October
    late = COMMITMENT.format(id="C-002", due="2026-11-05", status="done", done="done: 2026-11-09\n")
    late = late.replace("owner: alice\nto: dana", "owner: dana\nto: alice")
    repo.commit("client late", {"commitments/C-002.yaml": late}, day="2026-11-09")
    out = tmp_path / "site"
    assert run("report", "--root", str(repo.root), "-o", str(out), "--today", "2026-11-26")
    rows = json.loads((out / "status.json").read_text())["trends"]
    assert [(r["month"], r["kept"]["team"]["on_time_rate"], r["kept"]["client"]["on_time_rate"])
            for r in rows] == [
        ("2026-09", None, None), ("2026-10", 1.0, None), ("2026-11", 1.0, 0.0),
    ]  # fmt: skip
    page = (out / "index.html").read_text()
    assert page.count('class="trend sides"') == 2
    assert "Our promises kept on time, 2026-11: 1 of 1" in page
    assert "Your deliveries on time, 2026-11: 0 of 1" in page


def test_one_month_of_history_says_so_instead_of_drawing_lone_bars(
    repo: Repo, tmp_path: Path
) -> None:
    """Found in use: a chart with one month of data was a lone bar in an empty card."""
    repo.commit("start", {"commitments/C-001.yaml": COMMITMENT.format(
        id="C-001", due="2026-11-30", status="open", done="")}, day="2026-11-02")  # fmt: skip
    out = tmp_path / "site"
    assert run("report", "--root", str(repo.root), "-o", str(out), "--today", "2026-11-26")
    page = (out / "index.html").read_text()
    assert 'class="bars"' not in page and 'class="trend sides"' not in page
    assert "Git history covers one month so far" in page
