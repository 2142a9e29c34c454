"""A decision recorded for someone who may not make it.

Why it matters: a client relies on a decision because the person who made it
could make it. Once anyone in `people:` says what they may decide (`decides:`
with scope, schedule, budget, acceptance or risk), every decision record in
the project is checked against it, at the line that names the person: a
promise's or an action item's new due date and a milestone's new baseline
(schedule), a change request's decision (scope, and schedule or budget when
it approves more time or money), the scope's sign-off (scope), accepting or
rejecting a deliverable or the closure (acceptance), and accepting a risk or
agreeing its contingency (risk). Until someone declares `decides:`, only the
sides are checked (decision-by-team, promise-moved-by-promiser).

Passes (dana decides acceptance):

    # riskdocs.yaml
    people:
      dana: {name: Dana Kowalski, side: client, decides: [scope, acceptance]}
    # scope/baseline.yaml
        accepted: {on: 2026-11-20, by: dana, results: [...]}

Fails (farah may not accept deliverables):

    # riskdocs.yaml
    people:
      dana: {name: Dana Kowalski, side: client, decides: [scope, acceptance]}
      farah: {name: Farah Haddad, side: client}
    # scope/baseline.yaml
        accepted: {on: 2026-11-20, by: farah, results: [...]}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _, listed
from riskdocs.model.authority import decisions, lacking
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit_at, sentence
from riskdocs.words import word

ID = "decision-without-authority"
SEVERITY = Severity.ERROR
AREA = "scope"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    settings = project.settings
    if not settings.authority_declared:
        return
    for decision in decisions(project):
        missing = lacking(settings, decision)
        if not missing or decision.line is None:
            continue
        person = settings.people[decision.by]
        authority = listed(word(a) for a in missing)
        who = [p.name for p in settings.people.values()
               if p.side == person.side and set(missing) <= p.decides]  # fmt: skip
        yield hit_at(
            decision.path,
            decision.line,
            decision.col or 1,
            _(
                "{what} is recorded as decided by {name}, who may not decide {authority}: "
                "name {who} instead, or add it to `people.{key}.decides` in riskdocs.yaml "
                "if {name} holds that authority"
            ).format(
                what=sentence(decision.what),
                name=person.name,
                authority=authority,
                key=decision.by,
                who=_("one of: {names}").format(names=listed(who))
                if who
                else _("someone who holds it"),
            ),
            decision.entity,
            client=_(
                "{what} is recorded as decided by {name}, who does not hold that authority "
                "in the agreed roles; the team is checking the record with you."
            ).format(what=sentence(decision.what), name=person.name),
        )
