"""deliverable-acceptance-waiting: the client's window after a submission, deemed
acceptance across it, and the rule's own limit without a contract."""

from __future__ import annotations

from datetime import date

from riskdocs.model.acceptance import standing
from riskdocs.model.entities import AcceptanceWindow, Agreement, Deliverable, Source
from riskdocs.model.workdays import WorkCalendar
from tests.rules.acceptance_files import CONTRACT, SCOPE, baseline, contract, deliverable
from tests.rules.conftest import Check

SUBMITTED = "    state: submitted\n    submitted: {{on: {on}, by: bob}}\n"
RULE = "deliverable-acceptance-waiting"


def files(on: str, window: str | None = None) -> dict[str, str]:
    found = {SCOPE: baseline(deliverable(SUBMITTED.format(on=on)))}
    return found | ({CONTRACT: window} if window else {})


def test_without_a_contract_the_rule_allows_ten_days(check: Check) -> None:
    assert check(files("2026-11-16")).places(RULE) == []  # the 10th day is 2026-11-26
    result = check(files("2026-11-15"))
    assert result.places(RULE) == [(SCOPE, 9)]
    (finding,) = result.of(RULE)
    assert finding.message == (
        "D-01 was submitted on 2026-11-15 and the client has neither accepted nor rejected it: "
        "this rule allows 10 days, which ended on 2026-11-25; ask the client for their "
        "decision and record `accepted:` (on, by, results) or `rejected:`"
    )
    assert finding.client == (
        "\u201cTracking page\u201d was handed to you for acceptance on 15 Nov 2026 and is "
        "waiting for your decision."
    )


def test_the_contracts_window_replaces_the_rules_limit(check: Check) -> None:
    short = contract(window=5, deemed=False)
    assert check(files("2026-11-21", short)).places(RULE) == []
    (finding,) = check(files("2026-11-20", short)).of(RULE)
    assert "the contract allows 5 days, which ended on 2026-11-25" in finding.message
    assert finding.client == (
        "\u201cTracking page\u201d was handed to you for acceptance on 20 Nov 2026; the 5 days "
        "agreed to accept or reject it ended on 25 Nov 2026."
    )
    option = "rules:\n  deliverable-acceptance-waiting:\n    days: 3\n"
    assert check(files("2026-11-22"), config=option).places(RULE) == [(SCOPE, 9)]


def test_a_deemed_acceptance_is_not_waiting_and_counts_as_accepted(check: Check) -> None:
    deemed = contract(window=5, deemed=True)
    result = check(files("2026-11-20", deemed))
    assert result.places(RULE) == []


def test_deemed_acceptance_across_the_window_day_by_day() -> None:
    """The window's last day still belongs to the client; the day after it is accepted."""
    item = Deliverable(id="D-01", title="Tracking page", acceptance=("It works",),
                       source=Source(path=SCOPE), state="submitted",
                       submitted=Agreement(on=date(2026, 11, 20), by="bob"))  # fmt: skip
    window = AcceptanceWindow(days=5, deemed=True)
    on_last_day = standing(item, window, WorkCalendar(), date(2026, 11, 25))
    assert (on_last_day.state, on_last_day.window_ends) == ("waiting", date(2026, 11, 25))
    after = standing(item, window, WorkCalendar(), date(2026, 11, 26))
    assert (after.state, after.on, after.accepted) == ("deemed", date(2026, 11, 25), True)
    undeemed = standing(item, AcceptanceWindow(days=5), WorkCalendar(), date(2026, 12, 31))
    assert (undeemed.state, undeemed.accepted) == ("waiting", False)


def test_a_window_in_working_days_skips_the_weekend(check: Check) -> None:
    working = "calendar:\n  count: working_days\n"
    # Friday 2026-11-20 + 3 working days = Wednesday 2026-11-25
    assert check(files("2026-11-20", contract(3, False)), config=working).places(RULE) == [
        (SCOPE, 9)
    ]
    assert check(files("2026-11-23", contract(3, False)), config=working).places(RULE) == []


def test_an_accepted_or_rejected_one_is_not_waiting(check: Check) -> None:
    accepted = (
        "    state: accepted\n    submitted: {on: 2026-11-01, by: bob}\n"
        "    accepted:\n      on: 2026-11-20\n      by: dana\n      results:\n"
        "        - {passed: true, evidence: Shown in the demo}\n"
    )
    rejected = (
        "    state: rejected\n    submitted: {on: 2026-11-01, by: bob}\n"
        "    rejected:\n      - {on: 2026-11-05, by: dana, reason: Too slow, commitment: C-001}\n"
    )
    commitment = {
        "commitments/C-001.yaml": "id: C-001\ntitle: Make it faster\nowner: bob\nto: dana\n"
        "made: 2026-11-05\ndue: 2026-12-10\nstatus: open\n"
    }
    for state in (accepted, rejected):
        result = check({SCOPE: baseline(deliverable(state))} | commitment)
        assert result.places(RULE) == []


def test_the_hook_shows_but_does_not_block_it(check: Check) -> None:
    (finding,) = check(files("2026-11-01"), hook=True).of(RULE)
    assert finding.severity.value == "warning"
