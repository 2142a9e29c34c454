"""calendar.ics: every open due date as an RFC 5545 calendar a person can subscribe to.

Rendered from the view model. UIDs are derived from ids (and the project's
name), so a calendar client updates an event instead of duplicating it; the
DTSTAMP is the report's date, so the same input gives the same bytes. Due dates
are all-day events; a meeting note with a `time:`, dated today or later, is an
event at that time in its time zone, which the calendar describes (VTIMEZONE,
from the zone's own transitions in the years its events fall in).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from riskdocs.dates import parse_day
from riskdocs.i18n import _, clock_time, listed, ngettext
from riskdocs.visible import visible_keeping_lines


class Event(NamedTuple):
    uid: str  # stem: the project's slug and @riskdocs follow
    day: str
    summary: str
    description: str
    time: str | None = None  # HH:MM: a timed event, else all day
    minutes: int = 60
    zone: str | None = None  # IANA name; None: floating local time


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
    """The project's name in UIDs: its ASCII words (`customer-portal-relaunch`), or, for a
    name without any (华东物流官网改版), a short digest of it, so two projects never share
    UIDs."""
    ascii_words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if ascii_words:
        return ascii_words
    return "project-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def events(view: dict[str, Any]) -> Iterator[Event]:
    """(uid stem, date, summary, description) of every open dated item."""
    people = view["people"]

    def who(key: str | None) -> str:
        return str(people[key]["name"]) if key in people else (key or _("nobody"))

    for c in view["commitments"]["items"]:
        if c["state"] in ("overdue", "due-soon", "open"):
            yield Event(
                f"{c['id']}.commitment",
                c["due"],
                _("Due: {id} {title}").format(id=c["id"], title=c["title"]),
                _("Promised by {owner} to {to}.").format(owner=who(c["owner"]), to=who(c["to"])),
            )
    for a in view["action_items"]:
        if not a["done"] and a["due"]:
            yield Event(
                f"{a['meeting']}.action-{a['key']}",
                a["due"],
                _("Action: {text}").format(text=a["text"]),
                _("Owner: {owner}. From {meeting}.").format(
                    owner=who(a["owner"]), meeting=a["meeting_title"]
                ),
            )
    for r in view["risks"]["items"]:
        if r["status"] == "closed":
            continue
        if r["review_by"]:
            yield Event(
                f"{r['id']}.review",
                r["review_by"],
                _("Review risk {id}: {title}").format(id=r["id"], title=r["title"]),
                _("Owner: {owner}.").format(owner=who(r["owner"])),
            )
        for n, p in enumerate(r["prevention"], start=1):
            if not p["done"]:
                yield Event(
                    f"{r['id']}.prevention-{n}",
                    p["due"],
                    _("Prevention: {action}").format(action=p["action"]),
                    _("For risk {id}: {title}. Owner: {owner}.").format(
                        id=r["id"], title=r["title"], owner=who(p["owner"])
                    ),
                )
    for m in view["milestones"]:
        if not m["done"]:
            yield Event(
                f"{m['id']}.milestone",
                m["forecast"],
                _("Milestone {id}: {title}").format(id=m["id"], title=m["title"]),
                ngettext(
                    "Baseline {baseline}, buffer {count} day.",
                    "Baseline {baseline}, buffer {count} days.",
                    m["buffer_days"],
                ).format(baseline=m["baseline"], count=m["buffer_days"]),
            )
    today = view["generated"]["today"]
    for m in view["meetings"]:
        if m["time"] and m["date"] >= today:
            names = listed(who(a) + _their_time(m, people.get(a)) for a in m["attendees"])
            yield Event(f"{m['id']}.meeting", m["date"], _("Meeting: {title}").format(
                title=m["title"]), _("Attendees: {names}.").format(names=names), m["time"],
                m["minutes"], m["timezone"])  # fmt: skip
    scope = view["scope"] or {}
    for d in (scope.get("baseline") or {}).get("deliverables", ()):
        if d["due"] and d["state"] not in ("submitted", "accepted"):
            owner = _("Owner: {owner}.").format(owner=who(d["owner"]))
            for_milestone = _("For {milestone}.").format(milestone=d["milestone"])
            yield Event(
                f"{d['id']}.deliverable",
                d["due"],
                _("Deliverable due: {id} {title}").format(id=d["id"], title=d["title"]),
                f"{owner} {for_milestone}" if d["milestone"] else owner,
            )


def _their_time(meeting: dict[str, Any], person: dict[str, Any] | None) -> str:
    """` (03:00 in Europe/London)` for an attendee whose own time zone is not the
    meeting's, or "" (`(2 Dec 23:00 ...)` when it falls on another day for them)."""
    zone = person.get("timezone") if person else None
    if not zone or not meeting["timezone"] or zone == meeting["timezone"]:
        return ""
    from zoneinfo import ZoneInfo  # only when a timed meeting has attendees elsewhere

    day, (hour, minute) = parse_day(meeting["date"]), meeting["time"].split(":")
    starts = datetime(day.year, day.month, day.day, int(hour), int(minute),
                      tzinfo=ZoneInfo(meeting["timezone"]))  # fmt: skip
    theirs = starts.astimezone(ZoneInfo(zone))
    when = clock_time(theirs, with_day=theirs.date() != day)
    return " " + _("({time} in {zone})").format(time=when, zone=zone)


