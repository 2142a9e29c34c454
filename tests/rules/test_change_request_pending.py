from __future__ import annotations

from tests.rules.conftest import Check

CHANGE = """\
id: CR-003
title: Export to Excel
raised: {raised}
raised_by: dana
status: {status}
"""
PATH = "scope/changes/CR-003.yaml"


def change(raised: str, status: str = "proposed") -> dict[str, str]:
    return {PATH: CHANGE.format(raised=raised, status=status)}


def test_waiting_more_than_14_days_is_reported_at_status(check: Check) -> None:
    result = check(change("2026-11-06"))
    assert result.places("change-request-pending") == [(PATH, 5)]
    assert "waited 20 days for a decision" in result.of("change-request-pending")[0].message


def test_recent_and_withdrawn_requests_pass(check: Check) -> None:
    assert check(change("2026-11-12")).places("change-request-pending") == []
    assert check(change("2026-10-01", "withdrawn")).places("change-request-pending") == []


def test_max_days_option(check: Check) -> None:
    config = "rules:\n  change-request-pending: {max_days: 30}\n"
    assert check(change("2026-11-06"), config=config).places("change-request-pending") == []
