"""Open action items that name no owner.

Why it matters: an action item nobody owns is the one nobody does. Name the
person with `@key` (a key of `people:` in riskdocs.yaml). An item that names
the commitment it stands for (`C-004`) has that commitment's owner.

Passes:

    - [ ] @bob send the revised timeline due:2026-11-25

Fails:

    - [ ] send the revised timeline due:2026-11-25
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit_at

ID = "action-item-unowned"
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
            if not item.done and item.owner is None and not item.commitment:
                yield hit_at(
                    meeting.path,
                    item.line,
                    item.col,
                    _(
                        "action item '{text}' has no owner: add @person (a key of `people:` in "
                        "riskdocs.yaml)"
                    ).format(text=item.text),
                    meeting.id,
                    client=_(
                        "The {meeting} of {date} agreed to \u201c{text}\u201d, with nobody named "
                        "to do it yet."
                    ).format(
                        meeting=meeting.title.lower(), date=long_date(meeting.date), text=item.text
                    ),
                )
