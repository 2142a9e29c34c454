"""riskdocs.history on real repositories: the facts it reads, and how it degrades."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from riskdocs.history.facts import History
from riskdocs.history.plan import HistoryPlan
from riskdocs.history.reader import read_history as read
from riskdocs.history.repo import find_repository
from riskdocs.load.tree import DiskTree
from tests.conftest import BASE_CONFIG, check_project, run
from tests.gitrepo import Repo

COMMITMENT = (
    "id: C-001\ntitle: t\nowner: alice\nto: dana\nmade: 2026-11-01\ndue: {due}\nstatus: open\n"
)
PATH = "commitments/C-001.yaml"


def read_with_problem(root: Path) -> tuple[History | None, str | None]:
    """Every fact of the commits up to HEAD (the work tree left out), and why history
    is missing or partial, if it is."""
    repository = find_repository(root)
    assert repository is not None
    return read(repository, HistoryPlan(log_until="HEAD"), date(2026, 11, 12), DiskTree(root))


def read_history(root: Path) -> History:
    history, _ = read_with_problem(root)
    assert history is not None
    return history


def history_findings(root: Path) -> list[str]:
    findings = check_project(root, date(2026, 11, 12)).findings
    return [f.message for f in findings if f.rule == "history"]


def test_outside_git_history_rules_are_quiet(tmp_path: Path) -> None:
    (tmp_path / "riskdocs.yaml").write_text(BASE_CONFIG.read_text())
    result = run("validate", "--root", str(tmp_path), "--today", "2026-11-12")
    assert (result.exit_code, result.output) == (0, "riskdocs: 1 file checked, no problems found\n")


def test_an_empty_repository_says_so_once(repo: Repo) -> None:
    assert history_findings(repo.root) == [
        "the repository has no commits yet: history rules start with the first"
    ]


def test_a_shallow_clone_says_how_to_fetch_the_history(repo: Repo, tmp_path: Path) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")})
    repo.commit("move", {PATH: COMMITMENT.format(due="2026-11-27")}, day="2026-11-05")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.root.as_uri(), str(clone)],
                   check=True, capture_output=True)  # fmt: skip
    (message,) = history_findings(clone)
    assert "shallow" in message and "fetch-depth: 0" in message
    assert not [f for f in check_project(clone, date(2026, 11, 12)).findings
                if f.rule == "commitment-silent-slip"]  # fmt: skip


def test_detached_head_deleted_and_readded_files_and_unicode_authors(repo: Repo) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")}, author="Zoë Ünal")
    repo.git("rm", "-q", PATH)
    repo.git("commit", "-q", "-m", "drop", day="2026-11-02")
    repo.commit("again", {PATH: COMMITMENT.format(due="2026-11-20")}, day="2026-11-03")
    repo.commit("move", {PATH: COMMITMENT.format(due="2026-11-22")}, day="2026-11-04",
                author="Zoë Ünal")  # fmt: skip
    repo.git("checkout", "-q", "--detach", "HEAD")
    history = read_history(repo.root)
    assert history.commits == 4 and read_with_problem(repo.root)[1] is None
    (move,) = history.due_changes
    assert (move.author, str(move.old), str(move.new)) == ("Zoë Ünal", "2026-11-20", "2026-11-22")


def test_reading_history_changes_nothing_in_the_repository(repo: Repo) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")})
    repo.write({PATH: COMMITMENT.format(due="2026-11-25")})  # and an uncommitted change
    status = repo.git("status", "--porcelain")
    git_dir = repo.root / ".git"
    before = {p: p.stat().st_mtime_ns for p in git_dir.rglob("*") if p.is_file()}
    read_history(repo.root)
    after = {p: p.stat().st_mtime_ns for p in git_dir.rglob("*") if p.is_file()}
    assert (before, status) == (after, repo.git("status", "--porcelain"))


def test_the_cache_reads_only_new_commits_and_gives_the_same_facts(
    repo: Repo, history_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")}, day="2026-11-01")
    repo.commit("move", {PATH: COMMITMENT.format(due="2026-11-22")}, day="2026-11-02")
    first = read_history(repo.root)
    (cache,) = history_cache.iterdir()
    assert json.loads(cache.read_text())["head"] == first.head
    repo.git("mv", PATH, "commitments/C-001-renamed.yaml")
    repo.git("commit", "-q", "-m", "rename", day="2026-11-03")
    repo.commit("again", {"commitments/C-001-renamed.yaml": COMMITMENT.format(due="2026-11-25")},
                day="2026-11-04")  # fmt: skip
    cached = read_history(repo.root)
    monkeypatch.setenv("RISKDOCS_CACHE_DIR", "off")
    fresh = read_history(repo.root)
    assert cached == fresh
    assert [m.path for m in cached.due_changes] == ["commitments/C-001-renamed.yaml"] * 2
    assert cached.commits == 4


def test_a_broken_cache_is_ignored(repo: Repo, history_cache: Path) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")})
    read_history(repo.root)
    (cache,) = history_cache.iterdir()
    cache.write_text("{not json")
    assert read_history(repo.root).commits == 1
    assert json.loads(cache.read_text())["commits"] == 1  # rewritten


def test_odd_folder_names_are_paths_not_git_options_or_pathspec_magic(repo: Repo) -> None:
    folder = ":(glob)-docs *health*"  # pathspec magic and a glob, as a folder name
    sub = f"{folder}/{PATH}"
    repo.write({f"{folder}/riskdocs.yaml": BASE_CONFIG.read_text()})
    repo.commit("promise", {sub: COMMITMENT.format(due="2026-11-20")}, day="2026-11-01")
    repo.commit("move", {sub: COMMITMENT.format(due="2026-11-22")}, day="2026-11-02")
    repo.commit("elsewhere", {PATH: COMMITMENT.format(due="2026-12-30")}, day="2026-11-03")
    (move,) = read_history(repo.root / folder).due_changes
    assert (move.path, str(move.new)) == (PATH, "2026-11-22")


def test_a_huge_committed_file_is_skipped_not_held(repo: Repo) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")}, day="2026-11-01")
    repo.commit("huge", {PATH: COMMITMENT.format(due="2026-11-22") + "# " + "x" * 2_000_000},
                day="2026-11-02")  # fmt: skip
    repo.commit("back", {PATH: COMMITMENT.format(due="2026-11-25")}, day="2026-11-03")
    history = read_history(repo.root)
    assert history.commits == 3 and history.due_changes == ()  # no fact from the huge version


def test_a_big_projects_history_read_in_a_forked_process_finds_the_same(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    import riskdocs.checks.pipeline as pipeline
    from riskdocs.parallel import Forked

    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-12-01")}, day="2026-11-02")
    repo.commit("slip", {PATH: COMMITMENT.format(due="2026-12-15")}, day="2026-11-09")
    repo.write({PATH: COMMITMENT.format(due="2026-12-20")})  # and once more, uncommitted
    monkeypatch.setenv("RISKDOCS_PARALLEL", "0")
    here = check_project(repo.root, date(2026, 11, 12))
    forks: list[object] = []
    monkeypatch.setattr(pipeline, "Forked", lambda *a: forks.append(a) or Forked(*a))
    monkeypatch.setattr(pipeline, "processes_for", lambda files, minimum: 2)  # as if big
    forked = check_project(repo.root, date(2026, 11, 12))
    assert len(forks) == 1
    assert forked.findings == here.findings and forked.history == here.history
    assert [f.rule for f in forked.findings].count("commitment-silent-slip") == 2
    # no history rule on: the forked read is ended unheard, and nothing is read here
    only = frozenset({"commitment-overdue"})
    assert check_project(repo.root, date(2026, 11, 12), only=only).history is None
    assert len(forks) == 2
