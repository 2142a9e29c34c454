"""Due dates that moved later in git history with no `renegotiated:` entry recording it.

Why it matters: a promise whose date quietly moves is the most damaging thing for
a client's trust, because they find out when the old date has passed. Every
commit that moved a commitment's `due` later (or an action item's `due:`), and
the uncommitted work tree too, must match an entry under `renegotiated:` with
that `from` and `to` and who agreed, or entries in a row that lead from one to
the other (a date moved twice before a commit). Needs the full git history (a
shallow CI clone reports an info finding instead).

An action item's move is recorded on the item by the commit that makes it:
`due:NEW was:OLD agreed:PERSON`.

Passes (the move is recorded):

    due: 2026-11-25
    renegotiated:
      - {on: 2026-11-18, from: 2026-11-20, to: 2026-11-25, agreed_by: dana}

    - [ ] @bob send the timeline due:2026-11-25 was:2026-11-20 agreed:dana

Fails (a commit changed `due: 2026-11-20` to `due: 2026-11-25` and nothing else):

    due: 2026-11-25

    - [ ] @bob send the timeline due:2026-11-25
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _, days
from riskdocs.model.entities import Commitment, Meeting, Project
from riskdocs.model.meetings import without_schedule
from riskdocs.rules.base import Context, Hit, Option, hit, hit_at, recorded

if TYPE_CHECKING:
    from riskdocs.history.facts import DueChange

ID = "commitment-silent-slip"
SEVERITY = Severity.ERROR
AREA = "commitments"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = True
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    if ctx.history is None:
        return
    commitments = {c.id: c for c in project.commitments}
    meetings = {m.id: m for m in project.meetings}
    for move in ctx.history.due_changes:
        if move.new <= move.old:
            continue
        if move.item is None and move.entity in commitments:
            yield from _commitment(commitments[move.entity], move)
        elif move.item is not None and move.entity in meetings:
            yield from _action_item(meetings[move.entity], move)


def when(move: DueChange) -> str:
    from riskdocs.history.facts import when

    return when(move.commit, move.day, move.author)


def _commitment(commitment: Commitment, move: DueChange) -> Iterator[Hit]:
    agreed = [(r.old_due, r.new_due) for r in commitment.renegotiated]
    if not recorded(agreed, move.old, move.new):
        yield hit(
            commitment.source,
            ("due",),
            _(
                "{id}'s due date moved from {old} to {new} ({days} later) {move} with no "
                "`renegotiated:` entry: add one (on, from: {old}, to: {new}, agreed_by) "
                "or put the date back"
            ).format(
                id=commitment.id,
                old=move.old,
                new=move.new,
                days=days((move.new - move.old).days),
                move=when(move),
            ),
            commitment.id,
            client=_(
                "The date of \u201c{title}\u201d moved from {old} to {new} without a record of who "
                "agreed."
            ).format(title=commitment.title, old=long_date(move.old), new=long_date(move.new)),
        )


def _action_item(meeting: Meeting, move: DueChange) -> Iterator[Hit]:
    for item in meeting.action_items:
        # The item as it is now, unless its date was put back: a later move, even an
        # agreed one, does not make an earlier silent one honest.
        moved = item.due is not None and item.due > move.old
        if moved and without_schedule(item.text) == move.item:
            yield hit_at(
                meeting.path,
                item.line,
                item.col,
                _(
                    "action item '{item}' moved from due:{old} to due:{new} {move} with no "
                    "record of who agreed: write it on the item (due:{new} was:{old} "
                    "agreed:PERSON), or put the date back"
                ).format(item=move.item, old=move.old, new=move.new, move=when(move)),
                meeting.id,
                client=_(
                    "The date of \u201c{item}\u201d moved from {old} to {new} without a record of "
                    "who agreed."
                ).format(item=move.item, old=long_date(move.old), new=long_date(move.new)),
            )
            return
