"""Reading a project's history facts: which history a run wants, and the facts in it.

A `HistoryPlan` (history/plan.py) says which history one run reads: the log up to
a commit, the work tree's uncommitted changes, or only the changes the pre-commit
hook is about to commit. The log is streamed (history/log.py) while one
`git cat-file --batch` reads the blobs it needs (history/blobs.py); each blob is
reduced to a small record at once (history/blobfacts.py) and turned into facts
here. Facts of the log are cached between runs (history/cache.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import PurePosixPath
from typing import TypeVar

from riskdocs.history import cache
from riskdocs.history.blobfacts import (
    SIDES,
    CommitmentVersion,
    ContractVersion,
    MeetingVersion,
    MilestoneVersion,
    RiskVersion,
    ScopeFacts,
    Version,
    version_of,
)
from riskdocs.history.blobs import Blob, decode, read_blobs
from riskdocs.history.facts import CommitmentPoint, DueChange, History, RiskPoint, ScopeVersion
from riskdocs.history.log import Change, Log, staged_as_changes, uncommitted_changes
from riskdocs.history.plan import HistoryPlan
from riskdocs.history.repo import GitError, Repository
from riskdocs.load.kinds import (
    COMMITMENT,
    CONTRACT,
    MEETING,
    MILESTONE,
    RISK,
    SCOPE,
    Kind,
    classify,
)
from riskdocs.load.tree import READ_ERRORS, Tree
from riskdocs.structs import replace

NO_COMMITS = "the repository has no commits yet: history rules start with the first"
SHALLOW = (
    "the git history is shallow (a CI clone?): fetch all of it (actions/checkout "
    "`fetch-depth: 0`, GitLab `GIT_DEPTH: 0`) for silent slips and trends"
)
V = TypeVar(
    "V", CommitmentVersion, RiskVersion, MeetingVersion, MilestoneVersion, ScopeFacts,
    ContractVersion,
)  # fmt: skip


def read_history(
    repository: Repository, plan: HistoryPlan, today: date, disk: Tree
) -> tuple[History | None, str | None]:
    """The facts `plan` asks for (None when there is no history to read), and why
    history is missing or partial when it is. Work-tree files are read from `disk`,
    through the loader's guarded read."""
    if plan.log_until is None:
        changes = staged_as_changes(plan.staged, today)
        return (facts_of(repository, changes, disk) if changes else None), None
    try:
        head = repository.run("rev-parse", "--verify", "--quiet", "--end-of-options",
                              plan.log_until)  # fmt: skip
    except GitError:
        return None, NO_COMMITS
    history = replace(committed_history(repository, head, disk), shallow=repository.is_shallow())
    if plan.work_tree:
        history = history.then(facts_of(repository, uncommitted_changes(repository, today), disk))
    return history, SHALLOW if history.shallow else None


def committed_history(repository: Repository, head: str, disk: Tree) -> History:
    """The facts of every commit up to `head`: from the cache when it is current, else
    the cache plus the commits made since (when it is an ancestor), else all of them."""
    where = cache.cache_file(str(repository.top), repository.prefix)
    cached = cache.load(where)
    if cached is not None and cached.head == head:
        return cached
    older = cached.head if cached is not None else None
    base = older if older and repository.is_ancestor(older, head) else None
    log = Log(repository, head, base)
    found = replace(facts_of(repository, log, disk), head=head)
    if base is not None and cached is not None:
        found = _renamed(cached, log.renamed, repository).then(found)
    cache.save(where, found)
    return found


def _renamed(cached: History, renamed: dict[str, str], repository: Repository) -> History:
    """Cached facts with files renamed since given their new names."""
    if not renamed:
        return cached

    def newest(path: str) -> str:
        full = f"{repository.prefix}/{path}" if repository.prefix else path
        return repository.relative(renamed.get(full, full)) or path

    return replace(
        cached,
        due_changes=tuple(m._replace(path=newest(m.path)) for m in cached.due_changes),
        commitment_points=tuple(p._replace(path=newest(p.path)) for p in cached.commitment_points),
    )


def facts_of(repository: Repository, changes: Iterable[Change], disk: Tree) -> History:
    """The facts of `changes` (newest first, as git log gives them), their blobs read
    in one batch while the changes are still being produced."""
    stream = _Requests(changes)
    versions = read_blobs(repository, stream, _version)
    on_disk = {c.path: _disk_version(disk, c.path, classify(c.path)) for c in stream.seen
               if c.on_disk}  # fmt: skip
    found = _Facts(versions, on_disk)
    for change in reversed(stream.seen):  # oldest first
        found.add(change, classify(change.path))
    commits = len({change.commit for change in stream.seen if change.commit is not None})
    return found.history(commits)


class _Requests:
    """The blobs a stream of changes needs, as cat-file requests `((blob, kind), blob)`;
    once iterated, `seen` holds every change, in stream order (their kinds are asked of
    `classify` again, which is cached: a list of pairs would cost memory per change)."""

    def __init__(self, changes: Iterable[Change]) -> None:
        self.changes = changes
        self.seen: list[Change] = []

    def __iter__(self) -> Iterator[tuple[tuple[str, Kind], str]]:
        for change in self.changes:
            kind = classify(change.path)
            self.seen.append(change)
            if kind is not None and kind in SIDES:
                for blob in (change.new_blob, change.old_blob)[: SIDES[kind]]:
                    if blob:
                        yield (blob, kind), blob


