"""The pre-commit hook, run for real through pre-commit on a git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLE, REPO

MANIFEST = REPO / ".pre-commit-hooks.yaml"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_manifest_passes_pre_commit_validation() -> None:
    done = subprocess.run(
        [*PRE_COMMIT, "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_manifest_passes_the_changed_files_to_one_process() -> None:
    (hook,) = yaml.safe_load(MANIFEST.read_text())
    assert hook["id"] == "riskdocs-validate"
    assert hook["pass_filenames"] is True and hook["require_serial"] is True
    import re

    files = re.compile(hook["files"])
    for path in [
        "riskdocs.yaml",
        "risks/R-001.yaml",
        "docs/health/meetings/2026-11-18-x.md",
        "scope/changes/CR-001.yaml",
    ]:
        assert files.search(path), path
    for path in ["src/app.py", "README.md", "myriskdocs.yaml"]:
        assert not files.search(path), path


@pytest.fixture(scope="module")
def client_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("client") / "repo"
    shutil.copytree(EXAMPLE, repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    return repo


def try_repo(repo: Path, home: Path, all_files: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    which = ["--all-files"] if all_files else []
    return subprocess.run(
        [*PRE_COMMIT, "try-repo", str(REPO), "riskdocs-validate", *which, "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_hook_runs_through_pre_commit(
    client_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    home = tmp_path_factory.mktemp("pre-commit-home")
    clean = try_repo(client_repo, home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    risk = client_repo / "risks" / "R-002-sso-approval.yaml"
    risk.write_text(risk.read_text().replace("probability: 3", "probability: 7"))
    git(client_repo, "add", "-A")
    broken = try_repo(client_repo, home)
    assert broken.returncode == 1
    assert "Failed" in broken.stdout
    assert (
        "risks/R-002-sso-approval.yaml:7:14: error [schema] probability: 7 is greater than "
        "the maximum of 5: use a number from 1 to 5\n"
    ) in broken.stdout
    risk.write_text(risk.read_text().replace("probability: 7", "probability: 3"))


def test_hook_does_not_block_a_commit_because_time_passed(
    client_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    commitment = client_repo / "commitments" / "C-004.yaml"
    original = commitment.read_text()
    commitment.write_text(
        original.replace("made: 2026-11-19", "made: 2020-01-02").replace(
            "due: 2026-11-27", "due: 2020-01-10"
        )
    )
    git(client_repo, "add", "-A")
    try:
        hooked = try_repo(client_repo, tmp_path_factory.mktemp("pre-commit-home"))
        assert hooked.returncode == 0, hooked.stdout + hooked.stderr
        assert "commitments/C-004.yaml:8:6: warning [commitment-overdue]" in hooked.stdout
        in_ci = subprocess.run(
            [sys.executable, "-m", "riskdocs", "validate", "--root", str(client_repo)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert in_ci.returncode == 1
        assert "commitments/C-004.yaml:8:6: error [commitment-overdue]" in in_ci.stdout
    finally:
        commitment.write_text(original)
        git(client_repo, "add", "-A")


def test_hook_on_staged_files_refuses_a_silent_slip(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=A", "-c", "user.email=a@example.com", "commit", "-q", "-m", "x")
    commitment = repo / "commitments" / "C-004.yaml"
    commitment.write_text(commitment.read_text().replace("due: 2026-11-27", "due: 2026-12-11"))
    git(repo, "add", "-A")
    staged = try_repo(repo, tmp_path_factory.mktemp("pre-commit-home"), all_files=False)
    assert staged.returncode == 1, staged.stdout + staged.stderr
    assert "commitments/C-004.yaml:8:6: error [commitment-silent-slip]" in staged.stdout
    assert "riskdocs: 2 files checked: 1 error" in staged.stdout  # riskdocs.yaml and C-004


@pytest.fixture(scope="module")
def hook_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit home for the tests below: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


SILENT_MOVES = {
    "a milestone baseline moved with its forecast": (
        "milestones/M-03.yaml",
        (("baseline: 2027-02-12", "baseline: 2027-02-26"),
         ("forecast: 2027-02-19", "forecast: 2027-03-05")),
        "milestones/M-03.yaml:5:11: error [milestone-silent-rebaseline] M-03's baseline moved "
        "from 2027-02-12 to 2027-02-26 (14 days later) in your uncommitted changes",
    ),
    "the scope's sign-off moved with a new deliverable": (
        "scope/baseline.yaml",
        (("signed_off: 2026-10-16", "signed_off: 2026-11-26"),
         ("out_of_scope:", "  - id: D-06\n    title: Export\n    acceptance: [CSV]\n"
                           "out_of_scope:")),
        "scope/baseline.yaml:2:13: error [scope-silent-resign] the scope's sign-off date moved "
        "from 2026-10-16 to 2026-11-26 in your uncommitted changes",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", SILENT_MOVES, ids=list(SILENT_MOVES))
def test_hook_refuses_a_silent_move_of_what_the_client_relies_on(
    case: str, tmp_path: Path, hook_home: Path
) -> None:
    """Found in use: both commits passed the hook with no finding at all."""
    path, edits, expected = SILENT_MOVES[case]
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=A", "-c", "user.email=a@example.com", "commit", "-q", "-m", "x")
    target = repo / path
    text = target.read_text()
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    target.write_text(text)
    git(repo, "add", "-A")
    staged = try_repo(repo, hook_home, all_files=False)
    assert staged.returncode == 1, staged.stdout + staged.stderr
    assert expected in staged.stdout


def committed_example(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=A", "-c", "user.email=a@example.com", "commit", "-q", "-m", "x")
    return repo


def test_hook_refuses_a_commit_that_only_deletes_a_file_others_name(
    tmp_path: Path, hook_home: Path
) -> None:
    """Found in use: pre-commit passes no deleted file, so the hook was skipped ("no files
    to check") and a broken reference landed."""
    repo = committed_example(tmp_path)
    git(repo, "rm", "-q", "meetings/2026-11-19-weekly.md")
    staged = try_repo(repo, hook_home, all_files=False)
    assert staged.returncode == 1, staged.stdout + staged.stderr
    assert (
        "commitments/C-004.yaml:7:9: error [unknown-reference] source: there is no meeting "
        "note meetings/2026-11-19-weekly.md"
    ) in staged.stdout


def test_hook_has_nothing_to_check_in_a_commit_of_other_files(
    tmp_path: Path, hook_home: Path
) -> None:
    repo = committed_example(tmp_path)
    (repo / "app.py").write_text("print('hello')\n")
    git(repo, "add", "app.py")
    staged = try_repo(repo, hook_home, all_files=False)
    assert staged.returncode == 0, staged.stdout + staged.stderr
    assert "riskdocs: nothing to check: this commit changes no project file" in staged.stdout


NEW_HIGH_RISK = """\
id: R-009
title: The carrier may end its status feed
owner: bob
raised: 2026-11-26
probability: 4
impact: 5
status: open
response: mitigate
review_by: 2026-12-03
"""
BAD_NEWS = {
    "a forecast beyond the buffer": (
        "milestones/M-03.yaml",
        lambda text: text.replace("forecast: 2027-02-19", "forecast: 2027-03-12"),
        "milestones/M-03.yaml:6:11: warning [milestone-beyond-buffer]",
    ),
    "a new high risk before its plan is written": (
        "risks/R-009-feed.yaml",
        lambda text: NEW_HIGH_RISK,
        "risks/R-009-feed.yaml:5:14: warning [risk-high-unplanned]",
    ),
}


@pytest.mark.parametrize("case", BAD_NEWS, ids=list(BAD_NEWS))
def test_hook_records_bad_news_and_shows_it(case: str, tmp_path: Path, hook_home: Path) -> None:
    """Found in use: the hook refused an honest record of bad news, and passed silently."""
    path, edit, shown = BAD_NEWS[case]
    repo = committed_example(tmp_path)
    target = repo / path
    before = target.read_text() if target.exists() else ""
    target.write_text(edit(before))
    assert target.read_text() != before
    git(repo, "add", "-A")
    staged = try_repo(repo, hook_home, all_files=False)
    assert staged.returncode == 0, staged.stdout + staged.stderr
    assert shown in staged.stdout
