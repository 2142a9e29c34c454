"""Risks whose `review_by` keeps being pushed back with nothing else changing.

Why it matters: moving the review date is not a review. When the last
`times` commits to a risk changed only `review_by`, the risk is probably not
being looked at: record what the review found under `reviews:`.

Passes: a commit that moves `review_by` also adds an entry under `reviews:`.

Fails (three commits in a row changed only `review_by`):

    review_by: 2026-12-15   # was 2026-11-17, then 2026-11-24, then 2026-12-01
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "risk-review-rubber-stamp"
SEVERITY = Severity.INFO
AREA = "risks"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = True
WHOLE_PROJECT = True
OPTIONS = {"times": Option(3, N_("Bumps in a row that are reported."), 2)}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    if ctx.history is None:
        return
    from riskdocs.history.facts import risk_points_by_entity

    grouped = risk_points_by_entity(ctx.history)
    for risk in project.risks:
        points = grouped.get(risk.id, [])
        streak = 0
        for point in reversed(points):
            if not point.review_bump:
                break
            streak += 1
        if risk.status != "closed" and streak >= opts["times"] and risk.review_by:
            yield hit(
                risk.source,
                ("review_by",),
                _(
                    "{id}'s `review_by` was moved {streak} times in a row with nothing else "
                    "changed (last in {commit}): record what the review found under `reviews:`"
                ).format(id=risk.id, streak=streak, commit=points[-1].commit),
                risk.id,
                client=_(
                    "The review of risk \u201c{title}\u201d was postponed {streak} times in a row "
                    "without a recorded finding."
                ).format(title=risk.title, streak=streak),
            )
