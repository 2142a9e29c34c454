"""The people side of the view: who is responsible for what, how each person on the
client's side is looked after, the client's training, the team's own pulse and the
lessons the project learned, for one audience.

The client reads the responsibility matrix's shared rows, the stakeholders without
the team's notes on their influence, and the training; the team pulse is the team's
alone and is left out of a client view altogether.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from riskdocs.model.build import id_sort_key
from riskdocs.model.entities import Commitment, Project
from riskdocs.model.scores import aspect_means, mean_score
from riskdocs.model.stakeholders import last_contacts
from riskdocs.model.training import sessions, untrained
from riskdocs.report.scope import Scope, commitment_state


def responsibilities(project: Project, scope: Scope) -> list[dict[str, Any]]:
    """The responsibility matrix, deliverables first in id order, then areas by key."""
    deliverables = {d.id: d for d in project.deliverables}
    rows: list[dict[str, Any]] = []
    for key, row in project.settings.responsibilities.items():
        deliverable = deliverables.get(key)
        if not scope.shows(row) or (deliverable is not None and not scope.shows(deliverable)):
            continue
        rows.append(
            {
                "key": key,
                "title": deliverable.title if deliverable else row.title,
                "deliverable": deliverable is not None,
                "responsible": list(row.responsible),
                "accountable": row.accountable,
                "consulted": list(row.consulted),
                "informed": list(row.informed),
            }
        )
    by_id = sorted((r for r in rows if r["deliverable"]), key=lambda r: id_sort_key(r["key"]))
    return by_id + sorted((r for r in rows if not r["deliverable"]), key=lambda r: r["key"])


def stakeholders(project: Project, scope: Scope) -> list[dict[str, Any]]:
    """Each person on the client's side: when the team was last in touch, their latest
    feedback, the open promises owed to them and by them, and their concerns."""
    contacts = last_contacts(project, scope.today)
    promises = [c for c in project.commitments if scope.shows(c) and c.status == "open"]
    rows = []
    for key, person in sorted(project.settings.people.items()):
        if person.side != "client":
            continue
        contact = contacts.get(key)
        rows.append(
            {
                "key": key,
                "influence": person.influence if scope.team else None,
                "channel": person.channel,
                "last_contact": {"on": str(contact.on), "how": contact.how} if contact else None,
                "feedback": _latest_feedback(project, scope, key),
                "owed_to": _promises([c for c in promises if c.to == key], scope),
                "owed_by": _promises([c for c in promises if c.owner == key], scope)
                + _open_items(project, scope, key),
                "concerns": _concerns(project, scope, key),
            }
        )
    return rows


def _promises(commitments: Sequence[Commitment], scope: Scope) -> list[dict[str, Any]]:
    return [
        {"id": c.id, "title": c.title, "due": str(c.due),
         "state": commitment_state(c, scope.today, scope.due_soon_days)}
        for c in sorted(commitments, key=lambda c: (c.due, c.id))
    ]  # fmt: skip


def _open_items(project: Project, scope: Scope, key: str) -> list[dict[str, Any]]:
    """Open action items owned by `key` that do not stand for a commitment."""
    return [
        {"id": None, "title": item.text, "due": str(item.due) if item.due else None,
         "state": "overdue" if item.due and item.due < scope.today else "open"}
        for m in project.meetings
        if scope.shows(m)
        for item in m.action_items
        if item.owner == key and not item.done and item.commitment is None
    ]  # fmt: skip


def _latest_feedback(project: Project, scope: Scope, key: str) -> dict[str, Any] | None:
    answers = [
        r for pulse in project.feedback if scope.shows(pulse)
        for r in pulse.responses if r.person == key and r.date <= scope.today
    ]  # fmt: skip
    if not answers:
        return None
    latest = max(answers, key=lambda r: r.date)
    average = mean_score([latest])
    return {
        "date": str(latest.date),
        "average": None if average is None else round(average, 2),
        "nps": latest.nps,
        "comment": latest.comment,
    }


def _concerns(project: Project, scope: Scope, key: str) -> dict[str, Any]:
    """How many concerns they raised, how many are open, and how fast the team answered."""
    raised = [q for q in project.concerns if scope.shows(q) and q.raised_by == key]
    answered = [(q.acknowledged - q.raised).days for q in raised if q.acknowledged]
    return {
        "raised": len(raised),
        "open": sum(1 for q in raised if q.resolved is None),
        "acknowledge_days": round(sum(answered) / len(answered), 1) if answered else None,
    }


def training(project: Project, scope: Scope) -> list[dict[str, Any]]:
    """The training plan: each topic, its sessions so far and who still needs it."""
    milestones = {m.id: m for m in project.milestones if scope.shows(m)}
    plan = []
    for key, topic in sorted(project.settings.training.items()):
        if not scope.shows(topic):
            continue
        held = [m for m in sessions(project, topic, scope.today) if scope.shows(m)]
        missing = untrained(project, topic, scope.today)
        before = milestones.get(topic.before or "")
        plan.append(
            {
                "key": key,
                "topic": topic.topic,
                "kind": topic.kind,
                "people": list(topic.people),
                "before": {
                    "id": before.id,
                    "title": before.title,
                    "forecast": str(before.forecast),
                    "done": before.done is not None,
                }
                if before
                else None,
                "sessions": [
                    {
                        "date": str(m.date),
                        "title": m.title,
                        "meeting": m.id,
                        "attendees": [k for k in m.attendees if k in topic.people],
                    }
                    for m in held
                ],
                "untrained": list(missing),
                "state": "planned" if not held else ("partly" if missing else "held"),
            }
        )
    return plan


def pulse(project: Project) -> list[dict[str, Any]]:
    """The team's pulse, month by month: for the team's view only."""
    months = []
    for month in project.pulse:
        average = mean_score(month.responses)
        months.append(
            {
                "period": month.period,
                "responses": len(month.responses),
                "average": None if average is None else round(average, 2),
                "aspects": {a: round(m, 2) for a, m in aspect_means(month.responses).items()},
                "comments": [r.comment for r in month.responses if r.comment],
            }
        )
    return months


def lessons(project: Project, scope: Scope) -> list[dict[str, Any]]:
    """The lessons index, newest first: what was learned, where, and what changes."""
    return [
        {
            "id": lesson.id,
            "title": lesson.title,
            "date": str(lesson.date),
            "raised_by": lesson.raised_by,
            "category": lesson.category,
            "tags": list(lesson.tags),
            "meeting": _shown_meeting(project, scope, lesson.meeting),
            "actions": [
                {
                    "action": a.action,
                    "owner": a.owner,
                    "due": str(a.due),
                    "done": str(a.done) if a.done else None,
                    "state": _action_state(a.due, a.done, scope.today),
                }
                for a in lesson.actions
            ],
            "html": scope.render(lesson.body),
        }
        for lesson in sorted(project.lessons, key=lambda x: (x.date, x.id), reverse=True)
        if scope.shows(lesson)
    ]


def _shown_meeting(project: Project, scope: Scope, path: str | None) -> str | None:
    """The id of the meeting at `path`, when this view shows it."""
    return next((m.id for m in project.meetings if m.path == path and scope.shows(m)), None)


def _action_state(due: date, done: date | None, today: date) -> str:
    if done is not None:
        return "done"
    return "overdue" if due < today else "open"
