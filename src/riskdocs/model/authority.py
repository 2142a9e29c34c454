"""Who may decide what: every decision record of a project, and the authority it needs.

A decision record is a person named as having agreed or decided something the
client relies on: a promise's or an action item's new due date, a milestone's new
baseline, a change request's decision, the scope's sign-off, a deliverable's or the
project's acceptance, a risk's acceptance or its agreed contingency. `decisions`
lists them all, each with the kinds of authority it needs (`scope`, `schedule`,
`budget`, `acceptance`, `risk`) and the place of the deciding person's name, so one
rule checks them against what people say they may decide (`people.<key>.decides`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from riskdocs.i18n import _
from riskdocs.load.yamlsrc import JsonPath
from riskdocs.model.entities import Project, Settings, Source
from riskdocs.structs import struct

SCOPE, SCHEDULE, BUDGET, ACCEPTANCE, RISK = "scope", "schedule", "budget", "acceptance", "risk"
AUTHORITIES = (SCOPE, SCHEDULE, BUDGET, ACCEPTANCE, RISK)


@struct
class Decision:
    """One decision recorded in a file.

    Attributes:
        by: the person's key as the file writes it.
        on: the day it was made, when the record says (an action item's move: the note's).
        needs: the authority it takes, in `AUTHORITIES` order.
        what: what was decided, in a few words that name ids, not files.
        path, line, col: where the deciding person is named.
    """

    by: str
    on: date | None
    needs: tuple[str, ...]
    what: str
    entity: str | None
    path: str
    line: int | None
    col: int | None


def may_decide(settings: Settings, key: str, authority: str) -> bool:
    """Whether the person `key` may make a decision that takes `authority`: anyone, until
    someone declares `decides:`; then those who list it. An unknown key is the references
    check's to report."""
    person = settings.people.get(key)
    return person is None or not settings.authority_declared or authority in person.decides


def lacking(settings: Settings, decision: Decision) -> tuple[str, ...]:
    """The authority `decision` takes that its maker does not have."""
    return tuple(a for a in decision.needs if not may_decide(settings, decision.by, a))


def decisions(project: Project) -> Iterator[Decision]:
    """Every decision record of the project, file by file."""
    yield from _moves(project)
    yield from _scope_decisions(project)
    yield from _acceptances(project)
    yield from _risk_decisions(project)


def _at(
    source: Source,
    field: JsonPath,
    *,
    by: str,
    on: date | None,
    needs: tuple[str, ...],
    what: str,
    entity: str | None,
) -> Decision:
    line, col = source.position(*field)
    return Decision(
        by=by, on=on, needs=needs, what=what, entity=entity, path=source.path, line=line, col=col
    )


def _moves(project: Project) -> Iterator[Decision]:
    for c in project.commitments:
        for i, move in enumerate(c.renegotiated):
            yield _at(
                c.source,
                ("renegotiated", i, "agreed_by"),
                by=move.agreed_by,
                on=move.on,
                needs=(SCHEDULE,),
                entity=c.id,
                what=_("moving {id}'s due date to {due}").format(id=c.id, due=move.new_due),
            )
    for m in project.milestones:
        for i, again in enumerate(m.rebaselined):
            yield _at(
                m.source,
                ("rebaselined", i, "agreed_by"),
                by=again.agreed_by,
                on=again.on,
                needs=(SCHEDULE,),
                entity=m.id,
                what=_("moving {id}'s baseline to {day}").format(id=m.id, day=again.new_baseline),
            )
    for meeting in project.meetings:
        for item in meeting.action_items:
            if item.agreed_by and item.due:
                yield Decision(
                    by=item.agreed_by,
                    on=meeting.date,
                    needs=(SCHEDULE,),
                    what=_("moving the action item “{text}” to {due}").format(
                        text=item.text if len(item.text) <= 60 else item.text[:59] + "…",
                        due=item.due,
                    ),
                    entity=meeting.id,
                    path=meeting.path,
                    line=item.line,
                    col=item.agreed_col,
                )


def _scope_decisions(project: Project) -> Iterator[Decision]:
    for cr in project.changes:
        if cr.status not in ("approved", "rejected") or cr.decided_by is None:
            continue
        needs: tuple[str, ...] = (SCOPE,)
        if cr.status == "approved" and cr.schedule_days:
            needs += (SCHEDULE,)
        if cr.status == "approved" and cr.cost:
            needs += (BUDGET,)
        yield _at(
            cr.source,
            ("decided_by",),
            by=cr.decided_by,
            on=cr.decided,
            needs=needs,
            entity=cr.id,
            what=_("deciding {id}").format(id=cr.id),
        )
    scope = project.scope
    if scope is None:
        return
    if scope.signed_off_by:
        yield _at(
            scope.source,
            ("signed_off_by",),
            by=scope.signed_off_by,
            on=scope.signed_off,
            needs=(SCOPE,),
            entity=None,
            what=_("signing the scope off"),
        )
    for i, again in enumerate(scope.resigned):
        yield _at(
            scope.source,
            ("resigned", i, "by"),
            by=again.by,
            on=again.on,
            needs=(SCOPE,),
            entity=None,
            what=_("signing the scope again on {on}").format(on=again.on),
        )


def _acceptances(project: Project) -> Iterator[Decision]:
    for d in project.deliverables:
        if d.accepted is not None:
            yield _at(
                d.source,
                ("accepted", "by"),
                by=d.accepted.by,
                on=d.accepted.on,
                needs=(ACCEPTANCE,),
                entity=d.id,
                what=_("accepting {id}").format(id=d.id),
            )
        for i, no in enumerate(d.rejected):
            yield _at(
                d.source,
                ("rejected", i, "by"),
                by=no.by,
                on=no.on,
                needs=(ACCEPTANCE,),
                entity=d.id,
                what=_("rejecting {id}").format(id=d.id),
            )
    closure = project.closure
    if closure is not None:
        yield _at(
            closure.source,
            ("accepted_by",),
            by=closure.accepted_by,
            on=closure.closed,
            needs=(ACCEPTANCE,),
            entity=None,
            what=_("accepting the project's closure"),
        )


def _risk_decisions(project: Project) -> Iterator[Decision]:
    for r in project.risks:
        if r.acceptance is not None:
            yield _at(
                r.source,
                ("acceptance", "by"),
                by=r.acceptance.by,
                on=r.acceptance.on,
                needs=(RISK,),
                entity=r.id,
                what=_("accepting risk {id}").format(id=r.id),
            )
        if r.contingency_agreed is not None:
            yield _at(
                r.source,
                ("contingency_agreed", "by"),
                by=r.contingency_agreed.by,
                on=r.contingency_agreed.on,
                needs=(RISK,),
                entity=r.id,
                what=_("agreeing the contingency plan of {id}").format(id=r.id),
            )
