"""A project past its end without a retrospective.

Why it matters: the lessons of a project are learned at its end or not at all.
The guide closes every project with a summary and what the team learned from
it. Hold a retrospective and record it as a meeting note with `kind: retro`;
one held in the rule's `days` before the end, or any time after it, counts.

Passes (a retro on 2026-11-18, the project ended 2026-11-20):

    ---
    date: 2026-11-18
    kind: retro
    ---

Fails (the last retro was in September):

    ---
    date: 2026-09-10
    kind: retro
    ---
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import timedelta
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "closure-no-retrospective"
SEVERITY = Severity.WARNING
AREA = "communication"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS = {"days": Option(30, N_("Days before the planned end in which a retrospective counts."))}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    end = project.settings.end
    if end is None or ctx.today <= end:
        return
    since = end - timedelta(days=int(opts["days"]))
    if any(m.kind == "retro" and m.date >= since for m in project.meetings):
        return
    yield hit(
        project.settings.source,
        ("project", "end"),
        _(
            "the project ended on {end} and no retrospective has been held since {since}: hold "
            "one with the team and record it as a meeting note with `kind: retro`"
        ).format(end=end, since=since),
        None,
        client=_("The team has not yet held its closing review of the project."),
    )
