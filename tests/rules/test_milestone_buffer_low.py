from __future__ import annotations

from tests.rules.conftest import Check
from tests.rules.test_milestone_beyond_buffer import PATH, milestone


def test_buffer_low_warns_from_75_percent_used(check: Check) -> None:
    assert check(milestone("2026-12-11")).places("milestone-buffer-low") == []  # 3 of 5
    result = check(milestone("2026-12-12"))  # 4 of 5
    assert result.places("milestone-buffer-low") == [(PATH, 4)]
    assert "4 of its 5 buffer days used (80%)" in result.of("milestone-buffer-low")[0].message


def test_buffer_low_option_and_zero_buffer(check: Check) -> None:
    config = "rules:\n  milestone-buffer-low: {used_percent: 50}\n"
    assert len(check(milestone("2026-12-11"), config=config).of("milestone-buffer-low")) == 1
    assert check(milestone("2026-12-08", buffer=0)).places("milestone-buffer-low") == []
