"""risk-review-rubber-stamp on a real repository built commit by commit."""

from __future__ import annotations

from datetime import date

from riskdocs.finding import Severity
from tests.conftest import check_project
from tests.gitrepo import Repo

RISK = """
    id: R-001
    title: Key users on holiday
    owner: alice
    raised: 2026-10-01
    probability: 2
    impact: 2
    status: open
    review_by: {review_by}
"""
PATH = "risks/R-001.yaml"


def stamps(repo: Repo) -> list[tuple[int | None, Severity]]:
    findings = check_project(repo.root, date(2026, 11, 26)).findings
    return [(f.line, f.severity) for f in findings if f.rule == "risk-review-rubber-stamp"]


def test_three_bumps_in_a_row_with_nothing_else_changed(repo: Repo) -> None:
    repo.commit("raise", {PATH: RISK.format(review_by="2026-11-10")}, day="2026-10-01")
    for day, review_by in (("2026-11-10", "2026-11-17"), ("2026-11-17", "2026-11-24"),
                           ("2026-11-24", "2026-12-01")):  # fmt: skip
        repo.commit("bump", {PATH: RISK.format(review_by=review_by)}, day=day)
    assert stamps(repo) == [(8, Severity.INFO)]


def test_a_bump_with_a_recorded_review_breaks_the_streak(repo: Repo) -> None:
    repo.commit("raise", {PATH: RISK.format(review_by="2026-11-10")}, day="2026-10-01")
    repo.commit("bump", {PATH: RISK.format(review_by="2026-11-17")}, day="2026-11-10")
    repo.commit("bump", {PATH: RISK.format(review_by="2026-11-24")}, day="2026-11-17")
    reviewed = RISK.format(review_by="2026-12-01") + "reviews:\n  - {on: 2026-11-24, by: alice}\n"
    repo.commit("review", {PATH: reviewed}, day="2026-11-24")
    assert stamps(repo) == []
