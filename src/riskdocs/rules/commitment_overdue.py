"""Open commitments whose due date has passed.

Why it matters: a promise that passes its date without a word costs the
client's trust faster than anything else. Deliver it, or agree a new date with
the person it was made to and record the move under `renegotiated:`; an
agreed move is a managed expectation, a silent one is a broken promise.

Passes (today 2026-11-26):

    due: 2026-11-30
    status: open

Fails (due 6 days ago, still open):

    due: 2026-11-20
    status: open
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit, name_of, sentence

ID = "commitment-overdue"
SEVERITY = Severity.ERROR
AREA = "commitments"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS = {"grace_days": Option(0, N_("Days past the due date before the commitment is reported."))}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for commitment in project.commitments:
        late = (ctx.today - commitment.due).days
        if commitment.status == "open" and late > opts["grace_days"]:
            yield hit(
                commitment.source,
                ("due",),
                _(
                    "{id} was due {due} ({late} ago) and is still open: deliver it and set "
                    "`status: done`, or agree a new date with {to} and record it under "
                    "`renegotiated:`"
                ).format(id=commitment.id, due=commitment.due, late=days(late), to=commitment.to),
                commitment.id,
                client=sentence(
                    _(
                        "{owner} promised \u201c{title}\u201d to {to} for {due}; it is {late} "
                        "late and not "
                        "delivered yet."
                    ).format(
                        owner=name_of(project, commitment.owner),
                        title=commitment.title,
                        to=name_of(project, commitment.to),
                        due=long_date(commitment.due),
                        late=days(late),
                    )
                ),
            )
