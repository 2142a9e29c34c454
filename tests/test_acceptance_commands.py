"""`riskdocs done`, `accept` and `reject` on a deliverable: each writes the record the
acceptance rules read, in its item of the scope baseline, and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, run
from tests.test_authoring import DAY, changed, record


@pytest.fixture
def example(tmp_path: Path) -> Path:
    root = tmp_path / "northwind-portal"
    shutil.copytree(EXAMPLE, root)
    return root


def scope_text(root: Path) -> str:
    return (root / "scope" / "baseline.yaml").read_text()


def test_accept_writes_who_when_and_a_result_per_criterion(example: Path) -> None:
    before = scope_text(example)
    output = record(example, "accept", "D-05", "--by", "dana",
                    "--evidence", "Validation report of 26 Nov: 98.6% passed")  # fmt: skip
    assert output.splitlines() == [
        "riskdocs: recorded in scope/baseline.yaml:",
        "  state: submitted -> accepted",
        "  accepted: {on: 2026-11-26, by: dana, results: [{passed: true, evidence: "
        '"Validation report of 26 Nov: 98.6% passed"}]}',
    ]
    assert changed(before, scope_text(example)) == [
        "-     state: submitted",
        "+     state: accepted",
        "+     accepted: {on: 2026-11-26, by: dana, results: [{passed: true, evidence: "
        '"Validation report of 26 Nov: 98.6% passed"}]}',
    ]
    check = run("validate", "--root", str(example), "--today", DAY)
    assert check.exit_code == 0 and "D-05" not in check.output
    again = record(example, "accept", "D-05", "--by", "dana",
                   "--evidence", "Validation report of 26 Nov: 98.6% passed")  # fmt: skip
    assert "nothing to record" in again


def test_accept_by_the_team_or_with_the_wrong_count_is_refused(example: Path) -> None:
    before = scope_text(example)
    team = run("accept", "D-05", "--by", "chen", "--evidence", "It works",
               "--root", str(example), "--today", DAY)  # fmt: skip
    assert team.exit_code == 2
    assert "deliverable-accepted-by-team" in team.output and "no file was changed" in team.output
    two = run("accept", "D-05", "--by", "dana", "--evidence", "a", "--evidence", "b",
              "--root", str(example), "--today", DAY)  # fmt: skip
    assert two.exit_code == 2
    assert "D-05 has 1 acceptance criteria and 2 --evidence were given" in two.output
    assert scope_text(example) == before


def test_reject_appends_to_the_list_and_done_hands_over_again(example: Path) -> None:
    before = scope_text(example)
    output = record(example, "reject", "D-01", "--by", "dana", "--reason",
                    "Updates took 20 minutes", "--commitment", "C-006")  # fmt: skip
    assert "  rejected: added {on: 2026-11-26, by: dana, reason: Updates took 20 minutes, " \
        "commitment: C-006}" in output  # fmt: skip
    assert changed(before, scope_text(example)) == [
        "-     state: in_progress",
        "+     state: rejected",
        "+     rejected:",
        "+       - on: 2026-11-26",
        "+         by: dana",
        "+         reason: Updates took 20 minutes",
        "+         commitment: C-006",
    ]
    middle = scope_text(example)
    record(example, "done", "D-01", "--on", "2026-11-26")
    record(example, "reject", "D-01", "--by", "erik", "--reason", "Still slow")
    assert changed(middle, scope_text(example)) == [
        "+     submitted: {on: 2026-11-26, by: bob}",
        "+       - on: 2026-11-26",
        "+         by: erik",
        "+         reason: Still slow",
    ]
    checked = run("validate", "--root", str(example), "--today", DAY)
    assert "[deliverable-rejected-unfollowed] D-01" in checked.output  # erik's has no follow-up


def test_a_block_list_of_rejections_gets_one_more_item(example: Path) -> None:
    before = scope_text(example)
    (example / "scope" / "baseline.yaml").write_text(
        before.replace("    state: submitted\n    submitted: {on: 2026-11-20, by: chen}\n",
                       "    state: in_progress\n    submitted: {on: 2026-11-20, by: chen}\n")
    )  # fmt: skip
    middle = scope_text(example)
    record(example, "reject", "D-05", "--by", "dana", "--reason", "Again", "--commitment", "C-006")
    assert changed(middle, scope_text(example)) == [
        "-     state: in_progress",
        "+     state: rejected",
        "+       - on: 2026-11-26",
        "+         by: dana",
        "+         reason: Again",
        "+         commitment: C-006",
    ]


def test_an_accepted_deliverable_is_not_rejected(example: Path) -> None:
    record(example, "accept", "D-05", "--by", "dana", "--evidence", "Report")
    refused = run("reject", "D-05", "--by", "dana", "--reason", "Changed my mind",
                  "--root", str(example), "--today", DAY)  # fmt: skip
    assert refused.exit_code == 2
    assert "D-05 is recorded as accepted on 2026-11-26: a rejection does not take an " \
        "acceptance back" in refused.output  # fmt: skip


def test_done_and_move_record_an_obligation_in_the_contract(example: Path) -> None:
    path = example / "contract" / "contract.yaml"
    before = path.read_text()
    refused = run("move", "O-003", "--to", "2027-04-01", "--agreed-by", "erik",
                  "--root", str(example), "--today", DAY)  # fmt: skip
    assert refused.exit_code == 2
    assert "O-003 falls due some days after an event (`after:`)" in refused.output
    assert path.read_text() == before
    output = record(example, "done", "o-003")
    assert output.splitlines() == [
        "riskdocs: recorded in contract/contract.yaml:",
        "  status: open -> done",
        "  done: 2026-11-26",
    ]
    assert changed(before, path.read_text()) == [
        "-     status: open",
        "+     status: done",
        "+     done: 2026-11-26",
    ]
    edited = path.read_text().replace(
        "    due: 2026-11-13\n    status: done\n    done: 2026-11-12\n",
        "    due: 2026-11-13\n    status: open\n",
    )
    path.write_text(edited)
    record(example, "move", "O-002", "--to", "2026-12-04", "--agreed-by", "bob")
    assert changed(edited, path.read_text()) == [
        "-     due: 2026-11-13",
        "+     due: 2026-12-04",
        "+     renegotiated:",
        "+       - on: 2026-11-26",
        "+         from: 2026-11-13",
        "+         to: 2026-12-04",
        "+         agreed_by: bob",
    ]
    assert run("validate", "--root", str(example), "--today", DAY).exit_code == 0
