from __future__ import annotations

import pytest

from tests.rules.conftest import Check
from tests.rules.test_action_item_overdue import PATH, meeting

COMMITMENT = """\
id: C-004
title: Send the revised timeline
owner: alice
to: dana
made: 2026-11-10
due: 2026-11-27
status: {status}
{done}"""
RULE = "action-item-commitment-mismatch"


def project(item: str, status: str = "open") -> dict[str, str]:
    files = meeting(item)
    done = "done: 2026-11-20\n" if status == "done" else ""
    files["commitments/C-004.yaml"] = COMMITMENT.format(status=status, done=done)
    return files


@pytest.mark.parametrize(
    ("item", "status"),
    [("- [ ] @alice send it C-004", "open"), ("- [ ] @alice send it C-004 due:2026-11-27", "open"),
     ("- [x] @alice send it C-004", "done"), ("- [x] @alice sent C-004 due:2026-11-20", "done")],
)  # fmt: skip
def test_an_item_that_agrees_with_its_commitment_passes(
    check: Check, item: str, status: str
) -> None:
    assert check(project(item, status)).of(RULE) == []


@pytest.mark.parametrize(
    ("item", "status", "col", "message"),
    [
        ("- [ ] @alice send it C-004 due:2026-12-04", "open", 22,
         "the action item for C-004 says due:2026-12-04, but C-004 is due 2026-11-27: the "
         "commitment holds the date; remove `due:` from the item, or renegotiate C-004 under "
         "`renegotiated:`"),
        ("- [x] @alice send it C-004", "open", 22,
         "the action item for C-004 is ticked, but C-004 is still open: set its `status: done` "
         "and `done:`, or untick the item"),
        ("- [ ] @alice send it C-004", "done", 22,
         "C-004 is done, but its action item is not ticked: tick it (`- [x]`)"),
    ],
)  # fmt: skip
def test_an_item_that_says_otherwise_is_reported_at_the_id(
    check: Check, item: str, status: str, col: int, message: str
) -> None:
    (finding,) = check(project(item, status)).of(RULE)
    assert (finding.path, finding.line, finding.col, finding.message) == (PATH, 10, col, message)
