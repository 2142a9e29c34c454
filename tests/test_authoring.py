"""The authoring commands: each records one thing the way the rules ask for it, keeps the
rest of the file byte for byte, and never leaves a file broken or dishonest."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, REPO, run
from tests.gitrepo import Repo

DAY = "2026-11-26"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    root = tmp_path / "northwind-portal"
    shutil.copytree(EXAMPLE, root)
    return root


def changed(before: str, after: str) -> list[str]:
    """The lines removed (-) and added (+), nothing else."""
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines())
            if line[:1] in "+-"]  # fmt: skip


def record(root: Path, *args: str) -> str:
    result = run(*args, "--root", str(root), "--today", DAY)
    assert result.exit_code == 0, result.output
    return result.output


def test_an_agreed_move_writes_the_record_the_rules_ask_for(example: Path) -> None:
    path = example / "commitments" / "C-004.yaml"
    before = path.read_text()
    output = record(example, "move", "c-004", "--to", "2026-12-04", "--agreed-by", "erik",
                    "--reason", "Waiting for the cleaned addresses: batch 2")  # fmt: skip
    assert output.splitlines() == [
        "riskdocs: recorded in commitments/C-004.yaml:",
        "  renegotiated: added {on: 2026-11-26, from: 2026-11-27, to: 2026-12-04, agreed_by: "
        "erik, reason: Waiting for the cleaned addresses: batch 2}",
        "  due: 2026-11-27 -> 2026-12-04",
    ]
    assert changed(before, path.read_text()) == [
        "- due: 2026-11-27", "+ due: 2026-12-04", "+ renegotiated:", "+   - on: 2026-11-26",
        "+     from: 2026-11-27", "+     to: 2026-12-04", "+     agreed_by: erik",
        '+     reason: "Waiting for the cleaned addresses: batch 2"',
    ]  # fmt: skip
    check = run("validate", "--root", str(example), "--today", DAY)
    assert "C-004" not in check.output and check.exit_code == 0


def test_a_second_move_goes_after_the_first_in_the_same_list(example: Path) -> None:
    path = example / "commitments" / "C-003.yaml"
    before = path.read_text()
    record(example, "move", "C-003", "--to", "2026-11-26", "--agreed-by", "dana",
           "--on", "2026-11-20")  # fmt: skip
    lines = changed(before, path.read_text())
    assert lines[:2] == ["- due: 2026-11-19", "+ due: 2026-11-26"]
    after = path.read_text().splitlines()
    entries = [i for i, line in enumerate(after) if line.startswith("  - on:")]
    assert len(entries) == 2 and after[entries[1]] == "  - on: 2026-11-20"


def test_a_move_agreed_by_the_promisers_own_side_is_refused_and_nothing_changes(
    example: Path,
) -> None:
    files = {p: p.read_bytes() for p in example.rglob("*") if p.is_file()}
    result = run("move", "C-005", "--to", "2026-12-11", "--agreed-by", "farah", "--root",
                 str(example), "--today", DAY)  # fmt: skip
    assert result.exit_code == 2
    assert "not recorded: it would leave commitments/C-005.yaml:" in result.output
    assert "promise-moved-by-promiser" in result.output and "no file was changed" in result.output
    assert files == {p: p.read_bytes() for p in example.rglob("*") if p.is_file()}


def test_a_delivery_sets_done_and_ticks_the_action_item_that_stands_for_it(
    example: Path,
) -> None:
    note = example / "meetings" / "2026-11-19-weekly.md"
    before_note = note.read_text()
    output = record(example, "done", "C-004")
    assert "  meetings/2026-11-19-weekly.md:14: action item ticked" in output
    assert [line for line in changed(before_note, note.read_text())] == [
        "- - [ ] @alice send the revised timeline including the data clean-up C-004",
        "+ - [x] @alice send the revised timeline including the data clean-up C-004",
    ]
    text = (example / "commitments" / "C-004.yaml").read_text()
    assert "status: done\ndone: 2026-11-26\n" in text
    again = record(example, "done", "C-004")
    assert again == "riskdocs: commitments/C-004.yaml already says so; nothing to record\n"


def test_a_review_keeps_comments_alignment_and_everything_else(tmp_path: Path) -> None:
    root = tmp_path / "p"
    assert run("init", str(root), "--today", "2026-01-28").exit_code == 0
    path = next((root / "risks").glob("R-001*.yaml"))
    before = path.read_text()
    assert "probability: 3        # 1 rare .. 5 almost certain" in before
    result = run("review", "R-001", "--by", "pm", "--probability", "4", "--note",
                 "Trade fair moved: content later", "--next", "2026-02-20", "--root",
                 str(root), "--today", "2026-01-28")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert changed(before, path.read_text()) == [
        "- probability: 3        # 1 rare .. 5 almost certain",
        "+ probability: 4        # 1 rare .. 5 almost certain",
        "- review_by: 2026-02-11", "+ review_by: 2026-02-20",
        "+ reviews:", "+   - on: 2026-01-28", "+     by: pm", "+     probability: 4",
        "+     impact: 4", '+     note: "Trade fair moved: content later"',
    ]  # fmt: skip


def test_line_endings_and_a_missing_final_newline_are_kept(example: Path) -> None:
    path = example / "scope" / "changes" / "CR-002.yaml"
    crlf = path.read_text().replace("\n", "\r\n").rstrip("\r\n")
    path.write_bytes(crlf.encode())
    record(example, "decide", "CR-002", "approved", "--by", "erik", "--on", "2026-11-25")
    written = path.read_bytes().decode()
    assert "\r\n" in written and "\n" not in written.replace("\r\n", "")
    assert written.startswith(crlf.split("status:")[0])
    assert written.endswith("status: approved\r\ndecided: 2026-11-25\r\ndecided_by: erik\r\n")


def test_a_file_that_does_not_pass_its_checks_is_not_touched(example: Path) -> None:
    path = example / "commitments" / "C-005.yaml"
    broken = path.read_text().replace("status: open", "status: opne")
    path.write_text(broken)
    result = run("done", "C-005", "--root", str(example), "--today", DAY)
    assert result.exit_code == 2
    assert "commitments/C-005.yaml does not pass its checks" in result.output
    assert "fix it first" in result.output and path.read_text() == broken


def test_a_flow_list_is_refused_with_what_to_do(example: Path) -> None:
    path = example / "commitments" / "C-001.yaml"
    flow = "renegotiated: [{on: 2026-10-06, from: 2026-10-08, to: 2026-10-09, agreed_by: dana}]"
    path.write_text(path.read_text() + flow + "\n")
    result = run("move", "C-001", "--to", "2026-12-01", "--agreed-by", "dana", "--root",
                 str(example), "--today", DAY)  # fmt: skip
    assert result.exit_code == 2 and "write it as a block list" in result.output


def test_commands_name_the_kinds_they_record(example: Path) -> None:
    wrong = run("review", "C-004", "--by", "bob", "--root", str(example), "--today", DAY)
    assert (
        wrong.exit_code == 2
        and "C-004 is a commitment; this command records a risk" in wrong.output
    )
    unknown = run("done", "C-404", "--root", str(example), "--today", DAY)
    assert (
        unknown.exit_code == 2
        and "no commitment, milestone or deliverable 'C-404'" in unknown.output
    )


def test_new_takes_the_next_id_the_projects_schema_line_and_validates(example: Path) -> None:
    output = record(example, "new", "commitment", "--title", "Share the migration report",
                    "--owner", "chen", "--to", "dana", "--due", "2026-12-09")  # fmt: skip
    assert output == ("riskdocs: created commitments/C-007.yaml (C-007); fill in the rest in "
                      "your editor\n")  # fmt: skip
    assert (example / "commitments" / "C-007.yaml").read_text() == (
        "# yaml-language-server: $schema=../../../schemas/commitment.schema.json\n"
        "id: C-007\ntitle: Share the migration report\nowner: chen\nto: dana\n"
        "made: 2026-11-26\ndue: 2026-12-09\nstatus: open\n"
    )
    record(example, "new", "milestone", "--title", "Go live", "--baseline", "2027-03-01")
    assert (example / "milestones" / "M-04.yaml").is_file()  # two digits, as M-01..M-03
    risk = record(example, "new", "risk", "--title", "Carrier API: changes format!")
    assert "risks/R-005-carrier-api-changes-format.yaml" in risk
    assert run("validate", "--root", str(example), "--today", DAY).exit_code == 0


def test_new_refuses_what_would_not_pass_and_leaves_nothing(example: Path) -> None:
    missing = run("new", "commitment", "--title", "x", "--root", str(example), "--today", DAY)
    assert missing.exit_code == 2 and "needs --owner, --to, --due" in missing.output
    unknown = run("new", "commitment", "--title", "x", "--owner", "nobody", "--to", "dana",
                  "--due", "2026-12-09", "--root", str(example), "--today", DAY)  # fmt: skip
    assert unknown.exit_code == 2 and "unknown-reference" in unknown.output
    assert not (example / "commitments" / "C-007.yaml").exists()


def test_a_fresh_project_uses_its_local_schemas(tmp_path: Path) -> None:
    root = tmp_path / "p"
    assert run("init", str(root), "--today", "2026-01-28").exit_code == 0
    result = run("new", "change-request", "--title", "Add a blog", "--raised-by", "client-po",
                 "--root", str(root), "--today", "2026-01-28")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (root / "scope" / "changes" / "CR-003.yaml").read_text()
    assert text.startswith(
        "# yaml-language-server: $schema=../../.riskdocs/schemas/change-request.schema.json\n"
    )
    assert REPO.exists()


def test_bad_news_is_recorded_and_shown_never_refused(example: Path) -> None:
    """The hook's policy: an agreed move to a day already past makes the promise overdue;
    that is the truth, so it is written, and said."""
    output = record(example, "move", "C-005", "--to", "2026-11-20", "--agreed-by", "bob")
    assert "  due: 2026-12-04 -> 2026-11-20" in output
    assert "  now reported: commitments/C-005.yaml:8: commitment-overdue: C-005 was due" in output
    late = record(example, "new", "commitment", "--title", "Late already", "--owner", "chen",
                  "--to", "dana", "--made", "2026-11-10", "--due", "2026-11-25")  # fmt: skip
    assert "created commitments/C-007.yaml" in late


@pytest.mark.parametrize("kind", ["commitment", "milestone"])
def test_two_agreed_moves_before_a_commit_are_both_recorded(tmp_path: Path, kind: str) -> None:
    """Found in use: the second `riskdocs move` of a date not committed since the first was
    refused as a silent slip, since git sees one move (old -> newest) and the record holds
    two (old -> middle -> newest)."""
    repo = Repo(tmp_path / "p")
    files = {
        "commitment": {"commitments/C-001.yaml": """
            id: C-001
            title: Send the plan
            owner: alice
            to: dana
            made: 2026-11-01
            due: 2026-12-10
            status: open
            """},
        "milestone": {"milestones/M-01.yaml": """
            id: M-01
            title: Launch
            baseline: 2026-12-10
            forecast: 2026-12-10
            """},
    }[kind]  # fmt: skip
    repo.commit("start", files)
    entity = "C-001" if kind == "commitment" else "M-01"
    for to in ("2026-12-17", "2026-12-24"):
        record(repo.root, "move", entity, "--to", to, "--agreed-by", "dana")
    check = run("validate", "--root", str(repo.root), "--today", DAY)
    assert check.exit_code == 0, check.output
    repo.git("commit", "-qam", "both moves")
    assert run("validate", "--root", str(repo.root), "--today", DAY).exit_code == 0


def test_new_refuses_an_id_that_a_misnamed_file_already_holds(example: Path) -> None:
    """`new` takes the next id from file names (it reads no file); a file whose name hides
    its id cannot make it write a duplicate: the check after refuses, and says why."""
    highest = sorted((example / "risks").glob("R-*.yaml"))[-1]
    highest.rename(example / "risks" / "vendor-late.yaml")
    before = sorted(p.name for p in (example / "risks").iterdir())
    refused = run("new", "risk", "--title", "Another", "--root", str(example), "--today", DAY)
    assert refused.exit_code == 2
    assert "nothing created" in refused.output and "duplicate-id" in refused.output
    assert sorted(p.name for p in (example / "risks").iterdir()) == before


def test_a_slip_committed_long_ago_does_not_stop_a_new_record(tmp_path: Path) -> None:
    """Found in use: with the check before an edit made lighter, a silent slip in an old
    commit looked new after the edit, and the agreed move was refused."""
    repo = Repo(tmp_path / "p")
    commitment = """
        id: C-001
        title: Send the plan
        owner: alice
        to: dana
        made: 2026-11-01
        due: {due}
        status: open
        """
    repo.commit("start", {"commitments/C-001.yaml": commitment.format(due="2026-12-10")})
    repo.commit("slip", {"commitments/C-001.yaml": commitment.format(due="2026-12-12")},
                day="2026-11-05")  # fmt: skip
    assert "commitment-silent-slip" in run("validate", "--root", str(repo.root)).output
    output = record(repo.root, "move", "C-001", "--to", "2026-12-20", "--agreed-by", "dana")
    assert "due: 2026-12-12 -> 2026-12-20" in output


def test_new_meeting_and_lesson(example: Path) -> None:
    output = record(example, "new", "meeting", "--title", "Weekly status",
                    "--attendees", "alice, dana", "--cadence", "weekly-status")  # fmt: skip
    assert output.startswith("riskdocs: created meetings/2026-11-26-weekly-status.md; write the")
    note = (example / "meetings" / "2026-11-26-weekly-status.md").read_text()
    assert note == (
        "---\ndate: 2026-11-26\ntitle: Weekly status\nkind: status\nattendees:\n"
        "  - alice\n  - dana\ncadence: weekly-status\n---\n\n# Weekly status\n"
    )
    again = run("new", "meeting", "--title", "Weekly status", "--attendees", "alice",
                "--root", str(example), "--today", DAY)  # fmt: skip
    assert again.exit_code == 2 and "give another --title" in again.output
    wrong = run("new", "meeting", "--title", "Retro", "--attendees", "alice,Dana K",
                "--root", str(example), "--today", DAY)  # fmt: skip
    assert wrong.exit_code == 2 and "did you mean 'dana'" in wrong.output
    assert not (example / "meetings" / "2026-11-26-retro.md").exists()
    lessons = sorted(int(p.name[2:5]) for p in (example / "lessons").glob("L-*.md"))
    output = record(example, "new", "lesson", "--title", "Agree sign-off dates early",
                    "--raised-by", "alice", "--category", "planning")  # fmt: skip
    assert f"L-{lessons[-1] + 1:03d}" in output
    check = run("validate", "--root", str(example), "--today", DAY)
    assert check.exit_code == 0, check.output


def test_done_records_a_deliverable_in_the_scope_baseline(example: Path) -> None:
    path = example / "scope" / "baseline.yaml"
    before = path.read_text()
    output = record(example, "done", "d-02")
    assert output.splitlines() == [
        "riskdocs: recorded in scope/baseline.yaml:",
        "  state: in_progress -> submitted",
        "  submitted: {on: 2026-11-26, by: chen}",
    ]
    assert changed(before, path.read_text()) == [
        "-     state: in_progress",
        "+     state: submitted",
        "+     submitted: {on: 2026-11-26, by: chen}",
    ]
    assert run("validate", "--root", str(example), "--today", DAY).exit_code == 0
    again = record(example, "done", "D-02")
    assert again == "riskdocs: scope/baseline.yaml already says so; nothing to record\n"
