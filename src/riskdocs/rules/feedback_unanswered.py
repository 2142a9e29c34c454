"""A low score or a negative comment in client feedback with no follow-up in time.

Why it matters: asking a client how it goes and then doing nothing about a bad
answer does more harm than not asking. An answer needs a follow-up when one of
its scores is `low_score` or lower, its recommendation (`nps`) is `low_nps` or
lower, or the team read its comment as `tone: negative`. The follow-up is what
the team did about it, named under `follow_up:`: a commitment, a concern, a
change request, or a lesson with actions, made within `within_days` of the
answer.

Passes (C-007 was made on 2026-11-24):

    responses:
      - date: 2026-11-20
        from: dana
        scores: {communication: 2}
        follow_up: [C-007]

Fails (today 2026-12-08, 18 days later, nothing was done):

    responses:
      - date: 2026-11-20
        from: dana
        scores: {communication: 2}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, days, listed
from riskdocs.model.entities import FeedbackResponse, Project
from riskdocs.rules.base import Context, Hit, Option, hit, name_of

ID = "feedback-unanswered"
SEVERITY = Severity.WARNING
AREA = "satisfaction"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS = {
    "low_score": Option(2, N_("A score this low or lower needs a follow-up (1-5)."), minimum=1),
    "low_nps": Option(6, N_("A recommendation this low or lower needs a follow-up (0-10).")),
    "within_days": Option(14, N_("How many days the team has to follow up."), minimum=1),
}


def why_low(response: FeedbackResponse, opts: Mapping[str, Any]) -> list[str]:
    """What makes an answer need a follow-up, in words; empty when nothing does."""
    reasons = [_("{aspect} {score} of 5").format(aspect=aspect.replace("_", " "), score=score)
               for aspect, score in sorted(response.scores.items())
               if score <= opts["low_score"]]  # fmt: skip
    if response.nps is not None and response.nps <= opts["low_nps"]:
        reasons.append(_("would recommend {nps} of 10").format(nps=response.nps))
    if response.tone == "negative":
        reasons.append(_("a negative comment"))
    return reasons


def needs_follow_up(response: FeedbackResponse, opts: Mapping[str, Any]) -> bool:
    return bool(why_low(response, opts))


def follow_up_days(project: Project) -> dict[str, date]:
    """What can follow an answer up, by id, with the day it was made."""
    made: dict[str, date] = {c.id: c.made for c in project.commitments}
    made.update((q.id, q.raised) for q in project.concerns)
    made.update((cr.id, cr.raised) for cr in project.changes)
    made.update((lesson.id, lesson.date) for lesson in project.lessons if lesson.actions)
    return made


def answered(response: FeedbackResponse, made: Mapping[str, date], within: int) -> bool:
    deadline = response.date + timedelta(days=within)
    return any(made[i] <= deadline for i in response.follow_up if i in made)


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    made = follow_up_days(project)
    within = opts["within_days"]
    for pulse in project.feedback:
        for response in pulse.responses:
            reasons = why_low(response, opts)
            if not reasons or (ctx.today - response.date).days <= within:
                continue
            if answered(response, made, within):
                continue
            field = ("follow_up",) if response.follow_up else ()
            yield hit(
                pulse.source,
                ("responses", response.index, *field),
                _(
                    "{name}'s answer of {date} ({reasons}) has no follow-up made within "
                    "{within}: agree with them what changes and name the commitment, concern, "
                    "change request or lesson with actions under `follow_up:`"
                ).format(
                    name=name_of(project, response.person),
                    date=response.date,
                    reasons=listed(reasons),
                    within=days(within),
                ),
                pulse.id,
                client=_(
                    "{name}'s feedback of {date} ({reasons}) has not been followed up yet; "
                    "the team will agree with you what changes."
                ).format(
                    name=name_of(project, response.person),
                    date=response.date,
                    reasons=listed(reasons),
                ),
            )
