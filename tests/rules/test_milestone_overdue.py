from __future__ import annotations

from tests.rules.conftest import Check
from tests.rules.test_milestone_beyond_buffer import PATH, milestone


def test_a_forecast_in_the_past_is_overdue(check: Check) -> None:
    result = check(milestone("2026-11-20", baseline="2026-11-20"))
    assert result.places("milestone-overdue") == [(PATH, 4)]
    assert "forecast for 2026-11-20 (6 days ago)" in result.of("milestone-overdue")[0].message
    assert check(milestone("2026-11-26", baseline="2026-11-26")).places("milestone-overdue") == []
