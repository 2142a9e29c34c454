"""summary.md: a short status in Markdown for a CI job summary or an e-mail to the client.

Health, what is overdue, what is due next, and what changed in the last week,
rendered from the view model. User-written text is escaped so it stays text
in any Markdown renderer.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from riskdocs.dates import parse_day
from riskdocs.report.health import capped
from riskdocs.visible import visible

RECENT_DAYS = 7
NEXT_DAYS = 14
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
_ICON = {"green": "🟢", "amber": "🟠", "red": "🔴"}


def md(text: str) -> str:
    """User text as literal Markdown: on one line, control characters visible, special
    characters escaped."""
    return _SPECIAL.sub(r"\\\1", visible(" ".join(str(text).split())))


def render_summary(view: dict[str, Any]) -> str:
    today = parse_day(view["generated"]["today"])
    health = view["health"]
    lines = [
        f"# {md(view['project']['name'])}: status on {today}",
        "",
        _built(view),
        "",
        f"**Overall health: {_ICON[health['overall']]} {health['overall'].upper()}**",
        *([""] + [f"- {md(reason)}" for reason in health["reasons"]] if health["reasons"] else []),
        "",
        "| Area | Health | Why |",
        "| --- | --- | --- |",
    ]
    for area in health["areas"]:
        why = "; ".join(md(r) for r in capped(area["reasons"], 3)) or "on track"
        lines.append(f"| {area['area']} | {_ICON[area['status']]} {area['status']} | {why} |")
    lines += _list("Overdue", _overdue(view))
    lines += _list(f"Due in the next {NEXT_DAYS} days", _due_next(view, today))
    lines += _list(f"Changed in the last {RECENT_DAYS} days", _changes(view, today))
    return "\n".join(lines) + "\n"


def _built(view: dict[str, Any]) -> str:
    generated, checks = view["generated"], view["generated"]["checks"]
    commit = f" from commit `{md(generated['commit'])}`" if generated["commit"] else ""
    outcome = (
        "the project's checks pass"
        if checks["passed"]
        else f"the project's checks fail: {checks['errors']} problem"
        f"{'s' if checks['errors'] != 1 else ''} for the team to fix"
    )
    return f"Built on {generated['today']}{commit}; {outcome}."


def _list(title: str, items: list[str]) -> list[str]:
    return ["", f"## {title}", "", *(f"- {item}" for item in items)] if items else []


def _name(view: dict[str, Any], key: str | None) -> str:
    return md(view["people"][key]["name"]) if key in view["people"] else md(key or "nobody")


def _overdue(view: dict[str, Any]) -> list[str]:
    items = [
        f"{c['id']} {md(c['title'])} ({_name(view, c['owner'])}, due {c['due']}, "
        f"{c['days_overdue']} days late)"
        for c in view["commitments"]["items"]
        if c["state"] == "overdue"
    ]
    items += [
        f"Action: {md(a['text'])} ({_name(view, a['owner'])}, due {a['due']})"
        for a in view["action_items"]
        if a["overdue"]
    ]
    items += [
        f"Milestone {m['id']} {md(m['title'])} (forecast {m['forecast']})"
        for m in view["milestones"]
        if m["state"] == "late"
    ]
    return items


def _due_next(view: dict[str, Any], today: date) -> list[str]:
    horizon = str(today + timedelta(days=NEXT_DAYS))
    dated = [
        (c["due"], f"{c['due']}: {c['id']} {md(c['title'])} ({_name(view, c['owner'])})")
        for c in view["commitments"]["items"]
        if c["state"] in ("due-soon", "open") and c["due"] <= horizon
    ]
    dated += [
        (a["due"], f"{a['due']}: action: {md(a['text'])} ({_name(view, a['owner'])})")
        for a in view["action_items"]
        if not a["done"] and a["due"] and not a["overdue"] and a["due"] <= horizon
    ]
    dated += [
        (m["forecast"], f"{m['forecast']}: milestone {m['id']} {md(m['title'])}")
        for m in view["milestones"]
        if not m["done"] and str(today) <= m["forecast"] <= horizon
    ]
    return [text for _, text in sorted(dated)]


def _changes(view: dict[str, Any], today: date) -> list[str]:
    since = str(today - timedelta(days=RECENT_DAYS))
    changes = [
        f"Delivered {c['id']} {md(c['title'])} on {c['done']}"
        for c in view["commitments"]["items"]
        if c["done"] and c["done"] > since
    ]
    for meeting in view["meetings"]:
        if since < meeting["date"] <= str(today):
            changes.append(f"Meeting {meeting['date']}: {md(meeting['title'])}")
            changes += [f"Decided: {md(d)}" for d in meeting["decisions"]]
    for concern in view["concerns"]:
        if concern["raised"] > since:
            changes.append(f"Concern raised: {concern['id']} {md(concern['title'])}")
        if concern["resolved"] and concern["resolved"] > since:
            changes.append(f"Concern resolved: {concern['id']} {md(concern['title'])}")
    return changes
