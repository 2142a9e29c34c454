"""Accepted deliverables whose acceptance criteria changed after the client accepted them.

Why it matters: an acceptance covers the criteria the client checked. Editing
them afterwards makes the record say the client accepted something they never
saw. Put the accepted criteria back, or agree the new ones and record the
client's new acceptance (`accepted:` with its new date). The criteria are
compared with the version of scope/baseline.yaml that first recorded the
acceptance, through every later commit, the uncommitted work tree and what the
pre-commit hook is about to commit. Needs the full git history.

Passes (the criteria are as they were when dana accepted on 2026-11-26):

    acceptance: [Finds any shipment by number]
    state: accepted
    accepted: {on: 2026-11-26, by: dana}

Fails (a later commit changed the criterion to "Finds any shipment by number or
reference", and `accepted:` still says 2026-11-26):

    acceptance: [Finds any shipment by number or reference]
    state: accepted
    accepted: {on: 2026-11-26, by: dana}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Deliverable, Project
from riskdocs.rules.base import Context, Hit, Option, hit, name_of

if TYPE_CHECKING:
    from riskdocs.history.facts import ScopeVersion

ID = "deliverable-acceptance-invalidated"
SEVERITY = Severity.ERROR
AREA = "scope"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = True
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    if ctx.history is None or not ctx.history.scope_versions:
        return
    from riskdocs.history.facts import when  # only when history is read

    versions = ctx.history.scope_versions
    for deliverable in project.deliverables:
        accepted = deliverable.accepted
        if deliverable.state != "accepted" or accepted is None:
            continue
        edit = _edit_after(versions, deliverable.id, str(accepted.on))
        if edit is None:
            continue
        yield hit(
            deliverable.source,
            ("acceptance",),
            _(
                "{id}'s acceptance criteria were changed {commit}, after {name} accepted it "
                "on {on}: the acceptance no longer covers what they say; put the accepted "
                "criteria back, or agree the new ones and record the new acceptance under "
                "`accepted:`"
            ).format(
                id=deliverable.id,
                commit=when(edit.commit, edit.day, edit.author),
                name=name_of(project, accepted.by),
                on=accepted.on,
            ),
            deliverable.id,
            client=_client(deliverable, accepted.on),
        )


def _edit_after(
    versions: Sequence[ScopeVersion], deliverable: str, accepted_on: str
) -> ScopeVersion | None:
    """The version that first changed the criteria the acceptance on `accepted_on` was
    recorded with, when the newest version still differs from them; None otherwise."""
    recorded = next(
        (i for i, v in enumerate(versions) if v.accepted.get(deliverable) == accepted_on), None
    )
    if recorded is None:
        return None
    accepted = versions[recorded].criteria.get(deliverable)
    if versions[-1].criteria.get(deliverable) == accepted:
        return None
    return next(v for v in versions[recorded + 1 :] if v.criteria.get(deliverable) != accepted)


def _client(deliverable: Deliverable, on: date) -> str:
    return _(
        "The acceptance criteria of \u201c{title}\u201d were changed after you accepted it on "
        "{on}; the team will ask you to accept the new criteria."
    ).format(title=deliverable.title, on=long_date(on))
