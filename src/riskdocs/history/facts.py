"""The facts riskdocs takes from git history, as plain records.

history.py reads them from a repository and historycache.py keeps them between
runs; rules and trends use them without knowing where they came from, so they
are tested with hand-made facts as well as real repositories.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

UNCOMMITTED = "uncommitted"


@dataclass(frozen=True, slots=True)
class DueChange:
    """A due date that moved: of a commitment (`entity` C-012) or an action item
    (`entity` the meeting's id, `item` the item's text)."""

    entity: str
    path: str
    commit: str
    day: date
    author: str
    old: date
    new: date
    item: str | None = None


@dataclass(frozen=True, slots=True)
class RiskPoint:
    """A risk as one commit left it; `review_bump` when only `review_by` changed."""

    entity: str
    commit: str
    day: date
    score: int
    review_bump: bool
    status: str = "open"


@dataclass(frozen=True, slots=True)
class CommitmentPoint:
    """A commitment's status as one commit left it (`gone` when the file was deleted)."""

    path: str
    day: date
    status: str


@dataclass(frozen=True, slots=True)
class ScopeVersion:
    """The scope baseline as one commit left it: sign-off date and deliverable fingerprints."""

    commit: str
    day: date
    signed_off: str | None
    deliverables: dict[str, str]


@dataclass
class History:
    """Facts from the project's git history, oldest first."""

    head: str | None = None
    shallow: bool = False
    commits: int = 0
    due_changes: list[DueChange] = field(default_factory=list)
    risk_points: list[RiskPoint] = field(default_factory=list)
    commitment_points: list[CommitmentPoint] = field(default_factory=list)
    scope_versions: list[ScopeVersion] = field(default_factory=list)
    problem: str | None = None  # why history is missing or partial, for an info finding


def risk_points_by_entity(history: History) -> dict[str, list[RiskPoint]]:
    """Each risk's points, oldest first: one pass, so rules stay linear in history size."""
    grouped: dict[str, list[RiskPoint]] = {}
    for point in history.risk_points:
        grouped.setdefault(point.entity, []).append(point)
    return grouped
