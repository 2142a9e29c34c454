"""`riskdocs portfolio` end to end: the real CLI over generated checkouts with real git
histories and published status.json folders, and its outputs read back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from riskdocs.portfolio.learn import calibration
from tests.conftest import REPO, run
from tests.portfolio.conftest import DAY
from tests.portfolio.projects import published
from tests.safety import assert_safe_lines

SCHEMA = json.loads((REPO / "schemas/outputs/portfolio-status.schema.json").read_text())


def build(portfolio: Path, *args: str, code: int = 1) -> tuple[dict[str, Any], str, Path]:
    out = portfolio.parent / "site"
    result = run("portfolio", str(portfolio), "-o", str(out), *args)
    assert result.exit_code == code, result.output
    status = json.loads((out / "status.json").read_text())
    jsonschema.Draft7Validator(SCHEMA).validate(status)
    return status, result.output, out


def rows(status: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["key"]: row for row in status["projects"]}


def test_every_project_keeps_its_row_worst_first_and_says_why_it_has_no_data(
    portfolio: Path,
) -> None:
    status, output, out = build(portfolio, "--today", DAY)
    by_key = rows(status)
    assert [r["key"] for r in status["projects"]] == [
        "alpha", "beta", "gamma", "never", "newer", "older"]  # fmt: skip
    assert {k: r["data"]["state"] for k, r in by_key.items()} == {
        "alpha": "current", "beta": "current", "gamma": "stale", "never": "missing",
        "newer": "version", "older": "version"}  # fmt: skip
    assert status["counts"] == {"projects": 6, "red": 3, "amber": 3, "green": 0, "stale": 1,
                                "no_data": 3}  # fmt: skip
    # no data, or stale data, is never green
    for key in ("never", "newer", "older"):
        assert by_key[key]["health"]["overall"] == "amber"
        assert by_key[key]["promises"] is None
    assert "older riskdocs; this one reads version 4" in by_key["older"]["data"]["message"]
    assert "newer than this riskdocs reads (4)" in by_key["newer"]["data"]["message"]
    assert by_key["gamma"]["data"]["age_days"] == 29
    # every problem is a finding at the project's line of portfolio.yaml, in line order
    shown = output.replace(f"{portfolio.parent}/", "")  # the path as the user gave it
    lines = [line for line in shown.splitlines() if line.startswith("portfolio.yaml:")]
    assert [line.split(":")[1] for line in lines] == ["10", "12", "14", "16"]
    assert "warning [portfolio-stale] gamma: The data is 29 days old" in lines[0]
    assert "error [portfolio-data] never: " in lines[3]
    assert "(6 projects: 3 red, 3 amber, 0 green; 1 stale, 3 without data)" in output
    assert sorted(p.name for p in out.iterdir()) == [
        ".riskdocs-report", "index.html", "portfolio-status.schema.json", "status.json",
        "summary.md"]  # fmt: skip


def test_a_row_holds_what_the_director_asks_for(portfolio: Path) -> None:
    by_key = rows(build(portfolio, "--today", DAY)[0])
    alpha, beta = by_key["alpha"], by_key["beta"]
    assert alpha["name"] == "Alpha portal" and alpha["client"] == "Acme"
    assert alpha["url"] == "https://status.example.com/alpha/"
    assert alpha["health"]["overall"] == "red"
    assert alpha["health"]["reason"].startswith("Commitments: Alice Martin promised")
    assert alpha["promises"] == {
        "overdue": {"team": 1, "client": 0}, "on_time": {"team": 1.0, "client": None},
        "delivered": {"team": 1, "client": 0}}  # fmt: skip
    assert beta["promises"]["on_time"] == {"team": None, "client": 0.0}  # dana was 3 days late
    assert alpha["data"]["view"] == "client" and beta["data"]["view"] == "team"
    # beta's internal risk shows only because portfolio.yaml asks for beta's team view
    assert beta["high_risks"] == {"count": 1, "top": "Key developer may leave"}
    assert alpha["high_risks"] == {"count": 0, "top": None}
    assert alpha["last_meeting"] is None and alpha["last_update"] is None
    assert alpha["data"]["commit"] and len(alpha["data"]["commit"]) == 12


def test_the_calibration_is_the_arithmetic_done_by_hand(portfolio: Path) -> None:
    """See tests/portfolio/projects.py for each risk's history. A risk counts once at
    every probability it was scored at; only occurred and closed risks have an outcome."""
    table = {
        r["probability"]: r for r in build(portfolio, "--today", DAY)[0]["calibration"]["rows"]
    }
    picked = {p: (r["risks"], r["occurred"], r["closed"], r["open"], r["observed"])
              for p, r in table.items()}  # fmt: skip
    assert picked == {
        1: (0, 0, 0, 0, None),
        2: (2, 1, 1, 0, 0.5),  # alpha R-002 closed; beta R-003 (scored 5, reviewed at 2) occurred
        3: (1, 1, 0, 0, 1.0),  # alpha R-001, once rescored from 4
        4: (3, 1, 1, 1, 0.5),  # alpha R-001 occurred, beta R-001 closed, beta R-002 open
        5: (1, 1, 0, 0, 1.0),  # beta R-003
    }
    assert (table[4]["cost_days"], table[4]["cost"]) == (5, {"EUR": "1000.00"})
    assert (table[2]["cost_days"], table[2]["cost"]) == (3, {"XXX": "250.50"})  # no currency
    page = (portfolio.parent / "site" / "index.html").read_text()
    assert "3 days · 250.50 (no currency)" in page and "5 days · €1,000.00" in page
    # 1 of 2: the 95% Wilson interval is 0.5 ± 1.96·√(0.25/2 + 1.96²/16) / (1 + 1.96²/2)
    assert table[4]["interval"] == [0.095, 0.905]
    assert table[5]["interval"] == [0.207, 1.0]  # 1 of 1: centre 2.9208/4.8416
    assert {p: r["verdict"] for p, r in table.items()} == {
        1: "unknown", 2: "consistent", 3: "consistent", 4: "consistent",
        5: "consistent"}  # fmt: skip


def test_a_verdict_needs_the_predicted_share_outside_the_interval() -> None:
    def summary(outcomes: list[tuple[int, str]]) -> tuple[str, dict[str, Any]]:
        risks = [{"scored": [p], "outcome": o, "days": 0, "cost": "0"} for p, o in outcomes]
        return "x", {"risks": risks, "currency": None}

    scale = {1: 0.1, 2: 0.3, 3: 0.5, 4: 0.7, 5: 0.9}
    # ten risks scored "almost certain", none occurred: 0 of 10 is at most 27.8%
    rows_ = calibration([summary([(5, "closed")] * 10 + [(1, "occurred")] * 8)], scale)
    assert rows_[4]["interval"] == [0.0, 0.278] and rows_[4]["verdict"] == "lower"
    assert rows_[0]["verdict"] == "higher"  # 8 of 8 "rare" risks occurred
    # open risks are never taken for "did not occur"
    rows_ = calibration([summary([(3, "open")] * 20)], scale)
    assert (rows_[2]["observed"], rows_[2]["verdict"], rows_[2]["open"]) == (None, "unknown", 20)


def test_promise_reliability_and_client_responsiveness(portfolio: Path) -> None:
    status = build(portfolio, "--today", DAY)[0]
    reliability = {p["key"]: p for p in status["reliability"]["projects"]}
    assert reliability["alpha"]["sides"]["team"] == {
        "promises": 2, "delivered": 1, "on_time": 1, "renegotiated": 0, "rate": 1.0}  # fmt: skip
    assert reliability["beta"]["sides"]["client"]["rate"] == 0.0
    assert reliability["alpha"]["silent_slips"] == 0
    assert [m["month"] for m in reliability["alpha"]["months"]] == ["2026-10", "2026-11"]
    assert status["reliability"]["totals"]["team"]["delivered"] == 1
    clients = {c["client"]: c for c in status["responsiveness"]}
    assert clients["Acme"]["projects"] == ["alpha", "gamma"]
    # CR-001 raised 1 Nov, decided 4 Nov; D-01 submitted 10 Nov, unanswered on 30 Nov
    assert clients["Acme"]["change_requests"]["median_days"] == 3
    assert clients["Acme"]["acceptances"]["waiting"] == 1
    assert clients["Acme"]["acceptances"]["longest_wait_days"] == 20
    assert clients["Globex"]["change_requests"]["longest_days"] == 6


def test_the_lessons_index_carries_every_lesson_with_its_tags(portfolio: Path) -> None:
    status, _, out = build(portfolio, "--today", DAY)
    (lesson,) = status["lessons"]["items"]
    assert (lesson["project"], lesson["id"], lesson["tags"]) == (
        "alpha",
        "L-001",
        ["data", "migration"],
    )
    assert lesson["text"] == "The sample showed the <dirty> addresses."
    assert status["lessons"]["tags"] == {"data": 1, "migration": 1}
    page = (out / "index.html").read_text()
    assert "the &lt;dirty&gt; addresses" in page and "<dirty>" not in page
    assert '<a href="https://status.example.com/alpha/#L-001">Migrate a sample early</a>' in page


def test_as_of_rebuilds_each_checkout_exactly_as_its_own_as_of_report(
    portfolio: Path, tmp_path: Path
) -> None:
    """The portfolio of 1 November from checkouts equals the portfolio of what each
    project's own `riskdocs report --as-of 2026-11-01` published that day."""
    home = portfolio.parent
    day = "2026-11-01"
    then, _, _ = build(portfolio, "--as-of", day)
    assert then["generated"] == {**then["generated"], "today": day, "as_of": day}
    for key, view in (("alpha", "client"), ("beta", "team")):
        published(home / key, home / "as-of" / key, day, "--as-of", day, "--audience", view)
    (home / "as-of.yaml").write_text(
        "projects:\n  alpha: {status: as-of/alpha, url: 'https://status.example.com/alpha/'}\n"
        "  beta: {status: as-of/beta, view: team}\n"
    )
    again, _, _ = build(home / "as-of.yaml", "--as-of", day, code=0)
    from_checkouts = {
        k: {**r, "source": None} for k, r in rows(then).items() if k in ("alpha", "beta")
    }
    from_reports = {k: {**r, "source": None} for k, r in rows(again).items()}
    assert from_checkouts == from_reports
    assert from_checkouts["alpha"]["high_risks"]["count"] == 0
    calibrated = {r["probability"]: r["risks"] for r in then["calibration"]["rows"]}
    assert calibrated == {1: 0, 2: 2, 3: 1, 4: 3, 5: 1}  # beta R-003 rescored on 20 Oct
    # on 1 November alpha's R-001 had not occurred yet
    assert then["calibration"]["rows"][3]["occurred"] == 0
    # and a project that did not exist yet says so
    (home / "late.yaml").write_text("projects:\n  alpha: {checkout: alpha}\n")
    early, _, _ = build(home / "late.yaml", "--as-of", "2026-09-01")
    assert early["projects"][0]["data"]["state"] == "not-yet"
    assert "has no commit on or before 2026-09-01" in early["projects"][0]["data"]["message"]


