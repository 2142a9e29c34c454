"""Month-by-month series from git history for the status page and status.json.

Pure functions from `History` facts to plain rows: open commitments, silent
slips, on-time deliveries, risk exposure (the sum of live risks' scores) and
the number of deliverables in scope, each at the end of every month from the
first commit to today. `kept` is each side's record so far at the month's end:
the team's promises and the client's own, kept apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from riskdocs.history.facts import History
from riskdocs.model.entities import Commitment, Project


class _Dated(Protocol):
    @property
    def day(self) -> date: ...


def month_ends(first: date, today: date) -> Iterator[tuple[str, date]]:
    """('2026-10', its last day) for every month from `first` to `today` (today for the last)."""
    year, month = first.year, first.month
    while (year, month) <= (today.year, today.month):
        following = date(year + month // 12, month % 12 + 1, 1)
        yield f"{year:04d}-{month:02d}", min(following - timedelta(days=1), today)
        year, month = following.year, following.month


def _latest(points: Iterable[Any], key: str, until: date) -> dict[str, Any]:
    """The last point per `key` value made on or before `until`."""
    latest: dict[str, Any] = {}
    for point in points:
        if point.day <= until:
            latest[getattr(point, key)] = point
    return latest


def monthly(
    history: History, project: Project, today: date, hidden: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """One row per month; empty without history. Entities whose ids are `hidden`
    (internal, for a client page) are left out."""
    hidden_paths = {c.source.path for c in project.commitments if c.id in hidden}
    history = History(
        risk_points=tuple(p for p in history.risk_points if p.entity not in hidden),
        commitment_points=tuple(p for p in history.commitment_points if p.path not in hidden_paths),
        due_changes=tuple(m for m in history.due_changes if m.entity not in hidden),
        scope_versions=history.scope_versions,
    )
    dated: Sequence[_Dated] = [*history.risk_points, *history.commitment_points,
                               *history.scope_versions, *history.due_changes]  # fmt: skip
    if not dated:
        return []
    first = min(p.day for p in dated)
    rows = []
    for label, end in month_ends(first, today):
        start = date(end.year, end.month, 1)
        risks = _latest(history.risk_points, "entity", end).values()
        commitments = _latest(history.commitment_points, "path", end).values()
        scope = [v for v in history.scope_versions if v.day <= end]
        rows.append({
            "month": label,
            "open_commitments": sum(1 for c in commitments if c.status == "open"),
            "silent_slips": _slips(history, project, start, end),
            "risk_exposure": sum(r.score for r in risks if r.status not in ("closed",)),
            "deliverables": len(scope[-1].deliverables) if scope else None,
            **_on_time(project.commitments, start, end),
            "kept": _kept_by_side(project, hidden, end),
        })  # fmt: skip
    return rows


def _slips(history: History, project: Project, start: date, end: date) -> int:
    """Commitment due dates and milestone baselines moved later with no record of it."""
    agreed = {(c.id, r.old_due, r.new_due) for c in project.commitments for r in c.renegotiated}
    agreed |= {(m.id, r.old_baseline, r.new_baseline)
               for m in project.milestones for r in m.rebaselined}  # fmt: skip
    return sum(
        1 for m in history.due_changes
        if start <= m.day <= end and m.new > m.old and m.item is None
        and (m.entity, m.old, m.new) not in agreed
    )  # fmt: skip


def _on_time(commitments: Iterable[Commitment], start: date, end: date) -> dict[str, int]:
    delivered = [c for c in commitments
                 if c.status == "done" and c.done and start <= c.done <= end]  # fmt: skip
    on_time = [c for c in delivered if c.done and c.done <= c.due_on(c.done)]
    return {"delivered": len(delivered), "delivered_on_time": len(on_time)}


def _kept_by_side(project: Project, hidden: frozenset[str], end: date) -> dict[str, Any]:
    """Each side's deliveries up to `end`, how many on time, and the rate (None before the
    side's first delivery)."""
    people = project.settings.people
    kept: dict[str, Any] = {}
    for side in ("team", "client"):
        theirs = [c for c in project.commitments if c.id not in hidden
                  and c.owner in people and people[c.owner].side == side]  # fmt: skip
        counts = _on_time(theirs, date.min, end)
        delivered = counts["delivered"]
        rate = counts["delivered_on_time"] / delivered if delivered else None
        kept[side] = {**counts, "on_time_rate": rate}
    return kept
