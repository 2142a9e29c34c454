"""`riskdocs history`: every change to an entity or the project, from git."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.conftest import BASE_CONFIG, run
from tests.gitrepo import Repo

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
        f"2026-11-01  {first}  Alice Martin  {PATH}", "    created",
        f"2026-11-10  {second}  Bob Steiner  {PATH}", "    due: 2026-11-20 -> 2026-11-27",
        f"{date.today()}  uncommitted   you  {PATH}", "    status: open -> done",
    ]  # fmt: skip
    data = json.loads(run("history", "C-001", "--root", str(repo.root), "--format", "json").output)
    assert data[1]["changes"] == [{"field": "due", "old": "2026-11-20", "new": "2026-11-27"}]


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
