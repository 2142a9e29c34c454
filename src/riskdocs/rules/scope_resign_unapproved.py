"""A re-sign of the scope that covers a change request the client has not approved.

Why it matters: `resigned:` records that the client signed the baseline again,
and the change requests it names are what that signature agreed to. Naming one
that is still proposed, was rejected or withdrawn, or was approved only after the
re-sign, reads on the page as "the client accepted this change" when no record
says so. Approve the change request first (status, decided, decided_by), or
leave it out of the re-sign.

Passes:

    # scope/changes/CR-001.yaml
    status: approved
    decided: 2026-11-12
    # scope/baseline.yaml
    resigned:
      - {on: 2026-11-13, by: erik, change_requests: [CR-001]}

Fails (CR-002 is still proposed):

    resigned:
      - {on: 2026-11-13, by: erik, change_requests: [CR-001, CR-002]}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import ChangeRequest, Project, Resign
from riskdocs.rules.base import Context, Hit, Option, hit, name_of
from riskdocs.words import word

ID = "scope-resign-unapproved"
SEVERITY = Severity.ERROR
AREA = "scope"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    scope = project.scope
    if scope is None:
        return
    changes = {c.id: c for c in project.changes}
    for index, again in enumerate(scope.resigned):
        for position, cited in enumerate(again.change_requests):
            change = changes.get(cited)
            why = _not_agreed(change, again) if change else None  # unknown: a reference error
            if change is None or why is None:
                continue
            yield hit(
                scope.source,
                ("resigned", index, "change_requests", position),
                _(
                    "the re-sign on {on} covers {cited}, which {why}: approve {cited} first "
                    "(`status: approved`, `decided`, `decided_by`) or leave it out of this re-sign"
                ).format(on=again.on, cited=cited, why=why),
                cited,
                client=_(
                    "The scope signed again on {on} by {by} names the change \u201c{title}\u201d, "
                    "which has not been approved; the team is correcting the record."
                ).format(on=long_date(again.on), by=name_of(project, again.by), title=change.title),
            )


def _not_agreed(change: ChangeRequest, again: Resign) -> str | None:
    """Why the re-sign cannot have agreed to `change`, or None when it can."""
    if change.status != "approved":
        return _("is {status}").format(status=word(change.status))
    if change.decided is not None and change.decided > again.on:
        return _("was approved only on {decided}, after the re-sign").format(decided=change.decided)
    return None
