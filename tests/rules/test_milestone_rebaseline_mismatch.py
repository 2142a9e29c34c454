from __future__ import annotations

from tests.rules.conftest import Check

PATH = "milestones/M-01.yaml"
MILESTONE = """
    id: M-01
    title: Tracking live
    owner: alice
    baseline: {baseline}
    forecast: {baseline}
    buffer_days: 5
    rebaselined:
      - on: 2026-11-10
        from: 2026-12-04
        to: 2026-12-11
        agreed_by: dana
      - on: 2026-11-18
        from: {second_from}
        to: 2026-12-18
        agreed_by: dana
"""


def test_a_chain_that_ends_at_the_baseline_passes(check: Check) -> None:
    files = {PATH: MILESTONE.format(baseline="2026-12-18", second_from="2026-12-11")}
    assert check(files).places("milestone-rebaseline-mismatch") == []


def test_a_broken_chain_and_a_baseline_beyond_it_are_reported(check: Check) -> None:
    files = {PATH: MILESTONE.format(baseline="2027-01-08", second_from="2026-12-04")}
    result = check(files)
    assert result.places("milestone-rebaseline-mismatch") == [(PATH, 4), (PATH, 13)]
    assert "M-01's baseline is 2027-01-08, but the last agreed date under `rebaselined:` is " \
           "2026-12-18" in result.of("milestone-rebaseline-mismatch")[0].message  # fmt: skip
