"""The contract's obligations are tracked exactly as commitments are: overdue and due
soon, moved only with the other side's agreement, silent slips found in git, and a due
date counted from the event the contract names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from riskdocs.finding import Finding
from tests.conftest import BASE_CONFIG, TODAY, check_project
from tests.gitrepo import Repo
from tests.rules.acceptance_files import CONTRACT, SCOPE, baseline, deliverable
from tests.rules.conftest import Check

HEAD = "signed: 2026-09-28\ntype: fixed_price\ncurrency: EUR\nobligations:\n"
SANDBOX = (
    "  - id: O-001\n    title: Provide a payment sandbox\n    owner: dana\n    to: bob\n"
    "    due: {due}\n    status: open\n{more}"
)


def contract(due: str = "2026-11-20", more: str = "") -> dict[str, str]:
    return {CONTRACT: HEAD + SANDBOX.format(due=due, more=more)}


def rules(findings: list[Finding], rule: str) -> list[tuple[str, int | None]]:
    return [(f.path, f.line) for f in findings if f.rule == rule]


def test_an_obligation_past_its_date_is_overdue_at_its_due(check: Check) -> None:
    result = check(contract())
    assert result.places("commitment-overdue") == [(CONTRACT, 9)]
    (finding,) = result.of("commitment-overdue")
    assert finding.entity == "O-001" and "O-001 was due 2026-11-20" in finding.message
    assert check(contract("2026-11-27")).places("commitment-due-soon") == [(CONTRACT, 9)]
    done = contract(more="    done: 2026-11-19\n").copy()
    done[CONTRACT] = done[CONTRACT].replace("status: open", "status: done")
    assert check(done).places("commitment-overdue") == []


def test_a_move_agreed_by_the_owners_own_side_is_refused(check: Check) -> None:
    moved = (
        "    renegotiated:\n      - {on: 2026-11-18, from: 2026-11-20, to: 2026-12-04, "
        "agreed_by: dana}\n"
    )
    result = check(contract("2026-12-04", moved))
    assert result.places("promise-moved-by-promiser") == [(CONTRACT, 12)]
    by_team = moved.replace("agreed_by: dana", "agreed_by: bob")
    assert check(contract("2026-12-04", by_team)).places("promise-moved-by-promiser") == []
    assert check(contract("2026-12-11", by_team)).places("commitment-renegotiation-mismatch") == [
        (CONTRACT, 9)
    ]


def test_a_due_date_counted_from_an_event(check: Check) -> None:
    after = (
        "  - id: O-002\n    title: Name the acceptance testers\n    owner: dana\n    to: bob\n"
        "    after: {{days: 5, deliverable: D-01}}\n    status: open\n"
    )
    accepted = (
        "    state: accepted\n    accepted:\n      on: {on}\n      by: dana\n      results:\n"
        "        - {{passed: true, evidence: Shown in the demo}}\n"
    )
    files = {CONTRACT: HEAD + after.format(), SCOPE: baseline(deliverable("    state: planned\n"))}
    assert check(files).of("commitment-overdue") == []  # not accepted yet: no date yet
    files[SCOPE] = baseline(deliverable(accepted.format(on="2026-11-16")))
    (late,) = check(files).of("commitment-overdue")
    assert late.entity == "O-002" and "was due 2026-11-21" in late.message
    signing = HEAD + after.format().replace(", deliverable: D-01", "")
    assert (
        check({CONTRACT: signing})
        .of("commitment-overdue")[0]
        .message.startswith("O-002 was due 2026-10-03")
    )


def test_both_events_at_once_is_a_schema_error_with_the_fix(tmp_path: Path) -> None:
    root = tmp_path
    (root / "riskdocs.yaml").write_text(BASE_CONFIG.read_text())
    (root / "contract").mkdir()
    both = (
        HEAD + "  - id: O-002\n    title: Testers\n    owner: dana\n    to: bob\n"
        "    after: {days: 5, deliverable: D-01, milestone: M-01}\n    status: open\n"
    )
    (root / CONTRACT).write_text(both)
    findings = check_project(root, date.fromisoformat(TODAY)).findings
    (schema,) = [f for f in findings if f.rule == "schema"]
    assert schema.line == 9
    assert "give `deliverable:` or `milestone:`, not both" in schema.message


def test_a_silent_slip_of_an_obligation_is_found_in_git(repo: Repo) -> None:
    repo.commit("contract", contract("2026-11-20"), day="2026-09-28")
    sha = repo.commit("later", contract("2026-12-04"), day="2026-11-18", author="Bob Steiner")
    findings = check_project(repo.root, date(2026, 11, 19)).findings
    assert rules(findings, "commitment-silent-slip") == [(CONTRACT, 9)]
    (slip,) = [f for f in findings if f.rule == "commitment-silent-slip"]
    assert slip.message.startswith(
        f"O-001's due date moved from 2026-11-20 to 2026-12-04 (14 days later) in commit {sha}"
    )
    agreed = (
        "    renegotiated:\n      - {on: 2026-11-18, from: 2026-11-20, to: 2026-12-04, "
        "agreed_by: bob}\n"
    )
    repo.commit("agreed", contract("2026-12-04", agreed), day="2026-11-19")
    findings = check_project(repo.root, date(2026, 11, 19)).findings
    assert rules(findings, "commitment-silent-slip") == []
