"""The facts riskdocs takes from git history, as plain records.

history/reader.py reads them from a repository and history/cache.py keeps them
between runs; rules and trends use them without knowing where they came from,
so they are tested with hand-made facts as well as real repositories. A fact
with `commit=None` comes from changes not committed yet (the work tree, or what
the pre-commit hook is about to commit).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from riskdocs.i18n import _
from riskdocs.structs import struct

if TYPE_CHECKING:
    from riskdocs.model.entities import Risk


class DueChange(NamedTuple):
    """A date the client relies on that moved: a commitment's due date (`entity` C-012),
    a milestone's baseline (`entity` M-01) or an action item's due date (`entity` the
    meeting's id, `item` the item's text)."""

    entity: str
    path: str
    commit: str | None
    day: date
    author: str
    old: date
    new: date
    item: str | None = None


class RiskPoint(NamedTuple):
    """A risk as one commit left it; `review_bump` when only `review_by` changed."""

    entity: str
    commit: str | None
    day: date
    score: int
    review_bump: bool
    status: str = "open"
    probability: int = 0  # 0: not known (a fact made by hand in a test)


class CommitmentPoint(NamedTuple):
    """A commitment's status as one commit left it (`gone` when the file was deleted)."""

    path: str
    day: date
    status: str


class ScopeVersion(NamedTuple):
    """The scope baseline as one commit left it: the sign-off date, a fingerprint of what
    each deliverable promises (progress, owner, `ignore:` and the due date left out),
    each deliverable's due date, a fingerprint of its acceptance criteria and the day it
    was accepted."""

    commit: str | None
    day: date
    signed_off: str | None
    deliverables: Mapping[str, str]
    author: str = ""
    dues: Mapping[str, str] = MappingProxyType({})
    criteria: Mapping[str, str] = MappingProxyType({})  # id -> fingerprint of `acceptance:`
    accepted: Mapping[str, str] = MappingProxyType({})  # id -> `accepted: on:`


@struct
class History:
    """Facts from the project's git history, oldest first.

    Attributes:
        head: the newest commit read, None when only uncommitted changes were read.
        shallow: the repository is a shallow clone, so older facts are missing.
        commits: how many commits touched the project's files.
    """

    head: str | None = None
    shallow: bool = False
    commits: int = 0
    due_changes: tuple[DueChange, ...] = ()
    risk_points: tuple[RiskPoint, ...] = ()
    commitment_points: tuple[CommitmentPoint, ...] = ()
    scope_versions: tuple[ScopeVersion, ...] = ()

    def then(self, later: History) -> History:
        """These facts followed by `later`'s (newer ones), with `later`'s head."""
        return History(
            head=later.head or self.head,
            shallow=self.shallow or later.shallow,
            commits=self.commits + later.commits,
            due_changes=self.due_changes + later.due_changes,
            risk_points=self.risk_points + later.risk_points,
            commitment_points=self.commitment_points + later.commitment_points,
            scope_versions=self.scope_versions + later.scope_versions,
        )


def first_signed(versions: Sequence[ScopeVersion]) -> int | None:
    """The index of the version in which the scope was first signed off: the baseline
    as the client first agreed it (a later `signed_off:` is a re-sign)."""
    return next((i for i, v in enumerate(versions) if v.signed_off), None)


def when(commit: str | None, day: date, author: str) -> str:
    """How a message names the change that made a fact."""
    if commit is None:
        return _("in your uncommitted changes")
    return _("in commit {commit} ({day}, {author})").format(commit=commit, day=day, author=author)


class RiskRecord(NamedTuple):
    """What a risk's whole life says: every probability it was scored at (in the file
    now, in its reviews, at any commit) and whether it ever occurred."""

    probabilities: tuple[int, ...]
    occurred: bool


def risk_records(risks: Sequence[Risk], history: History | None) -> dict[str, RiskRecord]:
    """Each risk's record: what the portfolio's risk calibration counts, and what the
    closing report calls occurred (marked occurred now, or at any commit read)."""
    scored = {r.id: {r.probability, *(v.probability for v in r.reviews if v.probability)}
              for r in risks}  # fmt: skip
    occurred = {r.id for r in risks if r.status == "occurred"}
    for point in history.risk_points if history is not None else ():
        if point.entity in scored:
            if point.probability:
                scored[point.entity].add(point.probability)
            if point.status == "occurred":
                occurred.add(point.entity)
    return {key: RiskRecord(tuple(sorted(ps)), key in occurred) for key, ps in scored.items()}


def risk_points_by_entity(history: History) -> dict[str, list[RiskPoint]]:
    """Each risk's points, oldest first: one pass, so rules stay linear in history size."""
    grouped: dict[str, list[RiskPoint]] = {}
    for point in history.risk_points:
        grouped.setdefault(point.entity, []).append(point)
    return grouped
