"""High risks whose contingency plan the client has not agreed.

Why it matters: if a high risk occurs, its contingency plan is what the
client will live through: a release without a feature, a manual workaround,
a later date. The guide asks the team to make the client part of that plan
before it is needed. Record who on the client's side agreed it under
`contingency_agreed:` (on, by); an agreement recorded for someone on the team
is not the client's. Closed risks and risks without a contingency plan (which
`risk-high-unplanned` reports) are not checked.

Passes (dana is on the client's side):

    probability: 4
    impact: 5
    contingency: Launch with the old search for two weeks
    contingency_agreed: {on: 2026-11-12, by: dana}

Fails (score 20, no agreement recorded):

    probability: 4
    impact: 5
    contingency: Launch with the old search for two weeks
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "risk-contingency-unagreed"
SEVERITY = Severity.WARNING
AREA = "risks"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    thresholds, people = project.settings.thresholds, project.settings.people
    for risk in project.risks:
        if risk.status == "closed" or not risk.contingency:
            continue
        if thresholds.band(risk.score) != "high":
            continue
        agreed = risk.contingency_agreed
        if agreed is None:
            yield hit(
                risk.source,
                ("contingency",),
                _(
                    "{id} scores {score} (high) and nobody on the client's side has agreed its "
                    "contingency plan: agree it with the client and record `contingency_agreed:` "
                    "(on, by)"
                ).format(id=risk.id, score=risk.score),
                risk.id,
                client=_(
                    "The fallback plan for risk \u201c{title}\u201d has not been agreed with you "
                    "yet; the team will go through it with you."
                ).format(title=risk.title),
            )
        elif agreed.by in people and people[agreed.by].side == "team":
            yield hit(
                risk.source,
                ("contingency_agreed", "by"),
                _(
                    "{id}'s contingency plan is recorded as agreed by {name}, who is on the "
                    "team: the client agrees it; name who on the client's side did"
                ).format(id=risk.id, name=people[agreed.by].name),
                risk.id,
                client=_(
                    "The fallback plan for risk \u201c{title}\u201d is recorded as agreed by "
                    "the project team; the team will go through it with you."
                ).format(title=risk.title),
            )
