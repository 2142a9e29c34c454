"""Action items that name the commitment they stand for and say otherwise about it.

Why it matters: an item that names a commitment (`C-004` in its text) is shown
once, as that commitment, which holds the date, the owner and the state. An
item that gives another `due:`, is ticked while the commitment is open, or is
open while the commitment is closed, tells the meeting's readers something the
page does not: make them agree.

Passes (C-004 is open, due 2026-11-27):

    - [ ] @alice send the revised timeline C-004

Fails:

    - [ ] @alice send the revised timeline C-004 due:2026-12-04
    - [x] @alice send the revised timeline C-004
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import ActionItem, Commitment, Project
from riskdocs.rules.base import Context, Hit, Option, hit_at
from riskdocs.words import word

ID = "action-item-commitment-mismatch"
SEVERITY = Severity.ERROR
AREA = "commitments"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    commitments = {c.id: c for c in project.commitments}
    for meeting in project.meetings:
        for item in meeting.action_items:
            promise = commitments.get(item.commitment or "")
            problem = None if promise is None else _disagreement(item, promise)
            if problem is not None and promise is not None:
                assert item.commitment_col is not None  # the item names the commitment
                yield hit_at(
                    meeting.path,
                    item.line,
                    item.commitment_col,
                    problem,
                    meeting.id,
                    client=_(
                        "The notes of the {meeting} of {date} and promise {id} "
                        "(\u201c{title}\u201d) "
                        "disagree; the team is correcting them."
                    ).format(
                        meeting=meeting.title.lower(),
                        date=long_date(meeting.date),
                        id=promise.id,
                        title=promise.title,
                    ),
                )


def _disagreement(item: ActionItem, promise: Commitment) -> str | None:
    c = promise.id
    if not item.done and item.due is not None and item.due != promise.due:
        return _(
            "the action item for {id} says due:{due}, but {id} is due {commitment_due}: the "
            "commitment holds the date; remove `due:` from the item, or renegotiate "
            "{id} under `renegotiated:`"
        ).format(id=c, due=item.due, commitment_due=promise.due)
    if item.done and promise.status == "open":
        return _(
            "the action item for {id} is ticked, but {id} is still open: set its "
            "`status: done` and `done:`, or untick the item"
        ).format(id=c)
    if not item.done and promise.status != "open":
        return _("{id} is {status}, but its action item is not ticked: tick it (`- [x]`)").format(
            id=c, status=word(promise.status)
        )
    return None
