"""Change-request decisions and scope sign-offs recorded for someone on the team.

Why it matters: what the project delivers is the client's to decide. A change
request approved or rejected `decided_by` a team member, or a scope baseline
`signed_off_by` one (or signed again, `resigned[].by`), reads on the page as
the client's decision when it was the team's. The person must be on the
client's side (`side: client` in `people:`). Turn a check off with its option
when a contract gives the team that authority.

Passes (dana is on the client's side):

    status: approved
    decided: 2026-11-12
    decided_by: dana

Fails (alice is on the team):

    status: approved
    decided: 2026-11-12
    decided_by: alice
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _
from riskdocs.load.yamlsrc import JsonPath
from riskdocs.model.entities import Project, Source
from riskdocs.rules.base import Context, Hit, Option, hit, sentence
from riskdocs.words import word

ID = "decision-by-team"
SEVERITY = Severity.ERROR
AREA = "scope"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {
    "change_requests": Option(True, N_("check who decided approved and rejected change requests.")),
    "sign_off": Option(True, N_("check who signed the scope baseline off, first and again.")),
}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    people = project.settings.people

    def on_team(key: str | None) -> bool:
        return key is not None and key in people and people[key].side == "team"

    def found(source: Source, field: JsonPath, key: str, what: str, entity: str | None) -> Hit:
        return hit(
            source,
            field,
            _(
                "{what} is recorded as decided by {name}, who is on the team: it is the "
                "client's decision; name who on the client's side made it"
            ).format(what=what, name=people[key].name),
            entity,
            client=sentence(
                _(
                    "{what} is recorded as decided by {name} of the project team; the "
                    "decision is yours, and the team is correcting the record."
                ).format(what=what, name=people[key].name)
            ),
        )

    if opts["change_requests"]:
        for cr in project.changes:
            if cr.status in ("approved", "rejected") and on_team(cr.decided_by):
                assert cr.decided_by is not None
                yield found(
                    cr.source,
                    ("decided_by",),
                    cr.decided_by,
                    _("{id} ({status})").format(id=cr.id, status=word(cr.status)),
                    cr.id,
                )
    scope = project.scope
    if not opts["sign_off"] or scope is None:
        return
    if on_team(scope.signed_off_by):
        assert scope.signed_off_by is not None
        yield found(
            scope.source, ("signed_off_by",), scope.signed_off_by, _("the scope sign-off"), None
        )
    for index, again in enumerate(scope.resigned):
        if on_team(again.by):
            yield found(
                scope.source,
                ("resigned", index, "by"),
                again.by,
                _("the re-sign of the scope on {on}").format(on=again.on),
                None,
            )
