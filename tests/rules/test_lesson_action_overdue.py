from __future__ import annotations

from tests.rules.conftest import Check

LESSON = """\
---
id: L-001
title: Run the trial migration first
date: 2026-11-05
actions:
  - action: Add a trial migration to the template
    owner: alice
    due: 2026-11-20
{done}---

The address problems showed up late.
"""
PATH = "lessons/L-001-trial.md"


def test_a_done_or_not_yet_due_action_passes(check: Check) -> None:
    assert (
        check({PATH: LESSON.format(done="    done: 2026-11-18\n")}).places("lesson-action-overdue")
        == []
    )
    assert (
        check({PATH: LESSON.format(done="")}, today="2026-11-20").places("lesson-action-overdue")
        == []
    )


def test_an_action_past_due_is_reported_at_its_due_date(check: Check) -> None:
    result = check({PATH: LESSON.format(done="")})
    assert result.places("lesson-action-overdue") == [(PATH, 8)]
    (finding,) = result.of("lesson-action-overdue")
    assert "L-001's action “Add a trial migration to the template” (owner alice) was due " in (
        finding.message
    )
    assert "2026-11-20, 6 days ago" in finding.message
    assert "Alice Martin" in finding.client
