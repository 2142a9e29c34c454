"""The people side of the page and status.json: the responsibility matrix, the
stakeholders, the training plan, lessons with actions, answered feedback and the
team's own pulse, in both audiences."""

from __future__ import annotations

import json
from pathlib import Path

from tests.report.conftest import Report

ARTEFACTS = ("index.html", "status.json", "summary.md", "calendar.ics")
# What only the team may read, each written in the bundled example's files.
INTERNAL = {
    "the team pulse's comment": "The clean-up and the tracking page at the same time was too much.",
    "the retrospective's notes": "The rejected address clean-up was turned around in ten days.",
    "the internal row of the responsibility matrix": "Effort estimates and buffers",
    "the internal cadence": "team retro",
    "what the team thinks of a client person's influence": "high influence",
}


def test_the_team_pulse_retrospectives_and_internal_rows_never_reach_a_client(
    example: Path, report: Report
) -> None:
    team, client = report(example, "--audience", "team"), report(example)
    page = (team / "index.html").read_text()
    for what, text in INTERNAL.items():
        assert text in page, what
    for name in ARTEFACTS:
        written = (client / name).read_text()
        for what, text in INTERNAL.items():
            assert text not in written, (name, what)
        assert "pulse" not in json.loads((client / "status.json").read_text())
        assert "team-retro" not in written and "2026-11-19-retro" not in written, name
    status = json.loads((client / "status.json").read_text())
    assert [c["name"] for c in status["communication"]] == ["monthly-steering", "weekly-status"]
    assert {s["influence"] for s in status["stakeholders"]} == {None}
    assert json.loads((team / "status.json").read_text())["pulse"][-1]["period"] == "2026-11"


def test_the_matrix_has_one_accountable_person_per_row_and_deliverables_first(
    example: Path, report: Report
) -> None:
    status = json.loads((report(example) / "status.json").read_text())
    rows = status["responsibilities"]
    assert [r["key"] for r in rows] == ["D-01", "D-04", "D-05", "go-live"]
    assert rows[0]["title"] == "Shipment tracking with live status"
    assert rows[3] == {"key": "go-live", "title": "Go-live and cut-over", "deliverable": False,
                       "responsible": ["alice", "dana"], "accountable": "erik",
                       "consulted": ["bob", "farah"], "informed": []}  # fmt: skip


def test_each_client_person_has_their_last_contact_feedback_and_open_items(
    example: Path, report: Report
) -> None:
    status = json.loads((report(example, "--audience", "team") / "status.json").read_text())
    people = {s["key"]: s for s in status["stakeholders"]}
    assert list(people) == ["dana", "erik", "farah"]
    assert people["erik"]["last_contact"] == {"on": "2026-11-13", "how": "decided"}
    assert [o["id"] for o in people["erik"]["owed_to"]] == ["C-004"]
    assert [o["id"] for o in people["farah"]["owed_by"]] == ["C-005"]
    assert people["dana"]["feedback"]["date"] == "2026-11-20"
    assert people["erik"]["concerns"] == {"raised": 1, "open": 0, "acknowledge_days": 0.0}
    assert people["dana"]["influence"] == "high"


def test_training_lessons_and_followed_up_feedback_are_on_the_client_page(
    example: Path, report: Report
) -> None:
    client = report(example)
    status = json.loads((client / "status.json").read_text())
    training = {t["key"]: t for t in status["training"]}
    assert training["status-page"]["state"] == "held"
    assert training["portal-admin"]["untrained"] == ["dana", "farah"]
    (lesson,) = status["lessons"]
    assert [a["state"] for a in lesson["actions"]] == ["done", "open"]
    assert lesson["meeting"] is None  # the retrospective it came from is internal
    (low,) = status["feedback"][-1]["low"]
    assert low["negative"] and low["answered"] and low["follow_up"][0]["id"] == "C-004"
    page = (client / "index.html").read_text()
    for text in ("Who is responsible for what", "Training", "everyone trained",
                 "Low scores and what was done about them", "What changes",
                 "a negative comment"):  # fmt: skip
        assert text in page, text
