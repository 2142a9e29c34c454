"""The weekly client update: what changed between two views of the project.

`riskdocs digest --since REV|DATE` builds the view of one audience as of then (from
git objects, as `--as-of` does) and as of now, and `changes` compares the two: the
health per area, promises delivered, added and moved (with a record of who agreed,
or silently), milestones moved and reached, deliverables handed over, accepted or
rejected, change requests decided, risks added, closed and re-scored, concerns
raised, acknowledged and resolved, training held; then what is due in the next two
weeks and what the team is waiting for from the client. The digest is a plain
dict in view terms (ids, keys, dates), so its renderers (Markdown, text, the
e-mail) and its record speak one language and give the same bytes for the same
two views.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from riskdocs.dates import parse_day

if TYPE_CHECKING:
    from riskdocs.checks.pipeline import CheckResult

View = Mapping[str, Any]
Event = dict[str, Any]
HORIZON_DAYS = 14
# The order the digest lists what changed in: what the client relies on first.
SECTIONS = ("commitments", "milestones", "deliverables", "changes", "risks", "concerns", "training")
_KIND_ORDER = (
    "moved-silently",
    "moved",
    "rebaselined",
    "rebaselined-silently",
    "late",
    "delivered",
    "reached",
    "accepted",
    "rejected",
    "submitted",
    "decided",
    "added",
    "occurred",
    "rescored",
    "closed",
    "raised",
    "acknowledged",
    "resolved",
    "dropped",
    "held",
)


def changes(then: View, now: View, horizon: int = HORIZON_DAYS) -> dict[str, Any]:
    """The digest of what changed from `then` to `now` (two views of one audience)."""
    events = [
        *_commitments(then, now),
        *_milestones(then, now),
        *_deliverables(then, now),
        *_changes(then, now),
        *_risks(then, now),
        *_concerns(then, now),
        *_training(then, now),
    ]
    events.sort(
        key=lambda e: (SECTIONS.index(e["section"]), _KIND_ORDER.index(e["kind"]), e["id"] or "")
    )
    today = parse_day(now["generated"]["today"])
    return {
        "project": {"name": now["project"]["name"], "client": now["project"]["client"]},
        "audience": now["generated"]["audience"],
        "people": {key: p["name"] for key, p in now["people"].items()},
        "since": {"day": then["generated"]["today"], "commit": then["generated"]["commit"]},
        "until": {"day": now["generated"]["today"], "commit": now["generated"]["commit"]},
        "health": _health(then, now),
        "events": events,
        "due": _due(now, today, today + timedelta(days=horizon)),
        "waiting": _waiting(now),
        "horizon_days": horizon,
    }


def _by_id(items: Sequence[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    return {item["id"]: item for item in items}


def _event(section: str, kind: str, item: Mapping[str, Any], **more: Any) -> Event:
    return {
        "section": section,
        "kind": kind,
        "id": item.get("id"),
        "title": item.get("title"),
        **more,
    }


def _health(then: View, now: View) -> dict[str, Any]:
    before = {a["area"]: a["status"] for a in then["health"]["areas"]}
    areas = [
        {
            "area": a["area"],
            "from": before.get(a["area"]),
            "to": a["status"],
            "reasons": list(a["reasons"]),
        }
        for a in now["health"]["areas"]
        if before.get(a["area"]) != a["status"]
    ]
    return {
        "overall": {"from": then["health"]["overall"], "to": now["health"]["overall"]},
        "reasons": list(now["health"]["reasons"]),
        "areas": areas,
    }


def _commitments(then: View, now: View) -> Iterator[Event]:
    before = _by_id(then["commitments"]["items"])
    for c in now["commitments"]["items"]:
        old = before.get(c["id"])
        if old is None:
            yield _event("commitments", "added", c, owner=c["owner"], to=c["to"], due=c["due"])
            continue
        if old["status"] == "open" and c["status"] in ("done", "dropped"):
            kind = "delivered" if c["status"] == "done" else "dropped"
            yield _event("commitments", kind, c, on=c["done"], late=c["due"] < (c["done"] or ""))
        if old["due"] != c["due"]:
            agreed = [r for r in c["renegotiated"] if r not in old["renegotiated"]]
            if agreed and agreed[-1]["to"] == c["due"]:
                yield _event(
                    "commitments",
                    "moved",
                    c,
                    **{"from": old["due"], "to": c["due"]},
                    agreed_by=agreed[-1]["agreed_by"],
                )
            else:
                yield _event(
                    "commitments", "moved-silently", c, **{"from": old["due"], "to": c["due"]}
                )
        if old["state"] != "overdue" and c["state"] == "overdue":
            yield _event("commitments", "late", c, due=c["due"], owner=c["owner"])


def _milestones(then: View, now: View) -> Iterator[Event]:
    before = _by_id(then["milestones"])
    for m in now["milestones"]:
        old = before.get(m["id"])
        if old is None:
            yield _event("milestones", "added", m, forecast=m["forecast"])
            continue
        if old["done"] is None and m["done"]:
            yield _event("milestones", "reached", m, on=m["done"], baseline=m["baseline"])
        if old["baseline"] != m["baseline"]:
            agreed = len(m["rebaselined"]) > len(old["rebaselined"])
            kind = "rebaselined" if agreed else "rebaselined-silently"
            by = m["rebaselined"][-1]["agreed_by"] if agreed else None
            yield _event(
                "milestones",
                kind,
                m,
                agreed_by=by,
                **{"from": old["baseline"], "to": m["baseline"]},
            )
        if old["forecast"] != m["forecast"] and not m["done"]:
            burnt = max(0, m["slip_days"]) - max(0, old["slip_days"])
            yield _event(
                "milestones",
                "moved",
                m,
                buffer_days=m["buffer_days"],
                buffer_burnt=burnt,
                slip_days=m["slip_days"],
                **{"from": old["forecast"], "to": m["forecast"]},
            )


# A deliverable's acceptance standing -> the step the digest reports (deemed acceptance
# is an acceptance; waiting is a hand-over the client has not answered yet).
_STEPS = {
    "waiting": "submitted",
    "accepted": "accepted",
    "deemed": "accepted",
    "rejected": "rejected",
}


def _deliverables(then: View, now: View) -> Iterator[Event]:
    def listed(view: View) -> list[Mapping[str, Any]]:
        scope = view["scope"]
        return scope["baseline"]["deliverables"] if scope and scope["baseline"] else []

    before = _by_id(listed(then))
    for d in listed(now):
        old = before.get(d["id"])
        if old is None:
            yield _event("deliverables", "added", d, due=d["due"])
            continue
        state = d["standing"]["state"]
        step = _STEPS.get(state)
        if step is not None and step != _STEPS.get(old["standing"]["state"]):
            handed = d["submitted"] or {}
            yield _event(
                "deliverables",
                step,
                d,
                deemed=state == "deemed",
                on=d["standing"]["on"] or handed.get("on"),
                by=d["standing"]["by"] or handed.get("by"),
            )


def _changes(then: View, now: View) -> Iterator[Event]:
    def listed(view: View) -> list[Mapping[str, Any]]:
        return view["scope"]["changes"] if view["scope"] else []

    before = _by_id(listed(then))
    for cr in listed(now):
        old = before.get(cr["id"])
        if old is None:
            yield _event("changes", "raised", cr, on=cr["raised"])
        if cr["status"] in ("approved", "rejected") and (
            old is None or old["status"] != cr["status"]
        ):
            yield _event(
                "changes",
                "decided",
                cr,
                status=cr["status"],
                by=cr["decided_by"],
                schedule_days=cr["schedule_days"],
                cost=cr["cost"],
            )


def _risks(then: View, now: View) -> Iterator[Event]:
    before = _by_id(then["risks"]["items"])
    current = now["risks"]["items"]
    for r in current:
        old = before.get(r["id"])
        if old is None:
            yield _event("risks", "added", r, score=r["score"], band=r["band"])
            continue
        if old["status"] != r["status"] and r["status"] in ("closed", "occurred"):
            yield _event("risks", r["status"], r)
        if old["score"] != r["score"]:
            yield _event(
                "risks", "rescored", r, band=r["band"], **{"from": old["score"], "to": r["score"]}
            )


def _concerns(then: View, now: View) -> Iterator[Event]:
    before = _by_id(then["concerns"])
    for q in now["concerns"]:
        old = before.get(q["id"])
        if old is None:
            yield _event("concerns", "raised", q, by=q["raised_by"], severity=q["severity"])
        for step in ("acknowledged", "resolved"):
            if q[step] and (old is None or not old[step]):
                yield _event(
                    "concerns",
                    step,
                    q,
                    on=q[step],
                    days=q[f"{step[:-1]}_days"],  # acknowledge_days, resolve_days
                )


def _training(then: View, now: View) -> Iterator[Event]:
    before = {t["key"]: {s["meeting"] for s in t["sessions"]} for t in then["training"]}
    for topic in now["training"]:
        for session in topic["sessions"]:
            if session["meeting"] not in before.get(topic["key"], set()):
                yield {
                    "section": "training",
                    "kind": "held",
                    "id": topic["key"],
                    "title": topic["topic"],
                    "on": session["date"],
                    "attendees": session["attendees"],
                    "untrained": topic["untrained"],
                }


def _due(now: View, today: date, until: date) -> list[dict[str, Any]]:
    """What is due from today up to `until`: open promises, milestones not reached and
    deliverables not handed over, soonest first."""

    def soon(day: str | None) -> bool:
        return day is not None and today <= parse_day(day) <= until

    due = [
        {
            "what": "commitment",
            "id": c["id"],
            "title": c["title"],
            "due": c["due"],
            "owner": c["owner"],
        }
        for c in now["commitments"]["items"]
        if c["status"] == "open" and soon(c["due"])
    ]
    due += [
        {
            "what": "milestone",
            "id": m["id"],
            "title": m["title"],
            "due": m["forecast"],
            "owner": None,
        }
        for m in now["milestones"]
        if not m["done"] and soon(m["forecast"])
    ]
    scope = now["scope"]
    for d in scope["baseline"]["deliverables"] if scope and scope["baseline"] else []:
        if d["state"] in ("planned", "in_progress", "rejected") and soon(d["due"]):
            due.append(
                {
                    "what": "deliverable",
                    "id": d["id"],
                    "title": d["title"],
                    "due": d["due"],
                    "owner": d["owner"],
                }
            )
    return sorted(due, key=lambda x: (x["due"], x["id"]))


def _waiting(now: View) -> list[dict[str, Any]]:
    """What the client's side owes: open promises and action items owned by a client
    person, soonest first."""
    client = {key for key, p in now["people"].items() if p["side"] == "client"}
    waiting = [
        {"id": c["id"], "title": c["title"], "owner": c["owner"], "due": c["due"]}
        for c in now["commitments"]["items"]
        if c["status"] == "open" and c["owner"] in client
    ]
    waiting += [
        {"id": None, "title": i["text"], "owner": i["owner"], "due": i["due"]}
        for i in now["action_items"]
        if not i["done"] and i["owner"] in client
    ]
    return sorted(waiting, key=lambda x: (x["due"] or "9999", x["id"] or "", x["title"]))


def digest_of(then: CheckResult, now: CheckResult, audience: str) -> dict[str, Any]:
    """The digest of two runs of the pipeline, through the views of one audience (with
    no note rendered: the digest names what changed, it does not quote notes)."""
    from riskdocs.checks.sources import revision
    from riskdocs.report.view import build_view

    views = [
        build_view(
            run.project,
            run.findings,
            run.today,
            audience,
            revision(run.source),
            run.history,
            render=_no_html,
        )
        for run in (then, now)
    ]
    return changes(views[0], views[1])


def _no_html(_text: str) -> str:
    return ""
