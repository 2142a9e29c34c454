"""Action items and decisions read from meeting bodies."""

from __future__ import annotations

import textwrap
from datetime import date

from riskdocs.model.meetings import parse_body

BODY = textwrap.dedent("""\
    # Weekly status

    - [ ] @bob send the revised timeline due:2026-11-25
    * [x] @alice book the room
    - [ ] nobody named, no date
    - not a task

    ```
    - [ ] @ghost inside a fence due:2026-01-01
    ```

    ## Decisions

    - Ship with the mocked gateway
    1. Review again in December

    ## Notes

    - not a decision
    """)


def test_action_items_owner_due_done_and_lines() -> None:
    body = parse_body(BODY, first_line=7)
    items = [(i.line, i.owner, i.due, i.done, i.text) for i in body.action_items]
    assert items == [
        (9, "bob", date(2026, 11, 25), False, "send the revised timeline"),
        (10, "alice", None, True, "book the room"),
        (11, None, None, False, "nobody named, no date"),
    ]
    assert body.action_items[0].owner_col == 7
    assert body.problems == ()


def test_decisions_are_the_list_under_the_decisions_heading() -> None:
    assert parse_body(BODY, 1).decisions == (
        "Ship with the mocked gateway",
        "Review again in December",
    )


def test_bad_due_dates_are_problems_with_columns() -> None:
    body = parse_body("- [ ] @bob x due:2026-02-30\n- [ ] y due:soon\n", first_line=5)
    assert [(p.line, p.col) for p in body.problems] == [(5, 18), (6, 13)]
    assert [i.due for i in body.action_items] == [None, None]
