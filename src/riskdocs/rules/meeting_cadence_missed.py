"""Cadences of the communication plan with no meeting for too long.

Why it matters: regular contact is what keeps a client informed before they
have to ask. For each entry of `communication:` in riskdocs.yaml, the last
meeting held (a note whose `cadence:` names it, or with no `cadence:` and the
entry's `kind`) must be no more than `every_days` + `grace_days` ago. A cadence
that names `required:` people is kept only by meetings every one of them
attended: a steering meeting without the sponsor does not count, and the
finding names the meetings held without them. A recorded update (updates/,
written by `riskdocs digest --send` or `--record`) keeps the cadence it names,
or an e-mail cadence (`channel: email`). Counting starts at
`project.start`; nothing is reported after `project.end`. Only the current gap
is reported: past gaps are history, not something to fix.

Passes (today 2026-11-26; weekly-status every 7 days, 2 days grace):

    # meetings/2026-11-19-weekly.md
    ---
    date: 2026-11-19
    kind: status
    cadence: weekly-status
    ---

Fails (the last weekly-status meeting was 2026-11-12, 14 days ago):

    # meetings/2026-11-12-weekly.md
    ---
    date: 2026-11-12
    kind: status
    cadence: weekly-status
    ---
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _, days
from riskdocs.model.entities import Cadence, Project, Settings
from riskdocs.model.meetings import absent, counts_for, kept_on
from riskdocs.rules.base import Context, Hit, Option, hit, name_of

ID = "meeting-cadence-missed"
SEVERITY = Severity.ERROR
AREA = "communication"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    settings = project.settings
    until = min(ctx.today, settings.end) if settings.end else ctx.today
    for name, cadence in sorted(settings.cadences.items()):
        held = [day for day in kept_on(project, cadence) if day <= until]
        since = max(held) if held else settings.start
        if since is None or (until - since).days <= cadence.every_days + cadence.grace_days:
            continue
        without = [
            _("{day} without {names}").format(
                day=m.date, names=", ".join(name_of(project, k) for k in absent(m, cadence))
            )
            for m in project.meetings
            if counts_for(m, cadence) and since < m.date <= until and absent(m, cadence)
        ]
        if cadence.channel == "email":
            yield _update_missed(settings, name, cadence, held, since, until)
            continue
        yield hit(
            settings.source,
            ("communication", name),
            _(
                "{name}; the plan says every {every_days} ({grace_days} grace): hold one "
                "and add its notes under meetings/ with `cadence: {cadence}`"
            ).format(
                name=_last(name, held, since, until),
                every_days=days(cadence.every_days),
                grace_days=days(cadence.grace_days),
                cadence=name,
            )
            + (
                _("; held without a required person, so not counted: {meetings}").format(
                    meetings="; ".join(without)
                )
                if without
                else ""
            ),
            name,
            client=_(
                "The {name} meeting, planned every {every_days}, has not been held for {days}."
            ).format(
                name=name.replace("-", " "),
                every_days=days(cadence.every_days),
                days=days((until - since).days),
            ),
            at_key=True,
        )


def _update_missed(
    settings: Settings, name: str, cadence: Cadence, held: list[date], since: date, until: date
) -> Hit:
    """An e-mail cadence is kept by the updates on record (updates/), not by meetings."""
    gap = days((until - since).days)
    last = (
        _("no {name} update since {since} ({gap})").format(name=name, since=since, gap=gap)
        if held
        else _("no {name} update yet, and the project started {since} ({gap} ago)").format(
            name=name, since=since, gap=gap
        )
    )
    return hit(
        settings.source,
        ("communication", name),
        _(
            "{last}; the plan says every {every_days} ({grace_days} grace): send it with "
            "`riskdocs digest --format eml --send`, or record one sent another way with "
            "`riskdocs digest --record`, and commit the record under updates/"
        ).format(
            last=last, every_days=days(cadence.every_days), grace_days=days(cadence.grace_days)
        ),
        name,
        client=_(
            "The {name} update, planned every {every_days}, has not been sent for {days}."
        ).format(name=name.replace("-", " "), every_days=days(cadence.every_days), days=gap),
        at_key=True,
    )


def _last(name: str, held: list[date], since: date, until: date) -> str:
    gap = days((until - since).days)
    if held:
        return _("no {name} meeting since {since} ({gap})").format(name=name, since=since, gap=gap)
    return _("no {name} meeting yet, and the project started {since} ({gap} ago)").format(
        name=name, since=since, gap=gap
    )
