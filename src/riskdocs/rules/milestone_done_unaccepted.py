"""Milestones marked done while deliverables due at them are not accepted.

Why it matters: a milestone is reached when the client has what it promised,
not when the team has finished its part. A deliverable of the milestone (listed
under its `deliverables:`, or naming it under `milestone:`) that the client has
not accepted, or that the contract does not yet deem accepted, makes the `done:`
date a claim the client has not confirmed. Get the acceptance, or clear `done:`.

Passes:

    # milestones/M-02.yaml
    done: 2026-12-11
    deliverables: [D-01]
    # scope/baseline.yaml
    - id: D-01
      state: accepted
      accepted: {on: 2026-12-10, by: dana}

Fails (D-01 is only submitted):

    # milestones/M-02.yaml
    done: 2026-12-11
    deliverables: [D-01]
    # scope/baseline.yaml
    - id: D-01
      state: submitted
      submitted: {on: 2026-12-09, by: bob}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _, listed
from riskdocs.model.acceptance import standing
from riskdocs.model.entities import Deliverable, Milestone, Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "milestone-done-unaccepted"
SEVERITY = Severity.WARNING
AREA = "schedule"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    calendar, window = project.settings.calendar, project.acceptance_window
    for milestone in project.milestones:
        if milestone.done is None:
            continue
        waiting = [
            d
            for d in _deliverables_of(project, milestone)
            if not standing(d, window, calendar, ctx.today).accepted
        ]
        if not waiting:
            continue
        yield hit(
            milestone.source,
            ("done",),
            _(
                "{id} is marked done on {done} but the client has not accepted {ids}: record "
                "the acceptance in scope/baseline.yaml, or clear `done:` until it is given"
            ).format(id=milestone.id, done=milestone.done, ids=listed([d.id for d in waiting])),
            milestone.id,
            client=_client(milestone, waiting),
        )


def _client(milestone: Milestone, waiting: list[Deliverable]) -> str:
    """The client's sentence, naming only the deliverables the client may see."""
    shown = [f"\u201c{d.title}\u201d" for d in waiting if d.visibility != "internal"]
    if not shown:
        return _(
            "Milestone \u201c{title}\u201d is marked reached, but not everything due at it has "
            "been accepted yet."
        ).format(title=milestone.title)
    return _(
        "Milestone \u201c{title}\u201d is marked reached, but you have not yet accepted {titles}."
    ).format(title=milestone.title, titles=listed(shown))


def _deliverables_of(project: Project, milestone: Milestone) -> list[Deliverable]:
    named = set(milestone.deliverables)
    return [d for d in project.deliverables if d.id in named or d.milestone == milestone.id]
