"""Find the project root, walk its folders and read every file into a `Document`.

A document keeps the file's path relative to the root, its kind, its data
(JSON-shaped, dates as strings), the positions of its values and, for
Markdown files, the body after the front matter. Unreadable files become
findings, never exceptions.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from riskdocs.errors import ProjectNotFoundError
from riskdocs.finding import Finding, Severity
from riskdocs.load.kinds import CONFIG_FILE, ENTITY_FOLDERS, KINDS, Kind, classify
from riskdocs.load.yamlsrc import Positions, YamlProblem, parse_yaml
from riskdocs.parallel import processes_for, split


@dataclass(frozen=True)
class Document:
    """One project file as read from disk.

    Attributes:
        path: path relative to the project root, `/`-separated.
        kind: what the file holds.
        data: the YAML data (front matter for Markdown); None if it could not be read.
        positions: where each value starts in the file.
        body: Markdown text after the front matter ("" for YAML files).
        body_line: line number of the first line of `body` in the file.
    """

    path: str
    kind: Kind
    data: Any
    positions: Positions = field(default_factory=Positions)
    body: str = ""
    body_line: int = 1

    @property
    def readable(self) -> bool:
        return self.data is not None

    @property
    def stem(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0]


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds riskdocs.yaml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise ProjectNotFoundError(
        f"no {CONFIG_FILE} in {start} or any folder above it; run `riskdocs init` to start a "
        f"project, or pass --root DIR to point at one"
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
        p for p in paths
        if p == CONFIG_FILE or (
            p.startswith(folders)
            and not any(part.startswith(".") for part in p.split("/"))
            and readable_name(p.rsplit("/", 1)[-1])
        )
    )  # fmt: skip


class Tree(Protocol):
    """Where project files come from: the work tree, or a commit (see history.py)."""

    def files(self) -> list[str]: ...

    def read(self, relpath: str) -> bytes: ...


@dataclass(frozen=True)
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
            raise OSError(errno.EINVAL, "not a regular file")
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


# Reading in worker processes pays from about this many files on a 2-core machine
# (benchmarks/validate.py compares it with RISKDOCS_PARALLEL=0): below, forking and
# sending documents back cost more than they save.
PARALLEL_MIN_FILES = 2000


def load_project(root: Path, tree: Tree | None = None) -> tuple[list[Document], list[Finding]]:
    """Read every project file (from disk, or from `tree`) into documents, and findings
    for what could not be read. Big projects on disk are read by worker processes
    when the machine has more than one core (`RISKDOCS_PARALLEL=0` turns it off)."""
    source = tree or DiskTree(root)
    paths = source.files()
    workers = processes_for(len(paths), PARALLEL_MIN_FILES) if tree is None else 1
    if workers > 1:
        return _load_in_workers(root, paths, workers)
    return _load_paths(source, paths)


def _load_paths(source: Tree, paths: Sequence[str]) -> tuple[list[Document], list[Finding]]:
    documents: list[Document] = []
    findings: list[Finding] = []
    for relpath in paths:
        kind = classify(relpath)
        if kind is None:
            findings.append(_unknown_file(relpath))
            continue
        document, problems = load_file(source, relpath, kind)
        documents.append(document)
        findings.extend(problems)
    return documents, findings


def _load_in_workers(
    root: Path, paths: Sequence[str], processes: int
) -> tuple[list[Document], list[Finding]]:
    """The same result as `_load_paths`, with the work shared by this process and
    `processes - 1` forked ones. Workers send plain data back with marshal, much
    cheaper to rebuild than pickled dataclasses."""
    shares = split(paths, processes)
    if len(shares) < 2:
        return _load_paths(DiskTree(root), paths)
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(len(shares) - 1) as pool:
        pending = pool.map_async(_load_share, [(root, share) for share in shares[1:]])
        documents, findings = _load_paths(DiskTree(root), shares[0])
        for packed in pending.get():
            more, problems = _unpack(packed)
            documents += more
            findings += problems
    return documents, findings


def _load_share(job: tuple[Path, Sequence[str]]) -> bytes:
    import marshal

    root, paths = job
    documents, findings = _load_paths(DiskTree(root), paths)
    rows = [(d.path, d.kind.name, d.data, d.positions.values, d.positions.keys, d.body,
             d.body_line) for d in documents]  # fmt: skip
    problems = [(f.path, f.line, f.col, f.rule, f.severity.value, f.message, f.entity, f.ignored)
                for f in findings]  # fmt: skip
    return marshal.dumps((rows, problems))


def _unpack(packed: bytes) -> tuple[list[Document], list[Finding]]:
    import marshal

    rows, problems = marshal.loads(packed)
    documents = [Document(path, KINDS[kind], data, Positions(values, keys), body, body_line)
                 for path, kind, data, values, keys, body, body_line in rows]  # fmt: skip
    findings = [
        Finding(path, line, col, rule, Severity(level), message, entity, ignored)
        for path, line, col, rule, level, message, entity, ignored in problems
    ]
    return documents, findings


def load_file(source: Tree, relpath: str, kind: Kind) -> tuple[Document, list[Finding]]:
    """Read one file; problems come back as findings and leave `data` as None."""
    try:
        raw = source.read(relpath)
        if len(raw) > MAX_FILE_BYTES:
            raise FileTooLargeError(len(raw))
    except OutsideProjectError as exc:
        message = (
            f"this is a symlink to {exc}, outside the project: riskdocs does not follow it "
            "(its content could end up on the status page); copy the file in instead"
        )
        return Document(relpath, kind, None), [_error(relpath, "file-unreadable", 1, 1, message)]
    except FileTooLargeError as exc:
        message = (
            f"file is {exc.size / 1_000_000:.1f} MB; riskdocs reads project files up to "
            f"{MAX_FILE_BYTES // 1_000_000} MB: split it (one entity per file) or move it out"
        )
        return Document(relpath, kind, None), [_error(relpath, "file-too-large", 1, 1, message)]
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        message = f"cannot read the file ({reason}); fix or remove it"
        return Document(relpath, kind, None), [_error(relpath, "file-unreadable", 1, 1, message)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        message = f"file is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it with UTF-8 encoding"
        return Document(relpath, kind, None), [_error(relpath, "file-encoding", line, 1, message)]
    if kind.markdown:
        return _load_markdown(relpath, kind, text)
    parsed = parse_yaml(text)
    findings = [_problem_finding(relpath, p) for p in parsed.problems] or _empty(
        relpath, kind, parsed.data
    )
    return Document(relpath, kind, parsed.data, parsed.positions), findings


def _load_markdown(relpath: str, kind: Kind, text: str) -> tuple[Document, list[Finding]]:
    split = split_front_matter(text)
    if isinstance(split, YamlProblem):
        return Document(relpath, kind, None), [_problem_finding(relpath, split)]
    front, offset, body, body_line = split
    parsed = parse_yaml(front, line_offset=offset)
    findings = [_problem_finding(relpath, p) for p in parsed.problems] or _empty(
        relpath, kind, parsed.data
    )
    return Document(relpath, kind, parsed.data, parsed.positions, body, body_line), findings


def split_front_matter(text: str) -> tuple[str, int, str, int] | YamlProblem:
    """Split Markdown into (front matter, its line offset, body, body's first line).

    Front matter is YAML between a first line `---` and the next `---` or `...` line.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return YamlProblem(
            "front-matter",
            1,
            1,
            "file must start with YAML front matter: a "
            "'---' line, the fields (date, title, ...), then another '---' line",
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            front = "".join(lines[1:index])
            return front, 1, "".join(lines[index + 1 :]), index + 2
    return YamlProblem(
        "front-matter", 1, 1, "front matter is not closed: add a '---' line after the last field"
    )


def _empty(relpath: str, kind: Kind, data: Any) -> list[Finding]:
    if data is not None:
        return []
    where = "front matter" if kind.markdown else "file"
    return [
        _error(
            relpath,
            "empty-file",
            1,
            1,
            f"the {where} is empty: write the {kind.label}'s "
            f"fields here (`riskdocs schema {kind.name}` lists them)",
        )
    ]


def _problem_finding(relpath: str, problem: YamlProblem) -> Finding:
    return _error(relpath, problem.rule, problem.line, problem.col, problem.message)


def _error(relpath: str, rule: str, line: int, col: int, message: str) -> Finding:
    return Finding(relpath, line, col, rule, Severity.ERROR, message)


def _unknown_file(relpath: str) -> Finding:
    folder = relpath.split("/", 1)[0]
    return Finding(
        relpath,
        None,
        None,
        "unknown-file",
        Severity.WARNING,
        f"riskdocs does not read this file: {folder}/ holds "
        f"{_expected_in(relpath)}; rename it or move it out of {folder}/",
    )


def _expected_in(relpath: str) -> str:
    if relpath.startswith("scope/"):
        return "baseline.yaml and changes/CR-*.yaml files"
    if relpath.startswith(("meetings/", "lessons/")):
        return "Markdown (.md) files"
    return "YAML (.yaml or .yml) files"
