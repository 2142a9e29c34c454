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
from riskdocs.i18n import N_, _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit, name_of, sentence

ID = "commitment-due-soon"
SEVERITY = Severity.WARNING
AREA = "commitments"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS = {"days": Option(3, N_("Warn this many days before the due date (0: only on the day)."))}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for commitment in project.commitments:
        left = (commitment.due - ctx.today).days
        if commitment.status == "open" and 0 <= left <= opts["days"]:
            when = (
                _("today")
                if left == 0
                else _("in {days} ({due})").format(days=days(left), due=commitment.due)
            )
            yield hit(
                commitment.source,
                ("due",),
                _(
                    "{id} is due {when}, owner {owner}: deliver it, or tell {to} now and "
                    "record the new date under `renegotiated:`"
                ).format(id=commitment.id, when=when, owner=commitment.owner, to=commitment.to),
                commitment.id,
                client=sentence(
                    (
                        _("{owner} promised \u201c{title}\u201d for {due} (today).")
                        if left == 0
                        else _("{owner} promised \u201c{title}\u201d for {due}, in {days}.")
                    ).format(
                        owner=name_of(project, commitment.owner),
                        title=commitment.title,
                        due=long_date(commitment.due),
                        days=days(left),
                    )
                ),
            )
