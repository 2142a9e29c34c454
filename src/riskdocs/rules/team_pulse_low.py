"""The team's latest pulse scores below an acceptable average.

Why it matters: a tired or confused team breaks promises to the client next
month. The team pulse (pulse/YYYY-MM.yaml) is the team's own, always internal:
this finding never reaches the client's page. The average of every score in the
latest pulse must be at least `min_average`.

Passes (default minimum 3.0):

    responses:
      - {date: 2026-11-27, from: bob, scores: {workload: 3, clarity: 4}}

Fails (average 2.5):

    responses:
      - {date: 2026-11-27, from: bob, scores: {workload: 2, clarity: 3}}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _
from riskdocs.model.entities import Project, Pulse
from riskdocs.model.scores import aspect_means, mean_score
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "team-pulse-low"
SEVERITY = Severity.WARNING
AREA = "satisfaction"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS = {"min_average": Option(3.0, N_("Lowest acceptable average score (1-5)."))}


def lowest_aspect(pulse: Pulse) -> tuple[str, float] | None:
    """The aspect with the lowest mean (the first by name on a tie), and that mean."""
    means = sorted((mean, aspect) for aspect, mean in aspect_means(pulse.responses).items())
    return (means[0][1], means[0][0]) if means else None


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    if not project.pulse:
        return
    latest = project.pulse[-1]
    average, lowest = mean_score(latest.responses), lowest_aspect(latest)
    if average is None or lowest is None or average >= opts["min_average"]:
        return
    yield hit(
        latest.source,
        ("period",),
        _(
            "the team's average in {period} is {average:.1f}, below {min_average:.1f} "
            "(lowest: {aspect} {score:.1f}): talk about it in the next retrospective and "
            "record what changes as a lesson with actions"
        ).format(
            period=latest.period,
            average=average,
            min_average=opts["min_average"],
            aspect=lowest[0].replace("_", " "),
            score=lowest[1],
        ),
        latest.id,
        client=_("The team's own pulse is low."),
    )
