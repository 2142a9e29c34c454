"""Dates in one entity that contradict each other or today: a record that cannot be true.

The schemas refuse a state that contradicts the entity's own fields (an open
commitment with a `done:` date, a closed risk without `closed:`, a decision on a
proposed change request). What a schema cannot do is compare dates, so this
check does: an event recorded before the one it follows (delivered before it was
promised, closed before it was raised) and an event recorded on a day that has
not come yet (`done:` next week). Each is an error at the contradicting date,
since the page would otherwise show it to the client as a fact.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from riskdocs.finding import Finding, Severity
from riskdocs.load.yamlsrc import dotted
from riskdocs.model.entities import ChangeRequest, Commitment, Concern, Project, Risk, Source

RULE = "contradiction"


class Event(NamedTuple):
    """A date an entity records something happened on, and where it is written."""

    path: tuple[str | int, ...]
    day: date | None

    @property
    def name(self) -> str:
        return dotted(self.path)


class Order(NamedTuple):
    """`later` cannot be before `earlier`; `why` says so in plain words."""

    earlier: Event
    later: Event
    why: str


class Record(NamedTuple):
    """One entity's dated facts: the orders they must keep and the events that must
    not lie in the future."""

    source: Source
    entity: str | None
    orders: tuple[Order, ...]
    events: tuple[Event, ...]


def check_states(project: Project, today: date) -> list[Finding]:
    """A finding for every date that comes before what it follows, or after `today`:
    one per date, the first contradiction it makes."""
    findings: list[Finding] = []
    for record in _records(project):
        told: set[tuple[str | int, ...]] = set()
        for order in record.orders:
            earlier, later = order.earlier, order.later
            if earlier.day and later.day and later.day < earlier.day and later.path not in told:
                told.add(later.path)
                findings.append(_finding(record, later, (
                    f"{later.name} {later.day} is before {earlier.name} {earlier.day}: "
                    f"{order.why}; correct whichever date is wrong"
                )))  # fmt: skip
        for event in record.events:
            if event.day and event.day > today and event.path not in told:
                findings.append(_finding(record, event, (
                    f"{event.name} {event.day} is after today ({today}): record what happened "
                    "on the day it happens, not before"
                )))  # fmt: skip
    return findings


def _finding(record: Record, event: Event, message: str) -> Finding:
    line, col = record.source.position(*event.path)
    return Finding(path=record.source.path, line=line, col=col, rule=RULE,
                   severity=Severity.ERROR, message=message, entity=record.entity)  # fmt: skip


def _records(project: Project) -> Iterator[Record]:
    yield from map(_commitment, project.commitments)
    yield from map(_risk, project.risks)
    yield from map(_change_request, project.changes)
    yield from map(_concern, project.concerns)
    for m in project.milestones:
        yield Record(m.source, m.id, (), (Event(("done",), m.done),))
    if (scope := project.scope) is not None:
        added = [Event(("deliverables", i, "added"), d.added)
                 for i, d in enumerate(scope.deliverables)]  # fmt: skip
        yield Record(scope.source, None, (), (Event(("signed_off",), scope.signed_off), *added))
    for pulse in project.feedback:
        yield Record(pulse.source, None, (), tuple(
            Event(("responses", i, "date"), response.date)
            for i, response in enumerate(pulse.responses)
        ))  # fmt: skip


def _commitment(c: Commitment) -> Record:
    made, done = Event(("made",), c.made), Event(("done",), c.done)
    moves = [Event(("renegotiated", i, "on"), r.on) for i, r in enumerate(c.renegotiated)]
    return Record(c.source, c.id, (
        Order(made, Event(("due",), c.due), "a promise cannot fall due before it was made"),
        Order(made, done, "a promise cannot be delivered before it was made"),
        *(Order(made, move, "a due date cannot be renegotiated before the promise was made")
          for move in moves),
    ), (made, done, *moves))  # fmt: skip


def _risk(r: Risk) -> Record:
    raised, closed = Event(("raised",), r.raised), Event(("closed",), r.closed)
    reviews = [Event(("reviews", i, "on"), v.on) for i, v in enumerate(r.reviews)]
    prevented = [Event(("prevention", i, "done"), p.done) for i, p in enumerate(r.prevention)]
    return Record(r.source, r.id, (
        Order(raised, closed, "a risk cannot be closed before it was raised"),
        *(Order(raised, review, "a risk cannot be reviewed before it was raised")
          for review in reviews),
    ), (raised, closed, *reviews, *prevented))  # fmt: skip


def _change_request(cr: ChangeRequest) -> Record:
    raised, decided = Event(("raised",), cr.raised), Event(("decided",), cr.decided)
    return Record(cr.source, cr.id, (
        Order(raised, decided, "a change request cannot be decided before it was raised"),
    ), (raised, decided))  # fmt: skip


def _concern(q: Concern) -> Record:
    raised = Event(("raised",), q.raised)
    acknowledged = Event(("acknowledged",), q.acknowledged)
    resolved = Event(("resolved",), q.resolved)
    return Record(q.source, q.id, (
        Order(raised, acknowledged, "a concern cannot be acknowledged before it was raised"),
        Order(raised, resolved, "a concern cannot be resolved before it was raised"),
        Order(acknowledged, resolved, "a concern is acknowledged before it is resolved"),
    ), (raised, acknowledged, resolved))  # fmt: skip
