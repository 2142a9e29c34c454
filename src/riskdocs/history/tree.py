"""The project as one commit left it, read from git objects: the tree of `--as-of`.

One `git ls-tree` lists the files with their sizes and one `git cat-file --batch`
reads them all (history/blobs.py), so reading a project of thousands of files
from a commit costs about what reading it from disk does. It is a `Tree`, so the
loader reads it like the work tree, with the same limits: nothing over
MAX_FILE_BYTES is read, and a symbolic link stored in git is not followed.
"""

from __future__ import annotations

import errno

from riskdocs.history.blobs import Blob, read_blobs
from riskdocs.history.repo import Repository, TreeEntry
from riskdocs.load.tree import MAX_FILE_BYTES, FileTooLargeError, project_files


class CommitTree:
    """The project's files in `commit` (a full hash), read when the tree is made."""

    def __init__(self, repository: Repository, commit: str) -> None:
        self.commit = commit
        listed = repository.tree(commit)
        self.entries: dict[str, TreeEntry] = {path: listed[path] for path in project_files(listed)}
        wanted = ((path, e.blob) for path, e in self.entries.items() if _readable(e))
        self.contents = read_blobs(repository, wanted, _content)

    def files(self) -> list[str]:
        return sorted(self.entries)

    def read(self, relpath: str) -> bytes:
        entry = self.entries.get(relpath)
        if entry is None:
            raise FileNotFoundError(errno.ENOENT, f"no {relpath} in commit {self.commit[:12]}")
        if entry.symlink:
            raise OSError(errno.ELOOP, "a symbolic link in git; riskdocs reads only files")
        if entry.size > MAX_FILE_BYTES:
            raise FileTooLargeError(entry.size)
        content = self.contents.get(relpath)
        if content is None:
            raise OSError(errno.ENOENT, "the blob is missing from the repository")
        return content


def _readable(entry: TreeEntry) -> bool:
    return not entry.symlink and entry.size <= MAX_FILE_BYTES


def _content(_: str, blob: Blob) -> bytes | None:
    return blob.content
