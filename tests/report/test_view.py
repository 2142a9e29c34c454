"""The view model: what each section says, and what the client audience never sees."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from riskdocs.report.view import build_view
from tests.conftest import EXAMPLE, TODAY, check_project
from tests.gitrepo import Repo

DAY = date.fromisoformat(TODAY)


def view_of(root: Path = EXAMPLE, audience: str = "client") -> dict:
    result = check_project(root, DAY)
    return build_view(result.project, result.findings, DAY, audience)


def test_header_and_health_come_from_the_project_and_its_findings() -> None:
    view = view_of()
    assert view["version"] == 4
    checks = {"passed": True, "errors": 0, "warnings": 1}
    assert view["generated"] == {"today": TODAY, "audience": "client", "commit": None,
                                 "riskdocs": view["generated"]["riskdocs"],
                                 "checks": checks}  # fmt: skip
    assert view["project"]["name"] == "Customer portal relaunch"
    assert view["health"]["overall"] == "amber"
    assert [a["status"] for a in view["health"]["areas"]] == [
        "amber", "amber", "green", "green", "green", "green"
    ]  # fmt: skip


def test_commitments_come_overdue_first_with_the_on_time_rate() -> None:
    commitments = view_of()["commitments"]
    assert [(c["id"], c["state"]) for c in commitments["items"]] == [
        ("C-004", "due-soon"), ("C-005", "open"), ("C-001", "done"), ("C-002", "done"),
        ("C-003", "done"), ("C-006", "done"),
    ]  # fmt: skip
    # C-002 was delivered two days late; C-003 on its renegotiated date
    assert (commitments["delivered"], commitments["delivered_on_time"]) == (4, 3)
    assert commitments["on_time_rate"] == 0.75
    (c003,) = [c for c in commitments["items"] if c["id"] == "C-003"]
    assert (c003["original_due"], c003["due"]) == ("2026-11-12", "2026-11-19")


def test_the_heat_map_counts_open_risks_by_impact_row_and_probability_column() -> None:
    risks = view_of(audience="team")["risks"]
    cells = {
        (p + 1, 5 - row): count
        for row, counts in enumerate(risks["heatmap"])
        for p, count in enumerate(counts)
        if count
    }
    expected: dict[tuple[int, int], int] = {}
    for risk in risks["items"]:
        if risk["status"] != "closed":
            key = (risk["probability"], risk["impact"])
            expected[key] = expected.get(key, 0) + 1
    assert cells == expected and sum(cells.values()) == 4
    assert [r["score"] for r in risks["items"]] == sorted(
        (r["score"] for r in risks["items"]), reverse=True
    )


def test_client_audience_leaves_out_internal_entities_fields_and_file_findings() -> None:
    client, team = view_of(audience="client"), view_of(audience="team")
    assert "R-004" in {r["id"] for r in team["risks"]["items"]}
    assert "R-004" not in {r["id"] for r in client["risks"]["items"]}
    assert sum(map(sum, client["risks"]["heatmap"])) == 3
    assert any("note" in r for risk in team["risks"]["items"] for r in risk["reviews"])
    assert not any("note" in r for risk in client["risks"]["items"] for r in risk["reviews"])


def test_concerns_carry_response_times_against_their_targets() -> None:
    (q002,) = [q for q in view_of()["concerns"] if q["id"] == "Q-002"]
    assert (q002["acknowledge_days"], q002["target_acknowledge_days"]) == (0, 2)
    assert (q002["resolve_days"], q002["target_resolve_days"]) == (13, 10)
    assert q002["findings"] == [{"severity": "info", "entity": "Q-002", "message": (
        "Your concern \u201cStaging demo was postponed without warning\u201d was resolved "
        "after 13 days; the target is 10 days.")}]  # fmt: skip
    assert view_of(audience="team")["concerns"][-1]["findings"][0]["rule"] == (
        "concern-resolved-late"
    )


def test_meeting_notes_are_rendered_newest_first_and_feedback_is_averaged() -> None:
    view = view_of()
    dates = [m["date"] for m in view["meetings"]]
    assert dates == sorted(dates, reverse=True)
    assert "<ul>" in view["meetings"][0]["html"]
    assert [(f["period"], f["average"]) for f in view["feedback"]] == [
        ("2026-10", 3.8), ("2026-11", 3.33)
    ]  # fmt: skip


def test_each_side_has_its_own_on_time_record() -> None:
    """The client's late delivery (C-002, owner dana) is not part of the team's record."""
    sides = view_of()["commitments"]["by_side"]
    assert sides["team"] == {"on_time_rate": 1.0, "delivered": 3, "delivered_on_time": 3}
    assert sides["client"] == {"on_time_rate": 0.0, "delivered": 1, "delivered_on_time": 0}


def test_a_milestone_shows_its_first_baseline_and_every_agreed_move() -> None:
    (m02,) = [m for m in view_of()["milestones"] if m["id"] == "M-02"]
    assert (m02["original_baseline"], m02["baseline"], m02["slip_from_original_days"]) == (
        "2026-12-06",
        "2026-12-11",
        12,
    )
    assert m02["rebaselined"] == [{"on": "2026-11-12", "from": "2026-12-06", "to": "2026-12-11",
                                   "agreed_by": "erik", "change_request": "CR-001",
                                   "reason": "The address clean-up added to the migration "
                                   "takes five days."}]  # fmt: skip


SCOPE_SIGNED = """\
signed_off: 2026-10-16
signed_off_by: dana
deliverables:
  - {id: D-01, title: Tracking, acceptance: [Works]}
