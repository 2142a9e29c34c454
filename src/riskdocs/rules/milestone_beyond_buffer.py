"""Milestones forecast later than their baseline plus buffer.

Why it matters: the buffer is the slack the plan was agreed with. A forecast
beyond it means the date the client was given will be missed: tell them,
agree a new baseline (through a change request), or recover the plan.

Passes:

    baseline: 2026-12-08
    forecast: 2026-12-11
    buffer_days: 5

Fails (forecast 12 days after the baseline, buffer 5):

    baseline: 2026-12-08
    forecast: 2026-12-20
    buffer_days: 5
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "milestone-beyond-buffer"
SEVERITY = Severity.ERROR
AREA = "schedule"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for milestone in project.milestones:
        slip = (milestone.forecast - milestone.baseline).days
        if milestone.done is None and slip > milestone.buffer_days:
            yield hit(
                milestone.source,
                ("forecast",),
                _(
                    "{id} is forecast {forecast}, {slip} after its baseline {baseline}: "
                    "beyond its {buffer_days} of buffer. Tell the client and agree a new "
                    "baseline, or recover the plan"
                ).format(
                    id=milestone.id,
                    forecast=milestone.forecast,
                    slip=days(slip),
                    baseline=milestone.baseline,
                    buffer_days=days(milestone.buffer_days),
                ),
                milestone.id,
                client=_(
                    "{title} is now expected on {forecast}, {slip} after the agreed "
                    "{baseline}: beyond the {buffer_days} of margin in the plan."
                ).format(
                    title=milestone.title,
                    forecast=long_date(milestone.forecast),
                    slip=days(slip),
                    baseline=long_date(milestone.baseline),
                    buffer_days=days(milestone.buffer_days),
                ),
            )
