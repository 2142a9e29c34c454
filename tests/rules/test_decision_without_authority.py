"""Every kind of decision record, checked against what people say they may decide."""

from __future__ import annotations

import pytest

from tests.rules.conftest import Check

SETTINGS = """\
project:
  name: Fixture project
  client: Fixture client
people:
  alice: {name: Alice Martin, side: team, decides: [schedule]}
  bob: {name: Bob Steiner, side: team}
  dana: {name: Dana Kowalski, side: client}
  erik: {name: Erik Lund, side: client, decides: [scope, schedule, budget, acceptance, risk]}
  farah: {name: Farah Haddad, side: client, decides: [scope]}
"""
COMMITMENT = """\
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
    agreed_by: {who}
"""
ACTION_ITEM = """\
---
date: 2026-11-19
title: Weekly
kind: status
attendees: [alice, dana, erik]
---

- [ ] @alice send the plan due:2026-12-02 was:2026-11-27 agreed:{who}
"""
OBLIGATION = """\
signed: 2026-09-28
type: fixed_price
currency: EUR
obligations:
  - id: O-001
    title: Provide the hosting plan
    owner: alice
    to: dana
    due: 2026-11-20
    status: open
    renegotiated:
      - on: 2026-11-10
        from: 2026-11-13
        to: 2026-11-20
        agreed_by: {who}
"""
MILESTONE = """\
id: M-01
title: Beta
baseline: 2026-12-20
forecast: 2026-12-20
rebaselined:
  - on: 2026-11-10
    from: 2026-12-10
    to: 2026-12-20
    agreed_by: {who}
"""
CHANGE = """\
id: CR-001
title: Add the store locator
raised: 2026-11-01
raised_by: dana
status: approved
decided: 2026-11-05
decided_by: {who}
"""
SIGNED = "signed_off: 2026-10-01\nsigned_off_by: {who}\ndeliverables:\n"
PLAIN = "  - id: D-01\n    title: Tracking page\n    acceptance: [Finds any shipment]\n"
ACCEPTED = PLAIN + (
    "    state: accepted\n    submitted: {{on: 2026-11-10, by: bob}}\n    accepted:\n"
    "      on: 2026-11-12\n      by: {who}\n"
    "      results: [{{passed: true, evidence: Test report}}]\n"
)
REJECTED = PLAIN + (
    "    state: rejected\n    submitted: {{on: 2026-11-10, by: bob}}\n    rejected:\n"
    "      - {{on: 2026-11-12, by: {who}, reason: Misses old shipments}}\n"
)
RESIGNED = (
    "signed_off: 2026-10-01\nsigned_off_by: erik\nresigned:\n"
    "  - {{on: 2026-11-03, by: {who}, change_requests: [CR-002]}}\ndeliverables:\n" + PLAIN
)
RESIGN_CR = CHANGE.replace("CR-001", "CR-002").replace("decided_by: {who}", "decided_by: erik")
RISK = """\
id: R-005
title: Old browser users
owner: alice
raised: 2026-09-01
probability: 2
impact: 2
status: open
response: accept
acceptance:
  on: 2026-10-01
  by: {who}
  reason: Two users only
  until: 2026-12-31
"""
CONTINGENCY = """\
id: R-006
title: Search index rebuild
owner: alice
raised: 2026-10-01
probability: 2
impact: 3
status: open
response: mitigate
contingency: Launch with the old search for two weeks
contingency_agreed:
  on: 2026-11-12
  by: {who}
"""
CLOSURE = "closed: 2026-11-20\naccepted_by: {who}\n"
SCOPE = "scope/baseline.yaml"

# (what is decided, the file, its text, the line naming the person, the authority it takes)
RECORDS = [
    ("a promise's new due date", "commitments/C-001.yaml", COMMITMENT, 12, "schedule"),
    ("an action item's new due date", "meetings/2026-11-19-weekly.md", ACTION_ITEM, 8,
     "schedule"),
    ("an obligation's new due date", "contract/contract.yaml", OBLIGATION, 15, "schedule"),
    ("a milestone's new baseline", "milestones/M-01.yaml", MILESTONE, 9, "schedule"),
    ("a change request's decision", "scope/changes/CR-001.yaml", CHANGE, 7, "scope"),
    ("the scope's sign-off", SCOPE, SIGNED + PLAIN, 2, "scope"),
    ("signing the scope again", SCOPE, RESIGNED, 4, "scope"),
    ("accepting a deliverable", SCOPE, SIGNED.replace("{who}", "erik") + ACCEPTED, 11,
     "acceptance"),
    ("rejecting a deliverable", SCOPE, SIGNED.replace("{who}", "erik") + REJECTED, 10,
     "acceptance"),
    ("accepting the closure", "closure/closure.yaml", CLOSURE, 2, "acceptance"),
    ("accepting a risk", "risks/R-005.yaml", RISK, 11, "risk"),
    ("agreeing a contingency plan", "risks/R-006.yaml", CONTINGENCY, 12, "risk"),
]  # fmt: skip


def files_for(path: str, text: str, who: str) -> dict[str, str]:
    files = {path: text.format(who=who)}
    if text is RESIGNED:
        files["scope/changes/CR-002.yaml"] = RESIGN_CR
    return files


@pytest.mark.parametrize(("path", "text", "line", "authority"),
                         [r[1:] for r in RECORDS], ids=[r[0] for r in RECORDS])  # fmt: skip
def test_each_decision_record_needs_its_authority(
    check: Check, path: str, text: str, line: int, authority: str
) -> None:
    by_dana = check(files_for(path, text, "dana"), base=SETTINGS)
    assert by_dana.places("decision-without-authority") == [(path, line)]
    (finding,) = by_dana.of("decision-without-authority")
    assert f"Dana Kowalski, who may not decide {authority}" in finding.message
    assert "name one of: Erik Lund" in finding.message
    assert "Dana Kowalski" in finding.client and "riskdocs.yaml" not in finding.client
    by_erik = check(files_for(path, text, "erik"), base=SETTINGS)
    assert by_erik.places("decision-without-authority") == []


def test_approving_more_money_or_time_also_takes_budget_or_schedule(check: Check) -> None:
    path = "scope/changes/CR-001.yaml"
    costly = CHANGE.format(who="farah") + "impact:\n  cost: 12000\n  schedule_days: 5\n"
    (finding,) = check({path: costly}, base=SETTINGS).of("decision-without-authority")
    assert "Farah Haddad, who may not decide schedule, budget" in finding.message
    assert finding.line == 7
    assert (
        check({path: CHANGE.format(who="farah")}, base=SETTINGS).of("decision-without-authority")
        == []
    )
    rejected = costly.replace("status: approved", "status: rejected")
    assert check({path: rejected}, base=SETTINGS).of("decision-without-authority") == []


def test_nothing_is_checked_until_someone_says_what_they_decide(check: Check) -> None:
    undeclared = "".join(
        line.split(", decides:")[0] + ("}\n" if ", decides:" in line else "\n")
        for line in SETTINGS.splitlines()
    )
    assert "decides" not in undeclared
    for _what, path, text, _line, _authority in RECORDS:
        result = check(files_for(path, text, "dana"), base=undeclared)
        assert result.places("decision-without-authority") == [], path


def test_the_hook_refuses_a_decision_without_authority(check: Check) -> None:
    path, text = "commitments/C-001.yaml", COMMITMENT
    result = check({path: text.format(who="dana")}, base=SETTINGS, hook=True)
    (finding,) = result.of("decision-without-authority")
    assert finding.severity.value == "error"