def test_a_published_status_json_cannot_go_back_in_time(portfolio: Path) -> None:
    status = build(portfolio, "--as-of", "2026-10-15")[0]
    gamma = rows(status)["gamma"]
    assert gamma["data"]["state"] == "not-yet"
    assert "built on 2026-11-01, after --as-of 2026-10-15" in gamma["data"]["message"]


def test_the_team_view_of_a_project_is_shown_only_when_portfolio_yaml_asks_for_it(
    portfolio: Path,
) -> None:
    home = portfolio.parent
    published(home / "beta", home / "published" / "beta-team", DAY, "--audience", "team")
    (home / "views.yaml").write_text(
        "projects:\n"
        "  as-client: {status: published/beta-team}\n"
        "  as-team: {status: published/beta-team, view: team}\n"
        "  checkout-client: {checkout: beta}\n"
    )
    by_key = rows(build(home / "views.yaml", "--today", DAY)[0])
    assert by_key["as-client"]["data"]["state"] == "wrong-view"
    assert "is the team view, but portfolio.yaml shows the client view of 'as-client'" in (
        by_key["as-client"]["data"]["message"])  # fmt: skip
    assert by_key["as-team"]["high_risks"]["top"] == "Key developer may leave"
    assert by_key["checkout-client"]["high_risks"] == {"count": 0, "top": None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("projects:\n  alpha: {checkout: a, status: b}\n",
         "portfolio.yaml:2:10: error [schema] projects.alpha: Give a project either"),
        ("projects:\n  alpha: {checkout: a, colour: red}\n",
         "portfolio.yaml:2:24: error [schema] projects.alpha: unknown field 'colour'"),
        ("projects:\n  Alpha: {checkout: a}\n",
         "portfolio.yaml:2:3: error [schema] projects.Alpha: A project key is lower case"),
        ("projects:\n  alpha: {checkout: a, url: 'javascript:alert(1)'}\n",
         "portfolio.yaml:2:29: error [schema] projects.alpha.url: 'javascript:alert(1)' is not "
         "valid: A link"),
        ("timezone: Mars/Olympus\nprojects:\n  alpha: {checkout: a}\n",
         "portfolio.yaml:1:11: error [config] timezone: 'Mars/Olympus' is not a time zone"),
        ("projects: [\n", "portfolio.yaml:2:1: error [yaml-syntax]"),
        ("projects: !!python/object:os.system {}\n", "portfolio.yaml:1:11: error [yaml-tag]"),
        ("a: &x {checkout: a}\nprojects: {alpha: *x}\n", "portfolio.yaml:1:4: error [yaml-anchor]"),
        (b"projects:\n  alpha: {checkout: \xff}\n",
         "portfolio.yaml: error [file-encoding] The file"),
    ],
)  # fmt: skip
def test_a_broken_portfolio_yaml_is_explained_at_its_line_and_nothing_is_written(
    tmp_path: Path, text: str | bytes, expected: str
) -> None:
    target = tmp_path / "portfolio.yaml"
    target.write_bytes(text if isinstance(text, bytes) else text.encode())
    result = run("portfolio", str(tmp_path / "portfolio.yaml"), "-o", str(tmp_path / "site"))
    assert result.exit_code == 2, result.output
    assert expected in result.output.replace(str(tmp_path) + "/", "")
    assert "portfolio.yaml has errors" in result.output
    assert not (tmp_path / "site").exists()


