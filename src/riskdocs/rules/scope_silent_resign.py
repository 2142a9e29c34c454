"""A scope sign-off date that moved in git history.

Why it matters: `signed_off:` is the day the client first agreed what the
project delivers, and everything added after it needs an approved change
request. Moving it to a later day makes every later addition look like part
of the signed baseline. When the client signs the baseline again, keep
`signed_off:` and record the new signature under `resigned:` (when, who, the
change requests it covers). Every commit that changed a set `signed_off:`
(and the uncommitted work tree, and what the pre-commit hook is about to
commit) is reported. Needs the full git history.

Passes (the client signed again on 2026-11-20):

    signed_off: 2026-10-16
    signed_off_by: erik
    resigned:
      - {on: 2026-11-20, by: erik, change_requests: [CR-001]}

Fails (a commit changed `signed_off: 2026-10-16` to `signed_off: 2026-11-20`):

    signed_off: 2026-11-20
    signed_off_by: erik
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "scope-silent-resign"
SEVERITY = Severity.ERROR
AREA = "scope"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = True
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    scope = project.scope
    if ctx.history is None or scope is None:
        return
    from riskdocs.history.facts import first_signed, when  # only when history is read

    versions = ctx.history.scope_versions
    start = first_signed(versions)
    first = None if start is None else versions[start].signed_off
    previous = None
    for version in versions:
        if previous and version.signed_off and version.signed_off != previous:
            recorded = any(str(again.on) == version.signed_off for again in scope.resigned)
            record = (
                _("the re-sign on {signed_off} is already under `resigned:`").format(
                    signed_off=version.signed_off
                )
                if recorded
                else _(
                    "record the re-sign under `resigned:` (on: {signed_off}, by, change_requests)"
                ).format(signed_off=version.signed_off)
            )
            yield hit(
                scope.source,
                ("signed_off",),
                _(
                    "the scope's sign-off date moved from {previous} to {signed_off} "
                    "{commit}: `signed_off:` is the day the client first signed; put it back "
                    "to {first} and {record}"
                ).format(
                    previous=previous,
                    signed_off=version.signed_off,
                    commit=when(version.commit, version.day, version.author),
                    first=first,
                    record=record,
                ),
                None,
                client=_(
                    "The date you signed the scope was changed from {previous} to "
                    "{signed_off} without a record of a new signature."
                ).format(previous=previous, signed_off=version.signed_off),
            )
        previous = version.signed_off or previous
