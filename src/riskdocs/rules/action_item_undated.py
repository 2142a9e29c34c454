"""Open action items that have no due date.

Why it matters: an action item without a date is never late, so it is never
chased: the client hears "we are on it" until someone remembers. Give every
open item the date it was promised for (`due:YYYY-MM-DD`), or tick it when it
is done. An item that names the commitment it stands for takes its date from
that commitment.

Passes:

    - [ ] @bob send the revised timeline due:2026-11-25
    - [ ] @alice send the revised timeline C-004

Fails:

    - [ ] @bob send the revised timeline
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit_at

ID = "action-item-undated"
SEVERITY = Severity.WARNING
AREA = "commitments"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for meeting in project.meetings:
        for item in meeting.action_items:
            if not item.done and not item.due_written and not item.commitment:
                yield hit_at(
                    meeting.path,
                    item.line,
                    item.col,
                    _(
                        "action item '{text}' has no due date, so it can never be late: add the "
                        "date it was promised for (due:YYYY-MM-DD)"
                    ).format(text=item.text),
                    meeting.id,
                    client=_(
                        "The {meeting} of {date} agreed to \u201c{text}\u201d, with no date yet."
                    ).format(
                        meeting=meeting.title.lower(), date=long_date(meeting.date), text=item.text
                    ),
                )
