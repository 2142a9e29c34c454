from __future__ import annotations

from tests.rules.conftest import Check
from tests.rules.test_feedback_stale import pulse


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
