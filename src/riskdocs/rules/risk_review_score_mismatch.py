"""Risks whose score differs from the one their latest review left.

Why it matters: a review that scores a risk is the record of what the team
found; the risk's `probability` and `impact` are what the page and the heat
map show. When they disagree, one of the two is wrong, and the client may be
reading a score nobody stands behind. Give the risk the latest review's
scores, or add a review with the new ones. Reviews without scores are not
compared.

Passes:

    probability: 3
    impact: 4
    reviews:
      - {on: 2026-11-10, by: alice, probability: 3, impact: 4}

Fails (the latest review found 2 x 4):

    probability: 3
    impact: 4
    reviews:
      - {on: 2026-11-10, by: alice, probability: 2, impact: 4}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "risk-review-score-mismatch"
SEVERITY = Severity.ERROR
AREA = "risks"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for risk in project.risks:
        scored = [r for r in risk.reviews if r.probability is not None or r.impact is not None]
        if not scored:
            continue
        index = max(range(len(risk.reviews)), key=lambda i: (risk.reviews[i].on, i))
        latest = risk.reviews[index]
        if latest.probability is None and latest.impact is None:
            continue
        probability = latest.probability if latest.probability is not None else risk.probability
        impact = latest.impact if latest.impact is not None else risk.impact
        if (probability, impact) == (risk.probability, risk.impact):
            continue
        field = "probability" if latest.probability is not None else "impact"
        yield hit(
            risk.source,
            ("reviews", index, field),
            _(
                "{id} scores {probability_now} x {impact_now}, but its latest review "
                "({on}) found {probability} x {impact}: give the risk the review's scores, or "
                "add a review with the new ones"
            ).format(
                id=risk.id, probability_now=risk.probability, impact_now=risk.impact,
                on=latest.on, probability=probability, impact=impact,
            ),
            risk.id,
            client=_(
                "The score shown for risk \u201c{title}\u201d differs from what its latest "
                "review found; the team is correcting the record."
            ).format(title=risk.title),
        )  # fmt: skip
