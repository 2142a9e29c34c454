"""The latest client feedback scores below an acceptable average.

Why it matters: a client who rates the project below "satisfied" needs a
conversation now, whether or not the score has moved.

Passes (default minimum 3.0):

    responses:
      - {date: 2026-11-12, from: dana, scores: {communication: 4, quality: 3}}

Fails (average 2.5):

    responses:
      - {date: 2026-11-12, from: dana, scores: {communication: 3, quality: 2}}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit
from riskdocs.rules.feedback_dropping import average_score

ID = "feedback-low"
SEVERITY = Severity.WARNING
AREA = "satisfaction"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS = {"min_average": Option(3.0, N_("Lowest acceptable average score (1-5)."))}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    if not project.feedback:
        return
    latest = project.feedback[-1]
    average = average_score(latest)
    if average is not None and average < opts["min_average"]:
        yield hit(
            latest.source,
            ("period",),
            _(
                "average score in {period} is {average:.1f}, below {min_average:.1f}: "
                "talk to the client and agree what will change"
            ).format(period=latest.period, average=average, min_average=opts["min_average"]),
            latest.period,
            client=_(
                "Your average score in {period} was {average:.1f} of 5; the team will "
                "talk with you about what should change."
            ).format(period=latest.period, average=average),
        )
