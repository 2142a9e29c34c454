from __future__ import annotations

from riskdocs.finding import Severity
from tests.rules.conftest import Check
from tests.rules.test_action_item_overdue import PATH, meeting


def test_an_open_item_without_a_date_warns(check: Check) -> None:
    result = check(meeting("- [x] @bob done already", "- [ ] @bob book the room"))
    assert result.places("action-item-undated") == [(PATH, 11)]
    (finding,) = result.of("action-item-undated")
    assert finding.severity is Severity.WARNING and "book the room" in finding.message


def test_dated_or_done_items_pass(check: Check) -> None:
    result = check(meeting("- [ ] @bob book the room due: 2026-12-01", "- [x] @bob booked"))
    assert result.places("action-item-undated") == []
