"""Milestone baselines that moved in git history with no `rebaselined:` entry.

Why it matters: moving a baseline together with its forecast makes a late
milestone look on track ("0 buffer days used") while the date the client
planned around has quietly gone. Every commit that moved a milestone's
`baseline` (and the uncommitted work tree, and what the pre-commit hook is
about to commit) must match an entry under `rebaselined:` with that `from` and
`to` and who agreed, or entries in a row that lead from one to the other (a date
moved twice before a commit). Needs the full git history.

Passes (the move is recorded):

    baseline: 2026-12-18
    rebaselined:
      - {on: 2026-11-18, from: 2026-12-04, to: 2026-12-18, agreed_by: dana}

Fails (a commit changed `baseline: 2026-12-04` to `baseline: 2026-12-18`, and the
forecast with it):

    baseline: 2026-12-18
    forecast: 2026-12-18
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit, recorded

ID = "milestone-silent-rebaseline"
SEVERITY = Severity.ERROR
AREA = "schedule"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = True
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    if ctx.history is None:
        return
    from riskdocs.history.facts import when  # git facts: only when history is read

    milestones = {m.id: m for m in project.milestones}
    for move in ctx.history.due_changes:
        milestone = milestones.get(move.entity)
        if milestone is None or move.new == move.old:
            continue
        agreed = [(r.old_baseline, r.new_baseline) for r in milestone.rebaselined]
        if not recorded(agreed, move.old, move.new):
            direction = _("later") if move.new > move.old else _("earlier")
            yield hit(
                milestone.source,
                ("baseline",),
                _(
                    "{id}'s baseline moved from {old} to {new} ({days} {direction}) {commit} "
                    "with no `rebaselined:` entry: add one (on, from: {old}, to: {new}, "
                    "agreed_by) or put the date back"
                ).format(
                    id=milestone.id,
                    old=move.old,
                    new=move.new,
                    days=days(abs((move.new - move.old).days)),
                    direction=direction,
                    commit=when(move.commit, move.day, move.author),
                ),
                milestone.id,
                client=_(
                    "The agreed date of {title} moved from {old} to {new} without a record "
                    "of who agreed."
                ).format(title=milestone.title, old=long_date(move.old), new=long_date(move.new)),
            )
