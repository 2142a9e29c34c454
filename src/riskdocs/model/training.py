"""Who has had the training the plan asks for: a meeting note whose `training:` names a
topic trains everyone who attended it, from the day it was held."""

from __future__ import annotations

from datetime import date

from riskdocs.model.entities import Meeting, Project, TrainingTopic


def sessions(project: Project, topic: TrainingTopic, today: date) -> list[Meeting]:
    """The meetings held on or before `today` that taught `topic`, oldest first."""
    return [m for m in project.meetings if topic.key in m.training and m.date <= today]


def untrained(project: Project, topic: TrainingTopic, today: date) -> tuple[str, ...]:
    """Who the topic is for and has not attended a session of it by `today`."""
    trained = {key for m in sessions(project, topic, today) for key in m.attendees}
    return tuple(key for key in topic.people if key not in trained)
