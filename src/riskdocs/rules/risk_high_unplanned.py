"""High risks without an owner, a response, prevention or a contingency plan.

Why it matters: a risk in the top score band (`thresholds.risk_bands.high`)
is one the client would expect to see managed: someone owns it, a response
strategy is chosen, prevention actions lower it (unless the response is
`accept`) and a contingency plan says what happens if it occurs. Closed
risks are not checked.

Passes:

    owner: alice
    probability: 4
    impact: 5
    response: mitigate
    prevention:
      - {action: Weekly vendor call, owner: alice, due: 2026-11-10}
    contingency: Ship with a mocked gateway behind a feature flag

Fails (score 20, no contingency and no prevention):

    owner: alice
    probability: 4
    impact: 5
    response: mitigate
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _, ngettext
from riskdocs.model.entities import Project, Risk
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "risk-high-unplanned"
SEVERITY = Severity.ERROR
AREA = "risks"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    thresholds = project.settings.thresholds
    for risk in project.risks:
        if risk.status == "closed" or thresholds.band(risk.score) != "high":
            continue
        gaps = missing_plan(risk)
        if gaps:
            yield hit(
                risk.source,
                ("probability",),
                ngettext(
                    "{id} scores {score} (high from {high}) but has {gaps}: add it (recording "
                    "the risk first is right: the plan can follow in the next commit)",
                    "{id} scores {score} (high from {high}) but has {gaps}: add them "
                    "(recording the risk first is right: the plan can follow in the next "
                    "commit)",
                    len(gaps),
                ).format(
                    id=risk.id,
                    score=risk.score,
                    high=thresholds.risk_bands["high"],
                    gaps=_both(gaps),
                ),
                risk.id,
                client=_(
                    "Risk \u201c{title}\u201d is high ({score} of 25) and its plan is not complete "
                    "yet: {gaps}."
                ).format(title=risk.title, score=risk.score, gaps=_both(gaps)),
            )


def missing_plan(risk: Risk) -> list[str]:
    """What a high risk lacks, in the words of the message."""
    gaps = []
    if not risk.owner:
        gaps.append(_("no owner"))
    if not risk.response:
        gaps.append(_("no response strategy"))
    if not risk.prevention and risk.response != "accept":
        gaps.append(_("no prevention action"))
    if not risk.contingency:
        gaps.append(_("no contingency plan"))
    return gaps


def _both(gaps: list[str]) -> str:
    # Translators: between the missing parts of a risk's plan: "no owner and no contingency plan".
    return _(" and ").join(gaps)
