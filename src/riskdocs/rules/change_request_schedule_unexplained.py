"""Approved change requests whose schedule days do not match the baseline moves made by them.

Why it matters: `impact.schedule_days` is what the client agreed to give up in
time. The milestones a change request moved (a `rebaselined:` entry naming it)
or names under `links: milestones:` should have moved by exactly those days.
More is time taken without agreement; less is a promise of delay the plan
does not show. The difference is reported, with both sides of it.

Passes (CR-001: `schedule_days: 5`, status approved):

    # milestones/M-02.yaml
    rebaselined:
      - {on: 2026-11-12, from: 2026-12-06, to: 2026-12-11, agreed_by: erik, change_request: CR-001}

Fails (the baseline moved 14 days through CR-001):

    rebaselined:
      - {on: 2026-11-12, from: 2026-12-06, to: 2026-12-20, agreed_by: erik, change_request: CR-001}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _, days
from riskdocs.model.entities import ChangeRequest, Milestone, Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "change-request-schedule-unexplained"
SEVERITY = Severity.WARNING
AREA = "schedule"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for change in project.changes:
        if change.status != "approved":
            continue
        moved = {m.id: _moved_by(m, change.id) for m in project.milestones}
        linked = change.links.get("milestones", ())
        named = [m for m in project.milestones if moved[m.id] is not None or m.id in linked]
        if change.schedule_days is None:
            yield from _unrecorded_impact(change, named)
            continue
        if change.schedule_days and not named:
            yield hit(
                change.source,
                ("impact", "schedule_days"),
                _(
                    "{id} {schedule_days}, but no milestone's baseline moved by it: record "
                    "the move under the milestone's `rebaselined:` with `change_request: "
                    "{id}`, or correct `schedule_days:`"
                ).format(id=change.id, schedule_days=_impact(change.schedule_days)),
                change.id,
                client=_(
                    "Change request {id} {schedule_days}, but no milestone's agreed date "
                    "shows it yet."
                ).format(id=change.id, schedule_days=_impact(change.schedule_days)),
            )
        for milestone in named:
            by = moved[milestone.id] or 0
            if by != change.schedule_days:
                yield hit(
                    change.source,
                    ("impact", "schedule_days"),
                    _(
                        "{id} {schedule_days}, but {milestone}'s baseline moved {by} by it: {days} "
                        "unexplained; record the move under {milestone}'s `rebaselined:`, or "
                        "correct `schedule_days:`"
                    ).format(
                        id=change.id,
                        schedule_days=_impact(change.schedule_days),
                        milestone=milestone.id,
                        by=_signed(by),
                        days=days(abs(by - change.schedule_days)),
                    ),
                    change.id,
                    client=_(
                        "Change request {id} {schedule_days}, but the agreed date of {title} "
                        "moved {by} through it."
                    ).format(
                        id=change.id,
                        schedule_days=_impact(change.schedule_days),
                        title=milestone.title,
                        by=_signed(by),
                    ),
                )


def _impact(schedule_days: int) -> str:
    if schedule_days < 0:
        return _("takes {days} off the schedule").format(days=days(-schedule_days))
    return _("adds {days} to the schedule").format(days=days(schedule_days))


def _moved_by(milestone: Milestone, change: str) -> int | None:
    """Days the baseline moved through entries naming `change`; None when none names it."""
    moves = [m for m in milestone.rebaselined if m.change_request == change]
    return sum((m.new_baseline - m.old_baseline).days for m in moves) if moves else None


def _signed(count: int) -> str:
    """How far a baseline moved: `3 days later`, `2 days earlier`, `0 days`."""
    if count == 0:
        return days(0)
    if count > 0:
        return _("{days} later").format(days=days(count))
    return _("{days} earlier").format(days=days(-count))


def _unrecorded_impact(change: ChangeRequest, named: list[Milestone]) -> Iterator[Hit]:
    for milestone in named:
        by = _moved_by(milestone, change.id)
        if by:
            yield hit(
                change.source,
                ("status",),
                _(
                    "{milestone}'s baseline moved {by} by {change}, which records no schedule "
                    "impact: set `impact: schedule_days: {days}`"
                ).format(milestone=milestone.id, by=_signed(by), change=change.id, days=by),
                change.id,
                client=_(
                    "The agreed date of {title} moved {by} through change request {id}, "
                    "which does not record that time."
                ).format(title=milestone.title, by=_signed(by), id=change.id),
            )