def _version(key: tuple[str, Kind], blob: Blob) -> Version | None:
    text = decode(blob.content)
    return None if text is None else version_of(key[1], text)


def _disk_version(disk: Tree, path: str, kind: Kind | None) -> Version | None:
    if kind is None or kind not in SIDES:
        return None
    try:
        text = decode(disk.read(path))
    except READ_ERRORS:  # any reason the loader refuses the file: no fact from it
        return None
    return None if text is None else version_of(kind, text)


class _Facts:
    """The facts of changes taken oldest first, from their versions' records."""

    def __init__(
        self, versions: dict[tuple[str, Kind], Version | None], on_disk: dict[str, Version | None]
    ) -> None:
        self.versions, self.on_disk = versions, on_disk
        self.moves: list[DueChange] = []
        self.risk_points: list[RiskPoint] = []
        self.commitment_points: list[CommitmentPoint] = []
        self.scope_versions: list[ScopeVersion] = []

    def history(self, commits: int) -> History:
        return History(commits=commits, due_changes=tuple(self.moves),
                       risk_points=tuple(self.risk_points),
                       commitment_points=tuple(self.commitment_points),
                       scope_versions=tuple(self.scope_versions))  # fmt: skip

    def _get(self, of: type[V], change: Change, kind: Kind, new: bool) -> V | None:
        if new and change.on_disk:
            found = self.on_disk.get(change.path)
        else:
            blob = change.new_blob if new else change.old_blob
            found = self.versions.get((blob, kind)) if blob else None
        return found if isinstance(found, of) else None

    def add(self, change: Change, kind: Kind | None) -> None:
        if kind is COMMITMENT:
            self._commitment(change, kind)
        elif kind is MEETING:
            self._meeting(change, kind)
        elif kind is RISK:
            self._risk(change, kind)
        elif kind is MILESTONE:
            self._milestone(change, kind)
        elif kind is SCOPE:
            self._scope(change, kind)
        elif kind is CONTRACT:
            self._contract(change, kind)

    def _commitment(self, change: Change, kind: Kind) -> None:
        old = self._get(CommitmentVersion, change, kind, new=False)
        new = self._get(CommitmentVersion, change, kind, new=True)
        if old and new and old.due and new.due and old.due != new.due and new.id:
            self.moves.append(DueChange(entity=new.id, path=change.path, commit=change.commit,
                                        day=change.day, author=change.author, old=old.due,
                                        new=new.due))  # fmt: skip
        gone = change.new_blob is None and not change.on_disk
        status = "gone" if gone else (new.status if new else "?")
        self.commitment_points.append(CommitmentPoint(path=change.path, day=change.day,
                                                      status=status))  # fmt: skip

    def _contract(self, change: Change, kind: Kind) -> None:
        """A move of an obligation's written `due:`, as a commitment's is."""
        old = self._get(ContractVersion, change, kind, new=False)
        new = self._get(ContractVersion, change, kind, new=True)
        if old is None or new is None:
            return
        for obligation, due in new.dues.items():
            before = old.dues.get(obligation)
            if before is not None and before != due:
                self.moves.append(DueChange(entity=obligation, path=change.path,
                                            commit=change.commit, day=change.day,
                                            author=change.author, old=before,
                                            new=due))  # fmt: skip

    def _milestone(self, change: Change, kind: Kind) -> None:
        old = self._get(MilestoneVersion, change, kind, new=False)
        new = self._get(MilestoneVersion, change, kind, new=True)
        if (
            old
            and new
            and old.baseline
            and new.baseline
            and old.baseline != new.baseline
            and new.id
        ):
            self.moves.append(DueChange(entity=new.id, path=change.path, commit=change.commit,
                                        day=change.day, author=change.author, old=old.baseline,
                                        new=new.baseline))  # fmt: skip

    def _meeting(self, change: Change, kind: Kind) -> None:
        before = self._get(MeetingVersion, change, kind, new=False)
        after = self._get(MeetingVersion, change, kind, new=True)
        if before is None or after is None:
            return
        meeting = PurePosixPath(change.path).stem
        for key, due in after.dues.items():
            old = before.dues.get(key)
            if old and old != due and after.agreed.get(key) != old:  # else an agreed move
                self.moves.append(DueChange(entity=meeting, path=change.path, commit=change.commit,
                                            day=change.day, author=change.author, old=old, new=due,
                                            item=key[1]))  # fmt: skip

    def _risk(self, change: Change, kind: Kind) -> None:
        new = self._get(RiskVersion, change, kind, new=True)
        if new is None:
            return
        old = self._get(RiskVersion, change, kind, new=False)
        bump = old is not None and old.review_by != new.review_by and old.rest == new.rest
        self.risk_points.append(RiskPoint(entity=new.id, commit=change.commit, day=change.day,
                                          score=new.score, review_bump=bump,
                                          status=new.status,
                                          probability=new.probability))  # fmt: skip

    def _scope(self, change: Change, kind: Kind) -> None:
        new = self._get(ScopeFacts, change, kind, new=True)
        if new is not None:
            self.scope_versions.append(ScopeVersion(commit=change.commit, day=change.day,
                                                    signed_off=new.signed_off,
                                                    deliverables=new.deliverables,
                                                    author=change.author,
                                                    dues=new.dues, criteria=new.criteria,
                                                    accepted=new.accepted))  # fmt: skip
