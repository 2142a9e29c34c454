from __future__ import annotations

from tests.conftest import BASE_CONFIG
from tests.rules.conftest import Check

# the base settings' weekly-status cadence, with an agenda
AGENDA = (
    BASE_CONFIG.read_text() + "    agenda: [progress, challenges, next_steps, risks, decisions]\n"
)
NOTE = """\
---
date: 2026-11-19
title: Weekly status
kind: status
cadence: weekly-status
attendees: [alice, dana]
---

{body}
"""
PATH = "meetings/2026-11-19-weekly.md"


def weekly(body: str) -> dict[str, str]:
    return {PATH: NOTE.format(body=body)}


def test_a_note_with_a_heading_for_every_topic_passes_in_either_language(check: Check) -> None:
    english = (
        "## Progress\n\n## Challenges\n\n## Next steps\n\n## Risks and issues\n\n## Decisions\n"
    )
    chinese = "## 本周进展\n\n## 问题\n\n## 下一步计划\n\n## 风险\n\n## 决议\n"
    for body in (english, chinese):
        assert check(weekly(body), base=AGENDA).places("meeting-agenda-incomplete") == []


def test_a_missing_topic_is_reported_at_the_cadence_line_with_the_headings_to_add(
    check: Check,
) -> None:
    result = check(weekly("## Progress\n\nOn plan.\n\n## Risks\n"), base=AGENDA)
    assert result.places("meeting-agenda-incomplete") == [(PATH, 5)]
    (finding,) = result.of("meeting-agenda-incomplete")
    assert "this weekly-status note covers no challenges, next steps, decisions" in finding.message
    assert "`## Next steps` (`## 下一步`)" in finding.message
    assert "weekly status meeting" in finding.client and "##" not in finding.client


def test_notes_of_other_cadences_and_cadences_without_an_agenda_are_not_checked(
    check: Check,
) -> None:
    assert check(weekly("Nothing structured.")).places("meeting-agenda-incomplete") == []
    other = {PATH: NOTE.format(body="Notes.").replace("kind: status", "kind: review")
             .replace("cadence: weekly-status\n", "")}  # fmt: skip
    assert check(other, base=AGENDA).places("meeting-agenda-incomplete") == []


def test_a_heading_inside_a_code_block_does_not_count(check: Check) -> None:
    body = "## Progress\n## Challenges\n## Next steps\n## Risks\n```\n## Decisions\n```\n"
    result = check(weekly(body), base=AGENDA)
    assert "covers no decisions" in result.of("meeting-agenda-incomplete")[0].message
