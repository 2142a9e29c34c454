"""Running git: the only module that starts a git process.

Short commands are plain subprocesses, so the pre-commit hook pays for no
import beyond the standard library; the long history stream goes through
GitPython's command wrapper (`Git.stream`), imported only when history is read.
Git never receives a user-written string as an option: paths go after `--`,
revisions are checked with `rev-parse --verify`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any, NamedTuple

from riskdocs.errors import RiskdocsError

NULL_BLOB = "0" * 40
# Global options for every git call: `git diff` refreshes the index as a side effect
# unless told not to (riskdocs only reads), and a folder name such as ":(glob)x"
# must stay a name, not pathspec magic.
NEVER_WRITE = ("--no-optional-locks", "--literal-pathspecs")


class GitError(RiskdocsError):
    """git is missing, the folder is not in a repository, or a revision does not exist."""


class _Process:
    """A running git command: `proc` is the Popen, `wait()` ends it."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self.proc = proc

    def wait(self) -> int:
        code = self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        return code


class Git:
    """git in one repository. Short commands run as plain subprocesses (the pre-commit
    hook pays for no import); the history stream goes through GitPython's command
    wrapper, imported only when history is read."""

    def __init__(self, working_dir: Path) -> None:
        self.working_dir = str(working_dir)

    def execute(self, args: list[str], as_process: bool = False, istream: int | None = None) -> Any:
        if as_process:
            proc = subprocess.Popen(args, cwd=self.working_dir, stdin=istream,
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)  # fmt: skip
            return _Process(proc)
        done = subprocess.run(args, cwd=self.working_dir, capture_output=True, check=False)
        if done.returncode != 0:
            raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"{args[1:]} failed")
        return done.stdout.decode("utf-8", "surrogateescape").rstrip("\n")

    def stream(self, args: list[str]) -> Any:
        """A long streaming command (git log) through GitPython's wrapper."""
        from git.cmd import Git as GitPython

        return GitPython(self.working_dir).execute(args, as_process=True)

    def get_object_data(self, sha: str) -> tuple[str, str, int, bytes]:
        raw = subprocess.run(["git", "cat-file", "blob", sha], cwd=self.working_dir,
                             capture_output=True, check=True).stdout  # fmt: skip
        return sha, "blob", len(raw), raw


def git_in(root: Path) -> Git:
    return Git(root)


def run_git(git: Git, *args: str) -> str:
    try:
        return str(git.execute(["git", *NEVER_WRITE, *args]))
    except (subprocess.SubprocessError, OSError) as exc:
        raise GitError(str(exc)) from exc


class StagedChange(NamedTuple):
    """A project file staged differently from HEAD: git's status letter (A, M, D, T), its path
    relative to the project root, and the HEAD blob (None when added)."""

    status: str
    path: str
    old_blob: str | None


def staged_changes(root: Path) -> list[StagedChange] | None:
    """The project's files whose staged version differs from HEAD (what the next commit
    records), from one `git diff --cached` run in `root`: it compares trees, never the
    work tree, so it costs the same in a project of any size. None outside git or
    before the first commit. This is all the git the pre-commit hook runs (plus one
    cat-file when a history rule needs the old version of a changed file)."""
    try:
        out = run_git(Git(root), "diff", "--cached", "HEAD", "--raw", "--no-abbrev", "-z",
                      "--no-renames", "--relative", "--", ".")  # fmt: skip
    except GitError:
        return None
    tokens = out.split("\0")
    found = []
    for meta, path in zip(tokens[0::2], tokens[1::2], strict=False):
        if meta.startswith(":"):
            _, _, old, _, status = meta[1:].split(" ")
            found.append(StagedChange(status[:1], path, None if old == NULL_BLOB else old))
    return found
