from __future__ import annotations

from tests.rules.conftest import Check

RISK = """\
id: R-002
title: SSO approval may be late
owner: alice
raised: 2026-10-01
probability: 2
impact: 2
status: occurred
review_by: 2026-12-01
"""
PATH = "risks/R-002.yaml"
CONCERN = """\
id: Q-001
title: SSO is late
raised: 2026-11-20
raised_by: dana
severity: low
acknowledged: 2026-11-20
links:
  risks: [R-002]
"""


def test_an_occurred_risk_with_no_record_is_reported_at_status(check: Check) -> None:
    result = check({PATH: RISK})
    assert result.places("risk-occurred-unlinked") == [(PATH, 7)]


def test_a_record_linking_to_the_risk_passes(check: Check) -> None:
    assert (
        check({PATH: RISK, "concerns/Q-001.yaml": CONCERN}).places("risk-occurred-unlinked") == []
    )


def test_the_risk_linking_to_a_record_passes(check: Check) -> None:
    commitment = (
        "id: C-001\ntitle: New SSO date\nowner: alice\nto: dana\nmade: 2026-11-20\n"
        "due: 2026-12-20\nstatus: open\n"
    )
    files = {PATH: RISK + "links:\n  commitments: [C-001]\n", "commitments/C-001.yaml": commitment}
    assert check(files).places("risk-occurred-unlinked") == []


def test_a_link_to_a_meeting_is_not_a_record(check: Check) -> None:
    meeting = "---\ndate: 2026-11-19\ntitle: W\nkind: status\nattendees: [alice]\n---\n"
    files = {
        PATH: RISK + "links:\n  meetings: [meetings/2026-11-19-w.md]\n",
        "meetings/2026-11-19-w.md": meeting,
    }
    assert check(files).places("risk-occurred-unlinked") == [(PATH, 7)]
