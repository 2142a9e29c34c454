from __future__ import annotations

from datetime import date
from pathlib import Path

from riskdocs.report.view import build_view
from tests.conftest import check_project
from tests.rules.conftest import Check

MEETING = """\
---
date: {day}
title: Meeting
kind: {kind}
attendees: [alice, dana]
{cadence}---
"""
SETTINGS = """\
project:
  name: Fixture project
  client: Fixture client
  start: 2026-10-05
  end: 2026-11-15
people:
  alice: {name: Alice Martin, side: team}
  dana: {name: Dana Kowalski, side: client}
communication:
  weekly-status:
    every_days: 7
    kind: status
"""


def meetings(*held: tuple[str, str, str | None]) -> dict[str, str]:
    files = {}
    for day, kind, cadence in held:
        line = f"cadence: {cadence}\n" if cadence else ""
        files[f"meetings/{day}-{kind}.md"] = MEETING.format(day=day, kind=kind, cadence=line)
    return files


def test_a_recent_meeting_of_the_cadence_passes(check: Check) -> None:
    # weekly-status: every 7 days, 2 days grace (tests/fixtures/base-riskdocs.yaml)
    files = meetings(("2026-11-17", "status", "weekly-status"))
    assert check(files).places("meeting-cadence-missed") == []


def test_a_gap_longer_than_interval_plus_grace_is_reported_at_the_cadence(check: Check) -> None:
    result = check(meetings(("2026-11-16", "status", "weekly-status")))
    assert result.places("meeting-cadence-missed") == [("riskdocs.yaml", 15)]  # the cadence's key
    message = result.of("meeting-cadence-missed")[0].message
    assert "no weekly-status meeting since 2026-11-16 (10 days)" in message
    assert "every 7 days (2 days grace)" in message


def test_meetings_of_the_cadence_kind_count_unless_they_name_another_cadence(
    check: Check,
) -> None:
    assert check(meetings(("2026-11-20", "status", None))).places("meeting-cadence-missed") == []
    settings = SETTINGS.replace("  end: 2026-11-15\n", "") + "  other:\n    every_days: 30\n"
    named = check(meetings(("2026-11-20", "status", "other")), base=settings)
    assert [f.message.split(" ")[1] for f in named.of("meeting-cadence-missed")] == [
        "weekly-status"
    ]


def test_a_meeting_in_the_future_does_not_count(check: Check) -> None:
    files = meetings(("2026-11-10", "status", None), ("2026-11-30", "status", None))
    assert len(check(files).of("meeting-cadence-missed")) == 1


def test_without_meetings_counting_starts_at_the_project_start(check: Check) -> None:
    assert check({}).places("meeting-cadence-missed") == []  # base config: no start date
    result = check({}, base=SETTINGS, today="2026-10-20")
    assert result.places("meeting-cadence-missed") == [("riskdocs.yaml", 10)]
    assert "no weekly-status meeting yet, and the project started 2026-10-05 (15 days ago)" in (
        result.of("meeting-cadence-missed")[0].message
    )
    assert check({}, base=SETTINGS, today="2026-10-12").places("meeting-cadence-missed") == []


def test_nothing_is_missed_after_the_project_end(check: Check) -> None:
    files = meetings(("2026-11-10", "status", None))
    assert check(files, base=SETTINGS, today="2027-03-01").places("meeting-cadence-missed") == []
    ended_late = check(meetings(("2026-11-01", "status", None)), base=SETTINGS, today="2027-03-01")
    assert "since 2026-11-01 (14 days)" in ended_late.of("meeting-cadence-missed")[0].message


ERIK = "  erik: {name: Erik Lund, side: client}\n"
REQUIRED = (
    SETTINGS.replace("  end: 2026-11-15\n", "")
    .replace("communication:\n", ERIK + "communication:\n")
    .replace("    kind: status\n", "    kind: status\n    required: [erik]\n")
)


def with_erik(files: dict[str, str], day: str) -> dict[str, str]:
    """`files` with erik among the attendees of the meeting held on `day`."""
    return {path: text.replace("[alice, dana]", "[alice, dana, erik]") if day in path else text
            for path, text in files.items()}  # fmt: skip


def test_a_meeting_held_without_a_required_person_does_not_keep_the_cadence(
    check: Check,
) -> None:
    # the meeting of 2026-11-24 had alice and dana, not erik, whom the cadence requires
    files = meetings(("2026-11-24", "status", "weekly-status"))
    (finding,) = check(files, base=REQUIRED).of("meeting-cadence-missed")
    assert "no weekly-status meeting yet" in finding.message
    assert "held without a required person, so not counted: 2026-11-24 without Erik Lund" in (
        finding.message
    )
    assert (
        check(with_erik(files, "2026-11-24"), base=REQUIRED).places("meeting-cadence-missed") == []
    )


def test_the_page_shows_the_last_meeting_that_kept_the_cadence(tmp_path: Path) -> None:
    root = tmp_path / "page"
    (root / "meetings").mkdir(parents=True)
    (root / "riskdocs.yaml").write_text(REQUIRED)
    held = meetings(("2026-11-24", "status", "weekly-status"), ("2026-11-10", "status", None))
    for rel, text in with_erik(held, "2026-11-10").items():
        (root / rel).write_text(text)
    result = check_project(root, date(2026, 11, 26))
    (cadence,) = build_view(result.project, result.findings, date(2026, 11, 26))["communication"]
    assert cadence["last"] == "2026-11-10"
    assert cadence["required"] == ["erik"]
