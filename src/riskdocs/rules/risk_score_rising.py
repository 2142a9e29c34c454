"""Live risks whose score rose over the last weeks, from git history.

Why it matters: a risk that keeps growing is a conversation to have with the
client before it occurs. Compares the score now with the score the risk had
`window_days` ago (or when it was first committed, if later). Once the team has
acted, the rule lets go: a review under `reviews:` dated after the rise that
records the new probability and impact (and, in its note, what changed) clears it.

Passes: the score is the same as 30 days ago, or lower; or it rose and a review
since records it:

    probability: 4
    impact: 5
    reviews:
      - {on: 2026-11-20, by: alice, probability: 4, impact: 5, note: Second vendor engaged}

Fails (committed with probability 2, impact 4; now probability 4, impact 5):

    probability: 4
    impact: 5
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import timedelta
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "risk-score-rising"
SEVERITY = Severity.WARNING
AREA = "risks"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = True
WHOLE_PROJECT = True
OPTIONS = {"window_days": Option(30, N_("How far back to compare the score with."), 1)}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    if ctx.history is None:
        return
    since = ctx.today - timedelta(days=opts["window_days"])
    from riskdocs.history.facts import risk_points_by_entity

    grouped = risk_points_by_entity(ctx.history)
    for risk in project.risks:
        points = grouped.get(risk.id, [])
        if risk.status == "closed" or not points:
            continue
        before = [p for p in points if p.day <= since]
        then = before[-1] if before else points[0]
        reviewed = any(
            r.on >= then.day and (r.probability, r.impact) == (risk.probability, risk.impact)
            for r in risk.reviews
        )
        if risk.score > then.score and not reviewed:
            yield hit(
                risk.source,
                ("probability",),
                _(
                    "{id}'s score rose from {score} to {now} since {day} (within "
                    "{window_days}): review the response and the prevention plan, tell the "
                    "client if it matters to them, and record the review under `reviews:` "
                    "(on, by, probability: {probability}, impact: {impact}, note)"
                ).format(
                    id=risk.id,
                    score=then.score,
                    now=risk.score,
                    day=then.day,
                    window_days=days(opts["window_days"]),
                    probability=risk.probability,
                    impact=risk.impact,
                ),
                risk.id,
                client=_(
                    "Risk \u201c{title}\u201d has grown from {score} to {now} of 25 since {day}."
                ).format(
                    title=risk.title, score=then.score, now=risk.score, day=long_date(then.day)
                ),
            )
