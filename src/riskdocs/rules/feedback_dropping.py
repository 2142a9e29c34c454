"""Client satisfaction falling from one feedback period to the next.

Why it matters: a falling score is the early signal of a relationship going
wrong, while it can still be talked about. Compares the latest period with
the one before: the average of all aspect scores (1-5) and the average NPS
(0-10).

Passes (default margin 0.5):

    # 2026-10: communication 4, quality 4       2026-11: communication 4, quality 4

Fails (average fell from 4.0 to 3.0):

    # 2026-10: communication 4, quality 4       2026-11: communication 3, quality 3
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _
from riskdocs.model.entities import Feedback, Project
from riskdocs.model.scores import mean_score
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "feedback-dropping"
SEVERITY = Severity.WARNING
AREA = "satisfaction"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS = {
    "margin": Option(0.5, N_("Drop in the average 1-5 score that is reported.")),
    "nps_margin": Option(2.0, N_("Drop in the average NPS (0-10) that is reported.")),
}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    periods = project.feedback
    if len(periods) < 2:
        return
    previous, latest = periods[-2], periods[-1]
    measures = (
        (_("average score"), average_score, "margin"),
        (_("average NPS"), average_nps, "nps_margin"),
    )
    for label, measure, option in measures:
        before, now = measure(previous), measure(latest)
        if before is not None and now is not None and before - now >= opts[option]:
            yield hit(
                latest.source,
                ("period",),
                _(
                    "{label} fell from {before:.1f} ({period}) to {now:.1f} ({latest}): ask "
                    "the client what changed and record what you agree"
                ).format(
                    label=label,
                    before=before,
                    period=previous.period,
                    now=now,
                    latest=latest.period,
                ),
                latest.period,
                client=_(
                    "Your {label} fell from {before:.1f} to {now:.1f} in {period}; the team "
                    "will ask you what changed."
                ).format(label=label, before=before, now=now, period=latest.period),
            )


def average_score(feedback: Feedback) -> float | None:
    """Mean of every aspect score of every response, or None without scores."""
    return mean_score(feedback.responses)


def average_nps(feedback: Feedback) -> float | None:
    values = [r.nps for r in feedback.responses if r.nps is not None]
    return sum(values) / len(values) if values else None
