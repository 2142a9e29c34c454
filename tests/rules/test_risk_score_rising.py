"""risk-score-rising on a real repository built commit by commit."""

from __future__ import annotations

from datetime import date
from textwrap import dedent

from tests.conftest import check_project
from tests.gitrepo import Repo

RISK = """
    id: R-001
    title: Vendor may miss the sandbox date
    owner: alice
    raised: 2026-10-01
    probability: {p}
    impact: 4
    status: open
    response: mitigate
    prevention:
      - {{action: Weekly call, owner: alice, due: 2026-12-20}}
    contingency: Mock the gateway
    review_by: 2026-12-20
"""
PATH = "risks/R-001.yaml"


def rising(repo: Repo, today: str = "2026-11-26") -> list[tuple[int | None, str]]:
    findings = check_project(repo.root, date.fromisoformat(today)).findings
    return [(f.line, f.message) for f in findings if f.rule == "risk-score-rising"]


def test_a_score_that_rose_within_the_window_warns_at_probability(repo: Repo) -> None:
    repo.commit("raise", {PATH: RISK.format(p=2)}, day="2026-10-01")
    repo.commit("worse", {PATH: RISK.format(p=4)}, day="2026-11-20")
    ((line, message),) = rising(repo)
    assert line == 5
    assert message.startswith("R-001's score rose from 8 to 16 since 2026-10-01")


def test_a_rise_older_than_the_window_or_a_fall_passes(repo: Repo) -> None:
    repo.commit("raise", {PATH: RISK.format(p=2)}, day="2026-09-01")
    repo.commit("worse", {PATH: RISK.format(p=4)}, day="2026-10-01")
    assert rising(repo) == []
    repo.commit("better", {PATH: RISK.format(p=3)}, day="2026-11-20")
    assert rising(repo) == []


def test_a_review_that_records_the_new_score_lets_go(repo: Repo) -> None:
    repo.commit("raise", {PATH: RISK.format(p=2)}, day="2026-10-01")
    repo.commit("worse", {PATH: RISK.format(p=4)}, day="2026-11-20")
    ((_, message),) = rising(repo)
    assert "record the review under `reviews:` (on, by, probability: 4, impact: 4, note)" in message
    review = (
        "reviews:\n  - {on: 2026-11-21, by: alice, probability: 4, impact: 4, "
        "note: Second vendor}\n"
    )
    repo.commit("reviewed", {PATH: dedent(RISK.format(p=4)) + review}, day="2026-11-21")
    assert rising(repo) == [], "the team has acted on the rise"
    (risk,) = check_project(repo.root, date(2026, 11, 26)).project.risks  # the file is valid
    assert len(risk.reviews) == 1
    stale = review.replace("probability: 4", "probability: 2")
    repo.commit("old score", {PATH: dedent(RISK.format(p=4)) + stale}, day="2026-11-22")
    assert len(rising(repo)) == 1, "a review of the old score does not clear the new one"
