"""Open defects that grew month after month.

Why it matters: defects found faster than they are fixed pile up where the
client will meet them at acceptance. Each month's `defects:` in
budget/budget.yaml records those found (`opened`) and fixed (`closed`) by
severity; the open count is what was found and not yet fixed. Reported when it
grew in each of the last `months` months recorded.

Passes (open: 3, then 2):

    months:
      - {month: 2026-10, defects: {opened: {high: 3}}}
      - {month: 2026-11, defects: {opened: {high: 1}, closed: {high: 2}}}

Fails (open: 3, 5, then 8):

    months:
      - {month: 2026-09, defects: {opened: {high: 3}}}
      - {month: 2026-10, defects: {opened: {high: 3}, closed: {high: 1}}}
      - {month: 2026-11, defects: {opened: {medium: 4}, closed: {high: 1}}}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import pairwise
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, listed
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "defects-rising"
SEVERITY = Severity.WARNING
AREA = "scope"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS = {"months": Option(2, N_("Months in a row the open defects must grow to be reported."))}


def open_defects(project: Project) -> list[tuple[str, int]]:
    """(month, defects open at its end) for each month that records defects."""
    budget, total, found = project.budget, 0, []
    for month in budget.months if budget else ():
        if month.opened or month.closed:
            total += sum(month.opened.values()) - sum(month.closed.values())
            found.append((month.month, total))
    return found


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    budget, series, months = project.budget, open_defects(project), int(opts["months"])
    if budget is None or len(series) <= months:
        return
    last = series[-months - 1 :]
    if not all(later > earlier for (_m, earlier), (_n, later) in pairwise(last)):
        return
    counts = listed(f"{month}: {count}" for month, count in last)
    index = next(i for i, m in enumerate(budget.months) if m.month == last[-1][0])
    yield hit(
        budget.source,
        ("months", index, "defects"),
        _(
            "open defects grew for {months} months in a row ({counts}): more are found than "
            "fixed; plan the fixing before the next acceptance, and say so to the client"
        ).format(months=months, counts=counts),
        "quality",
        client=_(
            "Open defects have grown for {months} months in a row (now {count}); the team is "
            "planning how to bring them down."
        ).format(months=months, count=last[-1][1]),
    )
