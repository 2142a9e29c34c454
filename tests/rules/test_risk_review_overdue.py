from __future__ import annotations

from textwrap import dedent

from tests.rules.conftest import Check

RISK = """\
id: R-001
title: Vendor may miss the sandbox date
owner: alice
raised: 2026-10-01
probability: {p}
impact: 5
status: {status}
"""
PATH = "risks/R-001.yaml"


def risk(extra: str = "", p: int = 4, status: str = "open") -> dict[str, str]:
    return {PATH: RISK.format(p=p, status=status) + dedent(extra)}


def test_review_by_in_the_past_is_reported_at_review_by(check: Check) -> None:
    result = check(risk("review_by: 2026-11-20\n"))
    assert result.places("risk-review-overdue") == [(PATH, 8)]
    assert (
        "to be reviewed by 2026-11-20 (6 days ago)" in result.of("risk-review-overdue")[0].message
    )


def test_a_future_review_by_wins_over_the_band_interval(check: Check) -> None:
    assert check(risk("review_by: 2026-11-30\n")).places("risk-review-overdue") == []


def test_high_risk_last_reviewed_beyond_its_band_interval(check: Check) -> None:
    reviews = """\
    reviews:
      - on: 2026-11-01
        by: alice
      - on: 2026-11-16
        by: bob
    """
    result = check(risk(reviews))
    assert result.places("risk-review-overdue") == [(PATH, 11)]
    message = result.of("risk-review-overdue")[0].message
    assert "(score 20, high) was last reviewed 2026-11-16, 10 days ago" in message
    assert "every 7 days" in message


def test_band_intervals_follow_the_thresholds(check: Check) -> None:
    reviews = "reviews:\n  - {on: 2026-11-16, by: alice}\n"
    config = "thresholds:\n  risk_review_days: {high: 14}\n"
    assert check(risk(reviews), config=config).places("risk-review-overdue") == []
    # score 5 is low (below 8): every 30 days by default
    assert check(risk(reviews, p=1)).places("risk-review-overdue") == []


def test_never_reviewed_counts_from_raised(check: Check) -> None:
    result = check(risk(p=1))
    assert result.places("risk-review-overdue") == [(PATH, 4)]
    assert "raised 2026-10-01 and never reviewed, 56 days ago" in (
        result.of("risk-review-overdue")[0].message
    )


def test_closed_risks_are_not_reviewed(check: Check) -> None:
    files = risk("closed: 2026-11-01\nreview_by: 2026-11-02\n", status="closed")
    assert check(files).places("risk-review-overdue") == []
