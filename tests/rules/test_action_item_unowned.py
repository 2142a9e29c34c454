from __future__ import annotations

from riskdocs.finding import Severity
from tests.rules.conftest import Check
from tests.rules.test_action_item_overdue import PATH, meeting


def test_open_item_without_owner_warns(check: Check) -> None:
    result = check(meeting("- [x] @bob done already", "- [ ] somebody should book the room"))
    assert result.places("action-item-unowned") == [(PATH, 11)]
    assert result.of("action-item-unowned")[0].severity is Severity.WARNING


def test_owned_or_done_items_pass(check: Check) -> None:
    result = check(meeting("- [ ] @bob book the room", "- [x] booked the other room"))
    assert result.places("action-item-unowned") == []
