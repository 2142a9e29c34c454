"""Deliverables, or the project's closure, recorded as accepted by someone on the team.

Why it matters: acceptance is the client's word that what was delivered is
what was agreed; the team cannot give it to itself. Name who on the client's
side accepted it under `accepted: by:` (for the whole project, `accepted_by:` in
closure/closure.yaml). (When the people issue adds authority per person, this
rule asks the same question of it: who may accept.)

Passes (dana is on the client's side):

    state: accepted
    accepted: {on: 2026-11-26, by: dana}

Fails (bob is on the team):

    state: accepted
    accepted: {on: 2026-11-26, by: bob}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.acceptance import may_accept
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "deliverable-accepted-by-team"
SEVERITY = Severity.ERROR
AREA = "scope"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    people = project.settings.people
    closure = project.closure
    if closure is not None and not may_accept(people.get(closure.accepted_by)):
        yield hit(
            closure.source,
            ("accepted_by",),
            _(
                "the project's closure is recorded as accepted by {name}, who is on the team: "
                "the client accepts the project as finished; name who on the client's side did"
            ).format(name=people[closure.accepted_by].name),
            None,
            client=_(
                "The project's closure is recorded as accepted by the project team, not by "
                "you; the team is correcting the record."
            ),
        )
    for deliverable in project.deliverables:
        accepted = deliverable.accepted
        if accepted is None or may_accept(people.get(accepted.by)):
            continue
        yield hit(
            deliverable.source,
            ("accepted", "by"),
            _(
                "{id} is recorded as accepted by {name}, who is on the team: the client "
                "accepts a deliverable; name who on the client's side accepted it, or set "
                "`state: submitted` until they do"
            ).format(id=deliverable.id, name=people[accepted.by].name),
            deliverable.id,
            client=_(
                "\u201c{title}\u201d is recorded as accepted by the project team, not by "
                "you; the team is correcting the record."
            ).format(title=deliverable.title),
        )
