"""Open action items from meeting notes whose due date has passed.

Why it matters: what was agreed in a meeting is a promise too, often made in
front of the client. Action items are tracked like commitments: tick them
(`- [x]`) when done, or, when a new date is agreed, write it on the item with the
date it replaces and who agreed (`due:2026-12-02 was:2026-11-20 agreed:dana`):
the item stays one item, and `commitment-silent-slip` sees the move was agreed.
An item that names the commitment it stands for (`C-004`) is left to that
commitment's rules.

Passes (today 2026-11-26):

    - [x] @bob send the revised timeline due:2026-11-20
    - [ ] @bob book the UAT room due:2026-12-01

Fails (due 6 days ago, not ticked):

    - [ ] @bob send the revised timeline due:2026-11-20
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit_at, name_of, sentence

ID = "action-item-overdue"
SEVERITY = Severity.ERROR
AREA = "commitments"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS = {"grace_days": Option(0, N_("Days past the due date before the item is reported."))}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for meeting in project.meetings:
        for item in meeting.action_items:
            if item.done or item.due is None or item.commitment:
                continue
            late = (ctx.today - item.due).days
            if late > opts["grace_days"]:
                owner = f"@{item.owner}" if item.owner else _("nobody")
                yield hit_at(
                    meeting.path,
                    item.line,
                    item.col,
                    _(
                        "action item '{text}' ({owner}) was due {due}, {late} ago: tick it (`- "
                        "[x]`) when done, or agree a new date and write it on the item (due:NEW "
                        "was:{due} agreed:PERSON)"
                    ).format(text=item.text, owner=owner, due=item.due, late=days(late)),
                    meeting.id,
                    client=sentence(
                        _(
                            "{owner} was to {text} by {due} (agreed in the {meeting} of {date}); "
                            "it is {late} late."
                        ).format(
                            owner=name_of(project, item.owner),
                            text=item.text,
                            due=long_date(item.due),
                            meeting=meeting.title.lower(),
                            date=long_date(meeting.date),
                            late=days(late),
                        )
                    ),
                )
