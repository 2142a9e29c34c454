"""history/blobs.py: one cat-file process reads every blob a run needs, on a real repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from riskdocs.history.blobs import Blob, read_blobs
from riskdocs.history.repo import Repository, find_repository
from riskdocs.load.tree import MAX_FILE_BYTES
from tests.gitrepo import Repo


def blob_of(repo: Repo, path: str) -> str:
    return repo.git("rev-parse", f"HEAD:{path}")


def repository(repo: Repo) -> Repository:
    found = find_repository(repo.root)
    assert found is not None
    return found


def test_each_key_is_read_once_and_missing_or_huge_blobs_carry_no_content(repo: Repo) -> None:
    repo.commit("files", {"a.txt": "alpha\n", "big.txt": "x" * (MAX_FILE_BYTES + 10)})
    a, big = blob_of(repo, "a.txt"), blob_of(repo, "big.txt")
    handled: list[str] = []

    def handle(key: str, blob: Blob) -> Blob:
        handled.append(key)
        return blob

    requests = [("a", a), ("a", a), ("big", big), ("gone", "0" * 40), ("a2", a)]
    found = read_blobs(repository(repo), iter(requests), handle)
    assert handled == ["a", "big", "gone", "a2"]
    assert found["a"] == Blob(b"alpha\n", 6) == found["a2"]
    assert found["big"] == Blob(None, MAX_FILE_BYTES + 10)
    assert found["gone"] == Blob(None, -1)


def test_no_request_starts_no_process(repo: Repo) -> None:
    class NoGit(Repository):
        def pipe(self, *args: str) -> subprocess.Popen[bytes]:
            raise AssertionError("cat-file was started for nothing")

    assert read_blobs(NoGit(top=repo.root, prefix=""), iter(()), lambda k, b: b) == {}


def test_a_failing_handler_is_raised_once_every_answer_was_read(repo: Repo) -> None:
    repo.commit("files", {f"f{n}.txt": f"{n}\n" * 5000 for n in range(40)})
    blobs = [(n, blob_of(repo, f"f{n}.txt")) for n in range(40)]

    def handle(key: int, blob: Blob) -> int:
        if key == 3:
            raise ValueError("broken reader")
        return len(blob.content or b"")

    with pytest.raises(ValueError, match="broken reader"):  # and no hang on a full pipe
        read_blobs(repository(repo), iter(blobs), handle)


def test_reading_changes_nothing_in_the_repository(repo: Repo) -> None:
    repo.commit("files", {"a.txt": "alpha\n"})
    git_dir = repo.root / ".git"
    before = {p: p.stat().st_mtime_ns for p in git_dir.rglob("*") if p.is_file()}
    read_blobs(repository(repo), iter([("a", blob_of(repo, "a.txt"))]), lambda k, b: b)
    assert before == {p: p.stat().st_mtime_ns for p in Path(git_dir).rglob("*") if p.is_file()}
