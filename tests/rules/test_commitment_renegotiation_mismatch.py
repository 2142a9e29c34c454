from __future__ import annotations

from tests.rules.conftest import Check

HEAD = """\
id: C-003
title: Demo on staging
owner: bob
to: dana
made: 2026-10-22
due: {due}
status: open
renegotiated:
"""
MOVE = """\
  - on: {on}
    from: {old}
    to: {new}
    agreed_by: dana
"""


def commitment(due: str, *moves: tuple[str, str, str]) -> dict[str, str]:
    body = HEAD.format(due=due) + "".join(
        MOVE.format(on=on, old=old, new=new) for on, old, new in moves
    )
    return {"commitments/C-003.yaml": body}


RULE = "commitment-renegotiation-mismatch"


def test_a_consistent_chain_passes(check: Check) -> None:
    files = commitment(
        "2026-12-10",
        ("2026-11-05", "2026-11-12", "2026-11-19"),
        ("2026-11-15", "2026-11-19", "2026-12-10"),
    )
    assert check(files).places(RULE) == []


def test_a_due_date_moved_without_an_entry_is_reported_at_due(check: Check) -> None:
    result = check(commitment("2026-12-20", ("2026-11-05", "2026-11-12", "2026-11-19")))
    assert result.places(RULE) == [("commitments/C-003.yaml", 6)]
    assert "last agreed date under `renegotiated:` is 2026-11-19" in result.of(RULE)[0].message


def test_a_broken_link_and_out_of_order_entries_are_reported_where_they_are(
    check: Check,
) -> None:
    files = commitment(
        "2026-12-10",
        ("2026-11-15", "2026-11-12", "2026-11-19"),
        ("2026-11-05", "2026-11-20", "2026-12-10"),
    )
    assert check(files).places(RULE) == [
        ("commitments/C-003.yaml", 13),
        ("commitments/C-003.yaml", 14),
    ]
