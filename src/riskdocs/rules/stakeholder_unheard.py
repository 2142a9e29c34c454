"""An influential person on the client's side the team has not been in touch with for too long.

Why it matters: a sponsor who hears nothing for two months forms a view of the
project without the team. A client person with `influence: high` (and, with the
`medium` option, `influence: medium`) must have been met, surveyed or heard
from within `max_days`: attended a meeting, answered a feedback pulse, raised
a concern or recorded a decision. Counting starts at `project.start` and stops
at `project.end`.

Passes (today 2026-11-26; erik attended the steering meeting of 2026-11-02):

    # riskdocs.yaml
    people:
      erik: {name: Erik Lund, side: client, influence: high}
    # meetings/2026-11-02-steering.md
    attendees: [alice, erik]

Fails (erik's last contact was the kick-off on 2026-10-05, 52 days ago):

    # meetings/2026-10-05-kickoff.md
    attendees: [alice, erik]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, days
from riskdocs.model.entities import Project
from riskdocs.model.stakeholders import last_contacts
from riskdocs.rules.base import Context, Hit, Option, hit
from riskdocs.words import word

ID = "stakeholder-unheard"
SEVERITY = Severity.WARNING
AREA = "communication"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS = {
    "max_days": Option(30, N_("Longest time without contact, in calendar days."), minimum=1),
    "medium": Option(False, N_("also check people of medium influence.")),
}
_HOW = {
    "met": N_("met at a meeting"),
    "surveyed": N_("answered a feedback pulse"),
    "raised": N_("raised a concern"),
    "decided": N_("recorded a decision"),
}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    settings = project.settings
    until = min(ctx.today, settings.end) if settings.end else ctx.today
    levels = ("high", "medium") if opts["medium"] else ("high",)
    contacts = last_contacts(project, until)
    for key, person in sorted(settings.people.items()):
        if person.side != "client" or person.influence not in levels:
            continue
        contact = contacts.get(key)
        since = contact.on if contact else settings.start
        if since is None or (until - since).days <= opts["max_days"]:
            continue
        gap = days((until - since).days)
        last = (
            _("last {how} on {on}, {gap} without contact").format(
                how=_(_HOW[contact.how]), on=since, gap=gap
            )
            if contact
            else _("never since the project started on {on}, {gap}").format(on=since, gap=gap)
        )
        reach = (
            _("get in touch (they prefer: {channel})").format(channel=word(person.channel))
            if person.channel
            else _("get in touch")
        )
        yield hit(
            settings.source,
            ("people", key, "influence"),
            _(
                "{name} ({influence} influence) has not been in touch with the team for more "
                "than {max_days}: {last}; {reach} or send them the feedback pulse, and "
                "record it"
            ).format(
                name=person.name,
                influence=word(person.influence or "high"),
                max_days=days(opts["max_days"]),
                last=last,
                reach=reach,
            ),
            key,
            client=_(
                "The team has not been in touch with {name} for {gap}, longer than the "
                "communication plan intends; the team will reach out."
            ).format(name=person.name, gap=gap),
        )
