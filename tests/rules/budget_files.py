"""A budget for the cost and quality rule tests."""

from __future__ import annotations

BUDGET = "budget/budget.yaml"
MILESTONE = "milestones/M-01.yaml"
M_01 = "id: M-01\ntitle: Tracking live\nbaseline: 2026-10-30\nforecast: 2026-10-30\n{done}"


def budget(months: str, total: int = 100000, planned: str = "{M-01: 90000}") -> str:
    return (
        f"currency: EUR\ntotal: {total}\ncontingency: 10000\nplanned: {planned}\nmonths:\n{months}"
    )


def files(months: str, done: bool = True, **more: object) -> dict[str, str]:
    """A budget and its one milestone, done (so its planned cost is earned) or not."""
    return {
        BUDGET: budget(months, **more),  # type: ignore[arg-type]
        MILESTONE: M_01.format(done="done: 2026-10-29\n" if done else ""),
    }
