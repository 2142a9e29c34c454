"""milestone-beyond-buffer, milestone-buffer-low and milestone-overdue share their input."""

from __future__ import annotations

from tests.rules.conftest import Check

MILESTONE = """\
id: M-02
title: Invoices live
baseline: {baseline}
forecast: {forecast}
buffer_days: {buffer}
{done}"""
PATH = "milestones/M-02.yaml"


def milestone(
    forecast: str, baseline: str = "2026-12-08", buffer: int = 5, done: str = ""
) -> dict[str, str]:
    text = MILESTONE.format(
        baseline=baseline, forecast=forecast, buffer=buffer, done=f"done: {done}\n" if done else ""
    )
    return {PATH: text}


def test_forecast_beyond_baseline_plus_buffer_is_reported_at_forecast(check: Check) -> None:
    result = check(milestone("2026-12-20"))
    assert result.places("milestone-beyond-buffer") == [(PATH, 4)]
    assert "12 days after its baseline 2026-12-08: beyond its 5 days of buffer" in (
        result.of("milestone-beyond-buffer")[0].message
    )
    assert result.places("milestone-buffer-low") == []


def test_forecast_within_the_buffer_passes(check: Check) -> None:
    result = check(milestone("2026-12-13"))
    assert result.places("milestone-beyond-buffer") == []


def test_done_milestones_are_not_checked(check: Check) -> None:
    result = check(milestone("2026-12-20", done="2026-11-20"))
    assert result.places("milestone-beyond-buffer") == []
    assert result.places("milestone-overdue") == []


def test_buffer_low_warns_from_75_percent_used(check: Check) -> None:
    assert check(milestone("2026-12-11")).places("milestone-buffer-low") == []  # 3 of 5
    result = check(milestone("2026-12-12"))  # 4 of 5
    assert result.places("milestone-buffer-low") == [(PATH, 4)]
    assert "4 of its 5 buffer days used (80%)" in result.of("milestone-buffer-low")[0].message


def test_buffer_low_option_and_zero_buffer(check: Check) -> None:
    config = "rules:\n  milestone-buffer-low: {used_percent: 50}\n"
    assert len(check(milestone("2026-12-11"), config=config).of("milestone-buffer-low")) == 1
    assert check(milestone("2026-12-08", buffer=0)).places("milestone-buffer-low") == []


def test_a_forecast_in_the_past_is_overdue(check: Check) -> None:
    result = check(milestone("2026-11-20", baseline="2026-11-20"))
    assert result.places("milestone-overdue") == [(PATH, 4)]
    assert "forecast for 2026-11-20 (6 days ago)" in result.of("milestone-overdue")[0].message
    assert check(milestone("2026-11-26", baseline="2026-11-26")).places("milestone-overdue") == []
