"""Client concerns acknowledged after their target, and resolved ones resolved after it.

Why it matters: the record of response times is what the status page's
responsiveness figures are made of. This is information, not a failure: what
came late cannot be made on time any more, but the lateness counts. An open
concern acknowledged late is reported here (with the day its resolution is
due), not as `concern-response-late`, which reports only what can still be done.

Passes (high: acknowledge in 2 days, resolve in 10):

    raised: 2026-11-02
    acknowledged: 2026-11-03
    resolved: 2026-11-09

Fails (resolved after 15 days):

    raised: 2026-11-02
    acknowledged: 2026-11-03
    resolved: 2026-11-17
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

ID = "concern-resolved-late"
SEVERITY = Severity.INFO
AREA = "communication"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    targets = project.settings.thresholds.concern_response
    calendar = project.settings.calendar
    for concern in project.concerns:
        target = targets[concern.severity]
        steps = (
            ("acknowledged", concern.acknowledged, target.acknowledge_days),
            ("resolved", concern.resolved, target.resolve_days),
        )
        for field, day, limit in steps:
            took = calendar.elapsed(concern.raised, day) if day else 0
            if took > limit:
                after, target_days = calendar.unit(took), calendar.unit(limit)
                yield hit(
                    concern.source,
                    (field,),
                    _(
                        "{id} ({severity}) was {field} {after} after it was raised; the target "
                        "is {target_days}{concern}"
                    ).format(
                        id=concern.id,
                        severity=word(concern.severity),
                        field=word(field),
                        after=after,
                        target_days=target_days,
                        concern=_still_due(concern, target, calendar),
                    ),
                    concern.id,
                    client=_(
                        "Your concern \u201c{title}\u201d was {field} after {after}; the target is "
                        "{target_days}."
                    ).format(
                        title=concern.title, field=word(field), after=after, target_days=target_days
                    ),
                )


def _still_due(concern: Concern, target: ResponseTarget, calendar: WorkCalendar) -> str:
    if concern.resolved is not None:
        return _(
            "; note what slowed it under `resolution`, or, if the target does not "
            "fit, change `thresholds.concern_response.{severity}` in riskdocs.yaml"
        ).format(severity=concern.severity)
    due = calendar.after(concern.raised, target.resolve_days)
    return _(": resolve it by {due} to keep the resolution on time").format(due=due)
