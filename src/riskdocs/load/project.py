"""Reading every file of a project: `load_project`, in this process or forked workers.

Files riskdocs does not read in its folders become `unknown-file` findings. Big
projects are read by this process and forked workers together (the workers
inherit the tree, so a commit's blobs read once are shared); `RISKDOCS_PARALLEL=0`
keeps everything in one process.
"""

from __future__ import annotations

from collections.abc import Sequence

from riskdocs.finding import Finding, Severity
from riskdocs.i18n import _
from riskdocs.load.documents import Document, load_file
from riskdocs.load.kinds import BUDGET, CLOSURE, CONTRACT, KINDS, SCOPE, classify
from riskdocs.load.tree import Tree
from riskdocs.load.yamlsrc import Positions
from riskdocs.parallel import processes_for, split

# Reading in worker processes pays from about this many files on a 2-core machine
# (benchmarks/validate.py compares it with RISKDOCS_PARALLEL=0): below, forking and
# sending documents back cost more than they save.
PARALLEL_MIN_FILES = 2000


def load_project(
    tree: Tree, paths: Sequence[str] | None = None
) -> tuple[list[Document], list[Finding]]:
    """Every project file of `tree` (its `files()`, unless the caller listed them) read
    into a document, and findings for what could not be read. Big projects are read by
    worker processes when the machine has more than one core (`RISKDOCS_PARALLEL=0`
    turns it off)."""
    paths = tree.files() if paths is None else paths
    workers = processes_for(len(paths), PARALLEL_MIN_FILES)
    if workers > 1:
        return _load_in_workers(tree, paths, workers)
    return _load_paths(tree, paths)


def named(documents: Sequence[Document], name: str) -> list[Document]:
    """The documents whose `id:` is `name`, in any case, or whose file name is (a
    meeting note has no id): how a person names an entity on the command line."""
    wanted = name.strip().casefold()
    return [
        d
        for d in documents
        if (isinstance(d.data, dict) and str(d.data.get("id", "")).casefold() == wanted)
        or d.stem.casefold() == wanted
    ]


def _load_paths(tree: Tree, paths: Sequence[str]) -> tuple[list[Document], list[Finding]]:
    documents: list[Document] = []
    findings: list[Finding] = []
    for relpath in paths:
        kind = classify(relpath)
        if kind is None:
            findings.append(_unknown_file(relpath))
            continue
        document, problems = load_file(tree, relpath, kind)
        documents.append(document)
        findings.extend(problems)
    return documents, findings


# The tree forked workers read from: set before the pool forks, so each worker
# inherits it (and a commit's blobs, already in memory) instead of receiving it.
_WORKER_TREE: list[Tree] = []


def _load_in_workers(
    tree: Tree, paths: Sequence[str], processes: int
) -> tuple[list[Document], list[Finding]]:
    """The same result as `_load_paths`, with the work shared by this process and
    `processes - 1` forked ones. Workers send plain data back with marshal, much
    cheaper to rebuild than pickled dataclasses."""
    shares = split(paths, processes)
    if len(shares) < 2:
        return _load_paths(tree, paths)
    import multiprocessing

    _WORKER_TREE[:] = [tree]
    try:
        with multiprocessing.get_context("fork").Pool(len(shares) - 1) as pool:
            pending = pool.map_async(_load_share, shares[1:])
            documents, findings = _load_paths(tree, shares[0])
            for packed in pending.get():
                more, problems = _unpack(packed)
                documents += more
                findings += problems
    finally:
        _WORKER_TREE.clear()
    return documents, findings


def _load_share(paths: Sequence[str]) -> bytes:
    import marshal

    documents, findings = _load_paths(_WORKER_TREE[0], paths)
    rows = [(d.path, d.kind.name, d.data, d.positions.at, d.body, d.body_line) for d in documents]
    problems = [
        (f.path, f.line, f.col, f.rule, f.severity.value, f.message, f.entity, f.ignored)
        for f in findings
    ]
    return marshal.dumps((rows, problems))


def _unpack(packed: bytes) -> tuple[list[Document], list[Finding]]:
    import marshal

    rows, problems = marshal.loads(packed)
    documents = [
        Document(
            path=path,
            kind=KINDS[kind],
            data=data,
            positions=Positions(at),
            body=body,
            body_line=body_line,
        )
        for path, kind, data, at, body, body_line in rows
    ]
    findings = [
        Finding(
            path=path,
            line=line,
            col=col,
            rule=rule,
            severity=Severity(level),
            message=message,
            entity=entity,
            ignored=ignored,
        )
        for path, line, col, rule, level, message, entity, ignored in problems
    ]
    return documents, findings


def _unknown_file(relpath: str) -> Finding:
    folder = relpath.split("/", 1)[0]
    return Finding(
        path=relpath,
        line=None,
        col=None,
        rule="unknown-file",
        severity=Severity.WARNING,
        message=_(
            "riskdocs does not read this file: {folder}/ holds {expected}; rename it "
            "or move it out of {folder}/"
        ).format(folder=folder, expected=_expected_in(relpath)),
    )


def _expected_in(relpath: str) -> str:
    folder = relpath.split("/", 1)[0]
    if folder == SCOPE.folder:
        return _("baseline.yaml and changes/CR-*.yaml files")
    if folder == CONTRACT.folder:
        return _("one file, contract.yaml")
    if folder == BUDGET.folder:
        return _("one file, budget.yaml")
    if folder == CLOSURE.folder:
        return _("one file, closure.yaml")
    markdown = any(k.markdown and k.folder == folder for k in KINDS.values())
    return _("Markdown (.md) files") if markdown else _("YAML (.yaml or .yml) files")
