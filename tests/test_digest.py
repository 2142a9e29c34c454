"""`riskdocs digest` on real git repositories: a week of changes of every kind, the
difference of two `--as-of` views, the e-mail read back by the standard library's
parser, and a send to a real SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

import email
import json
import socket
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

from riskdocs.report.digest import changes
from tests.conftest import run
from tests.gitrepo import Repo
from tests.smtp import smtp_server

SETTINGS = """\
project:
  name: Fixture project
  client: Fixture client
  start: 2026-10-01
  timezone: Europe/Berlin
people:
  alice: {name: Alice Martin, side: team, email: alice@example.com}
  bob: {name: Bob Steiner, side: team}
  dana: {name: Dana Kowalski, side: client, email: dana@example.com}
  erik: {name: Erik Lund, side: client, email: erik@example.com}
communication:
  weekly-update:
    every_days: 7
    channel: email
    required: [dana, erik]
training:
  portal: {topic: Using the portal, kind: tool, people: [dana, erik], before: M-01}
"""


def commitment(id: str, due: str, status: str = "open", more: str = "") -> str:
    return (f"id: {id}\ntitle: Promise {id}\nowner: {'dana' if id == 'C-005' else 'alice'}\n"
            f"to: {'bob' if id == 'C-005' else 'dana'}\nmade: 2026-11-02\ndue: {due}\n"
            f"status: {status}\n{more}")  # fmt: skip


def risk(id: str, probability: int, status: str = "open") -> str:
    closed = "closed: 2026-11-20\n" if status == "closed" else ""
    return (f"id: {id}\ntitle: Risk {id}\nowner: alice\nraised: 2026-11-02\n"
            f"probability: {probability}\nimpact: 3\nstatus: {status}\n{closed}")  # fmt: skip


def milestone(forecast: str, baseline: str = "2026-12-20", more: str = "") -> str:
    return (f"id: M-01\ntitle: Beta\nbaseline: {baseline}\nforecast: {forecast}\n"
            f"buffer_days: 5\n{more}")  # fmt: skip


def concern(more: str = "") -> str:
    return (
        "id: Q-001\ntitle: Slow answers\nraised: 2026-11-10\nraised_by: dana\nseverity: low\n"
        + more
    )


def change(status: str) -> str:
    decided = "decided: 2026-11-20\ndecided_by: erik\n" if status != "proposed" else ""
    return (f"id: CR-001\ntitle: Add a store locator\nraised: 2026-11-05\nraised_by: dana\n"
            f"status: {status}\n{decided}")  # fmt: skip


def scope(state: str) -> str:
    handed = "    submitted: {on: 2026-11-19, by: bob}\n" if state != "in_progress" else ""
    accepted = ("    accepted:\n      on: 2026-11-21\n      by: dana\n"
                "      results: [{passed: true, evidence: Test report}]\n"
                if state == "accepted" else "")  # fmt: skip
    return ("signed_off: 2026-10-05\nsigned_off_by: erik\ndeliverables:\n"
            "  - id: D-01\n    title: Tracking page\n    acceptance: [Finds any shipment]\n"
            f"    state: {state}\n{handed}{accepted}")  # fmt: skip


SESSION = """\
---
date: 2026-11-18
title: Portal training
kind: training
training: [portal]
attendees: [alice, dana]
---
"""
BEFORE = {
    "riskdocs.yaml": SETTINGS,
    "commitments/C-001.yaml": commitment("C-001", "2026-11-20"),
    "commitments/C-002.yaml": commitment("C-002", "2026-11-27"),
    "commitments/C-003.yaml": commitment("C-003", "2026-11-27"),
    "commitments/C-005.yaml": commitment("C-005", "2026-12-03"),
    "risks/R-001.yaml": risk("R-001", 2),
    "risks/R-002.yaml": risk("R-002", 3),
    "milestones/M-01.yaml": milestone("2026-12-20"),
    "concerns/Q-001.yaml": concern(),
    "scope/baseline.yaml": scope("in_progress"),
    "scope/changes/CR-001.yaml": change("proposed"),
}
AFTER = {
    "commitments/C-001.yaml": commitment("C-001", "2026-11-20", "done", "done: 2026-11-19\n"),
    "commitments/C-002.yaml": commitment("C-002", "2026-12-04", more=(
        "renegotiated:\n  - {on: 2026-11-18, from: 2026-11-27, to: 2026-12-04, agreed_by: dana}\n"
    )),
    "commitments/C-003.yaml": commitment("C-003", "2026-12-01"),
    "commitments/C-004.yaml": commitment("C-004", "2026-12-02"),
    "risks/R-001.yaml": risk("R-001", 4),
    "risks/R-002.yaml": risk("R-002", 3, "closed"),
    "risks/R-003.yaml": risk("R-003", 5),
    "milestones/M-01.yaml": milestone("2026-12-24"),
    "concerns/Q-001.yaml": concern(
        "acknowledged: 2026-11-11\nresolved: 2026-11-20\nresolution: Answers within a day now\n"
    ),
    "concerns/Q-002.yaml": concern().replace("Q-001", "Q-002").replace("2026-11-10", "2026-11-21"),
    "scope/baseline.yaml": scope("accepted"),
    "scope/changes/CR-001.yaml": change("approved"),
    "meetings/2026-11-18-training.md": SESSION,
}  # fmt: skip
EVERY_KIND = [
    ("commitments", "moved-silently", "C-003"), ("commitments", "moved", "C-002"),
    ("commitments", "delivered", "C-001"), ("commitments", "added", "C-004"),
    ("milestones", "moved", "M-01"), ("deliverables", "accepted", "D-01"),
    ("changes", "decided", "CR-001"), ("risks", "added", "R-003"),
    ("risks", "rescored", "R-001"), ("risks", "closed", "R-002"),
    ("concerns", "raised", "Q-002"), ("concerns", "acknowledged", "Q-001"),
    ("concerns", "resolved", "Q-001"), ("training", "held", "portal"),
]  # fmt: skip


@pytest.fixture
def week(repo: Repo) -> Repo:
    repo.commit("the state of last week", BEFORE, day="2026-11-16")
    repo.commit("a week of work", AFTER, day="2026-11-23")
    return repo


def digest(repo: Repo, *args: str) -> str:
    result = run("digest", "--root", str(repo.root), "--since", "2026-11-16",
                 "--today", "2026-11-23", *args)  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.output


def test_a_week_of_changes_of_every_kind_is_listed_each_exactly_once(week: Repo) -> None:
    found = json.loads(digest(week, "--format", "json"))
    assert [(e["section"], e["kind"], e["id"]) for e in found["events"]] == EVERY_KIND
    moved = next(e for e in found["events"] if e["id"] == "C-002")
    assert (moved["from"], moved["to"], moved["agreed_by"]) == ("2026-11-27", "2026-12-04", "dana")
    assert [d["id"] for d in found["due"]] == ["C-003", "C-004", "C-005", "C-002"]
    assert [w["id"] for w in found["waiting"]] == ["C-005"]
    text = digest(week)
    assert (
        "C-003 Promise C-003: due date moved from 27 Nov 2026 to 1 Dec 2026 with no record" in text
    )
    assert (
        "C-002 Promise C-002: due date moved from 27 Nov 2026 to 4 Dec 2026, agreed by Dana" in text
    )
    assert "Training “Using the portal” held on 18 Nov 2026 with Dana Kowalski; still to " \
           "train: Erik Lund" in text  # fmt: skip
    assert "- Commitments: green → red (The date of “Promise C-003” moved" in text


def test_the_digest_is_the_difference_of_the_two_as_of_views(week: Repo, tmp_path: Path) -> None:
    views = []
    for as_of in ("2026-11-16", "2026-11-23"):
        out = tmp_path / as_of
        result = run("report", "--root", str(week.root), "-o", str(out), "--as-of", as_of)
        assert result.exit_code == 0, result.output
        views.append(json.loads((out / "status.json").read_text()))
    assert json.loads(digest(week, "--format", "json")) == changes(views[0], views[1])


def test_the_email_parses_has_both_parts_and_loads_nothing(week: Repo) -> None:
    first, second = (run("digest", "--root", str(week.root), "--since", "2026-11-16",
                         "--today", "2026-11-23", "--format", "eml").stdout_bytes
                     for _ in range(2))  # fmt: skip
    assert first == second  # the same digest is the same message, Message-ID and boundary too
    mail = email.message_from_bytes(first, policy=default)
    assert isinstance(mail, EmailMessage)
    assert mail["To"] == "Dana Kowalski <dana@example.com>, Erik Lund <erik@example.com>"
    assert mail["From"] == "Alice Martin <alice@example.com>"
    assert mail["Subject"] == "Fixture project: update of 23 Nov 2026"
    assert mail["Date"] == "Mon, 23 Nov 2026 09:00:00 +0100"
    assert [p.get_content_type() for p in mail.walk()] == [
        "multipart/alternative",
        "text/plain",
        "text/html",
    ]
    page = mail.get_body(("html",))
    assert page is not None
    html = page.get_content()
    for loaded in ("<script", "src=", "href=", "url(", "@import", "<link"):
        assert loaded not in html.lower(), loaded
    plain = mail.get_body(("plain",))
    assert plain is not None and "CR-001 Add a store locator: approved by Erik Lund" in (
        plain.get_content()
    )


def test_the_digest_in_chinese_and_for_the_client_only(week: Repo) -> None:
    internal = risk("R-009", 2) + "visibility: internal\n"
    week.commit("an internal risk", {"risks/R-009.yaml": internal}, day="2026-11-23")
    client = digest(week)
    assert "R-009" not in client
    assert "R-009" in digest(week, "--audience", "team")
    chinese = digest(week, "--lang", "zh-CN")
    assert "承诺" in chinese and "Promises" not in chinese


def test_send_delivers_to_the_cadences_people_over_smtp(
    week: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server() as server:
        monkeypatch.setenv("RISKDOCS_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("RISKDOCS_SMTP_PORT", str(server.port))
        monkeypatch.setenv("RISKDOCS_SMTP_STARTTLS", "false")
        output = digest(week, "--format", "eml", "--send")
    assert "riskdocs: sent the update to" in output
    (got,) = server.received
    assert got.sender == "alice@example.com"
    assert got.recipients == ["dana@example.com", "erik@example.com"]
    assert b"Subject: Fixture project: update of 23 Nov 2026" in got.content
    assert "sent: true\n" in (week.root / "updates" / "2026-11-23-client.yaml").read_text()


def test_a_failed_send_names_the_server_never_the_password(
    week: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    monkeypatch.setenv("RISKDOCS_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("RISKDOCS_SMTP_PORT", str(closed))
    monkeypatch.setenv("RISKDOCS_SMTP_PASSWORD", "s3cret-pass")
    result = run("digest", "--root", str(week.root), "--since", "2026-11-16", "--today",
                 "2026-11-23", "--format", "eml", "--send")  # fmt: skip
    assert result.exit_code == 2
    assert f"sending to 127.0.0.1:{closed} failed" in result.output
    assert "s3cret-pass" not in result.output


def test_without_send_nothing_leaves_and_without_an_email_cadence_eml_says_what_to_add(
    repo: Repo,
) -> None:
    repo.commit("start", {}, day="2026-11-16")
    result = run("digest", "--root", str(repo.root), "--since", "2026-11-16", "--today",
                 "2026-11-23", "--format", "eml")  # fmt: skip
    assert result.exit_code == 2
    assert "no cadence in `communication:` of riskdocs.yaml has `channel: email`" in result.output
    assert run("digest", "--root", str(repo.root), "--since", "2026-11-16", "--today",
               "2026-11-23").exit_code == 0  # fmt: skip


def test_a_recorded_update_rebuilds_byte_for_byte_and_keeps_its_cadence(
    week: Repo, tmp_path: Path
) -> None:
    sent = tmp_path / "sent.eml"
    result = run("digest", "--root", str(week.root), "--since", "2026-11-16", "--today",
                 "2026-11-23", "--format", "eml", "--record", "-o", str(sent))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "recorded the update in updates/2026-11-23-client.yaml: commit it" in result.output
    record = (week.root / "updates" / "2026-11-23-client.yaml").read_text()
    head = week.git("rev-parse", "HEAD")
    assert f"commit: {head}\n" in record and "to: [dana, erik]\n" in record
    assert "sent: false\n" in record
    week.commit("the update of 23 November", {}, day="2026-11-23")
    # more work after the update changes nothing of what it said
    week.commit("later", {"commitments/C-006.yaml": commitment("C-006", "2026-12-10")},
                day="2026-11-24")  # fmt: skip
    rebuilt = tmp_path / "rebuilt.eml"
    recorded = week.root / "updates" / "2026-11-23-client.yaml"
    check = run("digest", "--root", str(week.root), "--verify", str(recorded), "-o", str(rebuilt))
    assert check.exit_code == 0, check.output
    assert "rebuilds byte for byte" in check.output
    assert rebuilt.read_bytes() == sent.read_bytes()
    # the update kept the e-mail cadence: no missed update on the next days, then one
    after = run("validate", "--root", str(week.root), "--today", "2026-11-26").output
    assert "[meeting-cadence-missed] no weekly-update" not in after
    late = run("validate", "--root", str(week.root), "--today", "2026-12-01").output
    assert "[meeting-cadence-missed] no weekly-update update since 2026-11-23 (8 days); " \
           "the plan says every 7 days (0 days grace): send it with `riskdocs digest " \
           "--format eml --send`" in late  # fmt: skip
    # the next digest starts where the recorded one ended
    since_last = json.loads(digest_default(week))
    assert since_last["since"]["day"] == "2026-11-23"
    assert [e["id"] for e in since_last["events"]] == ["C-006"]
    # an edited record no longer rebuilds
    path = week.root / "updates" / "2026-11-23-client.yaml"
    path.write_text(path.read_text().replace("audience: client", "audience: team"))
    edited = run("digest", "--root", str(week.root), "--verify", str(path))
    assert edited.exit_code == 1 and "does not rebuild to what was recorded" in edited.output


def digest_default(repo: Repo) -> str:
    result = run("digest", "--root", str(repo.root), "--today", "2026-11-26", "--format", "json")
    assert result.exit_code == 0, result.output
    return result.output


def test_verify_names_a_file_that_is_no_update_record(week: Repo) -> None:
    result = run("digest", "--root", str(week.root), "--verify", str(week.root / "riskdocs.yaml"))
    assert result.exit_code == 2
    assert "is not a readable update record under updates/" in result.output
    assert "`riskdocs validate" in result.output
