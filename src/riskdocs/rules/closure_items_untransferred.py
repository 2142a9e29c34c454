"""A closed project with open items nobody took over.

Why it matters: a promise, a concern or a risk still open when the project
closes does not go away; it only loses its owner. The guide asks that each is
handed to someone, so the client knows who to ask. List each open commitment
(and contract obligation), concern and risk under `transferred:` in
closure/closure.yaml with who takes it over, or close it first.

Passes:

    closed: 2026-11-20
    accepted_by: erik
    transferred:
      commitments: [{id: C-007, to: farah}]

Fails (C-007 is still open and not listed):

    closed: 2026-11-20
    accepted_by: erik
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _, listed, ngettext
from riskdocs.model.entities import Entity, Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "closure-items-untransferred"
SEVERITY = Severity.WARNING
AREA = "commitments"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS: dict[str, Option] = {}


def open_items(project: Project) -> list[Entity]:
    """The commitments, concerns and risks still open, in that order."""
    return [
        *(c for c in project.commitments if c.status == "open"),
        *(q for q in project.concerns if q.resolved is None),
        *(r for r in project.risks if r.status != "closed"),
    ]


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    closure = project.closure
    if closure is None:
        return
    left = [e for e in open_items(project) if e.id not in closure.transferred]
    if not left:
        return
    shown = [e for e in left if e.visibility != "internal"]
    yield hit(
        closure.source,
        ("closed",),
        ngettext(
            "the project closed on {closed} but {ids} is still open and nobody took it over: "
            "list it under `transferred:` (id, to) with who takes it over, or close it",
            "the project closed on {closed} but {ids} are still open and nobody took them "
            "over: list each under `transferred:` (id, to) with who takes it over, or close it",
            len(left),
        ).format(closed=closure.closed, ids=listed(e.id for e in left)),
        None,
        client=ngettext(
            "The project is closed, but {count} open item has not been handed over to anyone yet.",
            "The project is closed, but {count} open items have not been handed over to anyone "
            "yet.",
            len(shown),
        ).format(count=len(shown))
        if shown
        else _("The project is closed, and the team is still handing over its last items."),
    )
