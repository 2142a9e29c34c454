"""The project as one commit left it, read from git objects: the tree of `--as-of`.

One `git ls-tree` lists the files with their sizes and one `git cat-file --batch`
reads them all (history/blobs.py), so reading a project of thousands of files
from a commit costs about what reading it from disk does. It is a `Tree`, so the
loader reads it as it reads the work tree, with the same limits: nothing over
MAX_FILE_BYTES is read, and a symbolic link is followed only to a file inside
the project, as on disk.
"""

from __future__ import annotations

import errno
import os
import posixpath

from riskdocs.history.blobs import Blob, read_blobs
from riskdocs.history.repo import Repository
from riskdocs.load.tree import (
    MAX_FILE_BYTES,
    READ_ERRORS,
    FileTooLargeError,
    OutsideProjectError,
    project_files,
)

_MAX_LINKS = 40  # as the kernel's limit on a chain of symbolic links


class CommitTree:
    """The project's files in `commit` (a full hash), all read when the tree is made."""

    def __init__(self, repository: Repository, commit: str) -> None:
        self.commit = commit
        self.listed = repository.tree(commit)  # every file under the project folder
        self.entries = {path: self.listed[path] for path in project_files(self.listed)}
        wanted = [path for path, e in self.entries.items() if e.size <= MAX_FILE_BYTES]
        links = [path for path, e in self.listed.items() if e.symlink]
        self.contents = self._read(repository, [*wanted, *links])
        targets = {self._reachable(path) for path, e in self.entries.items() if e.symlink}
        missing = [t for t in targets if t and t not in self.contents and t in self.listed]
        self.contents.update(self._read(repository, missing))

    def _read(self, repository: Repository, paths: list[str]) -> dict[str, bytes | None]:
        requests = ((path, self.listed[path].blob) for path in paths)
        return read_blobs(repository, requests, _content)

    def files(self) -> list[str]:
        return sorted(self.entries)

    def read(self, relpath: str) -> bytes:
        if relpath not in self.entries:
            raise FileNotFoundError(errno.ENOENT, f"no {relpath} in commit {self.commit[:12]}")
        path = self._target(relpath) if self.entries[relpath].symlink else relpath
        entry = self.listed.get(path or "")
        if path is None or entry is None:
            raise FileNotFoundError(
                errno.ENOENT, os.strerror(errno.ENOENT)
            )  # as a broken link on disk
        if entry.size > MAX_FILE_BYTES:
            raise FileTooLargeError(entry.size)
        content = self.contents.get(path)
        if content is None:
            raise OSError(errno.ENOENT, "the blob is missing from the repository")
        return content

    def _reachable(self, link: str) -> str | None:
        try:
            return self._target(link)
        except READ_ERRORS:  # read() says why, when the loader asks for it
            return None

    def _target(self, link: str) -> str | None:
        """Where a link in the tree leads, inside the project; OutsideProjectError when it
        leaves the project, ELOOP for a loop; None when the link's own blob is missing."""
        path = link
        for _ in range(_MAX_LINKS):
            entry = self.listed.get(path)
            if entry is None or not entry.symlink:
                return path
            raw = self.contents.get(path)
            if raw is None:
                return None
            target = raw.decode("utf-8", "surrogateescape")
            path = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            if target.startswith("/") or path == ".." or path.startswith("../"):
                raise OutsideProjectError(target)
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))


def _content(_: str, blob: Blob) -> bytes | None:
    return blob.content
