"""Deliverables and milestones that disagree on which deliverable is due where.

Why it matters: the client reads a milestone as "these deliverables, by this
date". A deliverable whose `milestone:` names one milestone while another
lists it under `deliverables:`, or one listed under two milestones, is two
answers to "when do we get it". Say it in one place, or in both the same way.

Passes:

    # scope/baseline.yaml
    - {id: D-01, milestone: M-02, ...}
    # milestones/M-02.yaml
    deliverables: [D-01]

Fails (M-03 lists D-01 too):

    # milestones/M-02.yaml
    deliverables: [D-01]
    # milestones/M-03.yaml
    deliverables: [D-01]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Milestone, Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "deliverable-milestone-mismatch"
SEVERITY = Severity.ERROR
AREA = "schedule"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    listed_at: dict[str, Milestone] = {}
    for milestone in sorted(project.milestones, key=lambda m: m.id):
        for index, deliverable in enumerate(milestone.deliverables):
            first = listed_at.setdefault(deliverable, milestone)
            if first is not milestone:
                yield hit(
                    milestone.source,
                    ("deliverables", index),
                    _(
                        "{deliverable} is listed under both {id} and {milestone}: a deliverable "
                        "is due at one milestone; remove it from the other list"
                    ).format(deliverable=deliverable, id=first.id, milestone=milestone.id),
                    milestone.id,
                    client=_(
                        "Deliverable {deliverable} is planned for two milestones; the team is "
                        "correcting the plan."
                    ).format(deliverable=deliverable),
                )
    yield from _named_elsewhere(project, listed_at)


def _named_elsewhere(project: Project, listed_at: Mapping[str, Milestone]) -> Iterator[Hit]:
    if project.scope is None:
        return
    milestones = {m.id: m for m in project.milestones}
    for deliverable in project.scope.deliverables:
        named = milestones.get(deliverable.milestone or "")
        lister = listed_at.get(deliverable.id)
        if named is None or named is lister:
            continue
        if lister is not None:
            why = _("{id} lists it under `deliverables:`").format(id=lister.id)
        elif named.deliverables:
            why = _("{id}'s `deliverables:` does not list it").format(id=named.id)
        else:
            continue
        yield hit(
            deliverable.source,
            ("milestone",),
            _(
                "{id} names milestone {milestone}, but {why}: make the deliverable's "
                "`milestone:` and the milestone's `deliverables:` agree"
            ).format(id=deliverable.id, milestone=named.id, why=why),
            deliverable.id,
            client=_(
                "The plan does not say clearly at which milestone \u201c{title}\u201d is due; the "
                "team is correcting it."
            ).format(title=deliverable.title),
        )
