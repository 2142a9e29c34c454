"""`--as-of`: the project read from git objects as a commit left it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run
from tests.gitrepo import Repo

COMMITMENT = (
    "id: C-001\ntitle: t\nowner: alice\nto: dana\nmade: 2026-11-01\ndue: {due}\nstatus: open\n"
)
PATH = "commitments/C-001.yaml"


def test_as_of_a_past_commit_reproduces_the_older_report_byte_for_byte(
    repo: Repo, tmp_path: Path
) -> None:
    first = repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")}, day="2026-11-01")
    then = tmp_path / "then"
    assert run("report", "--root", str(repo.root), "-o", str(then), "--today",
               "2026-11-05").exit_code == 0  # fmt: skip
    repo.commit("move", {PATH: COMMITMENT.format(due="2026-11-27")}, day="2026-11-10")
    repo.write({PATH: "broken: [\n"})  # the work tree must not matter
    again = tmp_path / "again"
    result = run("report", "--root", str(repo.root), "-o", str(again), "--as-of", first,
                 "--today", "2026-11-05")  # fmt: skip
    assert result.exit_code == 0, result.output
    for name in ("index.html", "status.json", "calendar.ics", "summary.md"):
        assert (again / name).read_bytes() == (then / name).read_bytes(), name


def test_as_of_a_date_uses_the_last_commit_of_that_day_and_that_day_as_today(repo: Repo) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")}, day="2026-11-01")
    repo.commit("move", {PATH: COMMITMENT.format(due="2026-11-27")}, day="2026-11-10")
    result = run("validate", "--root", str(repo.root), "--as-of", "2026-11-05", "--format", "json")
    findings = json.loads(result.output)["findings"]
    assert [f["rule"] for f in findings] == []  # due 2026-11-20 was not overdue on 2026-11-05
    later = run("validate", "--root", str(repo.root), "--as-of", "2026-11-22")
    assert "[commitment-silent-slip]" in later.output
    assert "was due" not in later.output  # due 2026-11-27 is not overdue on 2026-11-22
    bad = run("validate", "--root", str(repo.root), "--as-of", "--help")
    assert bad.exit_code == 2


def test_as_of_reads_a_commit_as_the_loader_reads_the_work_tree(repo: Repo) -> None:
    """Links inside the project are followed, links out of it and huge files are findings,
    and every result is what validating that commit's work tree gives."""
    import os

    repo.write({PATH: COMMITMENT.format(due="2026-11-20"), "notes/shared.yaml": "id: C-2\n"})
    links = {
        "C-002.yaml": "../notes/shared.yaml",
        "C-003.yaml": "../../outside.yaml",
        "C-004.yaml": "C-404.yaml",
        "C-005.yaml": "C-006.yaml",
        "C-006.yaml": "C-005.yaml",
    }
    for name, target in links.items():
        os.symlink(target, repo.root / "commitments" / name)
    (repo.root.parent / "outside.yaml").write_text("id: C-3\n")
    repo.commit("files", {"commitments/C-007.yaml": "# " + "x" * 1_100_000})
    on_disk = run("validate", "--root", str(repo.root), "--today", "2026-11-05")
    as_of = run("validate", "--root", str(repo.root), "--as-of", "HEAD", "--today", "2026-11-05")
    assert as_of.output == on_disk.output
    assert "commitments/C-003.yaml:1:1: error [file-unreadable] this is a symlink to " \
        "../../outside.yaml, outside the project" in as_of.output  # fmt: skip
    assert "commitments/C-007.yaml:1:1: error [file-too-large]" in as_of.output
    assert "commitments/C-002.yaml:1:1: error [schema]" in as_of.output  # read through the link
