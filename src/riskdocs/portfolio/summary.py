"""One project's status.json, reduced to what the portfolio shows and learns from.

The summary is small and JSON-shaped: a portfolio of 500 projects keeps 500 summaries,
never 500 views, and a checkout built in a worker sends only its summary back. It reads
only schema-valid data (`sources.py` checks it first), so no lookup here can fail.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

from riskdocs.dates import parse_day

SIDES = ("team", "client")
LIVE_RISK = ("open", "watching")
DECIDED = ("approved", "rejected")
ANSWERED = ("accepted", "rejected")


def summarise(status: dict[str, Any]) -> dict[str, Any]:
    """The summary of one schema-valid status.json."""
    day = parse_day(status["generated"]["today"])
    sides = {key: person["side"] for key, person in status["people"].items()}
    return {
        "name": status["project"]["name"],
        "client": status["project"]["client"],
        "currency": status["currency"],
        "data": _data(status),
        "health": _health(status["health"]),
        "promises": _promises(status["commitments"], sides),
        "next_milestone": _next_milestone(status["milestones"]),
        "high_risks": _high_risks(status["risks"]["items"]),
        "concerns": _concerns(status["concerns"], day),
        "satisfaction": _satisfaction(status["feedback"]),
        "last_meeting": max((m["date"] for m in status["meetings"]), default=None),
        "last_update": max(
            (u["date"] for u in status["updates"] if u["audience"] == "client"), default=None
        ),
        "risks": _risk_outcomes(status),
        "reliability": _reliability(status, sides),
        "decisions": _decisions(status, sides, day),
        "lessons": [_lesson(lesson) for lesson in status["lessons"]],
    }


def _data(status: dict[str, Any]) -> dict[str, Any]:
    generated = status["generated"]
    return {
        "day": generated["today"],
        "commit": generated["commit"],
        "view": generated["audience"],
        "riskdocs": generated["riskdocs"],
        "errors": generated["checks"]["errors"],
    }


def _health(health: dict[str, Any]) -> dict[str, Any]:
    return {
        "overall": health["overall"],
        "reason": health["reasons"][0] if health["reasons"] else None,
        "areas": [
            {"area": a["area"], "status": a["status"], "reason": (a["reasons"] or [None])[0]}
            for a in health["areas"]
        ],
    }


def _promises(commitments: dict[str, Any], sides: dict[str, str]) -> dict[str, Any]:
    overdue = dict.fromkeys(SIDES, 0)
    for item in commitments["items"]:
        if item["state"] == "overdue":
            overdue[sides.get(item["owner"], "team")] += 1
    return {
        "overdue": overdue,
        "on_time": {side: commitments["by_side"][side]["on_time_rate"] for side in SIDES},
        "delivered": {side: commitments["by_side"][side]["delivered"] for side in SIDES},
    }


def _next_milestone(milestones: list[dict[str, Any]]) -> dict[str, Any] | None:
    ahead = sorted(
        (m for m in milestones if m["done"] is None), key=lambda m: (m["forecast"], m["id"])
    )
    if not ahead:
        return None
    m = ahead[0]
    return {
        "id": m["id"],
        "title": m["title"],
        "forecast": m["forecast"],
        "baseline": m["baseline"],
        "buffer_days": m["buffer_days"],
        "buffer_left_days": m["buffer_days"] - max(m["slip_days"], 0),
        "state": m["state"],
    }


def _high_risks(risks: list[dict[str, Any]]) -> dict[str, Any]:
    high = [r for r in risks if r["status"] in LIVE_RISK and r["band"] == "high"]
    top = max(high, key=lambda r: (r["score"], r["id"]), default=None)
    return {"count": len(high), "top": None if top is None else top["title"]}


def _concerns(concerns: list[dict[str, Any]], day: date) -> dict[str, Any]:
    open_ = sorted(
        (q for q in concerns if q["resolved"] is None), key=lambda q: (q["raised"], q["id"])
    )
    oldest = open_[0] if open_ else None
    return {
        "open": len(open_),
        "oldest": None
        if oldest is None
        else {
            "id": oldest["id"],
            "title": oldest["title"],
            "raised": oldest["raised"],
            "days": (day - parse_day(oldest["raised"])).days,
        },
    }


def _satisfaction(feedback: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not feedback:
        return None
    last = max(feedback, key=lambda f: f["period"])
    return {"period": last["period"], "average": last["average"], "nps": last["nps"]}


def _risk_outcomes(status: dict[str, Any]) -> list[dict[str, Any]]:
    """Each risk's probabilities, how it ended, and what the approved change requests
    linked to it cost (in days and the project's currency)."""
    scope = status["scope"]
    changes = {c["id"]: c for c in (scope["changes"] if scope else [])}
    outcomes = []
    for risk in status["risks"]["items"]:
        approved = [changes[c] for c in risk["change_requests"] if c in changes
                    and changes[c]["status"] == "approved"]  # fmt: skip
        outcomes.append({
            "id": risk["id"],
            "scored": risk["scored"],
            "outcome": "occurred" if risk["occurred"] else (
                "closed" if risk["status"] == "closed" else "open"),
            "days": sum(c["schedule_days"] or 0 for c in approved),
            "cost": str(sum((Decimal(c["cost"]) for c in approved if c["cost"]), Decimal(0))),
        })  # fmt: skip
    return outcomes


def _reliability(status: dict[str, Any], sides: dict[str, str]) -> dict[str, Any]:
    """Each side's promises: how many, delivered, on time, renegotiated; the dates moved
    silently (from git, promises and milestones); each month's on-time record so far."""
    items = status["commitments"]["items"]
    by_side = status["commitments"]["by_side"]
    per_side = {}
    for side in SIDES:
        theirs = [c for c in items if sides.get(c["owner"], "team") == side]
        per_side[side] = {
            "promises": len(theirs),
            "delivered": by_side[side]["delivered"],
            "on_time": by_side[side]["delivered_on_time"],
            "renegotiated": sum(1 for c in theirs if c["renegotiated"]),
        }
    trends = status["trends"]
    return {
        "sides": per_side,
        "silent_slips": sum(t["silent_slips"] for t in trends) if trends else None,
        "months": [
            {"month": t["month"], **{s: t["kept"][s]["on_time_rate"] for s in SIDES}}
            for t in trends
        ],
    }


def _decisions(status: dict[str, Any], sides: dict[str, str], day: date) -> dict[str, Any]:
    """How long the client took to decide change requests and to answer a deliverable
    handed over for acceptance, and what waits for them on the data's day."""
    scope = status["scope"] or {"changes": [], "baseline": None}
    changes: list[dict[str, Any]] = []
    for c in scope["changes"]:
        if c["status"] in DECIDED and c["decided"] and sides.get(c["decided_by"]) == "client":
            changes.append({"id": c["id"], "days": _days(c["raised"], c["decided"])})
        elif c["status"] == "proposed":
            changes.append({"id": c["id"], "waiting": _days(c["raised"], str(day))})
    acceptances: list[dict[str, Any]] = []
    baseline = scope["baseline"]
    for d in baseline["deliverables"] if baseline else []:
        standing = d["standing"]
        if d["submitted"] is None:
            continue
        submitted = d["submitted"]["on"]
        if standing["state"] in ANSWERED and standing["on"]:
            acceptances.append({"id": d["id"], "days": _days(submitted, standing["on"])})
        elif standing["state"] == "deemed":
            acceptances.append({"id": d["id"], "deemed": True})
        elif standing["state"] == "waiting":
            acceptances.append({"id": d["id"], "waiting": _days(submitted, str(day))})
    return {"changes": changes, "acceptances": acceptances}


def _days(start: str, end: str) -> int:
    return max(0, (parse_day(end) - parse_day(start)).days)


def _lesson(lesson: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": lesson["id"],
        "title": lesson["title"],
        "date": lesson["date"],
        "category": lesson["category"],
        "tags": lesson["tags"],
        "text": plain_text(lesson["html"]),
        "open_actions": sum(1 for a in lesson["actions"] if a["state"] != "done"),
    }


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(html: str) -> str:
    """The words of a rendered note, as text: a published status.json is read, never
    trusted, so its HTML is never put into the page as HTML."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())