"""
ADDED = "  - {id: D-02, title: Claims, acceptance: [Works]}\n"
CR_ADDING = """\
id: CR-001
title: Claims form
raised: 2026-11-01
raised_by: dana
deliverables: [D-02]
status: approved
decided: 2026-11-05
decided_by: dana
"""


def scope_view(root: Path) -> dict[str, dict]:
    result = check_project(root, DAY)
    view = build_view(result.project, result.findings, DAY, "team", history=result.history)
    return {d["id"]: d for d in view["scope"]["baseline"]["deliverables"]}


def test_a_deliverable_an_approved_request_lists_is_added_by_it(repo: Repo) -> None:
    """Found in use: with no `added:`/`change_request:` on it, the page said "baseline"."""
    repo.commit("signed", {"scope/baseline.yaml": SCOPE_SIGNED}, day="2026-10-16")
    repo.commit("CR-001", {"scope/baseline.yaml": SCOPE_SIGNED + ADDED,
                           "scope/changes/CR-001.yaml": CR_ADDING}, day="2026-11-05")  # fmt: skip
    shown = scope_view(repo.root)
    assert shown["D-01"]["origin"] == "baseline"
    assert (shown["D-02"]["origin"], shown["D-02"]["added"], shown["D-02"]["change_request"]) == (
        "added", "2026-11-05", "CR-001")  # fmt: skip


def test_a_signed_deliverable_a_later_request_lists_is_changed_by_it(repo: Repo) -> None:
    repo.commit("signed", {"scope/baseline.yaml": SCOPE_SIGNED + ADDED}, day="2026-10-16")
    repo.commit("CR-001", {"scope/changes/CR-001.yaml": CR_ADDING}, day="2026-11-05")
    assert scope_view(repo.root)["D-02"]["origin"] == "changed"


def test_without_git_a_listed_deliverable_is_added_on_the_decision_day(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "scope" / "changes").mkdir(parents=True)
    (root / "riskdocs.yaml").write_text((EXAMPLE / "riskdocs.yaml").read_text())
    (root / "scope" / "baseline.yaml").write_text(SCOPE_SIGNED + ADDED)
    (root / "scope" / "changes" / "CR-001.yaml").write_text(CR_ADDING)
    assert scope_view(root)["D-02"]["added"] == "2026-11-05"


def test_an_action_item_naming_its_commitment_is_shown_once_as_it() -> None:
    """The example's weekly of 2026-11-19 lists C-004's action item; the page lists C-004."""
    view = view_of()
    items = [a["text"] for a in view["action_items"] if a["meeting"] == "2026-11-19-weekly"]
    assert items == ["estimate CR-002"]
    assert "C-004" in [c["id"] for c in view["commitments"]["items"]]


def test_the_page_says_who_is_who_and_when_each_meeting_is_next_due() -> None:
    """Found in use: people, roles, the plan and the description were in the files only."""
    view = view_of()
    assert view["project"]["description"].startswith("Replace Northwind's shipment-tracking")
    assert view["people"]["erik"] == {"name": "Erik Lund", "side": "client", "timezone": None,
                                      "role": "Sponsor (Head of Customer Service)",
                                      "decides": ["scope", "schedule", "budget", "acceptance",
                                                  "risk"]}  # fmt: skip
    assert view["communication"] == [
        {"name": "monthly-steering", "kind": "steering", "every_days": 31, "last": "2026-11-02",
         "next_due": "2026-12-03", "late": False, "channel": "meeting", "required": ["erik"],
         "agenda": ["progress", "challenges", "risks", "decisions"], "internal": False},
        {"name": "weekly-status", "kind": "status", "every_days": 7, "last": "2026-11-19",
         "next_due": "2026-11-26", "late": False, "channel": "call", "required": ["dana"],
         "agenda": [], "internal": False},
    ]  # fmt: skip


def test_due_soon_on_the_page_is_the_rule_s_configured_window(tmp_path: Path) -> None:
    """Found in use: the page's "due soon" used 14 days while the rule's option said 3."""
    assert view_of()["commitments"]["due_soon_days"] == 3
    c005 = [c for c in view_of()["commitments"]["items"] if c["id"] == "C-005"]
    assert c005[0]["state"] == "open"  # due 2026-12-04: in 8 days
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    config = root / "riskdocs.yaml"
    config.write_text(config.read_text() + "\nrules:\n  commitment-due-soon: {days: 10}\n")
    view = view_of(root)
    assert view["commitments"]["due_soon_days"] == 10
    assert [c["state"] for c in view["commitments"]["items"] if c["id"] == "C-005"] == ["due-soon"]


def test_meeting_notes_show_action_items_as_tasks_not_markers() -> None:
    """Found in use: the client read raw task syntax (`[ ] @alice ... due:2026-11-27`)."""
    (weekly,) = [m for m in view_of()["meetings"] if m["id"] == "2026-11-19-weekly"]
    html = weekly["html"]
    assert "<li>\u2610 <strong>Bob Steiner</strong>: estimate CR-002 (due 1 Dec 2026; moved " \
        "from 26 Nov 2026, agreed by Dana Kowalski)</li>" in html  # fmt: skip
    assert "@" not in html and "due:" not in html and "[ ]" not in html
    (kickoff,) = [m for m in view_of()["meetings"] if m["id"] == "2026-10-05-kickoff"]
    assert "\u2611 <strong>Alice Martin</strong>" in kickoff["html"]
