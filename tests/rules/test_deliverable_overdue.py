from __future__ import annotations

from tests.rules.conftest import Check

PATH = "scope/baseline.yaml"


def baseline(state: str) -> dict[str, str]:
    return {
        PATH: f"""\
signed_off: 2026-10-09
signed_off_by: dana
deliverables:
  - id: D-01
    title: Tracking page
    acceptance: [Shows the status of a shipment]
    due: 2026-11-20
{state}"""
    }


def test_a_deliverable_past_its_due_date_is_overdue_at_due(check: Check) -> None:
    """Found in use: a deliverable's `due:` was never checked."""
    for state in ("", "    state: planned\n", "    state: in_progress\n"):
        result = check(baseline(state))
        assert result.places("deliverable-overdue") == [(PATH, 7)]
    (finding,) = check(baseline("    state: in_progress\n")).of("deliverable-overdue")
    assert finding.entity == "D-01"
    assert finding.message.startswith(
        "D-01 was due 2026-11-20 (6 days ago) and is in progress, not handed over: set "
        "`state: submitted` and `submitted:` (on, by)"
    )


def test_a_delivered_one_or_one_not_yet_due_passes(check: Check) -> None:
    delivered = "    state: submitted\n    submitted: {on: 2026-11-19, by: alice}\n"
    assert check(baseline(delivered)).places("deliverable-overdue") == []
    assert check(baseline(""), today="2026-11-20").places("deliverable-overdue") == []


def test_the_hook_shows_but_does_not_block_an_overdue_deliverable(check: Check) -> None:
    (finding,) = check(baseline(""), hook=True).of("deliverable-overdue")
    assert finding.severity.value == "warning"
