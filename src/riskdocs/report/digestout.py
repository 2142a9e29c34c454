"""The digest in words: Markdown, plain text and the HTML of the e-mail.

One function says each event in a sentence of the command's language; each format
only escapes what the files wrote for where it goes (Markdown's special characters,
control characters on a terminal, HTML) and lays the sections out.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

from riskdocs import i18n
from riskdocs.dates import parse_day
from riskdocs.i18n import N_, _, listed, long_date, ngettext
from riskdocs.report.markdown import md
from riskdocs.visible import visible
from riskdocs.words import word

Escape = Callable[[str], str]
Section = tuple[str, list[str]]

_HEADINGS = {
    "commitments": N_("Promises"),
    "milestones": N_("Milestones"),
    "deliverables": N_("Deliverables"),
    "changes": N_("Change requests"),
    "risks": N_("Risks"),
    "concerns": N_("Concerns"),
    "training": N_("Training"),
}
_SAY = {
    ("commitments", "added"): N_("{id} {title}: promised by {owner} to {to}, due {due}"),
    ("commitments", "delivered"): N_("{id} {title}: delivered on {on}"),
    ("commitments", "dropped"): N_("{id} {title}: dropped"),
    ("commitments", "moved"): N_(
        "{id} {title}: due date moved from {from} to {to}, agreed by {by}"
    ),
    ("commitments", "moved-silently"): N_(
        "{id} {title}: due date moved from {from} to {to} with no record of who agreed"
    ),
    ("commitments", "late"): N_("{id} {title}: now overdue (due {due}, {owner})"),
    ("milestones", "added"): N_("{id} {title}: a new milestone, forecast {forecast}"),
    ("milestones", "reached"): N_("{id} {title}: reached on {on}"),
    ("milestones", "rebaselined"): N_(
        "{id} {title}: baseline moved from {from} to {to}, agreed by {by}"
    ),
    ("milestones", "rebaselined-silently"): N_(
        "{id} {title}: baseline moved from {from} to {to} with no record of who agreed"
    ),
    ("milestones", "moved"): N_("{id} {title}: forecast moved from {from} to {to}"),
    ("deliverables", "added"): N_("{id} {title}: added to the scope"),
    ("deliverables", "submitted"): N_("{id} {title}: handed over on {on} for acceptance"),
    ("deliverables", "accepted"): N_("{id} {title}: accepted by {by} on {on}"),
    ("deliverables", "rejected"): N_("{id} {title}: rejected by {by} on {on}"),
    ("changes", "raised"): N_("{id} {title}: change requested on {on}"),
    ("changes", "decided"): N_("{id} {title}: {status} by {by}"),
    ("risks", "added"): N_("{id} {title}: a new risk, score {score} ({band})"),
    ("risks", "closed"): N_("{id} {title}: closed"),
    ("risks", "occurred"): N_("{id} {title}: has occurred"),
    ("risks", "rescored"): N_("{id} {title}: score from {from} to {to} ({band})"),
    ("concerns", "raised"): N_("{id} {title}: raised by {by} ({severity})"),
    ("concerns", "acknowledged"): N_("{id} {title}: acknowledged on {on}"),
    ("concerns", "resolved"): N_("{id} {title}: resolved on {on}"),
    ("training", "held"): N_("Training “{title}” held on {on} with {attendees}"),
}


def sections(digest: Mapping[str, Any], esc: Escape) -> list[Section]:
    """The digest's sections, each a heading and its lines, user text escaped by `esc`."""
    names: Mapping[str, str] = digest["people"]

    def person(key: str | None) -> str:
        return esc(names.get(key or "", key or _("someone")))

    found: list[Section] = [(_("Health"), _health_lines(digest, esc))]
    for section, heading in _HEADINGS.items():
        lines = [_sentence(e, esc, person) for e in digest["events"] if e["section"] == section]
        if lines:
            found.append((_(heading), lines))
    if not digest["events"]:
        found.append(
            (
                _("What changed"),
                [_("Nothing changed since {day}.").format(day=_day(digest["since"]["day"]))],
            )
        )
    due = [
        _("{id} {title}: due {due}").format(
            id=esc(d["id"]), title=esc(d["title"]), due=_day(d["due"])
        )
        for d in digest["due"]
    ]
    horizon = digest["horizon_days"]
    found.append(
        (
            ngettext("Due in the next {count} day", "Due in the next {count} days", horizon).format(
                count=horizon
            ),
            due or [_("Nothing.")],
        )
    )
    waiting = [_waiting_line(w, esc, person) for w in digest["waiting"]]
    heading = (
        _("Waiting for you") if digest["audience"] == "client" else _("Waiting for the client")
    )
    found.append((heading, waiting or [_("Nothing.")]))
    return found


def _waiting_line(item: Mapping[str, Any], esc: Escape, person: Callable[[str | None], str]) -> str:
    what = (
        _("{id} {title}").format(id=esc(item["id"]), title=esc(item["title"]))
        if item["id"]
        else esc(item["title"])
    )
    # Translators: the leading space is part of these two messages (none before （ in Chinese).
    who = _(" ({name}, due {due})") if item["due"] else _(" ({name})")
    return what + who.format(name=person(item["owner"]), due=_day(item["due"]))


