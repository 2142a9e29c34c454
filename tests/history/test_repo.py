"""history/repo.py: the repository is found once, and git is asked only read-only questions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from riskdocs.history.repo import GitError, find_repository
from tests.gitrepo import Repo


def test_outside_git_there_is_no_repository(tmp_path: Path) -> None:
    assert find_repository(tmp_path) is None


def test_a_project_in_a_sub_folder_knows_its_prefix(repo: Repo) -> None:
    repo.commit("files", {"docs/health/riskdocs.yaml": "project: {}\n", "src/app.py": "x\n"})
    found = find_repository(repo.root / "docs" / "health")
    assert found is not None
    assert (found.top, found.prefix, found.pathspec) == (repo.root, "docs/health", "docs/health")
    assert found.relative("docs/health/risks/R-1.yaml") == "risks/R-1.yaml"
    assert found.relative("src/app.py") is None
    assert set(found.tree("HEAD")) == {"riskdocs.yaml"}


def test_revisions_are_checked_before_git_sees_them(repo: Repo) -> None:
    first = repo.commit("one", {"a.txt": "a\n"}, day="2026-11-02")
    found = find_repository(repo.root)
    assert found is not None
    assert found.resolve(first)[:12] == first
    assert str(found.commit_day(found.resolve("HEAD"))) == "2026-11-02"
    for bad in ("--output=/tmp/x", "-p", "no-such-branch", "HEAD~9"):
        with pytest.raises(GitError):
            found.resolve(bad)


def test_the_tree_of_a_commit_has_sizes_and_marks_symlinks(repo: Repo) -> None:
    repo.write({"risks/R-1.yaml": "id: R-1\n"})
    os.symlink("R-1.yaml", repo.root / "risks" / "R-2.yaml")
    repo.commit("files", {})
    found = find_repository(repo.root)
    assert found is not None
    tree = found.tree("HEAD")
    assert (tree["risks/R-1.yaml"].size, tree["risks/R-1.yaml"].symlink) == (8, False)
    assert tree["risks/R-2.yaml"].symlink
    assert found.head() is not None and found.short_head() == found.head()[:12]  # type: ignore[index]
