"""deliverable-acceptance-invalidated on real repositories: criteria edited after the
client accepted them, in a commit, in the work tree and in what the hook commits."""

from __future__ import annotations

from datetime import date

from riskdocs.finding import Finding
from tests.conftest import check_changed, check_project
from tests.gitrepo import Repo
from tests.rules.acceptance_files import SCOPE, baseline, deliverable

RULE = "deliverable-acceptance-invalidated"
TODAY = date(2026, 12, 1)
ACCEPTED = (
    "    state: accepted\n    accepted:\n      on: {on}\n      by: dana\n      results:\n"
    "        - {{passed: true, evidence: Shown in the demo}}\n"
)
FIRST = "[Finds a shipment by number]"
WIDER = "[Finds a shipment by number or reference]"


def scope(
    criteria: str, state: str = "    state: submitted\n    submitted: {on: 2026-11-16, by: bob}\n"
) -> str:
    return baseline(deliverable(state, criteria=criteria))


def accepted(criteria: str, on: str = "2026-11-20") -> str:
    return scope(criteria, ACCEPTED.format(on=on))


def of(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule == RULE]


def test_criteria_edited_after_the_acceptance_are_reported(repo: Repo) -> None:
    repo.commit("signed", {SCOPE: scope(FIRST)}, day="2026-10-09")
    repo.commit("accepted", {SCOPE: accepted(FIRST)}, day="2026-11-20")
    sha = repo.commit("wider", {SCOPE: accepted(WIDER)}, day="2026-11-25", author="Bob Steiner")
    (finding,) = of(check_project(repo.root, TODAY).findings)
    assert (finding.path, finding.line) == (SCOPE, 6)
    assert finding.message == (
        f"D-01's acceptance criteria were changed in commit {sha} (2026-11-25, Bob Steiner), "
        "after Dana Kowalski accepted it on 2026-11-20: the acceptance no longer covers what "
        "they say; put the accepted criteria back, or agree the new ones and record the new "
        "acceptance under `accepted:`"
    )
    assert finding.client == (
        "The acceptance criteria of \u201cTracking page\u201d were changed after you accepted it "
        "on 20 Nov 2026; the team will ask you to accept the new criteria."
    )


def test_a_new_acceptance_of_the_new_criteria_passes(repo: Repo) -> None:
    repo.commit("accepted", {SCOPE: accepted(FIRST)}, day="2026-11-20")
    repo.commit("wider", {SCOPE: accepted(WIDER)}, day="2026-11-25")
    repo.commit("again", {SCOPE: accepted(WIDER, on="2026-11-27")}, day="2026-11-27")
    assert of(check_project(repo.root, TODAY).findings) == []


def test_criteria_put_back_pass_and_edits_before_acceptance_do_not_count(repo: Repo) -> None:
    repo.commit("draft", {SCOPE: scope(WIDER)}, day="2026-10-09")
    repo.commit("accepted", {SCOPE: accepted(FIRST)}, day="2026-11-20")
    repo.commit("wider", {SCOPE: accepted(WIDER)}, day="2026-11-25")
    repo.commit("back", {SCOPE: accepted(FIRST)}, day="2026-11-26")
    assert of(check_project(repo.root, TODAY).findings) == []


def test_an_uncommitted_edit_is_reported_and_the_hook_blocks_a_staged_one(repo: Repo) -> None:
    repo.commit("accepted", {SCOPE: accepted(FIRST)}, day="2026-11-20")
    repo.write({SCOPE: accepted(WIDER)})
    (finding,) = of(check_project(repo.root, TODAY).findings)
    assert "changed in your uncommitted changes" in finding.message
    repo.git("add", SCOPE)
    assert check_changed(repo.root, [SCOPE], TODAY) is None  # the baseline is shared: a full run
    (blocked,) = of(check_project(repo.root, TODAY, hook=True).findings)
    assert blocked.severity.value == "error"
