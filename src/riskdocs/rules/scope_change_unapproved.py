"""Deliverables added after the scope was signed off without an approved change request.

Why it matters: scope creep is how a fixed budget quietly breaks. Once the
client has signed off the baseline (`signed_off:` in scope/baseline.yaml), a
deliverable with a later `added:` date needs a change request with
`status: approved` that lists it under `deliverables:` (or that the
deliverable names in `change_request:`). With git history, a deliverable that
was not in the baseline as first signed (or whose promise was changed since:
progress, `state:` and `delivered:`, is not a change) counts too, even without
an `added:` date. Signing the baseline again (`resigned:`) does not widen it:
every addition still needs its change request.

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
from datetime import date
from typing import TYPE_CHECKING, Any

from riskdocs.dates import day_or_none, long_date
from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import ChangeRequest, Deliverable, Project
from riskdocs.rules.base import Context, Hit, Option, hit
from riskdocs.words import word

if TYPE_CHECKING:  # git facts are imported only when history is read
    from riskdocs.history.facts import ScopeVersion

ID = "scope-change-unapproved"
SEVERITY = Severity.ERROR
AREA = "scope"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = True
WHOLE_PROJECT = True
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    scope = project.scope
    if scope is None or scope.signed_off is None:
        return
    changes = {change.id: change for change in project.changes}
    approved = {d for c in changes.values() if c.status == "approved" for d in c.deliverables}
    signed_off = _first_sign_off(ctx) or scope.signed_off
    since_sign_off = _changed_since_sign_off(ctx)
    for deliverable in scope.deliverables:
        added = deliverable.added
        late = added is not None and added > signed_off
        field, what = since_sign_off.get(deliverable.id, ("id", None))
        if not (late or what) or deliverable.id in approved:
            continue
        request = changes.get(deliverable.change_request or "")
        if request is None or request.status != "approved":
            happened = (
                _("was added {added}").format(added=added)
                if late
                else _("was {what}").format(what=what)
            )
            yield hit(
                deliverable.source,
                ("added",) if late else (field,),
                _(
                    "{id} {happened}, after the scope was signed off ({signed_off}), and "
                    "{deliverable}"
                ).format(
                    id=deliverable.id,
                    happened=happened,
                    signed_off=signed_off,
                    deliverable=_why(deliverable, request),
                ),
                deliverable.id,
                client=_(
                    "\u201c{title}\u201d was added to or changed in the scope after you signed it "
                    "on {signed_off}, without an approved change request."
                ).format(title=deliverable.title, signed_off=long_date(signed_off)),
            )


def _first_sign_off(ctx: Context) -> date | None:
    """The day the baseline was first signed, from git (a later `signed_off:` that moved
    is `scope-silent-resign`'s to report, and must not widen the baseline)."""
    if ctx.history is None:
        return None
    from riskdocs.history.facts import first_signed  # git facts: only when history is read

    start = first_signed(ctx.history.scope_versions)
    return None if start is None else day_or_none(ctx.history.scope_versions[start].signed_off)


def _changed_since_sign_off(ctx: Context) -> dict[str, tuple[str, str]]:
    """Deliverable id -> (the field it concerns, what happened to it since the baseline was
    first signed and in which change), from git."""
    if ctx.history is None:
        return {}
    from riskdocs.history.facts import first_signed, when  # only when history is read

    versions = ctx.history.scope_versions
    start = first_signed(versions)
    if start is None:
        return {}
    signed = versions[start]
    what: dict[str, tuple[str, str]] = {}  # since when each has differed from the signed one
    for version in versions[start + 1 :]:
        where = when(version.commit, version.day, version.author)
        for d in set(what) - set(version.deliverables):
            del what[d]
        for d, promised in version.deliverables.items():
            happened = _difference(signed, version, d, promised)
            if happened is None:
                what.pop(d, None)
            elif d not in what:
                field, text = happened
                what[d] = field, _("{happened} in git {where}").format(happened=text, where=where)
    return what


def _difference(
    signed: ScopeVersion, version: ScopeVersion, d: str, promised: str
) -> tuple[str, str] | None:
    """(the field a finding points at, what happened) to deliverable `d` in `version`."""
    if d not in signed.deliverables:
        return "id", _("added")
    if signed.deliverables[d] != promised:
        return "id", _("changed")
    if d in signed.dues and version.dues.get(d) != signed.dues[d]:
        moved = _("moved from due {old} to {new}")
        return "due", moved.format(old=signed.dues[d], new=version.dues.get(d, _("no date")))
    return None


def _why(deliverable: Deliverable, request: ChangeRequest | None) -> str:
    if request is not None:
        return _(
            "{id} is {status}, not approved: get {id} approved, or take {deliverable} out of the "
            "baseline"
        ).format(id=request.id, status=word(request.status), deliverable=deliverable.id)
    return _(
        "no approved change request names it: raise one under scope/changes/ "
        "that lists {id} under `deliverables:`"
    ).format(id=deliverable.id)