def render_calendar(view: dict[str, Any]) -> str:
    slug = _slug(view["project"]["name"])
    stamp = view["generated"]["today"].replace("-", "") + "T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//riskdocs//status calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:"
        + _escape(_("{project} - due dates").format(project=view["project"]["name"])),
    ]
    listed = sorted(events(view), key=lambda e: (e.day, e.time or "", e.uid))
    zones = sorted({e.zone for e in listed if e.time and e.zone})
    for zone in zones:
        lines += vtimezone(zone, sorted({int(e.day[:4]) for e in listed if e.zone == zone}))
    for event in listed:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_escape(event.uid)}.{slug}@riskdocs",
            f"DTSTAMP:{stamp}",
            *_when(event),
            f"SUMMARY:{_escape(event.summary)}",
            f"DESCRIPTION:{_escape(event.description)}",
            "TRANSP:OPAQUE" if event.time else "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _when(event: Event) -> list[str]:
    start = parse_day(event.day)
    if event.time is None:
        return [f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
                f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}"]  # fmt: skip
    hour, minute = (int(part) for part in event.time.split(":"))
    begins = datetime(start.year, start.month, start.day, hour, minute)
    ends = begins + timedelta(minutes=event.minutes)
    zone = f";TZID={event.zone}" if event.zone else ""
    return [f"DTSTART{zone}:{begins:%Y%m%dT%H%M%S}", f"DTEND{zone}:{ends:%Y%m%dT%H%M%S}"]


def vtimezone(name: str, years: list[int]) -> list[str]:
    """A VTIMEZONE for the zone `name`: one observance per change of its UTC offset in
    `years` (and the year before, so the first event's offset is covered), or one
    standard observance for a zone that does not change (Asia/Shanghai)."""
    from zoneinfo import ZoneInfo  # only when a meeting has a time

    zone = ZoneInfo(name)
    instant = datetime(min(years) - 1, 1, 1, tzinfo=UTC)
    end = datetime(max(years) + 1, 1, 1, tzinfo=UTC)
    before = instant.astimezone(zone)
    observances = []
    while instant < end:  # hour by hour: zones change on the hour
        instant += timedelta(hours=1)
        now = instant.astimezone(zone)
        if now.utcoffset() != before.utcoffset():
            observances += _observance(instant, before, now)
        before = now
    if not observances:
        start = datetime(min(years) - 1, 1, 1, tzinfo=UTC)
        observances = _observance(start, start.astimezone(zone), start.astimezone(zone))
    return ["BEGIN:VTIMEZONE", f"TZID:{name}", *observances, "END:VTIMEZONE"]


def _observance(at: datetime, before: datetime, after: datetime) -> list[str]:
    """The observance that begins at the instant `at`, written as the wall time of the
    offset before it (RFC 5545 3.6.5)."""
    kind = "DAYLIGHT" if after.dst() else "STANDARD"
    begins = (at + (before.utcoffset() or timedelta())).replace(tzinfo=None)
    return [f"BEGIN:{kind}", f"DTSTART:{begins:%Y%m%dT%H%M%S}",
            f"TZOFFSETFROM:{_offset(before)}", f"TZOFFSETTO:{_offset(after)}",
            f"TZNAME:{after.tzname()}", f"END:{kind}"]  # fmt: skip


def _offset(moment: datetime) -> str:
    total = int((moment.utcoffset() or timedelta()).total_seconds() // 60)
    sign, total = ("-", -total) if total < 0 else ("+", total)
    return f"{sign}{total // 60:02d}{total % 60:02d}"
