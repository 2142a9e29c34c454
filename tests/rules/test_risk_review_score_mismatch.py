from __future__ import annotations

from tests.rules.conftest import Check

REVIEWED = """\
id: R-007
title: Vendor API limits
owner: alice
raised: 2026-10-01
probability: 3
impact: 4
status: open
reviews:
  - on: 2026-10-20
    by: alice
    probability: 4
    impact: 4
  - on: 2026-11-10
    by: bob
    probability: {probability}
    impact: 4
    note: The vendor raised the limit
"""
PATH = "risks/R-007.yaml"


def test_a_risk_scored_as_its_latest_review_passes(check: Check) -> None:
    files = {PATH: REVIEWED.format(probability=3)}
    assert check(files).places("risk-review-score-mismatch") == []


def test_a_score_other_than_the_latest_reviews_is_reported_there(check: Check) -> None:
    result = check({PATH: REVIEWED.format(probability=2)})
    assert result.places("risk-review-score-mismatch") == [(PATH, 15)]
    (finding,) = result.of("risk-review-score-mismatch")
    assert finding.message.startswith(
        "R-007 scores 3 x 4, but its latest review (2026-11-10) found 2 x 4"
    )


def test_the_latest_review_is_the_latest_by_date_not_by_place(check: Check) -> None:
    swapped = REVIEWED.format(probability=3).replace("2026-10-20", "2026-12-01")
    result = check({PATH: swapped}, today="2026-12-02")
    assert result.places("risk-review-score-mismatch") == [(PATH, 11)]


def test_a_review_without_scores_is_not_compared(check: Check) -> None:
    unscored = REVIEWED.format(probability=2).replace(
        "    probability: 2\n    impact: 4\n    note", "    note"
    )
    assert check({PATH: unscored}).places("risk-review-score-mismatch") == []


def test_it_blocks_a_commit(check: Check) -> None:
    result = check({PATH: REVIEWED.format(probability=2)}, hook=True)
    (finding,) = result.of("risk-review-score-mismatch")
    assert finding.severity.value == "error"
