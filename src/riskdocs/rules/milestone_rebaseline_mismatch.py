"""Rebaselines that do not chain up to the milestone's current baseline.

Why it matters: a milestone's `baseline` is the date the client planned around.
`rebaselined:` is the record of every move of it they agreed to: each entry's
`from` is the previous entry's `to` (the first `from` is the date first agreed),
and the last `to` is the `baseline`. A baseline that differs from the last
agreed date is a move nobody agreed to: record it, or put the date back.

Passes:

    baseline: 2026-12-18
    rebaselined:
      - {on: 2026-11-18, from: 2026-12-04, to: 2026-12-18, agreed_by: dana, change_request: CR-002}

Fails (the baseline moved again without an entry):

    baseline: 2027-01-08
    rebaselined:
      - {on: 2026-11-18, from: 2026-12-04, to: 2026-12-18, agreed_by: dana}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Milestone, Project
from riskdocs.rules.base import Context, Hit, Option, chain_breaks, hit

ID = "milestone-rebaseline-mismatch"
SEVERITY = Severity.ERROR
AREA = "schedule"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for milestone in project.milestones:
        yield from _broken_links(milestone)
        moves = milestone.rebaselined
        if moves and moves[-1].new_baseline != milestone.baseline:
            yield hit(
                milestone.source,
                ("baseline",),
                _(
                    "{id}'s baseline is {baseline}, but the last agreed date under "
                    "`rebaselined:` is {new_baseline}: record who agreed to the move, or put "
                    "the agreed date back"
                ).format(
                    id=milestone.id,
                    baseline=milestone.baseline,
                    new_baseline=moves[-1].new_baseline,
                ),
                milestone.id,
                client=_(
                    "The agreed date of {title} has no record of who agreed to it yet; the "
                    "team is completing the record."
                ).format(title=milestone.title),
            )


def _broken_links(milestone: Milestone) -> Iterator[Hit]:
    moves = [(m.old_baseline, m.new_baseline) for m in milestone.rebaselined]
    for index, old, previous in chain_breaks(moves):
        yield hit(
            milestone.source,
            ("rebaselined", index, "from"),
            _(
                "this rebaseline moves the baseline from {old}, but the one before moved "
                "it to {previous}: entries are oldest first and each `from` is the "
                "previous `to`"
            ).format(old=old, previous=previous),
            milestone.id,
            client=_(
                "The record of agreed dates of {title} does not add up; the team is correcting it."
            ).format(title=milestone.title),
        )
