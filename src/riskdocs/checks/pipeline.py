"""The pipeline, readable on one screen: load -> schema -> build -> references -> rules.

`check_project` is what `validate`, `report` and the pre-commit hook all call.
It returns the project model and every finding, sorted. Stages only call
forward; none calls back into an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from riskdocs.checks.fastcheck import passes
from riskdocs.checks.references import check_references
from riskdocs.errors import ConfigError, RiskdocsError
from riskdocs.finding import Finding, Severity, sort_findings
from riskdocs.load.documents import Document, Tree, load_project
from riskdocs.load.kinds import CONFIG_FILE
from riskdocs.model.build import build_project
from riskdocs.model.entities import Project
from riskdocs.model.settings import settings_problems
from riskdocs.rules import run_rules, unknown_ignores, wants_history
from riskdocs.rules.base import Context

if TYPE_CHECKING:  # git facts are imported only when history is read
    from riskdocs.history.facts import History

# The day to check on, or how to read it from the clock in the project's time zone.
Today = date | Callable[[str | None], date]


@dataclass(frozen=True)
class CheckResult:
    """What one run found: the model of the valid files and every finding."""

    root: Path
    project: Project
    findings: list[Finding]
    files_checked: int
    today: date
    history: History | None = None


def check_project(
    root: Path,
    today: Today,
    *,
    only: Collection[str] | None = None,
    hook: bool = False,
    as_of: str | None = None,
) -> CheckResult:
    """Check every file of the project at `root` as of `today`.

    `only` limits the findings to these rule names (and runs only those health
    rules); `hook` keeps date-driven rules from failing (see riskdocs.rules);
    `as_of` (a full commit hash) reads the project as that commit left it.
    Raises ConfigError when riskdocs.yaml itself is broken: without people
    and settings nothing else can be checked meaningfully.
    """
    documents, findings = load_project(root, _commit_tree(root, as_of) if as_of else None)
    readable = [d for d in documents if d.readable]
    valid = schema_valid(readable, findings)
    project = build_project_from(valid, findings)
    findings.extend(check_references(readable, valid, project))
    findings.extend(unknown_ignores(project))
    day = today if isinstance(today, date) else today(project.settings.timezone)
    history = _history(root, project, only, hook, as_of, day, findings)
    if only is not None:
        findings = [f for f in findings if f.rule in only]
    findings.extend(run_rules(project, Context(day, history), only=only, hook=hook))
    return CheckResult(root, project, sort_findings(findings), len(documents), day, history)


def _commit_tree(root: Path, commit: str) -> Tree:
    from riskdocs.history.extract import tree_at

    return tree_at(root, commit)


def _history(
    root: Path,
    project: Project,
    only: Collection[str] | None,
    hook: bool,
    as_of: str | None,
    day: date,
    findings: list[Finding],
) -> History | None:
    """Git facts when a history rule is on; the hook reads only the uncommitted changes."""
    if not wants_history(only, project.settings.rules):
        return None
    from riskdocs.history.extract import read_history  # git: only when a history rule is on

    history = read_history(root, as_of, log=not hook, work_tree=None if as_of else day)
    if history.problem:
        findings.append(Finding(CONFIG_FILE, None, None, "history", Severity.INFO, history.problem))
    return history if history.head else None


def schema_valid(readable: list[Document], findings: list[Finding]) -> list[Document]:
    """The documents that pass their schema; the others' findings go to `findings`.

    Every document goes through the generated fast path first (fastcheck.py);
    jsonschema, imported only then, explains the ones it refuses.
    """
    valid: list[Document] = []
    for document in readable:
        if passes(document.kind.name, document.data):
            valid.append(document)
            continue
        from riskdocs.checks.schema import validate_document  # jsonschema: only when needed

        schema_findings = validate_document(document)
        findings.extend(schema_findings)
        if not schema_findings:
            valid.append(document)
    return valid


def build_project_from(valid: list[Document], findings: list[Finding]) -> Project:
    project, build_findings = build_project(_settings_document(valid, findings), valid)
    if problems := settings_problems(project.settings):
        raise ConfigError(sort_findings(problems))
    findings.extend(build_findings)
    return project


def _settings_document(valid: list[Document], findings: list[Finding]) -> Document:
    settings = next((d for d in valid if d.path == CONFIG_FILE), None)
    if settings is None:
        config_findings = findings_for(findings, CONFIG_FILE)
        if not config_findings:
            raise RiskdocsError(f"{CONFIG_FILE} is missing from the project root")
        raise ConfigError(sort_findings(config_findings))
    return settings


def findings_for(findings: list[Finding], path: str) -> list[Finding]:
    return [f for f in findings if f.path == path and f.severity is Severity.ERROR]


def select(findings: list[Finding], paths: list[str]) -> list[Finding]:
    """The findings in the given files or folders (relative to the root)."""
    folders = tuple(p.rstrip("/") + "/" for p in paths)
    wanted = set(paths)
    return [f for f in findings if f.path in wanted or f.path.startswith(folders)]
