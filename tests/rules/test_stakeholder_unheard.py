from __future__ import annotations

from tests.rules.conftest import Check

SETTINGS = """\
project:
  name: Fixture project
  client: Fixture client
  start: 2026-09-01
people:
  alice: {name: Alice Martin, side: team}
  erik: {name: Erik Lund, side: client, influence: high, channel: call}
  farah: {name: Farah Haddad, side: client, influence: medium}
"""
MEETING = """\
---
date: {day}
title: Steering
kind: steering
attendees: [alice, {who}]
---
"""


def met(day: str, who: str = "erik") -> dict[str, str]:
    return {f"meetings/{day}-steering.md": MEETING.format(day=day, who=who)}


def test_a_recent_meeting_passes(check: Check) -> None:
    assert check(met("2026-11-02"), base=SETTINGS).places("stakeholder-unheard") == []


def test_an_influential_person_not_heard_from_is_reported_at_their_influence(
    check: Check,
) -> None:
    result = check(met("2026-10-05"), base=SETTINGS)
    assert result.places("stakeholder-unheard") == [("riskdocs.yaml", 7)]
    (finding,) = result.of("stakeholder-unheard")
    assert "Erik Lund (high influence) has not been in touch with the team for more than " in (
        finding.message
    )
    assert "last met at a meeting on 2026-10-05, 52 days without contact" in finding.message
    assert "they prefer: call" in finding.message
    assert "influence" not in finding.client and "Erik Lund" in finding.client


def test_answers_concerns_and_decisions_count_as_being_heard(check: Check) -> None:
    pulse = (
        "period: 2026-11\nresponses:\n  - {date: 2026-11-20, from: erik, scores: {quality: 4}}\n"
    )
    assert (
        check({"feedback/2026-11.yaml": pulse}, base=SETTINGS).places("stakeholder-unheard") == []
    )
    concern = "id: Q-001\ntitle: Slow answers\nraised: 2026-11-20\nraised_by: erik\nseverity: low\n"
    assert (
        check({"concerns/Q-001.yaml": concern}, base=SETTINGS).places("stakeholder-unheard") == []
    )
    scope = (
        "signed_off: 2026-11-16\nsigned_off_by: erik\ndeliverables:\n"
        "  - id: D-01\n    title: Tracking page\n    acceptance: [Finds any shipment]\n"
    )
    assert check({"scope/baseline.yaml": scope}, base=SETTINGS).places("stakeholder-unheard") == []


def test_never_in_touch_counts_from_the_start_and_medium_is_an_option(check: Check) -> None:
    (finding,) = check({}, base=SETTINGS).of("stakeholder-unheard")
    assert "never since the project started on 2026-09-01, 86 days" in finding.message
    config = "rules:\n  stakeholder-unheard:\n    medium: true\n    max_days: 60\n"
    result = check(met("2026-10-05"), base=SETTINGS + config)
    assert [f.message.split(" (")[0] for f in result.of("stakeholder-unheard")] == ["Farah Haddad"]
