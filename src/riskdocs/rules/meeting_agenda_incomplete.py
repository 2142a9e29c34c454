"""A note of a cadence meeting that does not cover a topic of the cadence's agenda.

Why it matters: the communication plan promises the client that every status
meeting covers the same ground: progress, challenges, next steps, risks and
decisions. A cadence lists the topics it promises in `agenda:`; each note of
the cadence covers each topic under a heading of its own, in English or in
Chinese (`## Progress` or `## 进展`, `## Next steps` or `## 下一步`; a heading
that starts with the word counts, `## Risks and issues` covers risks).

Passes (weekly-status has agenda: [progress, next_steps]):

    ---
    date: 2026-11-19
    kind: status
    cadence: weekly-status
    ---
    ## Progress
    ## 下一步

Fails (no heading for the next steps):

    ---
    date: 2026-11-19
    kind: status
    cadence: weekly-status
    ---
    ## Progress
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _, listed
from riskdocs.model.entities import Project
from riskdocs.model.meetings import AGENDA_SUGGESTED, counts_for, topics_missing
from riskdocs.rules.base import Context, Hit, Option, hit
from riskdocs.words import word

ID = "meeting-agenda-incomplete"
SEVERITY = Severity.WARNING
AREA = "communication"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    cadences = [c for _, c in sorted(project.settings.cadences.items()) if c.agenda]
    for meeting in project.meetings:
        for cadence in cadences:
            missing = topics_missing(meeting, cadence) if counts_for(meeting, cadence) else ()
            if not missing:
                continue
            headings = listed("`## {}` (`## {}`)".format(*AGENDA_SUGGESTED[t]) for t in missing)
            topics = listed(word(t) for t in missing)
            field = ("cadence",) if meeting.cadence else ("kind",)
            yield hit(
                meeting.source,
                field,
                _(
                    "this {cadence} note covers no {topics}, which the cadence's agenda "
                    "asks for: add {headings} with what was said, or `none` under it"
                ).format(cadence=cadence.name, topics=topics, headings=headings),
                meeting.id,
                client=_(
                    "The notes of the {day} meeting do not cover {topics}, which every "
                    "{cadence} meeting covers by the communication plan."
                ).format(day=meeting.date, topics=topics, cadence=cadence.name.replace("-", " ")),
            )
