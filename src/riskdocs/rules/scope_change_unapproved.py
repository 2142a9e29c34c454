"""Deliverables added after the scope was signed off without an approved change request.

Why it matters: scope creep is how a fixed budget quietly breaks. Once the
client has signed off the baseline (`signed_off:` in scope/baseline.yaml), a
deliverable with a later `added:` date needs a change request with
`status: approved` that lists it under `deliverables:` (or that the
deliverable names in `change_request:`). With git history, a deliverable that
was not in the baseline as signed (or was changed since) counts too, even
without an `added:` date.

Passes (signed off 2026-10-09):

    - id: D-007
      added: 2026-11-10
      change_request: CR-002     # status: approved

Fails (no approved change request names D-007):

    - id: D-007
      added: 2026-11-10
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.model.entities import ChangeRequest, Deliverable, Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "scope-change-unapproved"
SEVERITY = Severity.ERROR
AREA = "scope"
DATE_DRIVEN = False
NEEDS_HISTORY = True
WHOLE_PROJECT = True
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    scope = project.scope
    if scope is None or scope.signed_off is None:
        return
    changes = {change.id: change for change in project.changes}
    approved = {d for c in changes.values() if c.status == "approved" for d in c.deliverables}
    since_sign_off = _changed_since_sign_off(str(scope.signed_off), ctx)
    for deliverable in scope.deliverables:
        added = deliverable.added
        late = added is not None and added > scope.signed_off
        what = since_sign_off.get(deliverable.id)
        if not (late or what) or deliverable.id in approved:
            continue
        request = changes.get(deliverable.change_request or "")
        if request is None or request.status != "approved":
            happened = f"was added {added}" if late else f"was {what}"
            yield hit(
                deliverable.source,
                ("added",) if late else ("id",),
                f"{deliverable.id} {happened}, after the scope was signed off "
                f"({scope.signed_off}), and {_why(deliverable, request)}",
                deliverable.id,
            )


def _changed_since_sign_off(signed_off: str, ctx: Context) -> dict[str, str]:
    """Deliverable id -> what happened to it since the baseline was signed, from git."""
    if ctx.history is None:
        return {}
    versions = ctx.history.scope_versions
    signed = next((v for v in versions if v.signed_off == signed_off), None)
    if signed is None or not versions:
        return {}
    now = versions[-1].deliverables
    latest = versions[-1].commit
    where = f"commit {latest}" if latest else "in your uncommitted changes"
    what = {d: f"added in git after sign-off ({where})"
            for d in now if d not in signed.deliverables}  # fmt: skip
    for d, fingerprint in now.items():
        if d in signed.deliverables and signed.deliverables[d] != fingerprint:
            what[d] = "changed in git after sign-off"
    return what


def _why(deliverable: Deliverable, request: ChangeRequest | None) -> str:
    if request is not None:
        return (
            f"{request.id} is {request.status}, not approved: get {request.id} approved, "
            f"or take {deliverable.id} out of the baseline"
        )
    return (
        "no approved change request names it: raise one under scope/changes/ that lists "
        f"{deliverable.id} under `deliverables:`"
    )
