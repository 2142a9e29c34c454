"""What riskdocs reads from git history (gitcmd.py runs the commands).

History is read with two streaming processes, whatever the number of commits:
one `git log --raw --no-abbrev -z` over the project folder (each change with its
old and new blob) and one persistent `git cat-file --batch` (GitPython's
command wrapper) for the blobs riskdocs needs. Out come plain dataclasses
(`DueChange`, `RiskPoint`, `ScopeVersion`), so rules are tested without a
repository. Git never receives a user-written string as an option: paths go
after `--`, revisions are checked with `rev-parse --verify`.
"""

from __future__ import annotations

import functools
import queue
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from riskdocs.dates import parse_day
from riskdocs.history.blobfacts import (
    FACTS,
    SIDES,
    yaml_mapping,
)
from riskdocs.history.facts import (
    UNCOMMITTED,
    CommitmentPoint,
    DueChange,
    History,
    RiskPoint,
    ScopeVersion,
)
from riskdocs.history.repo import (
    NEVER_WRITE,
    NULL_BLOB,
    Git,
    GitError,
    StagedChange,
    git_in,
    run_git,
)
from riskdocs.load.documents import MAX_FILE_BYTES, project_files, split_front_matter
from riskdocs.load.kinds import COMMITMENT, MEETING, RISK, SCOPE, Kind, classify
from riskdocs.load.yamlsrc import YamlProblem

WORK_TREE = "work-tree"  # the "blob" of an uncommitted change: read from disk
_READ_SIZE = 1 << 16


@dataclass(frozen=True, slots=True)
class Change:
    """One file changed by one commit (or by the uncommitted work tree)."""

    commit: str
    day: date
    author: str
    path: str  # relative to the project root, as the file is named after the change
    old_blob: str | None
    new_blob: str | None


def repository_of(root: Path) -> tuple[Git, str] | None:
    """(git, the project folder's path inside the repository), or None outside git."""
    try:
        found = git_in(root)
        top = run_git(found, "rev-parse", "--show-toplevel").strip()
        inside = run_git(found, "rev-parse", "--show-prefix").strip().rstrip("/")
    except GitError:
        return None
    return git_in(Path(top)), inside  # pathspecs are relative to the top from here on


def head_commit(root: Path) -> str | None:
    """The short hash of HEAD of the repository holding `root`, or None outside git
    (or before the first commit)."""
    found = repository_of(root)
    if found is None:
        return None
    try:
        return run_git(found[0], "rev-parse", "--verify", "--quiet", "--short=12", "HEAD") or None
    except GitError:
        return None


def resolve(root: Path, revision: str) -> str:
    """The full hash of `revision` (a commit-ish), refusing anything that is not one."""
    found = repository_of(root)
    if found is None:
        raise GitError(f"{root} is not in a git repository")
    git, _ = found
    if revision.startswith("-"):
        raise GitError(f"'{revision}' is not a revision")
    try:
        return run_git(git, "rev-parse", "--verify", "--quiet", "--end-of-options",
                    revision + "^{commit}").strip()  # fmt: skip
    except GitError:
        raise GitError(f"'{revision}' is not a commit in this repository") from None


