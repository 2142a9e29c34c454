"""Open client concerns not acknowledged or resolved within their target.

Why it matters: how fast a concern is answered is what a client remembers.
Targets per severity are in `thresholds.concern_response` (days from `raised`:
calendar days, or working days with `calendar.count: working_days`). While a
concern is unresolved this reports what the team can still act on: no
acknowledgement past the acknowledge target, and no resolution past the resolve
target. An acknowledgement that came late is a fact, not a task:
once it is recorded this lets go, and `concern-resolved-late` keeps the
lateness on record, so acknowledging late clears the error.

Passes (today 2026-11-26; high: acknowledge in 2 days, resolve in 10):

    raised: 2026-11-24
    severity: high

Fails (raised 6 days ago, never acknowledged):

    raised: 2026-11-20
    severity: high
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Concern, Project, ResponseTarget
from riskdocs.model.workdays import WorkCalendar
from riskdocs.rules.base import Context, Hit, Option, hit
from riskdocs.words import word

ID = "concern-response-late"
SEVERITY = Severity.ERROR
AREA = "communication"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    targets = project.settings.thresholds.concern_response
    calendar = project.settings.calendar
    for concern in project.concerns:
        if concern.resolved is None:
            yield from _open_concern(concern, targets[concern.severity], ctx, calendar)


def _open_concern(
    concern: Concern, target: ResponseTarget, ctx: Context, calendar: WorkCalendar
) -> Iterator[Hit]:
    waited = calendar.elapsed(concern.raised, ctx.today)
    who, after = (
        _("{id} ({severity})").format(id=concern.id, severity=word(concern.severity)),
        calendar.unit(waited),
    )
    acknowledge, resolve = (
        calendar.unit(target.acknowledge_days),
        calendar.unit(target.resolve_days),
    )
    if concern.acknowledged is None and waited > target.acknowledge_days:
        yield hit(
            concern.source,
            ("raised",),
            _(
                "{who} was raised {raised} and is not acknowledged after {after}; the "
                "target is {acknowledge}: reply to {raised_by} and set `acknowledged:`"
            ).format(
                who=who,
                raised=concern.raised,
                after=after,
                acknowledge=acknowledge,
                raised_by=concern.raised_by,
            ),
            concern.id,
            client=_(
                "Your concern \u201c{title}\u201d has waited {after} for an answer; the target is "
                "{acknowledge}."
            ).format(title=concern.title, after=after, acknowledge=acknowledge),
        )
    if waited > target.resolve_days:
        yield hit(
            concern.source,
            ("severity",),
            _(
                "{who} is still unresolved {after} after it was raised; the target is "
                "{resolve}: resolve it and set `resolved:`, or agree a plan with the "
                "client and record it as a commitment"
            ).format(who=who, after=after, resolve=resolve),
            concern.id,
            client=_(
                "Your concern \u201c{title}\u201d is still open after {after}; the target is "
                "{resolve}."
            ).format(title=concern.title, after=after, resolve=resolve),
        )
