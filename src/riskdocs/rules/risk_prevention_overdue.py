"""Prevention actions of open risks that are past their due date and not done.

Why it matters: a prevention action is the team's promise to lower a risk.
When it slips, the risk stays as likely as before while the register says it
is being handled.

Passes (today 2026-11-26):

    prevention:
      - {action: Weekly vendor call, owner: alice, due: 2026-11-10, done: 2026-11-08}

Fails (due 16 days ago, no `done`):

    prevention:
      - {action: Weekly vendor call, owner: alice, due: 2026-11-10}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit, name_of, sentence

ID = "risk-prevention-overdue"
SEVERITY = Severity.WARNING
AREA = "risks"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS = {"grace_days": Option(0, N_("Days past the due date before the action is reported."))}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for risk in project.risks:
        if risk.status not in ("open", "watching"):
            continue
        for index, action in enumerate(risk.prevention):
            late = (ctx.today - action.due).days
            if action.done is None and late > opts["grace_days"]:
                yield hit(
                    risk.source,
                    ("prevention", index, "due"),
                    _(
                        "{id}: prevention action '{action}' ({owner}) was due {due}, {late} ago: "
                        "do it and set `done:`, or move `due:`"
                    ).format(
                        id=risk.id,
                        action=action.action,
                        owner=action.owner,
                        due=action.due,
                        late=days(late),
                    ),
                    risk.id,
                    client=sentence(
                        _(
                            "{owner} was to {action} by {due} to prevent risk "
                            "\u201c{title}\u201d; it "
                            "is {late} late."
                        ).format(
                            owner=name_of(project, action.owner),
                            action=action.action[:1].lower() + action.action[1:],
                            due=long_date(action.due),
                            title=risk.title,
                            late=days(late),
                        )
                    ),
                )
