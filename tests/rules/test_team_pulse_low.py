from __future__ import annotations

from tests.rules.conftest import Check


def pulse(period: str, *scores: tuple[int, int]) -> dict[str, str]:
    lines = "".join(
        f"  - {{date: {period}-27, from: bob, scores: {{workload: {w}, clarity: {c}}}}}\n"
        for w, c in scores
    )
    return {f"pulse/{period}.yaml": f"period: {period}\nresponses:\n{lines}"}


def test_a_pulse_at_or_above_the_minimum_passes(check: Check) -> None:
    assert check(pulse("2026-11", (3, 3))).places("team-pulse-low") == []


def test_a_low_latest_pulse_is_reported_with_its_lowest_aspect(check: Check) -> None:
    files = {**pulse("2026-10", (2, 2)), **pulse("2026-11", (2, 3), (2, 3))}
    result = check(files)
    assert result.places("team-pulse-low") == [("pulse/2026-11.yaml", 1)]
    (finding,) = result.of("team-pulse-low")
    assert "the team's average in 2026-11 is 2.5, below 3.0 (lowest: workload 2.0)" in (
        finding.message
    )
    assert (
        check({**pulse("2026-10", (2, 2)), **pulse("2026-11", (4, 4))}).places("team-pulse-low")
        == []
    )
