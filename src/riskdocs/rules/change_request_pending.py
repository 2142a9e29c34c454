"""Change requests waiting too long for a decision.

Why it matters: an undecided change request leaves both sides unsure what is
being built. Get the client's decision and record `status`, `decided` and
`decided_by`, or withdraw the request.

Passes (today 2026-11-26, default 14 days):

    raised: 2026-11-20
    status: proposed

Fails (waiting 20 days):

    raised: 2026-11-06
    status: proposed
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "change-request-pending"
SEVERITY = Severity.WARNING
AREA = "scope"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS = {
    "max_days": Option(
        14,
        N_(
            "Days a change request may wait for a decision (working days "
            "with `calendar.count: working_days`)."
        ),
    )
}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    calendar = project.settings.calendar
    for change in project.changes:
        waited = calendar.elapsed(change.raised, ctx.today)
        if change.status == "proposed" and waited > opts["max_days"]:
            yield hit(
                change.source,
                ("status",),
                _(
                    "{id} has waited {waited} for a decision (raised {raised}): get the "
                    "client's decision and record `decided:` and `decided_by:`, or withdraw it"
                ).format(id=change.id, waited=calendar.unit(waited), raised=change.raised),
                change.id,
                client=_(
                    "Change request {id} (\u201c{title}\u201d) has waited {waited} for a decision."
                ).format(id=change.id, title=change.title, waited=calendar.unit(waited)),
            )
