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
from riskdocs.i18n import _, ngettext
from riskdocs.report.health import capped
from riskdocs.visible import visible
from riskdocs.words import word

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
        _("# {name}: status on {today}").format(name=md(view["project"]["name"]), today=today),
        "",
        _built(view),
        "",
        "**{}**".format(
            _("Overall health: {icon} {health}").format(
                icon=_ICON[health["overall"]], health=word(health["overall"]).upper()
            )
        ),
        *([""] + [f"- {md(reason)}" for reason in health["reasons"]] if health["reasons"] else []),
        "",
        "| {} | {} | {} |".format(_("Area"), _("Health"), _("Why")),
        "| --- | --- | --- |",
    ]
    for area in health["areas"]:
        # Translators: between the reasons for an area's health in summary.md.
        reasons = capped(area["reasons"], 3)
        why = _("; ").join(md(_without_full_stop(r)) for r in reasons) or _("on track")
        icon, status = _ICON[area["status"]], word(area["status"])
        lines.append(f"| {word(area['area'])} | {icon} {status} | {why} |")
    lines += _list(_("Overdue"), _overdue(view))
    lines += _list(
        ngettext("Due in the next {count} day", "Due in the next {count} days", NEXT_DAYS).format(
            count=NEXT_DAYS
        ),
        _due_next(view, today),
    )
    lines += _list(
        ngettext(
            "Changed in the last {count} day", "Changed in the last {count} days", RECENT_DAYS
        ).format(count=RECENT_DAYS),
        _changes(view, today),
    )
    return "\n".join(lines) + "\n"


def _built(view: dict[str, Any]) -> str:
    generated, checks = view["generated"], view["generated"]["checks"]
    commit = (
        _(" from commit `{commit}`").format(commit=md(generated["commit"]))
        if generated["commit"]
        else ""
    )
    outcome = (
        _("the project's checks pass")
        if checks["passed"]
        else ngettext(
            "the project's checks fail: {count} problem for the team to fix",
            "the project's checks fail: {count} problems for the team to fix",
            checks["errors"],
        ).format(count=checks["errors"])
    )
    return _("Built on {today}{commit}; {outcome}.").format(
        today=generated["today"], commit=commit, outcome=outcome
    )


def _list(title: str, items: list[str]) -> list[str]:
    return ["", f"## {title}", "", *(f"- {item}" for item in items)] if items else []


def _name(view: dict[str, Any], key: str | None) -> str:
    return md(view["people"][key]["name"]) if key in view["people"] else md(key or _("nobody"))


def _overdue(view: dict[str, Any]) -> list[str]:
    items = [
        ngettext(
            "{id} {title} ({owner}, due {due}, {count} day late)",
            "{id} {title} ({owner}, due {due}, {count} days late)",
            c["days_overdue"],
        ).format(
            id=c["id"],
            title=md(c["title"]),
            owner=_name(view, c["owner"]),
            due=c["due"],
            count=c["days_overdue"],
        )
        for c in view["commitments"]["items"]
        if c["state"] == "overdue"
    ]
    items += [
        _("Action: {text} ({owner}, due {due})").format(
            text=md(a["text"]), owner=_name(view, a["owner"]), due=a["due"]
        )
        for a in view["action_items"]
        if a["overdue"]
    ]
    items += [
        _("Milestone {id} {title} (forecast {forecast})").format(
            id=m["id"], title=md(m["title"]), forecast=m["forecast"]
        )
        for m in view["milestones"]
        if m["state"] == "late"
    ]
    return items


def _due_next(view: dict[str, Any], today: date) -> list[str]:
    horizon = str(today + timedelta(days=NEXT_DAYS))
    dated = [
        (
            c["due"],
            _("{due}: {id} {title} ({owner})").format(
                due=c["due"], id=c["id"], title=md(c["title"]), owner=_name(view, c["owner"])
            ),
        )
        for c in view["commitments"]["items"]
        if c["state"] in ("due-soon", "open") and c["due"] <= horizon
    ]
    dated += [
        (
            a["due"],
            _("{due}: action: {text} ({owner})").format(
                due=a["due"], text=md(a["text"]), owner=_name(view, a["owner"])
            ),
        )
        for a in view["action_items"]
        if not a["done"] and a["due"] and not a["overdue"] and a["due"] <= horizon
    ]
    dated += [
        (
            m["forecast"],
            _("{forecast}: milestone {id} {title}").format(
                forecast=m["forecast"], id=m["id"], title=md(m["title"])
            ),
        )
        for m in view["milestones"]
        if not m["done"] and str(today) <= m["forecast"] <= horizon
    ]
    return [text for _day, text in sorted(dated)]


def _changes(view: dict[str, Any], today: date) -> list[str]:
    since = str(today - timedelta(days=RECENT_DAYS))
    changes = [
        _("Delivered {id} {title} on {done}").format(
            id=c["id"], title=md(c["title"]), done=c["done"]
        )
        for c in view["commitments"]["items"]
        if c["done"] and c["done"] > since
    ]
    for meeting in view["meetings"]:
        if since < meeting["date"] <= str(today):
            changes.append(
                _("Meeting {date}: {title}").format(
                    date=meeting["date"], title=md(meeting["title"])
                )
            )
            changes += [
                _("Decided: {decision}").format(decision=md(d)) for d in meeting["decisions"]
            ]
    for concern in view["concerns"]:
        if concern["raised"] > since:
            changes.append(
                _("Concern raised: {id} {title}").format(
                    id=concern["id"], title=md(concern["title"])
                )
            )
        if concern["resolved"] and concern["resolved"] > since:
            changes.append(
                _("Concern resolved: {id} {title}").format(
                    id=concern["id"], title=md(concern["title"])
                )
            )
    return changes


def _without_full_stop(reason: str) -> str:
    """A reason without its closing 。, as Chinese writes a list of sentences joined by ；
    (English reasons keep their full stop, as they always have)."""
    return reason[:-1] if reason.endswith("\u3002") else reason