def _day(iso: str | None) -> str:
    return long_date(parse_day(iso)) if iso else "—"


def _health_lines(digest: Mapping[str, Any], esc: Escape) -> list[str]:
    overall = digest["health"]["overall"]
    if overall["from"] == overall["to"]:
        lines = [_("Overall health: {health}, as before.").format(health=word(overall["to"]))]
    else:
        lines = [
            _("Overall health: {was} → {now}.").format(
                was=word(overall["from"]), now=word(overall["to"])
            )
        ]
    for area in digest["health"]["areas"]:
        why = _("; ").join(esc(r.rstrip(".。")) for r in area["reasons"][:3])
        name = word(area["area"])
        changed = _("{area}: {was} → {now}").format(
            area=name[:1].upper() + name[1:],
            was=word(area["from"] or "green"),
            now=word(area["to"]),
        )
        lines.append(changed + (_(" ({why})").format(why=why) if why else ""))
    return lines


def _sentence(event: Mapping[str, Any], esc: Escape, person: Callable[[str | None], str]) -> str:
    values = {
        "id": esc(event["id"] or ""),
        "title": esc(event["title"] or ""),
        "owner": person(event.get("owner")),
        "to": _day(event["to"])
        if event["kind"].startswith(("moved", "rebaselined"))
        else person(event.get("to")),
        "from": _day(event.get("from")) if event["section"] != "risks" else "",
        "by": person(event.get("by") or event.get("agreed_by")),
        "due": _day(event.get("due")),
        "on": _day(event.get("on")),
        "forecast": _day(event.get("forecast")),
        "status": word(event.get("status") or ""),
        "score": event.get("score", event.get("to")),
        "band": word(event.get("band") or ""),
        "severity": word(event.get("severity") or ""),
        "attendees": listed(person(k) for k in event.get("attendees", ())),
    }
    if event["section"] == "risks" and event["kind"] == "rescored":
        values.update({"from": str(event["from"]), "to": str(event["to"])})
    said = _(_SAY[(event["section"], event["kind"])]).format(**values)
    if event["kind"] == "accepted" and event.get("deemed"):
        said = _(
            "{id} {title}: deemed accepted on {on}, the acceptance window having passed"
        ).format(**values)
    burnt = event.get("buffer_burnt") or 0
    if event["section"] == "milestones" and event["kind"] == "moved" and burnt > 0:
        said += ngettext(" ({count} buffer day used)", " ({count} buffer days used)", burnt).format(
            count=burnt
        )
    if event["section"] == "training" and event.get("untrained"):
        said += _("; ") + _("still to train: {names}").format(
            names=listed(person(k) for k in event["untrained"])
        )
    if event["kind"] == "delivered" and event.get("late"):
        said += _(" (after its due date)")
    return said


def title(digest: Mapping[str, Any]) -> str:
    """The update's title (and the e-mail's subject)."""
    return _("{name}: update of {day}").format(
        name=visible(digest["project"]["name"]), day=_day(digest["until"]["day"])
    )


def _lead(digest: Mapping[str, Any]) -> str:
    return _("What changed from {since} to {until}.").format(
        since=_day(digest["since"]["day"]), until=_day(digest["until"]["day"])
    )


def render_markdown(digest: Mapping[str, Any]) -> str:
    out = [f"# {md(title(digest))}", "", _lead(digest)]
    for heading, lines in sections(digest, md):
        out += ["", f"## {heading}", "", *(f"- {line}" for line in lines)]
    return "\n".join(out) + "\n"


def render_text(digest: Mapping[str, Any]) -> str:
    def plain(text: str) -> str:
        return visible(" ".join(str(text).split()))

    heading = plain(title(digest))
    out = [heading, "=" * len(heading), "", _lead(digest)]
    for name, lines in sections(digest, plain):
        out += ["", name, "-" * len(name), *(f"* {line}" for line in lines)]
    return "\n".join(out) + "\n"


_H1 = "font:bold 20px/1.3 Arial,Helvetica,sans-serif;color:#14213d;margin:0 0 8px"
_H2 = "font:bold 16px/1.3 Arial,Helvetica,sans-serif;color:#14213d;margin:20px 0 6px"
_P = "font:14px/1.5 Arial,Helvetica,sans-serif;color:#333;margin:0 0 6px"


def render_html(digest: Mapping[str, Any]) -> str:
    """The e-mail's HTML part: inline styles only, no script, no image, no link out."""

    def esc(text: str) -> str:
        return html.escape(visible(" ".join(str(text).split())))

    body = [f'<h1 style="{_H1}">{esc(title(digest))}</h1>', f'<p style="{_P}">{_lead(digest)}</p>']
    for heading, lines in sections(digest, esc):
        body.append(f'<h2 style="{_H2}">{html.escape(heading)}</h2>')
        body.append('<ul style="padding-left:20px;margin:0">')
        body += [f'<li style="{_P}">{line}</li>' for line in lines]
        body.append("</ul>")
    return (
        f'<!DOCTYPE html><html lang="{i18n.current()}"><head><meta charset="utf-8"><title>'
        + esc(title(digest))
        + '</title></head><body style="margin:0;padding:16px;background:#ffffff">'
        + "".join(body)
        + "</body></html>\n"
    )
