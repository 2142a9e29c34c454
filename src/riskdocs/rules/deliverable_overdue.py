"""Deliverables not handed over whose due date has passed.

Why it matters: a deliverable is what the client signed for, and its due date
is a promise like any other. Record the hand-over with `state: submitted` and
`submitted:` (on, by); a date that can no longer be kept is moved with the
client's agreement (an approved change request naming the deliverable), never
silently. A rejected deliverable is not handed over until it is submitted again.

Passes (today 2026-11-26):

    - id: D-01
      due: 2026-11-20
      state: submitted
      submitted: {on: 2026-11-19, by: bob}

Fails:

    - id: D-01
      due: 2026-11-20
      state: in_progress
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _, days
from riskdocs.model.acceptance import HANDED_OVER
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit
from riskdocs.words import word

ID = "deliverable-overdue"
SEVERITY = Severity.ERROR
AREA = "scope"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    if project.scope is None:
        return
    for deliverable in project.scope.deliverables:
        due = deliverable.due
        if due is None or deliverable.state in HANDED_OVER or due >= ctx.today:
            continue
        state = word(deliverable.state)
        yield hit(
            deliverable.source,
            ("due",),
            _(
                "{id} was due {due} ({days} ago) and is {state}, not handed over: set "
                "`state: submitted` and `submitted:` (on, by) if it was, or agree a new date "
                "with the client in an approved change request that names {id}"
            ).format(id=deliverable.id, due=due, days=days((ctx.today - due).days), state=state),
            deliverable.id,
            client=_(
                "\u201c{title}\u201d was due {due} and is not delivered yet ({days} late)."
            ).format(
                title=deliverable.title, due=long_date(due), days=days((ctx.today - due).days)
            ),
        )
