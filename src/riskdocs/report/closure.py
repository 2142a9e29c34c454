"""The closing report: the whole project as it ended, from the view of one audience and
the git history. `riskdocs report` writes it as closure.html, and status.json holds it
under `closure`, once the project has a closure record.

It puts side by side what was planned and what happened: each milestone's first
baseline against its end, the promises kept per side, the moves agreed and the ones
made silently, the change requests, the risks identified and those that occurred, how
fast concerns were answered, the satisfaction month by month, the budget against the
actual cost, and the lessons.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from riskdocs.history.facts import History
from riskdocs.model.entities import Concern, Project, Transfer

SILENT = frozenset(("commitment-silent-slip", "milestone-silent-rebaseline", "scope-silent-resign"))


def closure_view(
    project: Project, view: Mapping[str, Any], history: History | None, silent_moves: int
) -> dict[str, Any] | None:
    """The closing report for the audience `view` was built for; None before closure.
    `silent_moves`: the silent slips, rebaselines and re-signs git found that this
    audience may see."""
    closure = project.closure
    if closure is None:
        return None
    team = view["generated"]["audience"] == "team"
    shown = {r["id"] for r in view["risks"]["items"]}
    titles = _titles(view)
    return {
        "closed": str(closure.closed),
        "accepted_by": closure.accepted_by,
        "summary": closure.summary,
        "handover": [
            {"item": h.item, "to": h.to, "on": None if h.on is None else str(h.on)}
            for h in closure.handover
        ],
        "transferred": [
            _transfer(t, titles[t.id], team) for t in closure.transfers if t.id in titles
        ],
        "milestones": [_milestone(m) for m in view["milestones"]],
        "promises": _promises(view, silent_moves),
        "changes": _changes(view),
        "risks": _risks(view, shown, titles),
        "concerns": _concerns(project, view),
        "satisfaction": [
            {"period": f["period"], "average": f["average"]} for f in view["feedback"]
        ],
        "budget": _budget(view),
        "lessons": [{"id": x["id"], "title": x["title"]} for x in view["lessons"]],
    }


def _transfer(transfer: Transfer, title: str, team: bool) -> dict[str, Any]:
    return {
        "kind": transfer.kind,
        "id": transfer.id,
        "title": title,
        "to": transfer.to,
        "note": transfer.note if team else None,
    }


def _titles(view: Mapping[str, Any]) -> dict[str, str]:
    """The title of each commitment, concern and risk this audience may see, by id."""
    items = (*view["commitments"]["items"], *view["concerns"], *view["risks"]["items"])
    return {item["id"]: item["title"] for item in items}


def _milestone(m: Mapping[str, Any]) -> dict[str, Any]:
    first = m["original_baseline"]
    return {
        "id": m["id"],
        "title": m["title"],
        "first_baseline": first,
        "baseline": m["baseline"],
        "done": m["done"],
        "moves": len(m["rebaselined"]),
        "days_from_first": m["slip_from_original_days"]
        if m["done"] is None
        else _days(first, m["done"]),
    }


def _days(start: str, end: str) -> int:
    return (date.fromisoformat(end) - date.fromisoformat(start)).days


def _promises(view: Mapping[str, Any], silent_moves: int) -> dict[str, Any]:
    commitments = view["commitments"]
    items = commitments["items"]
    return {
        "made": len(items),
        "by_side": commitments["by_side"],
        "agreed_moves": sum(len(c["renegotiated"]) for c in items)
        + sum(len(m["rebaselined"]) for m in view["milestones"]),
        "silent_moves": silent_moves,
    }


def _changes(view: Mapping[str, Any]) -> dict[str, Any]:
    changes = (view["scope"] or {}).get("changes", [])
    approved = [c for c in changes if c["status"] == "approved"]
    by_status: dict[str, int] = {}
    for change in changes:
        by_status[change["status"]] = by_status.get(change["status"], 0) + 1
    cost = sum((Decimal(c["cost"]) for c in approved if c["cost"] is not None), Decimal(0))
    return {
        "count": len(changes),
        "by_status": dict(sorted(by_status.items())),
        "schedule_days": sum(c["schedule_days"] or 0 for c in approved),
        "cost": str(cost.quantize(Decimal("0.01"))),
    }


def _risks(view: Mapping[str, Any], shown: set[str], titles: Mapping[str, str]) -> dict[str, Any]:
    """How many risks were identified and which occurred: marked occurred now, or at any
    commit the history read (the view's `occurred`)."""
    occurred = {r["id"] for r in view["risks"]["items"] if r["occurred"]}
    return {
        "identified": len(shown),
        "occurred": [{"id": r, "title": titles[r]} for r in sorted(occurred & shown)],
        "closed": sum(1 for r in view["risks"]["items"] if r["status"] == "closed"),
    }


def _concerns(project: Project, view: Mapping[str, Any]) -> dict[str, Any]:
    shown = {q["id"] for q in view["concerns"]}
    concerns = [q for q in project.concerns if q.id in shown]
    return {
        "raised": len(concerns),
        "acknowledged_in_time": sum(1 for q in concerns if _in_time(project, q, "acknowledge")),
        "resolved_in_time": sum(1 for q in concerns if _in_time(project, q, "resolve")),
        "resolved": sum(1 for q in concerns if q.resolved is not None),
    }


def _in_time(project: Project, concern: Concern, step: str) -> bool:
    target = project.settings.thresholds.concern_response[concern.severity]
    day = concern.acknowledged if step == "acknowledge" else concern.resolved
    limit = target.acknowledge_days if step == "acknowledge" else target.resolve_days
    return day is not None and project.settings.calendar.elapsed(concern.raised, day) <= limit


def _budget(view: Mapping[str, Any]) -> dict[str, Any] | None:
    budget = view.get("budget")
    cost = budget["cost"] if budget else None
    if budget is None or not cost:
        return None
    return {"currency": budget["currency"], "bac": cost["bac"], "ac": cost["ac"],
            "eac": cost["eac"], "vac": cost["vac"]}  # fmt: skip
