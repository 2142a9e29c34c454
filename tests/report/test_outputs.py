"""The four artefacts of `riskdocs report`, pinned by snapshots, and the rules of the page:
deterministic bytes, the client audience, escaping, and a safe, atomic output folder.

Run `pytest --update-expected` to refresh tests/snapshots/ after a deliberate change,
then read the diff.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from riskdocs.report.publish import MARKER
from tests.conftest import BASE_CONFIG, FIXTURES, REPO, TODAY, run
from tests.gitrepo import Repo
from tests.report.conftest import Report

SNAPSHOTS = REPO / "tests" / "snapshots" / "northwind-portal"
ARTEFACTS = ("index.html", "status.json", "calendar.ics", "summary.md")


@pytest.mark.parametrize("name", ARTEFACTS)
def test_artefacts_match_their_snapshots(
    example: Path, report: Report, name: str, update_expected: bool
) -> None:
    out = report(example)
    snapshot = SNAPSHOTS / name
    if update_expected:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_bytes((out / name).read_bytes())
    assert (out / name).read_bytes() == snapshot.read_bytes()


def test_same_input_and_today_give_the_same_bytes(example: Path, report: Report) -> None:
    first, second = report(example), report(example)
    for name in ARTEFACTS:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_no_internal_title_or_note_reaches_any_client_output(example: Path, report: Report) -> None:
    internal = "Key users on holiday during acceptance testing"
    note = "within two weeks"
    assert internal in (example / "risks" / "R-004-key-user-holidays.yaml").read_text()
    team = report(example, "--audience", "team")
    assert internal in (team / "index.html").read_text()
    client = report(example)
    for name in ARTEFACTS:
        text = (client / name).read_text()
        assert internal not in text and "R-004" not in text, name
        assert note not in text, name


# case -> (what is reported, audience)
STATUS_CASES = {
    "example, client": ("example", "client"), "example, team": ("example", "team"),
    "git trends": ("history", "team"), "every kind": ("valid/every-kind", "client"),
    "minimal": ("valid/minimal", "client"),
    "sharded": ("valid/sharded-and-yaml-edges", "team"),
    "every rule, with errors": ("invalid/every-rule", "team"),
}  # fmt: skip


@pytest.mark.parametrize("case", STATUS_CASES)
def test_status_json_follows_the_schema_published_beside_it(
    case: str, example: Path, repo: Repo, report: Report, tmp_path: Path
) -> None:
    """Other tools read status.json: its schema ships in the same folder, and every field
    of every shape (client and team, with git trends, a project with errors) is in it, so
    a field added to the view without the schema fails here."""
    from jsonschema import Draft7Validator

    source, audience = STATUS_CASES[case]
    if source == "example":
        root = example
    elif source == "history":
        from tests.report.test_trends import build

        build(repo)
        root = repo.root
    else:
        root = tmp_path / "fixture"
        shutil.copytree(FIXTURES / source, root, ignore=shutil.ignore_patterns("expected.txt"))
        if not (root / "riskdocs.yaml").exists():
            shutil.copy(BASE_CONFIG, root / "riskdocs.yaml")
    out = report(root, "--audience", audience)
    view = json.loads((out / "status.json").read_text())
    schema = json.loads((out / view["$schema"]).read_text())
    Draft7Validator.check_schema(schema)
    Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER).validate(view)
    assert schema == json.loads(run("schema", "status").output)
    assert view["version"] == schema["properties"]["version"]["const"] == 4
    assert view["generated"]["today"] == TODAY


def test_the_status_schema_names_every_field_it_allows() -> None:
    """Every object in the schema is closed and requires what it lists (but the team-only
    review note and team pulse), so the schema says exactly what a reader gets."""
    schema = json.loads((REPO / "schemas" / "outputs" / "status.schema.json").read_text())

    def objects(node: object) -> list[dict[str, object]]:
        found = []
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                found.append(node)
            for value in node.values():
                found += objects(value)
        elif isinstance(node, list):
            for value in node:
                found += objects(value)
        return found

    for node in objects(schema):
        assert node["additionalProperties"] is False
        missing = set(node["properties"]) - set(node["required"])  # type: ignore[arg-type]
        assert missing <= {"note", "pulse"}, missing


def test_calendar_is_rfc5545_with_stable_unique_uids(example: Path, report: Report) -> None:
    raw = (report(example) / "calendar.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in raw.replace(b"\r\n", b"")
    uids = [line for line in lines if line.startswith(b"UID:")]
    assert len(uids) == len(set(uids)) == raw.count(b"BEGIN:VEVENT") >= 5
    assert b"UID:C-004.commitment.customer-portal-relaunch@riskdocs" in uids


def test_markdown_summary_has_health_overdue_next_and_changes(
    example: Path, report: Report
) -> None:
    text = (report(example, today="2026-12-01") / "summary.md").read_text()
    assert text.startswith("# Customer portal relaunch: status on 2026-12-01\n")
    assert "**Overall health: 🔴 RED**" in text
    assert "## Overdue\n\n- C-004 Send the revised timeline" in text
    assert "## Due in the next 14 days" in text


HOSTILE_MEETING = """---
date: 2026-11-19
title: "<script>alert('title')</script>"
kind: status
attendees: [alice]
---

