"""Accepted risks whose acceptance has run out, or was never recorded.

Why it matters: `response: accept` means someone decided to live with a risk,
for a reason, for a while; the client relies on that decision being looked at
again before it goes stale. Record it under `acceptance:` (who, when, why and
until when); once `until` has passed, review the risk and either accept it
again with a new `until` or choose another response. Closed risks are not
checked.

Passes (today 2026-11-26):

    response: accept
    acceptance:
      on: 2026-10-01
      by: dana
      reason: The old browser is used by two people, who can use the new one
      until: 2027-01-31

Fails (the acceptance ran out on 2026-11-01):

    response: accept
    acceptance: {on: 2026-08-01, by: dana, reason: Two users only, until: 2026-11-01}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit, name_of

ID = "risk-acceptance-expired"
SEVERITY = Severity.WARNING
AREA = "risks"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for risk in project.risks:
        if risk.status == "closed" or risk.response != "accept":
            continue
        accepted = risk.acceptance
        if accepted is None:
            yield hit(
                risk.source,
                ("response",),
                _(
                    "{id} is accepted with no record of who accepted it: add `acceptance:` "
                    "(on, by, reason, until)"
                ).format(id=risk.id),
                risk.id,
                client=_(
                    "The team lives with risk \u201c{title}\u201d without a record of who "
                    "decided so; the team is completing the record."
                ).format(title=risk.title),
            )
        elif accepted.until < ctx.today:
            yield hit(
                risk.source,
                ("acceptance", "until"),
                _(
                    "{id} was accepted until {until} ({late} ago): review it, then accept it "
                    "again with a new `until` or choose another `response`"
                ).format(
                    id=risk.id, until=accepted.until, late=days((ctx.today - accepted.until).days)
                ),
                risk.id,
                client=_(
                    "{name} accepted living with risk \u201c{title}\u201d until {until}; that "
                    "decision is due to be looked at again."
                ).format(
                    name=name_of(project, accepted.by),
                    title=risk.title,
                    until=long_date(accepted.until),
                ),
            )
