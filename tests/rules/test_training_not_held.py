from __future__ import annotations

from tests.rules.conftest import Check

TRAINING = """\
training:
  portal-basics:
    topic: Using the new portal
    kind: tool
    people: [dana, bob]
    before: M-02
"""
MILESTONE = "id: M-02\ntitle: Go-live\nbaseline: 2026-12-04\nforecast: 2026-12-04\n{done}"
SESSION = """\
---
date: {day}
title: Portal training
kind: training
training: [portal-basics]
attendees: [{who}]
---
"""


def files(*sessions: tuple[str, str], done: str = "") -> dict[str, str]:
    made = {"milestones/M-02.yaml": MILESTONE.format(done=done)}
    for day, who in sessions:
        made[f"meetings/{day}-training.md"] = SESSION.format(day=day, who=who)
    return made


def test_training_held_for_everyone_passes(check: Check) -> None:
    held = files(("2026-11-20", "dana, bob"))
    assert check(held, config=TRAINING).places("training-not-held") == []
    in_two = files(("2026-11-18", "dana"), ("2026-11-20", "bob"))
    assert check(in_two, config=TRAINING).places("training-not-held") == []


def test_people_still_untrained_near_the_milestone_are_reported_at_the_topic(
    check: Check,
) -> None:
    result = check(files(("2026-11-20", "bob")), config=TRAINING)
    assert result.places("training-not-held") == [("riskdocs.yaml", 20)]
    (finding,) = result.of("training-not-held")
    assert finding.message.startswith(
        "Dana Kowalski still needs the training “Using the new portal” before M-02 "
        "(forecast 2026-12-04, in 8 days)"
    )
    assert "`training: [portal-basics]`" in finding.message
    assert "“Go-live”" in finding.client and "M-02" not in finding.client


def test_not_yet_due_a_session_after_today_and_a_done_milestone(check: Check) -> None:
    assert check(files(), config=TRAINING, today="2026-11-10").places("training-not-held") == []
    later = files(("2026-11-28", "dana, bob"))
    assert check(later, config=TRAINING).places("training-not-held") == [("riskdocs.yaml", 20)]
    done = files(done="done: 2026-11-25\n")
    assert check(done, config=TRAINING).places("training-not-held") == []
