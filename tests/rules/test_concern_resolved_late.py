from __future__ import annotations

from riskdocs.finding import Severity
from tests.rules.conftest import Check
from tests.rules.test_concern_response_late import LATE, PATH, RESOLVED_LATE, concern


def test_a_resolved_concern_is_never_late_but_its_lateness_is_recorded(check: Check) -> None:
    result = check(concern("2026-11-06", "2026-11-09", "2026-11-19"))
    assert result.places(LATE) == []
    assert result.places(RESOLVED_LATE) == [(PATH, 6), (PATH, 7)]
    assert {f.severity for f in result.of(RESOLVED_LATE)} == {Severity.INFO}
    assert "resolved 13 days after it was raised; the target is 10 days" in (
        result.of(RESOLVED_LATE)[1].message
    )


def test_a_concern_resolved_on_time_records_nothing(check: Check) -> None:
    result = check(concern("2026-11-06", "2026-11-07", "2026-11-16"))
    assert result.places(RESOLVED_LATE) == []
