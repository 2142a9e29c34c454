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
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, days, hit, name_of, sentence

ID = "commitment-overdue"
SEVERITY = Severity.ERROR
AREA = "commitments"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS = {"grace_days": Option(0, "Days past the due date before the commitment is reported.")}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for commitment in project.commitments:
        late = (ctx.today - commitment.due).days
        if commitment.status == "open" and late > opts["grace_days"]:
            yield hit(
                commitment.source,
                ("due",),
                f"{commitment.id} was due {commitment.due} ({days(late)} ago) and is still "
                f"open: deliver it and set `status: done`, or agree a new date with "
                f"{commitment.to} and record it under `renegotiated:`",
                commitment.id,
                client=sentence(
                    f"{name_of(project, commitment.owner)} promised \u201c{commitment.title}"
                    f"\u201d to {name_of(project, commitment.to)} for "
                    f"{long_date(commitment.due)}; it is {days(late)} late and not delivered yet."
                ),
            )
