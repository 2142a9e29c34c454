from __future__ import annotations

from tests.rules.conftest import Check

PULSE = """\
period: 2026-11
responses:
  - date: 2026-11-05
    from: dana
    scores: {{communication: {score}, quality: 4}}
{more}"""
COMMITMENT = """\
id: C-007
title: Send a written summary after every status call
owner: alice
to: dana
made: {made}
due: 2026-12-15
status: open
"""
PATH = "feedback/2026-11.yaml"


def answer(score: int = 2, more: str = "") -> dict[str, str]:
    return {PATH: PULSE.format(score=score, more=more)}


def test_a_low_score_followed_up_in_time_passes(check: Check) -> None:
    files = {**answer(more="    follow_up: [C-007]\n"),
             "commitments/C-007.yaml": COMMITMENT.format(made="2026-11-12")}  # fmt: skip
    assert check(files).places("feedback-unanswered") == []


def test_a_low_score_without_a_follow_up_is_reported_at_the_answer(check: Check) -> None:
    result = check(answer())
    assert result.places("feedback-unanswered") == [(PATH, 3)]
    (finding,) = result.of("feedback-unanswered")
    assert finding.message.startswith(
        "Dana Kowalski's answer of 2026-11-05 (communication 2 of 5) has no follow-up made "
        "within 14 days"
    )
    assert "follow_up" not in finding.client


def test_a_follow_up_made_too_late_still_counts_as_unanswered(check: Check) -> None:
    files = {**answer(more="    follow_up: [C-007]\n"),
             "commitments/C-007.yaml": COMMITMENT.format(made="2026-11-25")}  # fmt: skip
    assert check(files).places("feedback-unanswered") == [(PATH, 6)]


def test_a_negative_comment_and_a_low_recommendation_need_a_follow_up_too(
    check: Check,
) -> None:
    negative = answer(4, "    comment: The postponement was not good.\n    tone: negative\n")
    assert "a negative comment" in check(negative).of("feedback-unanswered")[0].message
    low_nps = answer(4, "    nps: 5\n")
    assert "would recommend 5 of 10" in check(low_nps).of("feedback-unanswered")[0].message
    assert check(answer(3)).places("feedback-unanswered") == []


def test_there_is_time_until_the_limit_and_a_lesson_needs_actions(check: Check) -> None:
    assert check(answer(), today="2026-11-19").places("feedback-unanswered") == []
    lesson = "---\nid: L-002\ntitle: Write summaries\ndate: 2026-11-10\n---\n"
    files = {**answer(more="    follow_up: [L-002]\n"), "lessons/L-002-summaries.md": lesson}
    assert check(files).places("feedback-unanswered") == [(PATH, 6)]
    acted = lesson.replace(
        "---\n\n", "", 1
    ).replace("date: 2026-11-10\n", "date: 2026-11-10\nactions:\n  - {action: Send summaries, "
              "owner: alice, due: 2026-12-01}\n")  # fmt: skip
    files["lessons/L-002-summaries.md"] = acted
    assert check(files).places("feedback-unanswered") == []


def test_a_follow_up_naming_nothing_is_an_unknown_reference(check: Check) -> None:
    import pytest

    with pytest.raises(AssertionError, match="unknown-reference"):
        check(answer(more="    follow_up: [C-099]\n"))
