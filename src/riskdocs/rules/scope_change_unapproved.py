"""Deliverables added after the scope was signed off without an approved change request.

Why it matters: scope creep is how a fixed budget quietly breaks. Once the
client has signed off the baseline (`signed_off:` in scope/baseline.yaml), a
deliverable with a later `added:` date needs a change request with
`status: approved` that lists it under `deliverables:` (or that the
deliverable names in `change_request:`).

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

from riskdocs.finding import Finding, Severity
from riskdocs.model import ChangeRequest, Deliverable, Project
from riskdocs.rules.base import Context, Option, hit

ID = "scope-change-unapproved"
SEVERITY = Severity.ERROR
AREA = "scope"
DATE_DRIVEN = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    scope = project.scope
    if scope is None or scope.signed_off is None:
        return
    changes = {change.id: change for change in project.changes}
    approved = {d for c in changes.values() if c.status == "approved" for d in c.deliverables}
    for deliverable in scope.deliverables:
        added = deliverable.added
        if added is None or added <= scope.signed_off or deliverable.id in approved:
            continue
        request = changes.get(deliverable.change_request or "")
        if request is None or request.status != "approved":
            yield hit(
                deliverable.source,
                ("added",),
                f"{deliverable.id} was added {added}, after the scope was signed off "
                f"({scope.signed_off}), and {_why(deliverable, request)}",
                deliverable.id,
            )


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
