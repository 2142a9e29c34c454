from __future__ import annotations

from riskdocs.finding import Severity
from tests.rules.conftest import Check

PATH = "commitments/C-001.yaml"
COMMITMENT = """
    id: C-001
    title: Send the revised timeline
    owner: alice
    to: dana
    made: 2026-11-01
    due: 2026-11-27
    status: open
    renegotiated:
      - on: 2026-11-10
        from: 2026-11-20
        to: 2026-11-27
        agreed_by: {agreed}
"""
MEETING = """
    ---
    date: 2026-11-19
    title: Weekly
    kind: status
    attendees: [alice, dana]
    ---

    - [ ] @alice send the plan due:2026-12-02 was:2026-11-27 agreed:{agreed}
"""
NOTE = "meetings/2026-11-19-weekly.md"


def test_a_move_agreed_by_the_promisers_own_side_is_reported_at_agreed_by(check: Check) -> None:
    result = check({PATH: COMMITMENT.format(agreed="bob"), NOTE: MEETING.format(agreed="bob")})
    assert result.places("promise-moved-by-promiser") == [(PATH, 12), (NOTE, 8)]
    first = result.of("promise-moved-by-promiser")[0]
    assert first.severity is Severity.ERROR
    assert first.message.startswith(
        "C-001's move to 2026-11-27 is agreed by Bob Steiner, on the same side (team) as the "
        "owner Alice Martin: a promise is moved only with the agreement of the client's side"
    )


def test_a_move_agreed_by_the_other_side_passes(check: Check) -> None:
    result = check({PATH: COMMITMENT.format(agreed="dana"), NOTE: MEETING.format(agreed="dana")})
    assert result.places("promise-moved-by-promiser") == []
