from __future__ import annotations

from tests.rules.conftest import Check

MEETING = """\
---
date: 2026-11-19
title: Weekly status
kind: status
attendees: [alice, dana]
---

# Weekly status

{items}
"""
PATH = "meetings/2026-11-19-weekly.md"


def meeting(*items: str) -> dict[str, str]:
    return {PATH: MEETING.format(items="\n".join(items))}


def test_open_item_past_due_is_reported_at_its_line_and_column(check: Check) -> None:
    result = check(meeting("- [ ] @bob send the revised timeline due:2026-11-20"))
    assert result.places("action-item-overdue") == [(PATH, 10)]
    (finding,) = result.of("action-item-overdue")
    assert finding.col == 7 and finding.entity == "2026-11-19-weekly"
    assert "'send the revised timeline' (@bob) was due 2026-11-20, 6 days ago" in finding.message


def test_ticked_undated_and_future_items_pass(check: Check) -> None:
    result = check(
        meeting(
            "- [x] @bob send the revised timeline due:2026-11-20",
            "- [ ] @bob book the room",
            "- [ ] @alice prepare the demo due:2026-11-26",
        )
    )
    assert result.places("action-item-overdue") == []


def test_an_unowned_overdue_item_says_nobody_owns_it(check: Check) -> None:
    (finding,) = check(meeting("- [ ] send it due:2026-11-01")).of("action-item-overdue")
    assert "(nobody)" in finding.message


def test_grace_days_option(check: Check) -> None:
    files = meeting("- [ ] @bob send it due:2026-11-24")
    config = "rules:\n  action-item-overdue: {grace_days: 2}\n"
    assert check(files, config=config).places("action-item-overdue") == []
    assert len(check(files).of("action-item-overdue")) == 1


COMMITMENT = """\
id: C-004
title: Send the revised timeline
owner: alice
to: dana
made: 2026-11-10
due: 2026-11-20
status: open
"""


def test_an_item_standing_for_a_commitment_is_tracked_once_as_it(check: Check) -> None:
    """Found in use: a commitment that was also an action item was reported and listed twice."""
    files = meeting("- [ ] send the revised timeline C-004", "- [ ] @alice x C-004 due:2026-11-20")
    files["commitments/C-004.yaml"] = COMMITMENT
    result = check(files)
    assert [f.rule for f in result.findings] == ["commitment-overdue"]
