"""The changes to a project's files: from `git log`, the work tree, or what is staged.

A `Change` is one file changed by one commit (newest name, old and new blob);
changes not committed yet have no commit and their new version is read from the
work tree. `git log --raw --no-abbrev -z` is streamed, so a hundred thousand
commits never sit in memory as text.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from typing import NamedTuple

from riskdocs.dates import parse_day
from riskdocs.history.repo import NULL_BLOB, Repository, StagedChange

_READ_SIZE = 1 << 16
YOU = "you"  # the author of changes not committed yet


class Change(NamedTuple):
    """One file changed by one commit, or by changes not committed yet.

    Attributes:
        commit: the commit's 12-character hash; None for an uncommitted change.
        day: the commit's author date; the day being checked for uncommitted changes.
        author: the commit's author name.
        path: relative to the project root, as the file is named after the change (or
            at the newest commit, for a file renamed later).
        old_blob: the version before, None when the change created the file.
        new_blob: the version after, None when it deleted the file or when the new
            version is the work tree's file (`on_disk`).
        on_disk: the new version is the file in the work tree.
    """

    commit: str | None
    day: date
    author: str
    path: str
    old_blob: str | None
    new_blob: str | None
    on_disk: bool = False

    @property
    def event(self) -> str:
        """created | changed | deleted."""
        if self.old_blob is None:
            return "created"
        return "deleted" if self.new_blob is None and not self.on_disk else "changed"


class Log:
    """The changes `git log` gives for the project's files up to `head` (after `since`
    when given), newest first, each under its file's newest name. Once iterated,
    `renamed` maps every old path (from the top) to the name it has at `head`."""

    def __init__(self, repository: Repository, head: str, since: str | None = None) -> None:
        self.repository, self.head, self.since = repository, head, since
        self.renamed: dict[str, str] = {}

    def __iter__(self) -> Iterator[Change]:
        commits = f"{self.since}..{self.head}" if self.since else self.head
        buffer = b""
        with self.repository.stream("log", "--raw", "--no-abbrev", "-z", "--find-renames",
                                    "--no-color", "--format=%x1e%H%x1f%as%x1f%aN", commits,
                                    "--", self.repository.pathspec) as stdout:  # fmt: skip
            while chunk := stdout.read(_READ_SIZE):
                buffer += chunk
                *records, buffer = buffer.split(b"\x1e")
                for record in records:
                    yield from _record(record, self.repository, self.renamed)
        if buffer:
            yield from _record(buffer, self.repository, self.renamed)


def _record(record: bytes, repository: Repository, newest: dict[str, str]) -> Iterator[Change]:
    if not record.strip():
        return
    header, _, raw = record.partition(b"\0")
    sha, day_text, name = header.decode("utf-8", "replace").split("\x1f", 2)
    day, author, commit = _day_of(day_text), sys.intern(name), sha[:12]
    # decoded at once: a NUL byte never falls inside a UTF-8 sequence
    tokens = raw.decode("utf-8", "surrogateescape").lstrip("\n").split("\0")
    index, count = 0, len(tokens)
    while index < count and tokens[index].startswith(":"):
        _, _, old, new, status = tokens[index].split(" ")
        two = status[0] in "RC"
        before = tokens[index + 1]
        after = tokens[index + 2] if two else before
        index += 3 if two else 2
        current = newest.get(after, after)
        if status[0] == "R":
            newest[before] = current
        relative = repository.relative(current)
        if relative is not None:  # interned: a file's blob ids and path repeat in history
            yield Change(commit=commit, day=day, author=author, path=sys.intern(relative),
                         old_blob=_blob(old), new_blob=_blob(new))  # fmt: skip


def _blob(sha: str) -> str | None:
    return None if sha == NULL_BLOB else sys.intern(sha)


@functools.lru_cache(maxsize=4096)
def _day_of(text: str) -> date:
    return parse_day(text)


def uncommitted_changes(repository: Repository, today: date) -> list[Change]:
    """Tracked project files that differ from HEAD, dated `today` (riskdocs never reads
    the clock here): old version from HEAD, new from the work tree. A file deleted
    from the work tree is not a change yet."""
    out = repository.run("diff", "HEAD", "--raw", "--no-abbrev", "-z", "--no-renames", "--",
                         repository.pathspec)  # fmt: skip
    tokens = out.split("\0")
    changes = []
    for meta, path in zip(tokens[0::2], tokens[1::2], strict=False):
        relative = repository.relative(path)
        if meta.startswith(":") and relative is not None and not meta.endswith(" D"):
            old = meta.split(" ")[2]
            changes.append(_on_disk(relative, _blob(old), today))
    return changes


def staged_as_changes(staged: Iterable[StagedChange], today: date) -> list[Change]:
    """What the pre-commit hook is about to commit, dated `today`. The new versions are
    read from the work tree, which pre-commit has made equal to what is staged."""
    return [_on_disk(c.path, c.old_blob, today) for c in staged if c.status != "D"]


def _on_disk(path: str, old_blob: str | None, today: date) -> Change:
    return Change(commit=None, day=today, author=YOU, path=path, old_blob=old_blob,
                  new_blob=None, on_disk=True)  # fmt: skip