def commit_on_or_before(root: Path, day: date) -> str:
    """The last commit of HEAD's history made on or before `day` (end of that day)."""
    found = repository_of(root)
    if found is None:
        raise GitError(f"{root} is not in a git repository")
    git, _ = found
    sha = run_git(git, "rev-list", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD").strip()
    if not sha:
        raise GitError(f"no commit on or before {day}")
    return sha


@dataclass(frozen=True)
class CommitTree:
    """The project's files as they were in one commit, read from git objects."""

    git: Git
    blobs: dict[str, str]  # path relative to the project root -> blob id

    def files(self) -> list[str]:
        return project_files(self.blobs)

    def read(self, relpath: str) -> bytes:
        return bytes(self.git.get_object_data(self.blobs[relpath])[3])


def tree_at(root: Path, commit: str) -> CommitTree:
    """The project at `root` as `commit` (a full hash from `resolve`) left it."""
    found = repository_of(root)
    if found is None:
        raise GitError(f"{root} is not in a git repository")
    git, prefix = found
    listing = run_git(git, "ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix or ".")
    blobs = {}
    for entry in listing.split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split(" ")
        relative = _relative(path, prefix)
        if len(parts) == 3 and parts[1] == "blob" and relative is not None:
            blobs[relative] = parts[2]
    return CommitTree(git, blobs)


def commit_day(root: Path, commit: str) -> date:
    """The day `commit` was made (committer date)."""
    found = repository_of(root)
    if found is None:
        raise GitError(f"{root} is not in a git repository")
    return parse_day(run_git(found[0], "show", "-s", "--format=%cs", commit).strip())


def read_history(
    root: Path,
    revision: str | None = None,
    *,
    log: bool = True,
    work_tree: date | None = None,
) -> History:
    """Every fact riskdocs takes from git for the project at `root`: the commits up to
    `revision` (default HEAD) when `log`, and the uncommitted work tree (dated
    `work_tree`, the day being checked) when that is given. The pre-commit hook
    reads only the work tree, which costs one `git diff`."""
    found = repository_of(root)
    if found is None:
        return History(problem=None)
    git, prefix = found
    history = History()
    try:
        history.head = run_git(git, "rev-parse", "--verify", "--quiet", revision or "HEAD").strip()
    except GitError:
        history.problem = "the repository has no commits yet: history rules start with the first"
        return history
    history.shallow = run_git(git, "rev-parse", "--is-shallow-repository").strip() == "true"
    if history.shallow and log:
        history.problem = (
            "the git history is shallow (a CI clone?): fetch all of it (actions/checkout "
            "`fetch-depth: 0`, GitLab `GIT_DEPTH: 0`) for silent slips and trends"
        )
    if log:
        committed = _committed(git, root, prefix, history.head)
        history.commits = committed.commits
        _append(history, committed)
    if work_tree is not None and revision is None:
        uncommitted = History()
        _extract(git, root, _work_tree_changes(git, prefix, root, work_tree), uncommitted)
        _append(history, uncommitted)  # newer than any commit, so last
    return history


def staged_history(root: Path, changes: Iterable[StagedChange], today: date) -> History:
    """The history facts of staged changes alone, dated `today`: what the pre-commit
    hook needs to catch a silent slip before it is committed. New versions are read
    from disk, which pre-commit has made equal to what is staged."""
    history = History(head=UNCOMMITTED)
    work = [Change(UNCOMMITTED, today, "you", c.path, c.old_blob, WORK_TREE)
            for c in changes if c.status != "D" and (root / c.path).is_file()]  # fmt: skip
    if work:
        _extract(Git(root), root, work, history)
    return history


def _append(history: History, more: History) -> None:
    history.due_changes += more.due_changes
    history.risk_points += more.risk_points
    history.commitment_points += more.commitment_points
    history.scope_versions += more.scope_versions


def _committed(git: Git, root: Path, prefix: str, head: str) -> History:
    """The facts of every commit up to `head`: from the cache when it is current, else
    the cache plus the commits made since (when it is an ancestor), else all of them."""
    from riskdocs.history import cache as historycache

    where = historycache.cache_file(str(git.working_dir), prefix)
    cached = historycache.load(where)
    if cached is not None and cached.head == head:
        return cached
    base = cached.head if cached is not None and _is_ancestor(git, cached.head, head) else None
    renamed: dict[str, str] = {}
    found = History(head=head)
    _extract(git, root, _log(git, prefix, head, base, renamed), found)
    if base is not None and cached is not None:
        found = _continue(cached, found, renamed, prefix)
    historycache.save(where, found)
    return found


def _is_ancestor(git: Git, older: str | None, newer: str) -> bool:
    if not older:
        return False
    try:
        run_git(git, "merge-base", "--is-ancestor", older, newer)
    except GitError:
        return False
    return True


def _continue(cached: History, new: History, renamed: dict[str, str], prefix: str) -> History:
    """Cached facts (with files renamed since given their new names), then the new ones."""

    def newest(path: str) -> str:
        full = f"{prefix}/{path}" if prefix else path
        return _relative(renamed.get(full, full), prefix) or path

    old_moves, old_points = cached.due_changes, cached.commitment_points
    if renamed:
        old_moves = [replace(m, path=newest(m.path)) for m in old_moves]
        old_points = [replace(p, path=newest(p.path)) for p in old_points]
    return History(
        head=new.head,
        commits=cached.commits + new.commits,
        due_changes=old_moves + new.due_changes,
        risk_points=cached.risk_points + new.risk_points,
        commitment_points=old_points + new.commitment_points,
        scope_versions=cached.scope_versions + new.scope_versions,
    )


def _log(
    git: Git,
    prefix: str,
    head: str,
    since: str | None = None,
    newest_name: dict[str, str] | None = None,
) -> Iterator[Change]:
    """Changes to project files, newest first, with paths renamed to their newest name
    (the renames seen are left in `newest_name`); only those after `since` if given."""
    commits = f"{since}..{head}" if since else head
    args = ["git", *NEVER_WRITE, "log", "--raw", "--no-abbrev", "-z", "--find-renames",
            "--no-color", "--format=%x1e%H%x1f%as%x1f%aN", commits, "--",
            prefix or "."]  # fmt: skip
    process = git.stream(args)
    newest_name = {} if newest_name is None else newest_name
    buffer = b""
    assert process.proc is not None and process.proc.stdout is not None
    stream = process.proc.stdout
    while chunk := stream.read(_READ_SIZE):
        buffer += chunk
        *records, buffer = buffer.split(b"\x1e")
        for record in records:
            yield from _record(record, prefix, newest_name)
    if buffer:
        yield from _record(buffer, prefix, newest_name)
    process.wait()


def _record(record: bytes, prefix: str, newest_name: dict[str, str]) -> Iterator[Change]:
    if not record.strip():
        return
    header, _, raw = record.partition(b"\0")
    sha, day_text, name = header.decode("utf-8", "replace").split("\x1f", 2)
    day, author, commit = _day_of(day_text), sys.intern(name), sha[:12]
    tokens = raw.lstrip(b"\n").split(b"\0")
    index = 0
    while index < len(tokens) and tokens[index].startswith(b":"):
        _, _, old, new, status = tokens[index].decode().split(" ")
        paths = [t.decode("utf-8", "surrogateescape") for t in tokens[index + 1 : index + 3]]
        two = status[0] in "RC"
        index += 3 if two else 2
        before, after = (paths[0], paths[1]) if two else (paths[0], paths[0])
        current = newest_name.get(after, after)
        if status[0] == "R":
            newest_name[before] = current
        relative = _relative(current, prefix)
        if relative is not None:  # interned: a file's blob ids and path repeat in history
            yield Change(commit, day, author, sys.intern(relative),
                         None if old == NULL_BLOB else sys.intern(old),
                         None if new == NULL_BLOB else sys.intern(new))  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _day_of(text: str) -> date:
    return parse_day(text)


def _relative(path: str, prefix: str) -> str | None:
    if not prefix:
        return path
    return path[len(prefix) + 1 :] if path.startswith(prefix + "/") else None


def _work_tree_changes(git: Git, prefix: str, root: Path, today: date) -> list[Change]:
    """Tracked project files that differ from HEAD: old blob from HEAD, new from disk,
    dated `today` (riskdocs never reads the clock here)."""
    out = run_git(git, "diff", "HEAD", "--raw", "--no-abbrev", "-z", "--no-renames", "--",
               prefix or ".")  # fmt: skip
    tokens = out.split("\0")
    changes = []
    for meta, path in zip(tokens[0::2], tokens[1::2], strict=False):
        if not meta.startswith(":"):
            continue
        old = meta.split(" ")[2]
        relative = _relative(path, prefix)
        if relative is not None and (root / relative).is_file():
            changes.append(Change(UNCOMMITTED, today, "you", relative,
                                  None if old == NULL_BLOB else old, WORK_TREE))  # fmt: skip
    return changes


class _Blobs:
    """Blob contents by id, read in one pipelined `git cat-file --batch` (the work tree
    from disk). Only a small fact is kept per blob, never the whole history's text."""

    def __init__(self, git: Git, root: Path) -> None:
        self.git, self.root = git, root
        self.facts: dict[tuple[str, str], Any] = {}

    def read_all(self, changes: Iterable[Change]) -> list[tuple[Change, Kind | None]]:
        """Consume `changes` (a git log stream) while a `git cat-file --batch` running
        beside it reads every blob they need, so git log, cat-file and Python overlap.
        Returns the changes with their kinds, in stream order."""
        process = self.git.execute(["git", *NEVER_WRITE, "cat-file", "--batch"], as_process=True,
                                   istream=subprocess.PIPE)  # fmt: skip
        assert process.proc is not None
        stdin, stdout = process.proc.stdin, process.proc.stdout
        assert stdin is not None and stdout is not None
        requested: queue.SimpleQueue[tuple[str, str] | None] = queue.SimpleQueue()
        reader = threading.Thread(target=self._read, args=(stdout, requested), daemon=True)
        reader.start()
        seen: set[tuple[str, str]] = set()
        kinds = []
        try:
            for change in changes:
                kind = classify(change.path)
                kinds.append((change, kind))
                for key in self._needs(change, kind, seen):
                    stdin.write(f"{key[0]}\n".encode())
                    requested.put(key)
        finally:
            requested.put(None)
            stdin.close()
            reader.join()
            process.wait()
        return kinds

    def _needs(
        self, change: Change, kind: Kind | None, seen: set[tuple[str, str]]
    ) -> Iterator[tuple[str, str]]:
        if kind is None or kind.name not in FACTS:
            return
        for blob in (change.new_blob, change.old_blob)[: SIDES[kind.name]]:
            if blob == WORK_TREE:
                self.facts[(blob + change.path, kind.name)] = FACTS[kind.name](
                    _decode((self.root / change.path).read_bytes())
                )
            elif blob and (blob, kind.name) not in seen:
                seen.add((blob, kind.name))
                yield blob, kind.name

    def _read(self, stdout: Any, requested: queue.SimpleQueue[tuple[str, str] | None]) -> None:
        while (key := requested.get()) is not None:
            header = stdout.readline().split()
            if len(header) != 3:
                continue  # missing object: no fact
            size = int(header[2])
            if size > MAX_FILE_BYTES:  # as the loader: never hold a huge blob
                _skip(stdout, size + 1)
                continue
            raw = stdout.read(size + 1)[:size]
            self.facts[key] = FACTS[key[1]](_decode(raw))

    def text(self, blob: str | None, path: str) -> str | None:
        """One blob's whole text (for `riskdocs history`, which reads few)."""
        if blob is None:
            return None
        if blob == WORK_TREE:
            return _decode((self.root / path).read_bytes())
        return _decode(bytes(self.git.get_object_data(blob)[3]))

    def fact(self, blob: str | None, kind: str, path: str) -> Any:
        if blob is None:
            return None
        return self.facts.get((blob + path if blob == WORK_TREE else blob, kind))


def _skip(stream: Any, count: int) -> None:
    while count > 0:
        count -= len(stream.read(min(count, _READ_SIZE))) or count


def _decode(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _extract(git: Git, root: Path, changes: Iterable[Change], history: History) -> None:
    blobs = _Blobs(git, root)
    kinds = blobs.read_all(changes)
    history.commits += len({change.commit for change, _ in kinds} - {UNCOMMITTED})
    for change, kind in reversed(kinds):  # oldest first
        if kind is COMMITMENT:
            history.due_changes.extend(_commitment_moves(change, blobs))
            history.commitment_points.append(_commitment_point(change, blobs))
        elif kind is MEETING:
            history.due_changes.extend(_action_item_moves(change, blobs))
        elif kind is RISK and change.new_blob:
            point = _risk_point(change, blobs)
            if point:
                history.risk_points.append(point)
        elif kind is SCOPE and change.new_blob:
            fact = blobs.fact(change.new_blob, SCOPE.name, change.path)
            if fact:
                history.scope_versions.append(ScopeVersion(change.commit, change.day, *fact))


def _commitment_moves(change: Change, blobs: _Blobs) -> Iterator[DueChange]:
    old = blobs.fact(change.old_blob, COMMITMENT.name, change.path)
    new = blobs.fact(change.new_blob, COMMITMENT.name, change.path)
    if old and new and old[1] and new[1] and old[1] != new[1] and new[0]:
        yield DueChange(new[0], change.path, change.commit, change.day, change.author,
                        old[1], new[1])  # fmt: skip


def _commitment_point(change: Change, blobs: _Blobs) -> CommitmentPoint:
    new = blobs.fact(change.new_blob, COMMITMENT.name, change.path)
    status = "gone" if change.new_blob is None else (new[2] if new else "?")
    return CommitmentPoint(change.path, change.day, status)


def _action_item_moves(change: Change, blobs: _Blobs) -> Iterator[DueChange]:
    before = blobs.fact(change.old_blob, MEETING.name, change.path) or {}
    after = blobs.fact(change.new_blob, MEETING.name, change.path) or {}
    meeting = Path(change.path).stem
    for key, due in after.items():
        old = before.get(key)
        if old and old != due:
            yield DueChange(meeting, change.path, change.commit, change.day, change.author,
                            old, due, key[1])  # fmt: skip


def _risk_point(change: Change, blobs: _Blobs) -> RiskPoint | None:
    new = blobs.fact(change.new_blob, RISK.name, change.path)
    if new is None:
        return None
    old = blobs.fact(change.old_blob, RISK.name, change.path)
    bump = old is not None and old[3] != new[3] and old[4] == new[4]
    return RiskPoint(new[0], change.commit, change.day, new[1], bump, new[2])


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One top-level field of a file that changed: `old`/`new` are None when absent."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class Revision:
    """One change to one file: who, when, and what changed in it."""

    commit: str
    day: date
    author: str
    path: str
    fields: tuple[FieldChange, ...]
    event: str = "changed"  # created | changed | deleted


def timeline(root: Path, today: date, paths: set[str] | None = None) -> list[Revision]:
    """Every change to the project's files (or only to `paths`), oldest first,
    including uncommitted ones (dated `today`)."""
    found = repository_of(root)
    if found is None:
        raise GitError(f"{root} is not in a git repository: there is no history to show")
    git, prefix = found
    try:
        head = run_git(git, "rev-parse", "--verify", "--quiet", "HEAD").strip()
    except GitError:
        return []
    committed = reversed(list(_log(git, prefix, head)))
    changes = [*committed, *_work_tree_changes(git, prefix, root, today)]
    blobs = _Blobs(git, root)
    return [
        Revision(c.commit, c.day, c.author, c.path, _field_changes(c, blobs), _event(c))
        for c in changes
        if paths is None or c.path in paths
    ]


def _event(change: Change) -> str:
    if change.old_blob is None:
        return "created"
    return "deleted" if change.new_blob is None else "changed"


def _field_changes(change: Change, blobs: _Blobs) -> tuple[FieldChange, ...]:
    old, new = (_fields(blobs.text(b, change.path), change.path)
                for b in (change.old_blob, change.new_blob))  # fmt: skip
    return tuple(
        FieldChange(key, old.get(key), new.get(key))
        for key in sorted(set(old) | set(new), key=lambda k: (k == "body", k))
        if old.get(key) != new.get(key)
    )


def _fields(text: str | None, path: str) -> dict[str, Any]:
    if text is None:
        return {}
    if not path.endswith(".md"):
        return yaml_mapping(text)
    split = split_front_matter(text)
    if isinstance(split, YamlProblem):
        return {"body": text}
    front, _, body, _ = split
    return {**yaml_mapping(front), "body": body}
