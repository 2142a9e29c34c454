from __future__ import annotations

from tests.rules.conftest import Check

PULSE = """\
period: {period}
responses:
{responses}"""
RESPONSE = "  - date: {day}\n    from: dana\n    scores: {{communication: {c}, quality: {q}}}\n"


def pulse(period: str, *answers: tuple[str, int, int]) -> dict[str, str]:
    responses = "".join(RESPONSE.format(day=d, c=c, q=q) for d, c, q in answers)
    return {f"feedback/{period}.yaml": PULSE.format(period=period, responses=responses)}


def test_recent_feedback_is_not_stale(check: Check) -> None:
    assert check(pulse("2026-11", ("2026-11-12", 4, 4))).places("feedback-stale") == []


def test_feedback_older_than_45_days_is_stale_at_the_last_response(check: Check) -> None:
    files = {**pulse("2026-09", ("2026-09-30", 4, 4)), **pulse("2026-10", ("2026-10-02", 4, 4))}
    result = check(files)
    assert result.places("feedback-stale") == [("feedback/2026-10.yaml", 3)]
    assert "no client feedback since 2026-10-02 (55 days ago)" in (
        result.of("feedback-stale")[0].message
    )
    config = "rules:\n  feedback-stale: {every_days: 60}\n"
    assert check(files, config=config).places("feedback-stale") == []


def test_without_feedback_counting_starts_at_the_project_start(check: Check) -> None:
    assert check({}).places("feedback-stale") == []  # no start date
    config = "project:\n  name: P\n  client: C\n  start: 2026-09-01\n"
    base = "people:\n  dana: {name: Dana Kowalski, side: client}\n"
    result = check({}, base=base, config=config)
    assert result.places("feedback-stale") == [("riskdocs.yaml", 6)]
