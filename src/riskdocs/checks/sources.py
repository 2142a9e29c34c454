"""What one run reads: the only thing in which a full run, a run `--as-of` a commit and
the pre-commit hook differ (the pipeline, checks/pipeline.py, is the same for all).

A `Source` says which tree is read, where the names of files it does not read come
from, which git history is read, whose findings are shown and whether rules that
weigh the whole project run:

* `whole_project`: every file of the work tree, names from those files, the log up
  to HEAD plus the uncommitted changes.
* `at_commit`: every file as a commit left it (read from git objects), the log up to
  that commit.
* `changed_files`, the pre-commit hook: riskdocs.yaml and the changed files only;
  ids of the other files come from their names (a file name starts with its id,
  which full runs enforce), so references resolve against folder listings made on
  first use; a file whose name claims a changed file's id is read to confirm a
  duplicate; history is the staged changes alone (one `git diff --cached`), so a
  silent slip is refused before it is committed; whole-project rules (cadences,
  trends, links pointing at an entity, scope against change requests) are left to
  full runs such as CI. A change that can break files that did not change
  (riskdocs.yaml or the scope baseline edited, a project file deleted) needs the
  whole project: `changed_files` then returns None.
* `files_alone`, an authoring command before it edits: riskdocs.yaml and the file it
  edits, other files by name, with the full history, so what was wrong already is
  told apart from what the edit adds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import NamedTuple

from riskdocs.checks.references import (
    CADENCE,
    DELIVERABLE,
    MEETING_NOTE,
    PERSON,
    TRAINING,
    Namespaces,
)
from riskdocs.errors import RiskdocsError
from riskdocs.finding import Finding
from riskdocs.history.plan import HistoryPlan
from riskdocs.history.repo import Repository
from riskdocs.i18n import _
from riskdocs.load import kinds
from riskdocs.load.documents import Document, load_file
from riskdocs.load.kinds import id_in_name
from riskdocs.load.tree import DiskTree, Tree, project_files, readable_name, walk_folders
from riskdocs.model.entities import Project

# Changing one of these can break files that did not change.
SHARED_FILES = frozenset(
    {kinds.CONFIG_FILE, *kinds.SCOPE_FILES, *kinds.CONTRACT_FILES, *kinds.CLOSURE_FILES}
)


class Source(NamedTuple):
    """Which files one run reads and what else it knows.

    Attributes:
        root: the project folder (the one holding riskdocs.yaml).
        tree: where the files are read from.
        repository: the git repository holding the project; None outside git.
        history: which git history the run reads, when a history rule is on.
        file_index: files the run does not read, known by their names (the hook); None
            when every file is read.
        shown: files or folders whose findings are reported; empty: all of them.
        whole_project: run the rules that weigh other files or the committed past.
        commit: the commit read, for a run `--as-of` it.
        git_refused: why git refuses to read the repository the project is in, if it
            does (history is then missing, and the run says so).
    """

    root: Path
    tree: Tree
    repository: Repository | None
    history: HistoryPlan
    file_index: FileIndex | None = None
    shown: tuple[str, ...] = ()
    whole_project: bool = True
    commit: str | None = None
    git_refused: str | None = None

    def shows(self, finding: Finding) -> bool:
        if not self.shown:
            return True
        folders = tuple(p.rstrip("/") + "/" for p in self.shown)
        return finding.path in self.shown or finding.path.startswith(folders)

    def peers(self, readable: Sequence[Document]) -> list[Document]:
        """Files not read whose name claims the id of one that was, read to compare."""
        return same_id_elsewhere(self.file_index, readable) if self.file_index else []

    def names(self, project: Project) -> Namespaces | None:
        """What references may name, when not every file was read; None: from the files."""
        return NamesFromFiles(self.file_index, project) if self.file_index else None


def revision(source: Source) -> str | None:
    """The commit a report of `source` names: the one read --as-of, else HEAD (None
    outside git)."""
    if source.commit:
        return source.commit[:12]
    return source.repository.short_head() if source.repository else None


def whole_project(
    root: Path,
    repository: Repository | None,
    shown: Sequence[str] = (),
    *,
    refused: str | None = None,
) -> Source:
    """The work tree: every file, the log up to HEAD and the uncommitted changes."""
    return Source(
        root=root,
        tree=DiskTree(root),
        repository=repository,
        history=HistoryPlan(log_until="HEAD", work_tree=True),
        shown=tuple(shown),
        git_refused=refused,
    )


def at_commit(
    root: Path, repository: Repository | None, commit: str, shown: Sequence[str] = ()
) -> Source:
    """The project as `commit` (a full hash) left it, read from git objects."""
    if repository is None:
        raise RiskdocsError(
            _("{root} is not in a git repository: there is no commit to read").format(root=root)
        )
    from riskdocs.history.tree import CommitTree  # reads blobs: only for --as-of

    return Source(
        root=root,
        tree=CommitTree(repository, commit),
        repository=repository,
        history=HistoryPlan(log_until=commit),
        shown=tuple(shown),
        commit=commit,
    )


def changed_files(root: Path, repository: Repository | None, paths: Sequence[str]) -> Source | None:
    """The pre-commit hook's source for the changed files at `paths` (relative to `root`);
    None when only the whole project can tell (see the module's docs)."""
    if not paths or any(not p or not (root / p).is_file() for p in paths):
        return None  # the whole project or a folder was asked for
    if SHARED_FILES.intersection(paths):
        return None
    staged = repository.staged_changes() if repository else None
    if project_files(c.path for c in staged or () if c.status == "D"):
        return None
    changed = tuple(project_files(paths))
    mine = tuple(c for c in staged or () if c.path in changed)
    return Source(
        root=root,
        tree=ChangedFiles(root, changed),
        repository=repository,
        history=HistoryPlan(staged=mine),
        file_index=FileIndex(root),
        shown=(kinds.CONFIG_FILE, *changed),
        whole_project=False,
    )


def files_alone(root: Path, repository: Repository | None, paths: Sequence[str]) -> Source:
    """riskdocs.yaml and the files at `paths` checked on their own, other files known by
    their names, with the history a full run reads: what an authoring command checks
    before it edits a file, so that what was wrong already (a slip committed long ago)
    is told apart from what the edit would add (the check after is a whole-project one)."""
    changed = tuple(project_files(paths))
    return Source(
        root=root,
        tree=ChangedFiles(root, changed),
        repository=repository,
        history=HistoryPlan(log_until="HEAD", work_tree=True),
        file_index=FileIndex(root),
        shown=(kinds.CONFIG_FILE, *changed),
        whole_project=False,
    )


def commit_skips_project(repository: Repository | None) -> bool:
    """For a hook run given no files (pre-commit runs it on every commit, and passes no
    deleted file): True when the commit changes no project file, so there is nothing to
    check. False when it deletes or renames one (the whole project is checked, since
    references to it break) and when nothing is staged at all (a run by hand)."""
    if repository is None:
        return False
    staged = repository.staged_changes()
    if staged is None or any(project_files(c.path for c in staged)):
        return False
    return bool(repository.stages_anything())


def for_validate(
    root: Path,
    repository: Repository | None,
    paths: Sequence[str],
    *,
    hook: bool,
    commit: str | None,
    refused: str | None = None,
) -> Source:
    """The source `riskdocs validate` reads. With PATHS only their findings are shown;
    a hook run given files reads just those unless the change needs the whole project,
    and then shows every file's findings, since a deleted id or an edited riskdocs.yaml
    breaks files that did not change."""
    if commit is not None:
        return at_commit(root, repository, commit, paths)
    if hook and paths:
        return changed_files(root, repository, paths) or whole_project(
            root, repository, refused=refused
        )
    return whole_project(root, repository, paths, refused=refused)


class ChangedFiles:
    """The files a hook run reads: riskdocs.yaml (people, settings) and the changed ones,
    through the work tree's guarded read."""

    def __init__(self, root: Path, changed: tuple[str, ...]) -> None:
        self.disk, self.changed = DiskTree(root), changed

    def files(self) -> list[str]:
        return sorted({kinds.CONFIG_FILE, *self.changed})

    def read(self, relpath: str) -> bytes:
        return self.disk.read(relpath)


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


class NamesFromFiles(dict[str, AbstractSet[str]]):
    """What references may name, each namespace made when first asked for: people,
    cadences and training topics from riskdocs.yaml, ids from file names, deliverables
    from the baseline."""

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
            TRAINING: lambda: set(settings.training),
            MEETING_NOTE: lambda: set(self.index.paths(kinds.MEETING)),
            DELIVERABLE: self._deliverables,
        }
        if target in by_target:
            return by_target[target]()
        return IdsInNames(self.index, kinds.BY_REFERENCE[target])

    def _deliverables(self) -> set[str]:
        root = self.index.root
        scope = next((name for name in kinds.SCOPE_FILES if (root / name).is_file()), None)
        if scope is None:
            return set()
        document, _ = load_file(DiskTree(root), scope, kinds.SCOPE)
        data = document.data
        items = data.get("deliverables") if isinstance(data, dict) else None
        ids = (d.get("id") for d in items or () if isinstance(d, dict))
        return {i for i in ids if isinstance(i, str)}


def same_id_elsewhere(index: FileIndex, documents: Sequence[Document]) -> list[Document]:
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
