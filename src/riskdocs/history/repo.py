"""The git repository a project lives in: found once at the edge, the only runner of git.

`find_repository` asks git itself (`git rev-parse`) where the work tree's top is and
where the project sits inside it, so worktrees, `GIT_DIR` and sub-folder projects
work as git sees them; outside git it returns None and every history feature is
quiet. Short commands run as plain subprocesses, so the pre-commit hook pays for
no import beyond the standard library; the long `git log` stream goes through
GitPython's command wrapper, imported only when history is read. Git never
receives a user-written string as an option: paths go after `--`, revisions are
checked with `rev-parse --verify --end-of-options`, and every call is read-only.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, NamedTuple

from riskdocs.dates import parse_day
from riskdocs.errors import RiskdocsError
from riskdocs.i18n import _

NULL_BLOB = "0" * 40
# Global options for every git call: `git diff` refreshes the index as a side effect
# unless told not to (riskdocs only reads), and a folder name such as ":(glob)x"
# must stay a name, not pathspec magic.
NEVER_WRITE = ("--no-optional-locks", "--literal-pathspecs")


class GitError(RiskdocsError):
    """git is missing, the folder is not in a repository, or a revision does not exist."""


class RepositoryRefusedError(GitError):
    """The project is in a git repository that git cannot or will not read (another
    user's checkout, a broken `.git`, git missing): history rules cannot run."""


class StagedChange(NamedTuple):
    """A project file staged differently from HEAD.

    Attributes:
        status: git's status letter (A, M, D, T).
        path: relative to the project root.
        old_blob: the HEAD version's blob, None when the file is added.
    """

    status: str
    path: str
    old_blob: str | None


class TreeEntry(NamedTuple):
    """One file of a commit's tree: its blob, its size in bytes, and whether git
    stores it as a symbolic link (whose blob is the link's target, not a file)."""

    blob: str
    size: int
    symlink: bool


class Repository(NamedTuple):
    """The repository holding a project (a NamedTuple: made on every hook run, and a
    dataclass costs a millisecond to create at import).

    Attributes:
        top: the work tree's top folder; git runs there.
        prefix: the project folder relative to `top`, `/`-separated, "" at the top.
    """

    top: Path
    prefix: str

    @property
    def pathspec(self) -> str:
        """The project folder as the one path of a git command."""
        return self.prefix or "."

    def relative(self, path: str) -> str | None:
        """A path from the top made relative to the project, or None if outside it."""
        if not self.prefix:
            return path
        return path[len(self.prefix) + 1 :] if path.startswith(self.prefix + "/") else None

    def run(self, *args: str) -> str:
        """The output of a short git command (trailing newline removed); GitError if it fails."""
        try:
            done = subprocess.run(
                ["git", *NEVER_WRITE, *args], cwd=self.top, capture_output=True, check=False
            )
        except OSError as exc:
            raise GitError(_("cannot run git: {exc}").format(exc=exc)) from exc
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip()
            raise GitError(message or _("git {args} failed").format(args=args[0]))
        return done.stdout.decode("utf-8", "surrogateescape").rstrip("\n")

    def pipe(self, *args: str) -> subprocess.Popen[bytes]:
        """A long-running git command fed on stdin and read on stdout (`cat-file --batch`)."""
        return subprocess.Popen(
            ["git", *NEVER_WRITE, *args],
            cwd=self.top,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    @contextmanager
    def stream(self, *args: str) -> Iterator[IO[bytes]]:
        """The stdout of a long streaming command (git log), run through GitPython's
        command wrapper; the process is ended when the block is left."""
        from git.cmd import Git  # GitPython: only when history is read

        process = Git(str(self.top)).execute(["git", *NEVER_WRITE, *args], as_process=True)
        proc = process.proc
        assert proc is not None and proc.stdout is not None
        try:
            yield proc.stdout
        finally:
            proc.stdout.close()
            proc.wait()

    def subjects(self, head: str) -> dict[str, str]:
        """Each commit's subject (the first line of its message) by its 12-character hash,
        for the project's commits up to `head`. Asked apart from `git log --raw`, where a
        subject holding a record separator would split a commit in two."""
        tokens = self.run("log", "-z", "--format=%H%x00%s", head, "--", self.pathspec).split("\0")
        return {sha[:12]: subject for sha, subject in zip(tokens[0::2], tokens[1::2], strict=False)}

    def head(self) -> str | None:
        """The full hash of HEAD, or None before the first commit."""
        try:
            return self.run("rev-parse", "--verify", "--quiet", "HEAD") or None
        except GitError:
            return None

    def short_head(self) -> str | None:
        """HEAD's 12-character hash, for a page header; None before the first commit."""
        head = self.head()
        return head[:12] if head else None

    def is_shallow(self) -> bool:
        return self.run("rev-parse", "--is-shallow-repository") == "true"

    def resolve(self, revision: str) -> str:
        """The full hash of `revision` (a commit-ish), refusing anything that is not one."""
        if revision.startswith("-"):
            raise GitError(_("'{revision}' is not a revision").format(revision=revision))
        try:
            return self.run(
                "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"
            )
        except GitError:
            raise GitError(
                _("'{revision}' is not a commit in this repository").format(revision=revision)
            ) from None

    def commit_on_or_before(self, day: date) -> str:
        """The last commit of HEAD's history made on or before `day` (end of that day)."""
        found = self.run("rev-list", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD")
        if not found:
            raise GitError(_("no commit on or before {day}").format(day=day))
        return found

    def first_commit(self) -> str:
        """The first commit of HEAD's history (its oldest root)."""
        roots = self.run("rev-list", "--max-parents=0", "HEAD").split()
        if not roots:
            raise GitError(_("the repository has no commit yet"))
        return roots[-1]

    def commit_day(self, commit: str) -> date:
        """The day `commit` was made (committer date)."""
        return parse_day(self.run("show", "-s", "--format=%cs", commit))

    def as_of(self, value: str) -> tuple[str, date]:
        """(full hash, day) of `--as-of REV|DATE`: a date means the last commit made on or
        before it, with that day; a revision means that commit, with its commit day."""
        try:
            day = parse_day(value)
        except ValueError:
            commit = self.resolve(value)
            return commit, self.commit_day(commit)
        return self.commit_on_or_before(day), day

    def is_ancestor(self, older: str, newer: str) -> bool:
        try:
            self.run("merge-base", "--is-ancestor", older, newer)
        except GitError:
            return False
        return True

    def tree(self, commit: str) -> dict[str, TreeEntry]:
        """The project's files in `commit`: path relative to the project -> its entry."""
        listing = self.run("ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", self.pathspec)
        entries = {}
        for line in listing.split("\0"):
            meta, _, path = line.partition("\t")
            mode, kind, blob, size = [*meta.split(), "", "", "", ""][:4]
            relative = self.relative(path)
            if kind == "blob" and relative is not None and size.isdigit():
                entries[relative] = TreeEntry(blob=blob, size=int(size), symlink=mode == "120000")
        return entries

    def stages_anything(self) -> bool | None:
        """Whether the next commit records any change at all, in the project or not; None
        before the first commit."""
        try:
            return bool(self.run("diff", "--cached", "HEAD", "--name-only", "-z"))
        except GitError:
            return None

    def staged_changes(self) -> list[StagedChange] | None:
        """The project's files whose staged version differs from HEAD (what the next commit
        records), from one `git diff --cached`: it compares trees, never the work tree,
        so it costs the same in a project of any size. None before the first commit."""
        try:
            out = self.run(
                "diff",
                "--cached",
                "HEAD",
                "--raw",
                "--no-abbrev",
                "-z",
                "--no-renames",
                "--",
                self.pathspec,
            )
        except GitError:
            return None
        return list(_staged(out, self))


def _staged(out: str, repository: Repository) -> list[StagedChange]:
    tokens = out.split("\0")
    found = []
    for meta, path in zip(tokens[0::2], tokens[1::2], strict=False):
        relative = repository.relative(path)
        if meta.startswith(":") and relative is not None:
            _, _, old, _, status = meta[1:].split(" ")
            found.append(
                StagedChange(
                    status=status[:1], path=relative, old_blob=None if old == NULL_BLOB else old
                )
            )
    return found


def repository_or_refusal(root: Path) -> tuple[Repository | None, str | None]:
    """The repository holding `root` (None outside git), and why git refuses to read it
    when it does: a run then goes on without history and says so, since silence would
    pass a silent slip."""
    try:
        return find_repository(root), None
    except RepositoryRefusedError as exc:
        return None, str(exc)


def find_repository(root: Path) -> Repository | None:
    """The repository whose work tree holds `root`, or None outside git.

    Raises RepositoryRefusedError when there is a repository (a `.git` at or above
    `root`, or `GIT_DIR`) that git refuses or cannot read: taking that for "not a
    repository" would silently switch the history rules off.
    """
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel", "--show-prefix"],
            cwd=root,
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        if _has_repository(root):
            raise RepositoryRefusedError(
                _(
                    "the project is in a git repository, but git cannot be run ({strerror}): "
                    "install git, or put it on PATH"
                ).format(strerror=exc.strerror)
            ) from None
        return None
    lines = done.stdout.decode("utf-8", "surrogateescape").split("\n")
    if done.returncode == 0 and len(lines) >= 2 and lines[0]:
        return Repository(top=Path(lines[0]), prefix=lines[1].rstrip("/"))
    if _has_repository(root):
        raise RepositoryRefusedError(_refusal(done.stderr.decode("utf-8", "replace")))
    return None


def _has_repository(root: Path) -> bool:
    """Whether git should find a repository here: `GIT_DIR` is set, or a `.git` (folder
    or file) is at or above `root`."""
    if os.environ.get("GIT_DIR"):
        return True
    folder = root.resolve()
    return any(os.path.lexists(parent / ".git") for parent in (folder, *folder.parents))


def _refusal(stderr: str) -> str:
    """Why git refused, and what to do, from git's own message."""
    said = [line.strip() for line in stderr.splitlines() if line.strip()]
    reason = said[0].removeprefix("fatal: ") if said else _("git rev-parse failed")
    advice = next((line for line in said if line.startswith("git config")), None)
    if advice:  # "dubious ownership": the checkout belongs to another user
        fix = _(
            "if you trust this checkout, run `{advice}` (in CI, as a step before "
            "riskdocs; riskdocs never changes your git config)"
        ).format(advice=advice)
    else:
        fix = _("repair the repository (`git status` shows the same problem)")
    return _("git refuses to read the repository ({reason}): {fix}").format(reason=reason, fix=fix)
