"""Milestones not done whose forecast date has passed.

Why it matters: a forecast in the past is not a forecast. Either the
milestone was reached (set `done:`) or the forecast is stale and the client
is reading a date that is already wrong.

Passes (today 2026-11-26):

    forecast: 2026-11-20
    done: 2026-11-19

Fails:

    forecast: 2026-11-20
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "milestone-overdue"
SEVERITY = Severity.ERROR
AREA = "schedule"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for milestone in project.milestones:
        late = (ctx.today - milestone.forecast).days
        if milestone.done is None and late > 0:
            yield hit(
                milestone.source,
                ("forecast",),
                _(
                    "{id} was forecast for {forecast} ({late} ago) and is not done: set "
                    "`done:` if it was reached, or move `forecast:`"
                ).format(id=milestone.id, forecast=milestone.forecast, late=days(late)),
                milestone.id,
                client=_(
                    "{title} was expected on {forecast} and is not reached yet; the team "
                    "owes you a new expected date."
                ).format(title=milestone.title, forecast=long_date(milestone.forecast)),
            )
