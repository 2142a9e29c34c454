"""The people around the project, as the communication plan cares for them: when each
was last in touch, what is owed to them and by them, and their concerns.

A person is *in touch* on the day they attended a meeting, answered a feedback pulse,
raised a concern or recorded a decision (an agreement, an acceptance, a sign-off):
whatever shows the team heard them. One pass over the project answers it for
everyone, for the stakeholder-unheard rule and the page alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from riskdocs.model.authority import decisions
from riskdocs.model.entities import Project
from riskdocs.structs import struct

MET, SURVEYED, RAISED, DECIDED = "met", "surveyed", "raised", "decided"


@struct
class Contact:
    """When a person was last in touch, and how (met, surveyed, raised, decided)."""

    on: date
    how: str


def last_contacts(project: Project, today: date) -> dict[str, Contact]:
    """Each person's latest contact on or before `today` (people never in touch are
    missing); on one day, a meeting is named before a survey, a concern, a decision."""
    latest: dict[str, Contact] = {}
    order = (MET, SURVEYED, RAISED, DECIDED)
    for key, on, how in _touches(project):
        if on > today:
            continue
        known = latest.get(key)
        if known is None or (on, -order.index(how)) > (known.on, -order.index(known.how)):
            latest[key] = Contact(on=on, how=how)
    return latest


def _touches(project: Project) -> Iterator[tuple[str, date, str]]:
    for meeting in project.meetings:
        for key in meeting.attendees:
            yield key, meeting.date, MET
    for pulse in project.feedback:
        for response in pulse.responses:
            yield response.person, response.date, SURVEYED
    for concern in project.concerns:
        yield concern.raised_by, concern.raised, RAISED
    for decision in decisions(project):
        if decision.on is not None:
            yield decision.by, decision.on, DECIDED
