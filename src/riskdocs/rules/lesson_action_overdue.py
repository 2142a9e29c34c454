"""An action agreed after a lesson is past its due date and not done.

Why it matters: a lesson is learned only when something changes. Each lesson
lists what will change under `actions:` (an owner and a due date each); an
action past its due date without `done:` is a lesson written down and not
acted on.

Passes (today 2026-11-26):

    actions:
      - {action: Run the trial migration in week 2, owner: chen, due: 2026-11-20, done: 2026-11-18}

Fails (due 2026-11-20, not done):

    actions:
      - {action: Run the trial migration in week 2, owner: chen, due: 2026-11-20}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit, name_of

ID = "lesson-action-overdue"
SEVERITY = Severity.WARNING
AREA = "commitments"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for lesson in project.lessons:
        for action in lesson.actions:
            if action.done is not None or action.due >= ctx.today:
                continue
            late = days((ctx.today - action.due).days)
            yield hit(
                lesson.source,
                ("actions", action.index, "due"),
                _(
                    "{id}'s action “{action}” (owner {owner}) was due {due}, {late} ago, and "
                    "is not done: do it and record `done:`, or agree a new `due:`"
                ).format(
                    id=lesson.id,
                    action=action.action,
                    owner=action.owner,
                    due=action.due,
                    late=late,
                ),
                lesson.id,
                client=_(
                    "The improvement “{action}”, agreed after the lesson “{title}”, is {late} "
                    "late ({name})."
                ).format(
                    action=action.action,
                    title=lesson.title,
                    late=late,
                    name=name_of(project, action.owner),
                ),
            )
