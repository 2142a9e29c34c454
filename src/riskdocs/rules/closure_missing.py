"""A project past its planned end with no closure record.

Why it matters: the end of a project is where the client decides whether it
went well. Without a closure record nobody has said that the client accepted
the whole, what was handed over, and who takes over what is still open, and
the closing report (closure.html) cannot be written. Write
closure/closure.yaml (closed, accepted_by, handover, transferred), or, if the
project goes on, agree a new end with the client and move `project.end`.

Passes (today 2026-11-26):

    project:
      end: 2026-11-20    # and closure/closure.yaml exists

Fails (ended 24 days ago, no closure/closure.yaml):

    project:
      end: 2026-11-02
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "closure-missing"
SEVERITY = Severity.WARNING
AREA = "schedule"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS = {
    "days": Option(14, N_("Days after the planned end before a missing closure is reported."))
}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    settings, end = project.settings, project.settings.end
    if end is None or project.closure is not None:
        return
    late = (ctx.today - end).days
    if late <= int(opts["days"]):
        return
    yield hit(
        settings.source,
        ("project", "end"),
        _(
            "the project's planned end was {end} ({days} ago) and it has no closure record: "
            "write closure/closure.yaml (closed, accepted_by, handover, transferred), or agree "
            "a new end with the client and move `project.end`"
        ).format(end=end, days=days(late)),
        None,
        client=_(
            "The project was planned to end on {end}; its closing summary has not been "
            "recorded yet."
        ).format(end=long_date(end)),
    )