<script>alert('body')</script>
<img src=x onerror="alert('img')">
[click](javascript:alert('link')) [data](data:text/html,hi) [ok](https://example.com)
![tracker](https://tracker.example/pixel.png)

- [ ] @alice <b onmouseover="alert('item')">bold</b> `<i>x</i>` due:2026-11-01
"""


def test_user_written_text_cannot_run_script_or_load_anything(
    project: object, report: Report
) -> None:
    root = project({"meetings/2026-11-19-weekly.md": HOSTILE_MEETING})  # type: ignore[operator]
    out = report(root)
    page = (out / "index.html").read_text()
    assert len(re.findall(r"<script\b", page)) == 1  # riskdocs' own, at the end
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert [
        h
        for h in hrefs
        if not re.match(r"(#|https://|status\.(schema\.)?json|calendar|summary)", h)
    ] == []
    assert "image: tracker" in page  # an image is a link, never loaded
    assert "<code>&lt;i&gt;x&lt;/i&gt;</code>" in page  # in the overdue item's finding
    assert not re.search(r"<(img|iframe|object|embed|b)\b", page)
    assert not re.search(r"<[^>]+\s(src|on\w+)=", page)
    assert '<a href="https://example.com">ok</a>' in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    summary = (out / "summary.md").read_text()
    assert "\\<b onmouseover" in summary and not re.search(r"(?<!\\)<b", summary)


def test_the_output_folder_is_replaced_whole_and_nothing_else_is_written(
    example: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    before = set(tmp_path.iterdir())
    assert run("report", "--root", str(example), "-o", str(out), "--today", TODAY).exit_code == 0
    (out / "stale.html").write_text("from an older run")
    assert run("report", "--root", str(example), "-o", str(out), "--today", TODAY).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*ARTEFACTS, "status.schema.json", MARKER]
    )
    assert set(tmp_path.iterdir()) == before | {out}
    assert oct(out.stat().st_mode & 0o777) == "0o755"


@pytest.mark.parametrize("target", ["someone-elses", "project", "file", "entity-folder"])
def test_a_folder_riskdocs_did_not_write_is_never_replaced(
    example: Path, tmp_path: Path, target: str
) -> None:
    other = tmp_path / "someone-elses"
    other.mkdir()
    (other / "index.html").write_text("keep me")
    (tmp_path / "file").write_text("keep me")
    out = {"someone-elses": other, "project": example, "file": tmp_path / "file",
           "entity-folder": example / "risks" / "site"}[target]  # fmt: skip
    result = run("report", "--root", str(example), "-o", str(out), "--today", TODAY)
    assert result.exit_code == 2
    assert "-o" in result.output
    assert (other / "index.html").read_text() == "keep me"
    assert (tmp_path / "file").read_text() == "keep me"


def test_the_header_names_the_commit_the_report_was_built_from(
    example: Path, report: Report
) -> None:
    import subprocess

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(example), *args], check=True,
                              capture_output=True, text=True)  # fmt: skip
        return done.stdout.strip()

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "week 7")
    head = git("rev-parse", "--short=12", "HEAD")
    out = report(example)
    assert json.loads((out / "status.json").read_text())["generated"]["commit"] == head
    assert f"commit <code>{head}</code>" in (out / "index.html").read_text()


def test_the_calendar_has_each_promise_once_and_every_open_deliverable(
    example: Path, report: Report
) -> None:
    import icalendar

    calendar = icalendar.Calendar.from_ical((report(example) / "calendar.ics").read_bytes())
    events = {str(e["UID"]).split(".customer-portal")[0]: e for e in calendar.walk("VEVENT")}
    assert str(events["D-01.deliverable"]["SUMMARY"]) == (
        "Deliverable due: D-01 Shipment tracking with live status"
    )
    assert events["D-01.deliverable"].decoded("DTSTART").isoformat() == "2026-12-11"
    assert "D-05.deliverable" not in events  # handed over on 2026-11-20: nothing is due
    summaries = [str(e["SUMMARY"]) for e in events.values()]
    # C-004 is also the action item of the 2026-11-19 weekly: one event, as the commitment
    assert [s for s in summaries if "revised timeline" in s] == [
        "Due: C-004 Send the revised timeline including the data clean-up"
    ]


def test_the_page_and_summary_say_whether_the_checks_pass(project: object, report: Report) -> None:
    broken = "id: C-001\ntitle: t\nonwer: alice\nto: dana\nmade: 2026-11-01\ndue: 2026-12-01\n"
    root = project({"commitments/C-001.yaml": broken + "status: open\n"})  # type: ignore[operator]
    out = report(root)
    assert "the project's checks fail: 2 problems for the team to fix" in " ".join(
        (out / "index.html").read_text().split()
    )
    summary = (out / "summary.md").read_text()
    assert "; the project's checks fail: 2 problems for the team to fix." in summary
    status = json.loads((out / "status.json").read_text())
    assert status["generated"]["checks"] == {"passed": False, "errors": 2, "warnings": 0}
    assert status["health"]["overall"] == "amber"


CALENDAR_MEETING = """---
date: 2026-11-19
title: Weekly status
kind: status
attendees: [alice]
---

{items}
"""


def test_calendar_events_keep_their_uid_when_items_move(project: object, report: Report) -> None:
    """Found in use: UIDs were positions, so an item added at the top re-pointed the events
    of every item below it for every subscriber."""
    import icalendar

    def uids(*items: str) -> dict[str, str]:
        note = CALENDAR_MEETING.format(items="\n".join(items))
        root = project({"meetings/2026-11-19-weekly.md": note})  # type: ignore[operator]
        calendar = icalendar.Calendar.from_ical((report(root) / "calendar.ics").read_bytes())
        return {str(e["SUMMARY"]): str(e["UID"]) for e in calendar.walk("VEVENT")}

    before = uids(
        "- [ ] @alice send the plan due:2026-12-01", "- [ ] @alice book a room due:2026-12-02"
    )
    after = uids(
        "- [ ] @alice call the carrier due:2026-12-03",
        "- [ ] @alice book a room due:2026-12-09 was:2026-12-02 agreed:dana",
        "- [ ] @alice send the plan due:2026-12-01",
    )
    for summary in ("Action: send the plan", "Action: book a room"):
        assert after[summary] == before[summary], summary
    assert len(set(after.values())) == 3


PLANNED = """---
date: {day}
time: "{time}"
title: {title}
kind: steering
attendees: [alice, dana]
{zone}---

# Agenda
"""


def test_a_meeting_with_a_time_is_an_event_at_that_time_in_its_time_zone(
    project: object, report: Report
) -> None:
    """Shanghai keeps one offset; Berlin changes on 2027-03-28, and the two meetings
    either side of that day keep their 10:00 wall time."""
    import icalendar

    notes = {
        "meetings/2026-12-03-steering.md": PLANNED.format(
            day="2026-12-03", time="10:00", title="指导委员会", zone="timezone: Asia/Shanghai\n"),
        "meetings/2027-03-25-review.md": PLANNED.format(
            day="2027-03-25", time="10:00", title="Review", zone="timezone: Europe/Berlin\n"),
        "meetings/2027-04-01-review.md": PLANNED.format(
            day="2027-04-01", time="10:00", title="Review 2", zone="minutes: 30\ntimezone: "
            "Europe/Berlin\n"),
        "meetings/2026-11-05-past.md": PLANNED.format(
            day="2026-11-05", time="09:00", title="Past", zone=""),
    }  # fmt: skip
    root = project(notes)  # type: ignore[operator]
    text = (report(root) / "calendar.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(text)
    zones = {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}
    assert zones == {"Asia/Shanghai", "Europe/Berlin"}
    meetings = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT") if ".meeting." in e["UID"]}
    assert set(meetings) == {"Meeting: 指导委员会", "Meeting: Review", "Meeting: Review 2"}
    shanghai = meetings["Meeting: 指导委员会"].decoded("DTSTART")
    assert shanghai.isoformat() == "2026-12-03T10:00:00+08:00"
    before, after = (
        meetings[s].decoded("DTSTART") for s in ("Meeting: Review", "Meeting: Review 2")
    )
    assert (before.isoformat(), after.isoformat()) == (
        "2027-03-25T10:00:00+01:00", "2027-04-01T10:00:00+02:00")  # fmt: skip
    length = meetings["Meeting: Review 2"].decoded("DTEND") - after
    assert length.total_seconds() == 30 * 60
    assert (
        str(meetings["Meeting: Review"]["DESCRIPTION"]) == "Attendees: Alice Martin, Dana Kowalski."
    )
    assert b"DTSTART;TZID=Europe/Berlin:20270401T100000\r\n" in text


def test_a_meeting_time_zone_riskdocs_does_not_know_is_an_error(project: object) -> None:
    note = PLANNED.format(
        day="2026-12-03", time="10:00", title="T", zone="timezone: Asia/Shangai\n"
    )
    root = project({"meetings/2026-12-03-steering.md": note})  # type: ignore[operator]
    done = run("validate", "--root", str(root), "--today", TODAY)
    assert done.exit_code == 1
    assert ("timezone: 'Asia/Shangai' is not an IANA time zone name (did you mean "
            "'Asia/Shanghai'?)") in done.output  # fmt: skip


def test_a_meeting_says_when_it_starts_for_attendees_in_another_time_zone(
    project: object, report: Report
) -> None:
    import icalendar

    config = BASE_CONFIG.read_text().replace(
        "    name: Dana Kowalski\n", "    name: Dana Kowalski\n    timezone: America/New_York\n"
    )
    note = PLANNED.format(day="2026-12-03", time="10:00", title="Steering",
                          zone="timezone: Asia/Shanghai\n")  # fmt: skip
    root = project({"meetings/2026-12-03-steering.md": note}, config=config)  # type: ignore[operator]
    out = report(root)
    calendar = icalendar.Calendar.from_ical((out / "calendar.ics").read_bytes())
    (event,) = [e for e in calendar.walk("VEVENT") if ".meeting." in e["UID"]]
    assert str(event["DESCRIPTION"]) == (
        "Attendees: Alice Martin, Dana Kowalski (2 Dec 21:00 in America/New_York)."
    )
    status = json.loads((out / "status.json").read_text())
    assert status["people"]["dana"]["timezone"] == "America/New_York"
    wrong = project(config=config.replace("America/New_York", "America/NewYork"))  # type: ignore[operator]
    done = run("validate", "--root", str(wrong), "--today", TODAY)
    assert done.exit_code == 2 and "(did you mean 'America/New_York'?)" in done.output
