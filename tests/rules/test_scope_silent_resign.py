"""scope-silent-resign, and the first sign-off as the baseline, on real repositories."""

from __future__ import annotations

from datetime import date

from riskdocs.finding import Finding
from tests.conftest import check_changed, check_project
from tests.gitrepo import Repo

PATH = "scope/baseline.yaml"
DELIVERABLE = """\
  - id: {id}
    title: Deliverable {id}
    acceptance: [It works]
"""
TODAY = date(2026, 12, 1)


def baseline(signed: str, ids: tuple[str, ...] = ("D-01", "D-02", "D-03"), extra: str = "") -> str:
    items = "".join(DELIVERABLE.format(id=i) for i in ids)
    return f"signed_off: {signed}\nsigned_off_by: dana\n{extra}deliverables:\n{items}"


def of(rule: str, findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_bumping_signed_off_with_a_new_deliverable_is_reported_twice(repo: Repo) -> None:
    """Found in use: adding D-04 and moving `signed_off:` to today in one commit passed."""
    repo.commit("signed", {PATH: baseline("2026-10-16")}, day="2026-10-16")
    sha = repo.commit("D-04", {PATH: baseline("2026-12-01", ("D-01", "D-02", "D-03", "D-04"))},
                      day="2026-12-01", author="Bob Steiner")  # fmt: skip
    findings = check_project(repo.root, TODAY).findings
    (moved,) = of("scope-silent-resign", findings)
    assert (moved.path, moved.line) == (PATH, 1)
    assert moved.message == (
        f"the scope's sign-off date moved from 2026-10-16 to 2026-12-01 in commit {sha} "
        "(2026-12-01, Bob Steiner): `signed_off:` is the day the client first signed; put it "
        "back to 2026-10-16 and record the re-sign under `resigned:` (on: 2026-12-01, by, "
        "change_requests)"
    )
    (added,) = of("scope-change-unapproved", findings)
    assert added.entity == "D-04"
    assert "after the scope was signed off (2026-10-16)" in added.message


def test_a_recorded_re_sign_keeps_the_first_date_and_passes(repo: Repo) -> None:
    repo.commit("signed", {PATH: baseline("2026-10-16")}, day="2026-10-16")
    again = "resigned:\n  - {on: 2026-11-20, by: dana}\n"
    repo.commit("again", {PATH: baseline("2026-10-16", extra=again)}, day="2026-11-20")
    result = check_project(repo.root, TODAY)
    assert of("scope-silent-resign", result.findings) == []
    assert result.project.scope is not None
    assert [r.on for r in result.project.scope.resigned] == [date(2026, 11, 20)]


def test_a_re_sign_does_not_widen_the_baseline(repo: Repo) -> None:
    repo.commit("signed", {PATH: baseline("2026-10-16")}, day="2026-10-16")
    again = "resigned:\n  - {on: 2026-11-20, by: dana}\n"
    wider = baseline("2026-10-16", ("D-01", "D-02", "D-03", "D-04"), extra=again)
    repo.commit("again", {PATH: wider}, day="2026-11-20")
    (added,) = of("scope-change-unapproved", check_project(repo.root, TODAY).findings)
    assert added.entity == "D-04"


def test_progress_on_a_deliverable_is_not_a_scope_change(repo: Repo) -> None:
    repo.commit("signed", {PATH: baseline("2026-10-16")}, day="2026-10-16")
    progressed = baseline("2026-10-16").replace(
        "    title: Deliverable D-02\n",
        "    title: Deliverable D-02\n    state: submitted\n"
        "    submitted: {on: 2026-11-30, by: bob}\n    owner: bob\n",
    )
    repo.commit("delivered", {PATH: progressed}, day="2026-11-30")
    findings = check_project(repo.root, TODAY).findings
    assert of("scope-change-unapproved", findings) == []
    assert [f for f in findings if f.severity.value == "error"] == []


def test_an_uncommitted_sign_off_move_is_reported(repo: Repo) -> None:
    """The hook runs the whole project for a scope change; tests/test_hook.py runs it through
    pre-commit."""
    repo.commit("signed", {PATH: baseline("2026-10-16")}, day="2026-10-16")
    repo.write({PATH: baseline("2026-11-30")})
    repo.git("add", "-A")
    assert check_changed(repo.root, [PATH], TODAY) is None  # the whole project is checked
    (moved,) = of("scope-silent-resign", check_project(repo.root, TODAY, hook=True).findings)
    assert "in your uncommitted changes" in moved.message


def test_a_due_date_moved_after_sign_off_needs_a_change_request(repo: Repo) -> None:
    dated = baseline("2026-10-16").replace(
        "    title: Deliverable D-02\n", "    title: Deliverable D-02\n    due: 2026-12-11\n"
    )
    repo.commit("signed", {PATH: dated}, day="2026-10-16")
    sha = repo.commit("later", {PATH: dated.replace("2026-12-11", "2026-12-18")}, day="2026-11-20")
    (moved,) = of("scope-change-unapproved", check_project(repo.root, TODAY).findings)
    assert (moved.entity, moved.line) == ("D-02", 9)
    assert moved.message.startswith(
        f"D-02 was moved from due 2026-12-11 to 2026-12-18 in git in commit {sha} (2026-11-20, "
        "Alice Martin), after the scope was signed off (2026-10-16)"
    )


def test_a_due_date_set_where_the_signed_baseline_had_none_is_planning(repo: Repo) -> None:
    repo.commit("signed", {PATH: baseline("2026-10-16")}, day="2026-10-16")
    dated = baseline("2026-10-16").replace(
        "    title: Deliverable D-02\n", "    title: Deliverable D-02\n    due: 2026-12-11\n"
    )
    repo.commit("planned", {PATH: dated}, day="2026-11-20")
    assert of("scope-change-unapproved", check_project(repo.root, TODAY).findings) == []


def test_a_change_put_back_is_no_change(repo: Repo) -> None:
    repo.commit("signed", {PATH: baseline("2026-10-16")}, day="2026-10-16")
    repo.commit("D-04", {PATH: baseline("2026-10-16", ("D-01", "D-02", "D-03", "D-04"))})
    repo.commit("undo", {PATH: baseline("2026-10-16")})
    assert of("scope-change-unapproved", check_project(repo.root, TODAY).findings) == []
