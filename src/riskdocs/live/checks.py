"""The checks behind the live tools: the project with the editor's unsaved text laid over
the work tree, checked by the one pipeline.

`Buffers` is a Tree: the files an editor holds open read as it holds them, every other
file from disk. A keystroke checks one file as the authoring commands do (`files_alone`:
riskdocs.yaml and that file, other files known by their names, git facts from the cache);
a save checks the whole project as `validate` does. Both give `Finding`s, grouped by file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from riskdocs.checks.pipeline import CheckResult, run
from riskdocs.checks.sources import Source, files_alone, whole_project
from riskdocs.errors import ConfigError
from riskdocs.finding import Finding, sort_findings
from riskdocs.history.repo import Repository
from riskdocs.load.kinds import classify
from riskdocs.load.tree import Tree


class Buffers:
    """`tree` with the texts of `open_files` (path relative to the project -> text) over it;
    with `new_files`, an open file not saved yet is one of the tree's files too."""

    def __init__(self, tree: Tree, open_files: Mapping[str, str], new_files: bool) -> None:
        self.tree, self.open_files, self.new_files = tree, open_files, new_files

    def files(self) -> list[str]:
        listed = self.tree.files()
        if not self.new_files:
            return listed
        unsaved = [p for p in self.open_files if p not in listed and classify(p) is not None]
        return sorted([*listed, *unsaved]) if unsaved else listed

    def read(self, relpath: str) -> bytes:
        text = self.open_files.get(relpath)
        return self.tree.read(relpath) if text is None else text.encode("utf-8")


def with_buffers(source: Source, open_files: Mapping[str, str]) -> Source:
    return source._replace(tree=Buffers(source.tree, open_files, source.whole_project))


class Checked:
    """One check's findings by file (ignored ones left out, as validate prints them), and
    the model when riskdocs.yaml could be read."""

    def __init__(self, findings: list[Finding], result: CheckResult | None) -> None:
        self.findings, self.result = sort_findings(findings), result
        self._by_path: dict[str, list[Finding]] = {}
        for finding in self.findings:
            if not finding.ignored:
                self._by_path.setdefault(finding.path, []).append(finding)

    def by_path(self) -> dict[str, list[Finding]]:
        return self._by_path


def check(source: Source, today: date) -> Checked:
    """`run`, with a broken riskdocs.yaml given as its findings (the editor shows them)."""
    try:
        result = run(source, today)
    except ConfigError as exc:
        return Checked(exc.findings, None)
    return Checked(result.findings, result)


class Project:
    """A project being edited: where it is, its repository, and how to check it."""

    def __init__(
        self,
        root: Path,
        repository: Repository | None,
        today: Callable[[], date],
        refused: str | None = None,
    ) -> None:
        self.root, self.repository, self.today, self.refused = root, repository, today, refused

    def check_file(self, relpath: str, open_files: Mapping[str, str]) -> Checked:
        """A keystroke: riskdocs.yaml and this file, as the editor holds them."""
        source = files_alone(self.root, self.repository, [relpath])
        return check(with_buffers(source, open_files), self.today())

    def check_all(self, open_files: Mapping[str, str]) -> Checked:
        """A save: every file, as `validate` checks them (open files as held)."""
        source = whole_project(self.root, self.repository, refused=self.refused)
        return check(with_buffers(source, open_files), self.today())
