"""A milestone is near and the training it needs has not been held for everyone who needs it.

Why it matters: a client whose people cannot use what is delivered cannot accept
it, and a go-live with untrained key users is a go-live that fails. Each topic
of the training plan (`training:` in riskdocs.yaml) names the client people who
need it and the milestone it is needed `before`; a meeting note with
`training: [topic]` trains everyone who attended it. From `days_before` the
milestone's forecast until it is done, everyone who needs the topic must have
attended a session.

Passes (today 2026-11-26; M-02 forecast 2026-12-04; dana attended the session):

    # riskdocs.yaml
    training:
      portal-basics: {topic: Using the portal, kind: tool, people: [dana], before: M-02}
    # meetings/2026-11-20-training.md
    kind: training
    training: [portal-basics]
    attendees: [chen, dana]

Fails (no session yet, 8 days before M-02):

    # riskdocs.yaml
    training:
      portal-basics: {topic: Using the portal, kind: tool, people: [dana], before: M-02}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, days, listed, ngettext
from riskdocs.model.entities import Project
from riskdocs.model.training import untrained
from riskdocs.rules.base import Context, Hit, Option, hit, name_of

ID = "training-not-held"
SEVERITY = Severity.WARNING
AREA = "schedule"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS = {
    "days_before": Option(
        14, N_("How many days before the milestone's forecast the training must be done.")
    ),
}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    settings = project.settings
    milestones = {m.id: m for m in project.milestones}
    for key, topic in sorted(settings.training.items()):
        milestone = milestones.get(topic.before or "")
        if milestone is None or milestone.done is not None:
            continue
        left = (milestone.forecast - ctx.today).days
        missing = untrained(project, topic, ctx.today) if left <= opts["days_before"] else ()
        if not missing:
            continue
        names = listed(name_of(project, k) for k in missing)
        when = (
            _("in {days}").format(days=days(left))
            if left >= 0
            else _("{days} ago").format(days=days(-left))
        )
        yield hit(
            settings.source,
            ("training", key),
            ngettext(
                "{names} still needs the training “{topic}” before {milestone} (forecast "
                "{forecast}, {when}): hold a session and add its note under meetings/ with "
                "`training: [{key}]` and them among the attendees",
                "{names} still need the training “{topic}” before {milestone} (forecast "
                "{forecast}, {when}): hold a session and add its note under meetings/ with "
                "`training: [{key}]` and them among the attendees",
                len(missing),
            ).format(
                names=names,
                topic=topic.topic,
                milestone=milestone.id,
                forecast=milestone.forecast,
                when=when,
                key=key,
            ),
            key,
            client=ngettext(
                "{names} still needs the training “{topic}” before “{milestone}” on "
                "{forecast}; the team is arranging it with you.",
                "{names} still need the training “{topic}” before “{milestone}” on "
                "{forecast}; the team is arranging it with you.",
                len(missing),
            ).format(
                names=names,
                topic=topic.topic,
                milestone=milestone.title,
                forecast=milestone.forecast,
            ),
            at_key=True,
        )
