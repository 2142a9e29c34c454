"""calendar.ics: every open due date as an RFC 5545 calendar a person can subscribe to.

Rendered from the view model. UIDs are derived from ids (and the project's
name), so a calendar client updates an event instead of duplicating it; the
DTSTAMP is the report's date, so the same input gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from riskdocs.dates import parse_day
from riskdocs.visible import visible_keeping_lines

Event = tuple[str, str, str, str]  # (uid, date, summary, description)


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): every line break (CR, LF or both) as `\\n`, other
    control characters visible, then `\\`, `;` and `,` escaped."""
    text = visible_keeping_lines(text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF and a space (RFC 5545 3.1)."""
    if len(line.encode("utf-8")) <= 75:
        return line
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "project"


def events(view: dict[str, Any]) -> Iterator[Event]:
    """(uid stem, date, summary, description) of every open dated item."""
    people = view["people"]

    def who(key: str | None) -> str:
        return str(people[key]["name"]) if key in people else (key or "nobody")

    for c in view["commitments"]["items"]:
        if c["state"] in ("overdue", "due-soon", "open"):
            yield (
                f"{c['id']}.commitment",
                c["due"],
                f"Due: {c['id']} {c['title']}",
                f"Promised by {who(c['owner'])} to {who(c['to'])}.",
            )
    for a in view["action_items"]:
        if not a["done"] and a["due"]:
            yield (
                f"{a['meeting']}.action-{a['key']}",
                a["due"],
                f"Action: {a['text']}",
                f"Owner: {who(a['owner'])}. From {a['meeting_title']}.",
            )
    for r in view["risks"]["items"]:
        if r["status"] == "closed":
            continue
        if r["review_by"]:
            yield (
                f"{r['id']}.review",
                r["review_by"],
                f"Review risk {r['id']}: {r['title']}",
                f"Owner: {who(r['owner'])}.",
            )
        for n, p in enumerate(r["prevention"], start=1):
            if not p["done"]:
                yield (
                    f"{r['id']}.prevention-{n}",
                    p["due"],
                    f"Prevention: {p['action']}",
                    f"For risk {r['id']}: {r['title']}. Owner: {who(p['owner'])}.",
                )
    for m in view["milestones"]:
        if not m["done"]:
            yield (
                f"{m['id']}.milestone",
                m["forecast"],
                f"Milestone {m['id']}: {m['title']}",
                f"Baseline {m['baseline']}, buffer {m['buffer_days']} days.",
            )
    scope = view["scope"] or {}
    for d in (scope.get("baseline") or {}).get("deliverables", ()):
        if d["due"] and d["state"] != "delivered":
            due_for = f" For {d['milestone']}." if d["milestone"] else ""
            yield (
                f"{d['id']}.deliverable",
                d["due"],
                f"Deliverable due: {d['id']} {d['title']}",
                f"Owner: {who(d['owner'])}.{due_for}",
            )


def render_calendar(view: dict[str, Any]) -> str:
    slug = _slug(view["project"]["name"])
    stamp = view["generated"]["today"].replace("-", "") + "T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//riskdocs//status calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(view['project']['name'] + ' - due dates')}",
    ]
    for uid, day, summary, description in sorted(events(view), key=lambda e: (e[1], e[0])):
        start = parse_day(day)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_escape(uid)}.{slug}@riskdocs",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
