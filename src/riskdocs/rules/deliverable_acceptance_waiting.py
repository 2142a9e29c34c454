"""Deliverables handed over for acceptance that the client has not answered in time.

Why it matters: a submitted deliverable the client neither accepts nor rejects
leaves both sides unsure whether the work is done, and the payment tied to it
waits too. The contract's acceptance window (`acceptance: window_days:` in
contract/contract.yaml) says how long the client has; without a contract, this
rule's `days` option does. When the contract deems silence acceptance
(`deemed: true`), a deliverable past its window counts as accepted on the
window's last day and is not reported. Ask the client for their decision and
record `accepted:` or `rejected:`.

Passes (today 2026-11-26, the contract allows 10 days):

    state: submitted
    submitted: {on: 2026-11-20, by: bob}

Fails (the window ended 2026-11-16):

    state: submitted
    submitted: {on: 2026-11-06, by: bob}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import N_, _
from riskdocs.model.acceptance import WAITING, standing
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "deliverable-acceptance-waiting"
SEVERITY = Severity.WARNING
AREA = "scope"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS = {
    "days": Option(
        10,
        N_(
            "Days the client has to accept or reject a submitted deliverable when the "
            "contract sets no acceptance window (working days with "
            "`calendar.count: working_days`)."
        ),
    )
}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    calendar = project.settings.calendar
    window = project.acceptance_window
    allowed = window.days if window else opts["days"]
    for deliverable in project.deliverables:
        submitted = deliverable.submitted
        if submitted is None:
            continue
        now = standing(deliverable, window, calendar, ctx.today)
        ends = now.window_ends or calendar.after(submitted.on, allowed)
        if now.state != WAITING or ctx.today <= ends:
            continue
        source = (
            _("the contract allows {days}") if window else _("this rule allows {days}")
        ).format(days=calendar.unit(allowed))
        yield hit(
            deliverable.source,
            ("submitted", "on"),
            _(
                "{id} was submitted on {on} and the client has neither accepted nor rejected "
                "it: {source}, which ended on {ends}; ask the client for their decision and "
                "record `accepted:` (on, by, results) or `rejected:`"
            ).format(id=deliverable.id, on=submitted.on, source=source, ends=ends),
            deliverable.id,
            client=(
                _(
                    "\u201c{title}\u201d was handed to you for acceptance on {on}; the {days} "
                    "agreed to accept or reject it ended on {ends}."
                )
                if window
                else _(
                    "\u201c{title}\u201d was handed to you for acceptance on {on} and is waiting "
                    "for your decision."
                )
            ).format(
                title=deliverable.title,
                on=long_date(submitted.on),
                days=calendar.unit(allowed),
                ends=long_date(ends),
            ),
        )
