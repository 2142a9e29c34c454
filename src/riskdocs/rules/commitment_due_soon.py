"""Open commitments due within the next few days.

Why it matters: the time to warn the client about a promise you may miss is
before its date, not after. This warning gives the owner time to deliver or to
renegotiate while it is still a courtesy rather than an apology.

Passes (today 2026-11-26, default 3 days):

    due: 2026-12-10
    status: open

Fails (due in 2 days):

    due: 2026-11-28
    status: open
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, days, hit, name_of, sentence

ID = "commitment-due-soon"
SEVERITY = Severity.WARNING
AREA = "commitments"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS = {"days": Option(3, "Warn this many days before the due date (0: only on the day).")}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for commitment in project.commitments:
        left = (commitment.due - ctx.today).days
        if commitment.status == "open" and 0 <= left <= opts["days"]:
            when = "today" if left == 0 else f"in {days(left)} ({commitment.due})"
            yield hit(
                commitment.source,
                ("due",),
                f"{commitment.id} is due {when}, owner {commitment.owner}: deliver it, or tell "
                f"{commitment.to} now and record the new date under `renegotiated:`",
                commitment.id,
                client=sentence(
                    f"{name_of(project, commitment.owner)} promised \u201c{commitment.title}"
                    f"\u201d for {long_date(commitment.due)}"
                    f"{' (today)' if left == 0 else f', in {days(left)}'}."
                ),
            )
