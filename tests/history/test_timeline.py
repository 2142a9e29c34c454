"""`riskdocs history`: every change to an entity or the project, from git."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.conftest import BASE_CONFIG, run
from tests.gitrepo import Repo
from tests.safety import assert_safe_lines

COMMITMENT = (
    "id: C-001\ntitle: t\nowner: alice\nto: dana\nmade: 2026-11-01\ndue: {due}\nstatus: open\n"
)
PATH = "commitments/C-001.yaml"


def test_history_command_shows_who_changed_what_and_when(repo: Repo) -> None:
    first = repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")}, day="2026-11-01")
    second = repo.commit("move", {PATH: COMMITMENT.format(due="2026-11-27")}, day="2026-11-10",
                         author="Bob Steiner")  # fmt: skip
    repo.write({PATH: COMMITMENT.format(due="2026-11-27").replace("open", "done")})
    result = run("history", "C-001", "--root", str(repo.root))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"2026-11-01  {first}  Alice Martin  {PATH}", "    \u00bb promise", "    created",
        f"2026-11-10  {second}  Bob Steiner  {PATH}", "    \u00bb move",
        "    due: 2026-11-20 -> 2026-11-27",
        f"{date.today()}  uncommitted   you  {PATH}", "    status: open -> done",
    ]  # fmt: skip
    data = json.loads(run("history", "C-001", "--root", str(repo.root), "--format", "json").output)
    assert data[1]["changes"] == [{"field": "due", "old": "2026-11-20", "new": "2026-11-27"}]
    assert data[1]["subject"] == "move" and data[2]["subject"] == ""


def test_history_command_refuses_unknown_entities_and_folders_outside_git(
    repo: Repo, tmp_path: Path
) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")})
    unknown = run("history", "C-404", "--root", str(repo.root))
    assert unknown.exit_code == 2 and "no entity 'C-404'" in unknown.output
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "riskdocs.yaml").write_text(BASE_CONFIG.read_text())
    result = run("history", "--root", str(outside))
    assert result.exit_code == 2 and "is not in a git repository" in result.output


SCOPE = "scope/baseline.yaml"
BASELINE = """\
signed_off: 2026-10-09
signed_off_by: dana
deliverables:
  - id: D-01
    title: Tracking page
    acceptance: [Shows the status of a shipment]
    due: {due}
  - id: D-02
    title: Invoices
    acceptance: [Invoices as PDF]
{more}"""
D03 = "  - id: D-03\n    title: Claims form\n    acceptance: [A claim can be filed]\n"
CHANGE = (
    "id: CR-001\ntitle: Claims\nraised: 2026-11-01\nraised_by: dana\nstatus: proposed\n"
    "deliverables: [D-03]\n"
)


def audited(repo: Repo) -> tuple[str, str]:
    first = repo.commit("Baseline as signed", {SCOPE: BASELINE.format(due="2026-11-20", more="")},
                        day="2026-10-09")  # fmt: skip
    second = repo.commit("Add the claims form, move the tracking page", {
        SCOPE: BASELINE.format(due="2026-12-04", more=D03), "scope/changes/CR-001.yaml": CHANGE,
        "ci/github-pages.yaml": "name: ci\n", ".riskdocs/schemas/risk.schema.json": "{}\n",
    }, day="2026-11-12", author="Bob Steiner")  # fmt: skip
    return first, second


def test_list_changes_are_shown_element_by_element(repo: Repo) -> None:
    """Found in use: a list was shown cut at its common prefix, so the added D-03 could
    not be seen."""
    _, second = audited(repo)
    lines = run("history", "--root", str(repo.root)).output.splitlines()
    at = lines.index(f"2026-11-12  {second}  Bob Steiner  {SCOPE}")
    assert lines[at + 1 : at + 4] == [
        "    \u00bb Add the claims form, move the tracking page",
        "    deliverables[D-01].due: 2026-11-20 -> 2026-12-04",
        "    deliverables: added D-03 \u201cClaims form\u201d",
    ]
    data = json.loads(run("history", "--root", str(repo.root), "--format", "json").output)
    (scope,) = [r for r in data if r["commit"] == second and r["path"] == SCOPE]
    assert [(e["change"], e["key"]) for e in scope["changes"][0]["elements"]] == [
        ("changed", "D-01"), ("added", "D-03"),
    ]  # fmt: skip


def test_the_project_history_shows_only_project_files(repo: Repo) -> None:
    """Found in use: `.riskdocs/schemas/` and `ci/` filled the audit with noise."""
    audited(repo)
    output = run("history", "--root", str(repo.root)).output
    assert "scope/changes/CR-001.yaml" in output
    assert "ci/" not in output and ".riskdocs/" not in output


def test_any_id_of_any_kind_in_any_case(repo: Repo) -> None:
    """Found in use: deliverable ids and lower-case ids were refused."""
    _, second = audited(repo)
    d03 = run("history", "d-03", "--root", str(repo.root))
    assert d03.exit_code == 0, d03.output
    assert d03.output.splitlines() == [
        f"2026-11-12  {second}  Bob Steiner  {SCOPE}",
        "    \u00bb Add the claims form, move the tracking page", "    created",
    ]  # fmt: skip
    d01 = run("history", "D-01", "--root", str(repo.root)).output.splitlines()
    assert d01[2] == "    created" and d01[5] == "    due: 2026-11-20 -> 2026-12-04"
    assert "created" in run("history", "cr-001", "--root", str(repo.root)).output
    unknown = run("history", "D-09", "--root", str(repo.root))
    assert unknown.exit_code == 2 and "D-01, CR-001, in any case" in unknown.output


def test_a_hostile_commit_subject_is_shown_safely_and_splits_nothing(repo: Repo) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")}, day="2026-11-01")
    repo.commit("::error file=x::forged\x1eC-001\x1b[2J", {PATH: COMMITMENT.format(
        due="2026-11-27")}, day="2026-11-10")  # fmt: skip
    result = run("history", "C-001", "--root", str(repo.root))
    assert result.exit_code == 0
    assert_safe_lines(result.output, commands=False)
    assert "    due: 2026-11-20 -> 2026-11-27" in result.output.splitlines()
