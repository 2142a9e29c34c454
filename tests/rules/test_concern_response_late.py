from __future__ import annotations

from tests.rules.conftest import Check

CONCERN = """\
id: Q-002
title: Staging demo was postponed without warning
raised: {raised}
raised_by: dana
severity: high
{rest}"""
PATH = "concerns/Q-002.yaml"
LATE = "concern-response-late"
RESOLVED_LATE = "concern-resolved-late"


def concern(raised: str, acknowledged: str = "", resolved: str = "") -> dict[str, str]:
    rest = f"acknowledged: {acknowledged}\n" if acknowledged else ""
    rest += f"resolved: {resolved}\nresolution: Fixed and confirmed\n" if resolved else ""
    return {PATH: CONCERN.format(raised=raised, rest=rest)}


def test_unacknowledged_past_the_target_is_reported_at_raised(check: Check) -> None:
    # high: acknowledge within 2 days, resolve within 10 (the default thresholds)
    result = check(concern("2026-11-23"))
    assert result.places(LATE) == [(PATH, 3)]
    message = result.of(LATE)[0].message
    assert "Q-002 (high) was raised 2026-11-23 and is not acknowledged after 3 days" in message
    assert "reply to dana" in message


def test_within_the_targets_passes(check: Check) -> None:
    assert check(concern("2026-11-24")).places(LATE) == []
    assert check(concern("2026-11-17", "2026-11-18")).places(LATE) == []


def test_a_late_acknowledgement_lets_go_and_stays_on_record(check: Check) -> None:
    """Found in use: after a late acknowledgement the error stayed until resolution, with
    nothing the team could do about it."""
    result = check(concern("2026-11-20", "2026-11-25"))
    assert result.places(LATE) == []
    assert result.places(RESOLVED_LATE) == [(PATH, 6)]
    assert result.of(RESOLVED_LATE)[0].message == (
        "Q-002 (high) was acknowledged 5 days after it was raised; the target is 2 days: "
        "resolve it by 2026-11-30 to keep the resolution on time"
    )
    assert result.of(RESOLVED_LATE)[0].severity.value == "info"


def test_targets_follow_the_thresholds(check: Check) -> None:
    config = "thresholds:\n  concern_response:\n    high: {resolve_days: 30}\n"
    assert check(concern("2026-11-06", "2026-11-06"), config=config).places(LATE) == []


def test_unresolved_past_the_resolve_target_is_reported_at_severity(check: Check) -> None:
    result = check(concern("2026-11-06", "2026-11-06"))
    assert result.places(LATE) == [(PATH, 5)]
    assert "still unresolved 20 days after it was raised" in result.of(LATE)[0].message
