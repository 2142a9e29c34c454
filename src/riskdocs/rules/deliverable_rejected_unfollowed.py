"""Rejected deliverables with nothing recorded to follow up the rejection.

Why it matters: a rejection tells the team what the client needs before it
accepts; the guide asks for a fast, visible answer. Record what follows on the
rejection itself: the commitment to fix it (`commitment: C-…`, with its own due
date) or, when the rejection changes what was agreed, the change request
(`change_request: CR-…`). Only the latest rejection of a deliverable that is
still rejected is checked.

Passes:

    state: rejected
    rejected:
      - {on: 2026-11-20, by: dana, reason: Too slow, commitment: C-009}

Fails:

    state: rejected
    rejected:
      - {on: 2026-11-20, by: dana, reason: Too slow}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "deliverable-rejected-unfollowed"
SEVERITY = Severity.WARNING
AREA = "scope"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for deliverable in project.deliverables:
        if deliverable.state != "rejected" or not deliverable.rejected:
            continue
        last = len(deliverable.rejected) - 1
        rejection = deliverable.rejected[last]
        if rejection.commitment or rejection.change_request:
            continue
        yield hit(
            deliverable.source,
            ("rejected", last, "reason"),
            _(
                "{id} was rejected on {on} and nothing follows it up: add `commitment:` (the "
                "commitment to fix it, with its due date) or `change_request:` to the rejection"
            ).format(id=deliverable.id, on=rejection.on),
            deliverable.id,
            client=_(
                "You rejected \u201c{title}\u201d on {on}; the team has not yet recorded how "
                "and by when it will answer."
            ).format(title=deliverable.title, on=long_date(rejection.on)),
        )
