"""feedback-stale, feedback-dropping and feedback-low."""

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


def test_a_drop_of_half_a_point_is_reported_at_the_latest_period(check: Check) -> None:
    files = {**pulse("2026-10", ("2026-10-15", 4, 5)), **pulse("2026-11", ("2026-11-12", 4, 4))}
    result = check(files)
    assert result.places("feedback-dropping") == [("feedback/2026-11.yaml", 1)]
    assert "average score fell from 4.5 (2026-10) to 4.0 (2026-11)" in (
        result.of("feedback-dropping")[0].message
    )


def test_a_small_drop_or_a_rise_passes(check: Check) -> None:
    files = {**pulse("2026-10", ("2026-10-15", 4, 4)), **pulse("2026-11", ("2026-11-12", 4, 5))}
    assert check(files).places("feedback-dropping") == []
    config = "rules:\n  feedback-dropping: {margin: 1.0}\n"
    dropped = {**pulse("2026-10", ("2026-10-15", 4, 5)), **pulse("2026-11", ("2026-11-12", 4, 4))}
    assert check(dropped, config=config).places("feedback-dropping") == []


def test_nps_drop_is_reported(check: Check) -> None:
    october = "period: 2026-10\nresponses:\n  - {date: 2026-10-15, from: dana, nps: 9}\n"
    november = "period: 2026-11\nresponses:\n  - {date: 2026-11-12, from: dana, nps: 6}\n"
    result = check({"feedback/2026-10.yaml": october, "feedback/2026-11.yaml": november})
    assert ["average NPS fell from 9.0" in f.message for f in result.of("feedback-dropping")] == [
        True
    ]


def test_a_low_latest_average_warns(check: Check) -> None:
    result = check(pulse("2026-11", ("2026-11-12", 3, 2)))
    assert result.places("feedback-low") == [("feedback/2026-11.yaml", 1)]
    assert "average score in 2026-11 is 2.5, below 3.0" in result.of("feedback-low")[0].message
    assert check(pulse("2026-11", ("2026-11-12", 3, 3))).places("feedback-low") == []