def test_a_missing_portfolio_yaml_or_a_bad_output_folder_is_one_clear_line(
    portfolio: Path, tmp_path: Path
) -> None:
    result = run("portfolio", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "site"))
    assert result.exit_code == 2
    assert "nope.yaml does not exist: write a portfolio.yaml" in result.output
    result = run("portfolio", str(portfolio), "-o", str(portfolio.parent), "--today", DAY)
    assert result.exit_code == 2
    assert "would replace the folder holding portfolio.yaml" in result.output
    (portfolio.parent / "mine").mkdir()
    (portfolio.parent / "mine" / "notes.txt").write_text("mine")
    result = run("portfolio", str(portfolio), "-o", str(portfolio.parent / "mine"), "--today", DAY)
    assert result.exit_code == 2 and "already holds files riskdocs did not write" in result.output
    assert (portfolio.parent / "mine" / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize(
    ("content", "state", "message"),
    [
        (b"{not json", "unreadable", "is not readable JSON (line 1, column 2: "),
        (b"\xff\xfe", "unreadable", "is not readable JSON"),
        (b"[]", "version", "is not a riskdocs status.json (it has no `version`)"),
        (b"[" * 100_000, "unreadable", "is not readable JSON (nested too deeply)"),
    ],
)
def test_a_status_json_that_cannot_be_read_is_a_row_with_the_reason(
    portfolio: Path, content: bytes, state: str, message: str
) -> None:
    target = portfolio.parent / "published" / "older" / "status.json"
    target.write_bytes(content)
    older = rows(build(portfolio, "--today", DAY)[0])["older"]
    assert older["data"]["state"] == state
    assert message in older["data"]["message"]


def test_a_status_json_that_breaks_its_schema_names_the_place(portfolio: Path) -> None:
    target = portfolio.parent / "published" / "gamma" / "status.json"
    data = json.loads(target.read_text())
    data["commitments"]["items"][0]["owner"] = 7
    target.write_text(json.dumps(data))
    gamma = rows(build(portfolio, "--today", DAY)[0])["gamma"]
    assert gamma["data"]["state"] == "unreadable"
    assert "breaks the status.json schema at commitments.items[0].owner" in gamma["data"]["message"]


HOSTILE = "<script>alert(1)</script> \u202eevil\x1b[31m | *bold*"


def test_user_text_from_a_published_status_json_is_escaped_everywhere(portfolio: Path) -> None:
    target = portfolio.parent / "published" / "gamma" / "status.json"
    data = json.loads(target.read_text())
    data["project"]["name"] = HOSTILE
    data["commitments"]["items"][0]["title"] = HOSTILE
    target.write_text(json.dumps(data))
    _, output, out = build(portfolio, "--today", DAY)
    page = (out / "index.html").read_text()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "\u202e" not in page and "\x1b" not in page
    summary = (out / "summary.md").read_text()
    assert "\\<script\\>" in summary and "\\| \\*bold\\*" in summary
    assert_safe_lines(summary, commands=False)
    assert_safe_lines(output, commands=False)


def test_the_portfolio_speaks_chinese(portfolio: Path) -> None:
    status, output, out = build(portfolio, "--today", DAY, "--lang", "zh-CN")
    page = (out / "index.html").read_text()
    assert '<html lang="zh-CN">' in page
    assert "风险校准" in page and "仅供交付组织内部使用" in page
    assert "以前的 riskdocs" in rows(status)["older"]["data"]["message"]
    assert "riskdocs：已将" in output
    assert "风险校准" in (out / "summary.md").read_text()


def test_portfolio_yaml_chooses_the_language_and_the_day_is_deterministic(
    portfolio: Path,
) -> None:
    portfolio.write_text(portfolio.read_text() + "language: zh-CN\n")
    first = build(portfolio, "--today", DAY)[2]
    saved = {p.name: p.read_bytes() for p in first.iterdir()}
    assert "风险校准" in saved["index.html"].decode()
    again = build(portfolio, "--today", DAY)[2]
    assert {p.name: p.read_bytes() for p in again.iterdir()} == saved
    shutil.rmtree(again)
