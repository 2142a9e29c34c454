"""No client feedback for too long.

Why it matters: a client who is not asked how things are going tells you
when it is too late. Record a satisfaction pulse (feedback/YYYY-MM.yaml) at
least every `every_days`; counting starts at `project.start`.

Passes (today 2026-11-26, default 45 days):

    # feedback/2026-11.yaml
    period: 2026-11
    responses:
      - {date: 2026-11-12, from: dana, scores: {communication: 4}}

Fails (last response 2026-10-02, 55 days ago):

    # feedback/2026-10.yaml
    period: 2026-10
    responses:
      - {date: 2026-10-02, from: dana, scores: {communication: 4}}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "feedback-stale"
SEVERITY = Severity.WARNING
AREA = "satisfaction"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS = {"every_days": Option(45, N_("Longest time without a client feedback response."), 1)}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    limit = opts["every_days"]
    answers = [
        (response.date, feedback, index)
        for feedback in project.feedback
        for index, response in enumerate(feedback.responses)
        if response.date <= ctx.today
    ]
    if answers:
        last, feedback, index = max(answers, key=lambda answer: (answer[0], answer[1].period))
        age = (ctx.today - last).days
        if age > limit:
            yield hit(
                feedback.source,
                ("responses", index, "date"),
                _(
                    "no client feedback since {last} ({age} ago): ask the client for a "
                    "satisfaction pulse at least every {limit}"
                ).format(last=last, age=days(age), limit=days(limit)),
                feedback.period,
                client=_("The team has not asked for your feedback for {age}.").format(
                    age=days(age)
                ),
            )
        return
    start = project.settings.start
    if start is not None and (ctx.today - start).days > limit:
        yield hit(
            project.settings.source,
            ("project", "start"),
            _(
                "no client feedback yet, {days} after the project started: ask the "
                "client for a satisfaction pulse (feedback/YYYY-MM.yaml)"
            ).format(days=days((ctx.today - start).days)),
            None,
            client=_("The team has not asked for your feedback yet."),
        )
