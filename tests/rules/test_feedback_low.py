from __future__ import annotations

from tests.rules.conftest import Check
from tests.rules.test_feedback_stale import pulse


def test_a_low_latest_average_warns(check: Check) -> None:
    result = check(pulse("2026-11", ("2026-11-12", 3, 2)))
    assert result.places("feedback-low") == [("feedback/2026-11.yaml", 1)]
    assert "average score in 2026-11 is 2.5, below 3.0" in result.of("feedback-low")[0].message
    assert check(pulse("2026-11", ("2026-11-12", 3, 3))).places("feedback-low") == []
