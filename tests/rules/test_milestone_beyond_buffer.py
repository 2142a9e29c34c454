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
