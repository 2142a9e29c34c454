"""Commitments delivered after the due date that was agreed at the time.

Why it matters: late deliveries are the honest record behind the on-time rate
a client sees. A due date renegotiated after the work was already late does
not make it on time: the date in force on the day of delivery counts.

Passes:

    due: 2026-11-20
    status: done
    done: 2026-11-19

Fails (delivered 3 days late; info, it feeds the on-time rate):

    due: 2026-11-20
    status: done
    done: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit, name_of, sentence

ID = "commitment-done-late"
SEVERITY = Severity.INFO
AREA = "commitments"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for commitment in project.commitments:
        if commitment.status != "done" or commitment.done is None:
            continue
        due = commitment.due_on(commitment.done)
        late = (commitment.done - due).days
        if late > 0:
            yield hit(
                commitment.source,
                ("done",),
                _(
                    "{id} was delivered {done}, {late} after the due date in force that day "
                    "({due}); if a later date had been agreed, record it under "
                    "`renegotiated:`"
                ).format(id=commitment.id, done=commitment.done, late=days(late), due=due),
                commitment.id,
                client=sentence(
                    _(
                        "{owner} delivered \u201c{title}\u201d on {done}, {late} after the agreed "
                        "date."
                    ).format(
                        owner=name_of(project, commitment.owner),
                        title=commitment.title,
                        done=long_date(commitment.done),
                        late=days(late),
                    )
                ),
            )
