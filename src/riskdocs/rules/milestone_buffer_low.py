"""Milestones whose forecast has used up most of their buffer.

Why it matters: a buffer that is nearly gone is the last moment to act while
the date can still be kept. Warns when the forecast uses at least
`used_percent` of `buffer_days` (but not beyond it: that is
`milestone-beyond-buffer`).

Passes (default 75%):

    baseline: 2026-12-08
    forecast: 2026-12-09
    buffer_days: 5

Fails (4 of 5 buffer days used):

    baseline: 2026-12-08
    forecast: 2026-12-12
    buffer_days: 5
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import N_, _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "milestone-buffer-low"
SEVERITY = Severity.WARNING
AREA = "schedule"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS = {"used_percent": Option(75, N_("Warn when the forecast uses this share of the buffer."))}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for milestone in project.milestones:
        buffer = milestone.buffer_days
        used = (milestone.forecast - milestone.baseline).days
        if milestone.done is not None or not 0 < used <= buffer:
            continue
        if used * 100 >= opts["used_percent"] * buffer:
            yield hit(
                milestone.source,
                ("forecast",),
                _(
                    "{id} is forecast {forecast}: {used} of its {buffer} buffer days used "
                    "({share}%); act now while the date can still be kept"
                ).format(
                    id=milestone.id,
                    forecast=milestone.forecast,
                    used=used,
                    buffer=buffer,
                    share=used * 100 // buffer,
                ),
                milestone.id,
                client=_(
                    "{title} is expected on {forecast}: {used} of its {buffer} days of "
                    "margin are used."
                ).format(
                    title=milestone.title,
                    forecast=long_date(milestone.forecast),
                    used=used,
                    buffer=buffer,
                ),
            )
