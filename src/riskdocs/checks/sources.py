"""The pre-commit hook's path: check the changed files, not the whole project.

pre-commit passes the files a commit changes. Reading every file of a
10,000-entity project takes seconds, and a hook must feel instant, so:

* riskdocs.yaml and the changed files are read and schema-checked, nothing else;
* the ids of the other files come from their names (a file name starts with its
  id, which full runs enforce), so references resolve against folder listings,
  made only for the kinds the changed files refer to; a file whose name claims
  a changed file's id is read to confirm the duplicate;
* rules about one entity run on the changed ones; whole-project rules (cadences,
  trends, what links to a risk, scope against change requests) are left to full
  runs such as CI;
* history rules see the uncommitted changes from one `git diff HEAD`, so a
  silent slip is caught before it is committed.

A change that can break files that did not change (riskdocs.yaml or the scope
baseline edited, a project file deleted or renamed) needs the full check:
`check_changed` then returns None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from riskdocs.checks.pipeline import CheckResult, Today, build_project_from, schema_valid
from riskdocs.checks.references import (
    CADENCE,
    DELIVERABLE,
    MEETING_NOTE,
    PERSON,
    check_references,
)
from riskdocs.finding import sort_findings
from riskdocs.history.repo import StagedChange, staged_changes
from riskdocs.load import kinds
from riskdocs.load.documents import (
    DiskTree,
    Document,
    load_file,
    load_project,
    project_files,
    readable_name,
    walk_folders,
)
from riskdocs.model.entities import Project
from riskdocs.rules import run_rules, unknown_ignores, wants_history
from riskdocs.rules.base import Context

if TYPE_CHECKING:  # git facts are imported only when history is read
    from riskdocs.history.facts import History

# Changing one of these can break files that did not change.
SHARED_FILES = frozenset({kinds.CONFIG_FILE, *kinds.SCOPE_FILES})
_NAME_ID = re.compile(r"[A-Z]+-[0-9]+(?=[-.])")
_HISTORY_KINDS = (kinds.COMMITMENT, kinds.MEETING, kinds.RISK)


def check_changed(
    root: Path, paths: Sequence[str], today: Today, *, only: Collection[str] | None = None
) -> CheckResult | None:
    """Check the files at `paths` (relative to `root`) against the rest of the project
    as the hook does (see the module's docs); None when only a full check can tell."""
    changes = staged_changes(root)
    if _needs_full_check(root, paths, changes):
        return None
    changed = project_files(paths)
    documents, findings = load_project(root, _ChangedFiles(root, tuple(changed)))
    readable = [d for d in documents if d.readable]
    valid = schema_valid(readable, findings)
    project = build_project_from(valid, findings)
    index = FileIndex(root)
    peers = _same_id_elsewhere(index, readable)
    names = NamesFromFiles(index, project)
    findings.extend(check_references([*readable, *peers], valid, project, names))
    findings.extend(unknown_ignores(project))
    day = today if isinstance(today, date) else today(project.settings.timezone)
    history = _history(root, project, only, changes, readable, day)
    wanted = set(changed)
    findings = [f for f in findings if f.path in wanted and (only is None or f.rule in only)]
    findings.extend(
        run_rules(project, Context(day, history), only=only, hook=True, whole_project=False)
    )
    return CheckResult(root, project, sort_findings(findings), len(documents), day, history)


def _needs_full_check(root: Path, paths: Sequence[str], changes: list[StagedChange] | None) -> bool:
    if not paths or any(not p or not (root / p).is_file() for p in paths):
        return True  # the whole project or a folder was asked for
    if SHARED_FILES.intersection(paths):
        return True
    deleted = [c.path for c in changes or () if c.status == "D"]
    return bool(project_files(deleted))


@dataclass(frozen=True)
class _ChangedFiles(DiskTree):
    """The files a hook run reads: riskdocs.yaml (people, settings) and the changed ones."""

    changed: tuple[str, ...] = ()

    def files(self) -> list[str]:
        return sorted({kinds.CONFIG_FILE, *self.changed})


class FileIndex:
    """Project files by kind, from folder listings made on first use: no file is read.

    A kind's listing is kept as one text per folder, names on lines, so finding the
    files named after an id is a few `str.find` calls even with 10,000 files.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._folders: dict[str, list[tuple[str, str]]] = {}

    def paths(self, kind: kinds.Kind) -> list[str]:
        return sorted(
            f"{folder}/{name}"
            for folder, names in self._listing(kind)
            for name in names.split("\n")
            if name.endswith(kind.suffixes) and readable_name(name)
        )

    def named(self, kind: kinds.Kind, entity_id: str) -> list[str]:
        """The files of `kind` whose name starts with `entity_id` (R-12 or R-12-...)."""
        found = []
        for folder, names in self._listing(kind):
            for after in "-.":
                needle, start = f"\n{entity_id}{after}", 0
                while (at := names.find(needle, start)) >= 0:
                    start = names.index("\n", at + 1)
                    name = names[at + 1 : start]
                    if name.endswith(kind.suffixes):
                        found.append(f"{folder}/{name}")
        return sorted(found)

    def ids(self, kind: kinds.Kind) -> set[str]:
        """Every id a file name of `kind` starts with."""
        prefix = kind.id_prefix or "\0"
        return {i for p in self.paths(kind) if (i := id_in_name(p)) and i.startswith(prefix)}

    def _listing(self, kind: kinds.Kind) -> list[tuple[str, str]]:
        if kind.name not in self._folders:
            self._folders[kind.name] = [
                (folder, "\n" + "\n".join(names) + "\n")
                for folder, names in walk_folders(self.root, kind.folder or "")
            ]
        return self._folders[kind.name]


class IdsInNames(AbstractSet[str]):
    """The ids of one kind, as file names tell them: membership is a lookup by name;
    the whole set is made only when asked for (a did-you-mean for a dangling id)."""

    def __init__(self, index: FileIndex, kind: kinds.Kind) -> None:
        self.index, self.kind = index, kind

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and bool(self.index.named(self.kind, value))

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.index.ids(self.kind)))

    def __len__(self) -> int:
        return len(self.index.ids(self.kind))


def id_in_name(path: str) -> str | None:
    """The id a file's name starts with (`risks/0001/R-12-vendor.yaml` -> R-12)."""
    match = _NAME_ID.match(path, path.rfind("/") + 1)
    return match.group() if match else None


class NamesFromFiles(dict[str, AbstractSet[str]]):
    """What references may name, each namespace made when first asked for: people and
    cadences from riskdocs.yaml, ids from file names, deliverables from the baseline."""

    def __init__(self, index: FileIndex, project: Project) -> None:
        super().__init__()
        self.index, self.project = index, project

    def __missing__(self, target: str) -> AbstractSet[str]:
        self[target] = names = self._names(target)
        return names

    def _names(self, target: str) -> AbstractSet[str]:
        settings = self.project.settings
        by_target: dict[str, Callable[[], AbstractSet[str]]] = {
            PERSON: lambda: set(settings.people),
            CADENCE: lambda: set(settings.cadences),
            MEETING_NOTE: lambda: set(self.index.paths(kinds.MEETING)),
            DELIVERABLE: self._deliverables,
        }
        if target in by_target:
            return by_target[target]()
        kind = kinds.BY_REFERENCE[target]
        return IdsInNames(self.index, kind)

    def _deliverables(self) -> set[str]:
        root = self.index.root
        scope = next((name for name in kinds.SCOPE_FILES if (root / name).is_file()), None)
        if scope is None:
            return set()
        document, _ = load_file(DiskTree(root), scope, kinds.SCOPE)
        data: Any = document.data
        items = data.get("deliverables") if isinstance(data, dict) else None
        ids = (d.get("id") for d in items or () if isinstance(d, dict))
        return {i for i in ids if isinstance(i, str)}


def _same_id_elsewhere(index: FileIndex, documents: Sequence[Document]) -> list[Document]:
    """Unchanged files whose name claims the id of a changed one, read to compare."""
    tree, changed = DiskTree(index.root), {d.path for d in documents}
    peers = []
    for document in documents:
        entity_id = document.data.get("id") if isinstance(document.data, dict) else None
        if not document.kind.id_prefix or not isinstance(entity_id, str):
            continue
        for path in index.named(document.kind, entity_id):
            if path not in changed and kinds.classify(path) is document.kind:
                peer, _ = load_file(tree, path, document.kind)
                peers.append(peer)
    return peers


def _history(
    root: Path,
    project: Project,
    only: Collection[str] | None,
    changes: list[StagedChange] | None,
    documents: Sequence[Document],
    day: date,
) -> History | None:
    """Facts of the uncommitted changes to the changed files, when a history rule is on."""
    relevant = {d.path for d in documents if d.kind in _HISTORY_KINDS}
    mine = [c for c in changes or () if c.path in relevant]
    if not mine or not wants_history(only, project.settings.rules):
        return None
    from riskdocs.history.extract import staged_history  # reads old versions: only when needed

    return staged_history(root, mine, day)
