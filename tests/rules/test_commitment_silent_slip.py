"""commitment-silent-slip on real repositories built commit by commit."""

from __future__ import annotations

import textwrap
from datetime import date

from riskdocs.finding import Finding
from tests.conftest import check_project, run
from tests.gitrepo import Repo

COMMITMENT = textwrap.dedent("""
    id: C-001
    title: Send the revised timeline
    owner: alice
    to: dana
    made: 2026-11-01
    due: {due}
    status: open
""")
AGREED = """\
renegotiated:
  - on: 2026-11-10
    from: 2026-11-20
    to: 2026-11-27
    agreed_by: dana
"""
PATH = "commitments/C-001.yaml"
TODAY = date(2026, 11, 12)


def slips(repo: Repo) -> list[Finding]:
    return [
        f for f in check_project(repo.root, TODAY).findings if f.rule == "commitment-silent-slip"
    ]


def test_a_due_date_moved_later_without_renegotiation_names_the_commit(repo: Repo) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")}, day="2026-11-01")
    sha = repo.commit("move", {PATH: COMMITMENT.format(due="2026-11-27")}, day="2026-11-10",
                      author="Bob Stéiner")  # fmt: skip
    (finding,) = slips(repo)
    assert (finding.path, finding.line) == (PATH, 6)
    assert finding.message.startswith(
        f"C-001's due date moved from 2026-11-20 to 2026-11-27 (7 days later) in commit {sha} "
        "(2026-11-10, Bob Stéiner) with no `renegotiated:` entry"
    )


def test_a_recorded_renegotiation_is_not_a_slip(repo: Repo) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")})
    repo.commit(
        "agreed move", {PATH: COMMITMENT.format(due="2026-11-27") + AGREED}, day="2026-11-10"
    )
    assert slips(repo) == []
    (commitment,) = check_project(repo.root, TODAY).project.commitments  # the file is valid
    assert len(commitment.renegotiated) == 1


def test_moving_a_date_earlier_is_not_a_slip(repo: Repo) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")})
    repo.commit("sooner", {PATH: COMMITMENT.format(due="2026-11-18")}, day="2026-11-05")
    assert slips(repo) == []


def test_uncommitted_moves_are_caught_before_the_commit(repo: Repo) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")})
    repo.write({PATH: COMMITMENT.format(due="2026-11-30")})
    (finding,) = slips(repo)
    assert "in your uncommitted changes" in finding.message
    hooked = run("validate", "--root", str(repo.root), "--today", "2026-11-12", "--hook")
    assert hooked.exit_code == 1 and "[commitment-silent-slip]" in hooked.output


def test_a_renamed_file_keeps_its_history(repo: Repo) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")})
    repo.commit("move", {PATH: COMMITMENT.format(due="2026-11-25")}, day="2026-11-03")
    repo.git("mv", PATH, "commitments/C-001-timeline.yaml")
    repo.git("commit", "-q", "-m", "rename", day="2026-11-04")
    (finding,) = slips(repo)
    assert finding.path == "commitments/C-001-timeline.yaml"


def test_a_slip_made_on_a_branch_is_found_after_the_merge(repo: Repo) -> None:
    repo.commit("promise", {PATH: COMMITMENT.format(due="2026-11-20")})
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit("move on a branch", {PATH: COMMITMENT.format(due="2026-11-24")}, day="2026-11-03")
    repo.git("checkout", "-q", "main")
    repo.commit("other work", {"risks/R-001.yaml": "id: R-001\ntitle: t\nraised: 2026-11-01\n"
                               "probability: 1\nimpact: 1\nstatus: open\nreview_by: 2026-12-01\n"},
                day="2026-11-04")  # fmt: skip
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "feature", day="2026-11-05")
    (finding,) = slips(repo)
    assert "from 2026-11-20 to 2026-11-24" in finding.message


def test_an_action_item_moved_later_is_a_slip_at_its_line(repo: Repo) -> None:
    note = """
        ---
        date: 2026-11-02
        title: Weekly
        kind: status
        attendees: [alice, dana]
        ---

        - [ ] @bob send the plan due:{due}
    """
    path = "meetings/2026-11-02-weekly.md"
    repo.commit("notes", {path: note.format(due="2026-11-06")}, day="2026-11-02")
    repo.commit("later", {path: note.format(due="2026-11-13")}, day="2026-11-05")
    (finding,) = slips(repo)
    assert (finding.path, finding.line) == (path, 8)
    assert "action item 'send the plan' moved from due:2026-11-06 to due:2026-11-13" in (
        finding.message
    )


NOTE = """
    ---
    date: 2026-11-02
    title: Weekly
    kind: status
    attendees: [alice, dana]
    ---

    - [ ] @bob send the plan {schedule}
"""
NOTE_PATH = "meetings/2026-11-02-weekly.md"


def test_an_action_item_rescheduled_on_the_item_is_one_item_and_no_slip(repo: Repo) -> None:
    repo.commit("notes", {NOTE_PATH: NOTE.format(schedule="due:2026-11-06")}, day="2026-11-02")
    repo.commit("agreed", {NOTE_PATH: NOTE.format(
        schedule="due: 2026-11-13 was: 2026-11-06 agreed: dana")}, day="2026-11-05")  # fmt: skip
    repo.commit("agreed again", {NOTE_PATH: NOTE.format(
        schedule="Due:2026-11-20 Was:2026-11-13 Agreed:@Dana")}, day="2026-11-12")  # fmt: skip
    assert slips(repo) == []
    result = check_project(repo.root, date(2026, 11, 25))
    (item,) = result.project.meetings[0].action_items
    assert (item.text, item.due, item.moved_from, item.agreed_by) == (
        "send the plan",
        date(2026, 11, 20),
        date(2026, 11, 13),
        "dana",
    )
    overdue = [f for f in result.findings if f.rule == "action-item-overdue"]
    assert len(overdue) == 1 and "was due 2026-11-20" in overdue[0].message, "one item, once"


def test_a_move_recorded_on_the_item_later_does_not_excuse_the_silent_one(repo: Repo) -> None:
    repo.commit("notes", {NOTE_PATH: NOTE.format(schedule="due:2026-11-06")}, day="2026-11-02")
    repo.commit("silent", {NOTE_PATH: NOTE.format(schedule="due:2026-11-13")}, day="2026-11-05")
    repo.commit("agreed", {NOTE_PATH: NOTE.format(
        schedule="due:2026-11-20 was:2026-11-13 agreed:dana")}, day="2026-11-10")  # fmt: skip
    (finding,) = slips(repo)
    assert "moved from due:2026-11-06 to due:2026-11-13" in finding.message
    assert "write it on the item (due:2026-11-13 was:2026-11-06 agreed:PERSON)" in finding.message
