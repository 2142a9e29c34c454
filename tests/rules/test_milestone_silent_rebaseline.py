"""milestone-silent-rebaseline on real repositories built commit by commit."""

from __future__ import annotations

import textwrap
from datetime import date

from riskdocs.finding import Finding
from tests.conftest import check_changed, check_project
from tests.gitrepo import Repo

MILESTONE = textwrap.dedent("""
    id: M-01
    title: Tracking live
    owner: alice
    baseline: {day}
    forecast: {day}
    buffer_days: 10
""")
AGREED = """\
rebaselined:
  - on: 2026-11-10
    from: 2026-12-04
    to: 2026-12-18
    agreed_by: dana
    change_request: CR-001
"""
CR = """
    id: CR-001
    title: Carrier feeds later
    raised: 2026-11-05
    raised_by: dana
    status: approved
    decided: 2026-11-10
    decided_by: dana
"""
PATH = "milestones/M-01.yaml"
TODAY = date(2026, 11, 12)


def silent(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule == "milestone-silent-rebaseline"]


def test_a_baseline_moved_with_its_forecast_names_the_commit(repo: Repo) -> None:
    repo.commit("plan", {PATH: MILESTONE.format(day="2026-12-04")})
    sha = repo.commit("later", {PATH: MILESTONE.format(day="2026-12-18")}, day="2026-11-10",
                      author="Bob Steiner")  # fmt: skip
    (finding,) = silent(check_project(repo.root, TODAY).findings)
    assert (finding.path, finding.line) == (PATH, 4)
    assert finding.message.startswith(
        f"M-01's baseline moved from 2026-12-04 to 2026-12-18 (14 days later) in commit {sha} "
        "(2026-11-10, Bob Steiner) with no `rebaselined:` entry"
    )


def test_a_recorded_rebaseline_is_not_silent(repo: Repo) -> None:
    repo.commit("plan", {PATH: MILESTONE.format(day="2026-12-04"), "scope/changes/CR-001.yaml": CR})
    repo.commit("agreed", {PATH: MILESTONE.format(day="2026-12-18") + AGREED}, day="2026-11-10")
    result = check_project(repo.root, TODAY)
    assert silent(result.findings) == []
    (milestone,) = result.project.milestones
    assert milestone.original_baseline == date(2026, 12, 4)


def test_the_hook_refuses_an_uncommitted_or_staged_silent_rebaseline(repo: Repo) -> None:
    repo.commit("plan", {PATH: MILESTONE.format(day="2026-12-04")})
    repo.write({PATH: MILESTONE.format(day="2026-12-11")})
    (finding,) = silent(check_project(repo.root, TODAY).findings)
    assert "in your uncommitted changes" in finding.message
    repo.git("add", "-A")
    hooked = check_changed(repo.root, [PATH], TODAY)
    assert hooked is not None and [f.line for f in silent(hooked.findings)] == [4]
