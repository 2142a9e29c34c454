"""The pipeline, readable on one screen: load -> schema -> model -> states -> references
(and the editor's schemas) -> history -> rules.

`run` is the only place the stages are called, in this order, for `validate`,
`report`, `--as-of` runs and the pre-commit hook alike; they differ only in the
`Source` they pass (checks/sources.py). Each stage returns its findings; none
calls back into an earlier one. The day is given: only the CLI reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from riskdocs.checks.fastcheck import passes
from riskdocs.checks.references import check_references, display_names, with_person_hints
from riskdocs.checks.sources import Source
from riskdocs.checks.states import check_states
from riskdocs.finding import Finding, Severity, sort_findings
from riskdocs.i18n import _
from riskdocs.load.documents import Document
from riskdocs.load.kinds import CONFIG_FILE
from riskdocs.load.project import PARALLEL_MIN_FILES, load_project
from riskdocs.load.tree import DiskTree, Tree
from riskdocs.model.build import build_project
from riskdocs.model.entities import Project
from riskdocs.parallel import Forked, processes_for
from riskdocs.rules import run_rules, unknown_ignores, wants_history
from riskdocs.rules.base import Context
from riskdocs.structs import struct

if TYPE_CHECKING:  # git facts are imported only when history is read
    from riskdocs.history.facts import History
    from riskdocs.history.plan import HistoryPlan
    from riskdocs.history.repo import Repository

    HistoryRead = tuple[History | None, str | None]


@struct
class CheckResult:
    """What one run found: the model of the valid files and every finding, sorted."""

    source: Source
    project: Project
    findings: list[Finding]
    files_checked: int
    today: date
    history: History | None = None


def run(
    source: Source, today: date, *, only: frozenset[str] | None = None, hook: bool = False
) -> CheckResult:
    """Check what `source` reads as of `today`.

    `only` limits the findings to these rule names (and runs only those health rules);
    `hook` keeps rules that may not block commits from failing (see riskdocs.rules).
    Raises ConfigError when riskdocs.yaml itself is broken: without people and
    settings nothing else can be checked meaningfully.
    """
    paths = source.tree.files()
    early = _history_early(source, len(paths), today)
    try:
        project, files_checked, found = _checked_files(source, paths, today)
    except BaseException:
        if early is not None:
            early.cancel()
        raise
    history, told = _history(source, project, only, today, early)
    ruled = run_rules(
        project, Context(today, history), only=only, hook=hook, whole_project=source.whole_project
    )
    return CheckResult(
        source=source,
        project=project,
        files_checked=files_checked,
        findings=sort_findings(
            f for f in [*_kept([*found, *told], only), *ruled] if source.shows(f)
        ),
        today=today,
        history=history,
    )


def _checked_files(
    source: Source, paths: Sequence[str], today: date
) -> tuple[Project, int, list[Finding]]:
    """The stages that read the files: the model, how many files were read, and what the
    files' own checks found. The documents go when it returns, so history and the rules
    run without every file's data and positions in memory (only the model's)."""
    documents, loaded = load_project(source.tree, paths)
    readable = [d for d in documents if d.readable]
    valid, refused = schema_valid(readable)
    project, built = build_project(valid, [*loaded, *refused])
    refused = with_person_hints(refused, display_names(project))
    contradicting = check_states(project, today)
    linked = check_references(
        [*documents, *source.peers(readable)], valid, project, source.names(project)
    )
    unknown = list(unknown_ignores(project))
    editor = _editor_schemas(source, project) if not [*loaded, *refused] else []
    found = [*loaded, *refused, *built, *contradicting, *linked, *unknown, *editor]
    return project, len(documents), found


def read_model(tree: Tree, read: tuple[list[Document], list[Finding]] | None = None) -> Project:
    """The model of a tree's schema-valid files, without checking anything else: for
    commands that write files derived from it (the editor's schemas, imports). `read`:
    the tree's documents when the caller has loaded them already."""
    documents, loaded = read or load_project(tree)
    valid, refused = schema_valid([d for d in documents if d.readable])
    return build_project(valid, [*loaded, *refused])[0]


def schema_valid(readable: Sequence[Document]) -> tuple[list[Document], list[Finding]]:
    """The documents that pass their schema, and the findings of those that do not.

    Every document goes through the generated fast path first (fastcheck.py);
    jsonschema, imported only then, explains the ones it refuses.
    """
    valid: list[Document] = []
    refused: list[Finding] = []
    for document in readable:
        if passes(document.kind.name, document.data):
            valid.append(document)
            continue
        from riskdocs.checks.schema import validate_document  # jsonschema: only when needed

        explained = validate_document(document)
        refused.extend(explained)
        if not explained:
            valid.append(document)
    return valid, refused


def _history_early(source: Source, files: int, today: date) -> Forked[HistoryRead] | None:
    """The whole log of a big project read in a forked process while this one reads the
    files (both cores busy on a cold run; `RISKDOCS_PARALLEL=0` keeps it here). Started
    before riskdocs.yaml says whether a history rule is on: cancelled when none is."""
    plan = source.history
    if source.repository is None or source.git_refused is not None or plan.log_until is None:
        return None
    if processes_for(files, PARALLEL_MIN_FILES) < 2:
        return None
    return Forked(_read_history, source.repository, plan, today, source.root)


def _read_history(
    repository: Repository, plan: HistoryPlan, today: date, root: Path
) -> HistoryRead:
    from riskdocs.history.reader import read_history  # git: only when a history rule is on

    return read_history(repository, plan, today, DiskTree(root))


def _history(
    source: Source,
    project: Project,
    only: frozenset[str] | None,
    today: date,
    early: Forked[HistoryRead] | None = None,
) -> tuple[History | None, list[Finding]]:
    """The git facts the source's plan asks for, when a history rule is on; an info
    finding when history is missing or partial, an error when git refuses the repository.
    `early`: the same facts being read in a forked process."""
    wanted = wants_history(only, project.settings.rules)
    if early is not None and not wanted:
        early.cancel()
    if source.git_refused is not None and wanted:
        message = _("the history rules did not run: {reason}").format(reason=source.git_refused)
        return None, [
            Finding(
                path=CONFIG_FILE,
                line=None,
                col=None,
                rule="git-refused",
                severity=Severity.ERROR,
                message=message,
            )
        ]
    if source.repository is None or not wanted or not source.history.reads_anything:
        return None, []
    history, problem = (
        early.result()
        if early is not None
        else _read_history(source.repository, source.history, today, source.root)
    )
    if problem is None:
        return history, []
    return history, [
        Finding(
            path=CONFIG_FILE,
            line=None,
            col=None,
            rule="history",
            severity=Severity.INFO,
            message=problem,
        )
    ]


def _editor_schemas(source: Source, project: Project) -> list[Finding]:
    """Whether the editor's copies of the schemas still match, in runs that read every file
    (the hook knows other files only by name) and could read them all (a broken file is
    missing from the model, and its id would look gone)."""
    if source.file_index is not None:
        return []
    from riskdocs.checks.editorschemas import stale_schemas

    return stale_schemas(source.tree, project)


def _kept(findings: Iterable[Finding], only: frozenset[str] | None) -> list[Finding]:
    return [f for f in findings if only is None or f.rule in only]
