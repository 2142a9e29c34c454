"""Promises moved with the agreement of the side that made them.

Why it matters: a new date is only agreed when the side the promise was made
to agrees. A renegotiation `agreed_by` a person on the owner's own side (or a
milestone rebaselined, or an action item rescheduled with `agreed:`, by the
owner's side) is the promiser
agreeing with itself: the client reads "agreed" where nobody on their side
was asked. The person who agrees must be on the other side from the owner
(`side:` in `people:`).

Passes (alice is on the team, dana on the client's side):

    owner: alice
    renegotiated:
      - {on: 2026-11-18, from: 2026-11-20, to: 2026-11-25, agreed_by: dana}

Fails (bob is on the team too):

    owner: alice
    renegotiated:
      - {on: 2026-11-18, from: 2026-11-20, to: 2026-11-25, agreed_by: bob}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Person, Project
from riskdocs.rules.base import Context, Hit, Option, hit, hit_at
from riskdocs.words import word

ID = "promise-moved-by-promiser"
SEVERITY = Severity.ERROR
AREA = "commitments"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    people = project.settings.people
    for c in project.commitments:
        for index, move in enumerate(c.renegotiated):
            if same_side(people, c.owner, move.agreed_by):
                yield hit(
                    c.source,
                    ("renegotiated", index, "agreed_by"),
                    _message(
                        people,
                        c.owner,
                        move.agreed_by,
                        _("{id}'s move to {new_due}").format(id=c.id, new_due=move.new_due),
                    ),
                    c.id,
                    client=_client(
                        people,
                        move.agreed_by,
                        _("The new date of \u201c{title}\u201d").format(title=c.title),
                    ),
                )
    for m in project.milestones:
        for index, rebaseline in enumerate(m.rebaselined):
            if same_side(people, m.owner, rebaseline.agreed_by):
                yield hit(
                    m.source,
                    ("rebaselined", index, "agreed_by"),
                    _message(
                        people,
                        m.owner,
                        rebaseline.agreed_by,
                        _("{id}'s new baseline {new_baseline}").format(
                            id=m.id, new_baseline=rebaseline.new_baseline
                        ),
                    ),
                    m.id,
                    client=_client(
                        people,
                        rebaseline.agreed_by,
                        _("The new agreed date of {title}").format(title=m.title),
                    ),
                )
    for meeting in project.meetings:
        for item in meeting.action_items:
            if item.agreed_by and item.agreed_col and same_side(people, item.owner, item.agreed_by):
                yield hit_at(
                    meeting.path,
                    item.line,
                    item.agreed_col,
                    _message(
                        people,
                        item.owner,
                        item.agreed_by,
                        _("the move of '{text}' to {due}").format(text=item.text, due=item.due),
                    ),
                    meeting.id,
                    client=_client(
                        people,
                        item.agreed_by,
                        _("The new date of \u201c{text}\u201d").format(text=item.text),
                    ),
                )


def same_side(people: Mapping[str, Person], owner: str | None, agreed: str) -> bool:
    """Whether both are known people on one side (unknown names are reference errors)."""
    first, second = people.get(owner or ""), people.get(agreed)
    return first is not None and second is not None and first.side == second.side


def _client(people: Mapping[str, Person], agreed: str, what: str) -> str:
    side = _("your side") if people[agreed].side == "client" else _("the project team")
    return _(
        "{what} is recorded as agreed by {name}, on the same side as whoever "
        "promised it ({side}); the team is recording who on the other side agreed."
    ).format(what=what, name=people[agreed].name, side=word(side))


def _message(people: Mapping[str, Person], owner: str | None, agreed: str, what: str) -> str:
    side = people[agreed].side
    other = _("the client's side") if side == "team" else _("the team")
    return _(
        "{what} is agreed by {name}, on the same side ({side}) as the owner "
        "{owner}: a promise is moved only with the agreement of {other}; name "
        "who agreed there"
    ).format(
        what=what,
        name=people[agreed].name,
        side=word(side),
        owner=people[owner or ""].name,
        other=other,
    )
