"""Where project files come from, and which files riskdocs reads.

A `Tree` lists the project's files and reads one; `DiskTree` is the work tree
(its `read` is the one guarded read of a user's file: no symlink out of the
project, no FIFO or device, nothing over MAX_FILE_BYTES), history/tree.py gives
a commit's files. `discover` and `project_files` say which paths riskdocs reads.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from riskdocs.errors import ProjectNotFoundError
from riskdocs.i18n import _
from riskdocs.load.kinds import CONFIG_FILE, ENTITY_FOLDERS
from riskdocs.structs import struct


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds riskdocs.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise ProjectNotFoundError(
        _(
            "no {config} in {start} or any folder above it; run `riskdocs init` "
            "to start a project, or pass --root DIR to point at one"
        ).format(config=CONFIG_FILE, start=start)
    )


# One entity per file: even a meeting note with a year of minutes is far below this.
MAX_FILE_BYTES = 1_000_000


def discover(root: Path) -> list[str]:
    """Relative paths of riskdocs.yaml and every file in the entity folders, sorted."""
    found = [CONFIG_FILE] if (root / CONFIG_FILE).is_file() else []
    for folder in ENTITY_FOLDERS:
        found.extend(walk(root, folder))
    return sorted(found)


def walk(root: Path, folder: str) -> Iterator[str]:
    """Relative paths of the files riskdocs reads under `folder` (no dot files or READMEs)."""
    for rel, names in walk_folders(root, folder):
        for name in names:
            if readable_name(name):
                yield f"{rel}/{name}"


def walk_folders(root: Path, folder: str) -> Iterator[tuple[str, list[str]]]:
    """(folder relative to `root`, its file names) for `folder` and every sub-folder
    not hidden by a leading dot."""
    base = str(root)
    for dirpath, dirnames, filenames in os.walk(root / folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        yield dirpath[len(base) + 1 :].replace(os.sep, "/"), filenames


def readable_name(name: str) -> bool:
    """False for the files riskdocs skips in its folders: dot files and READMEs."""
    return not name.startswith(".") and not name.upper().startswith("README")


def project_files(paths: Iterable[str]) -> list[str]:
    """The paths (relative to the project root) that `discover` would find on disk."""
    folders = tuple(f"{folder}/" for folder in ENTITY_FOLDERS)
    return sorted(
        p
        for p in paths
        if p == CONFIG_FILE
        or (
            p.startswith(folders)
            and not any(part.startswith(".") for part in p.split("/"))
            and readable_name(p.rsplit("/", 1)[-1])
        )
    )


class Tree(Protocol):
    """Where project files come from: the work tree, or a commit (history/tree.py)."""

    def files(self) -> list[str]: ...

    def read(self, relpath: str) -> bytes: ...


@struct(kw_only=False)
class DiskTree:
    """The project as it is on disk."""

    root: Path

    def files(self) -> list[str]:
        return discover(self.root)

    def read(self, relpath: str) -> bytes:
        path = f"{self.root}/{relpath}"  # plain strings: this runs once per project file
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            if not _target(Path(path)).is_relative_to(self.root.resolve()):
                raise OutsideProjectError(os.readlink(path))
            mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):  # a FIFO or device would block or never end
            raise OSError(errno.EINVAL, _("not a regular file"))
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_FILE_BYTES:  # checked before reading: never load a huge file
                raise FileTooLargeError(size)
            return file.read()


def _target(link: Path) -> Path:
    """Where a symlink leads; a loop is an OSError like a broken link."""
    try:
        return link.resolve(strict=True)
    except RuntimeError as exc:  # Python 3.11 reports symlink loops this way
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP)) from exc


class OutsideProjectError(Exception):
    """A symlink whose target is outside the project: never followed, never published."""


class FileTooLargeError(Exception):
    """A project file bigger than MAX_FILE_BYTES."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


READ_ERRORS = (OSError, OutsideProjectError, FileTooLargeError)
"""Everything `Tree.read` raises for a file riskdocs will not read."""
