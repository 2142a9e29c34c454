"""A budget whose actual costs have not been recorded for weeks.

Why it matters: the cost figures are only as current as the last month
recorded; without actuals, the cost performance shown is old news and an
overrun stays hidden. Add each month to `months:` in budget/budget.yaml (what it
cost, the effort) soon after it ends. Reported when the last month recorded
ended more than the rule's `weeks` ago (or, with none recorded, the project
started that long ago).

Passes (today 2026-11-26, October recorded):

    months: [{month: 2026-10, spent: 31200}]

Fails (the last month recorded is August):

    months: [{month: 2026-08, spent: 12800}]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, days
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "cost-actuals-missing"
SEVERITY = Severity.WARNING
AREA = "cost"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS = {
    "weeks": Option(6, N_("Weeks after the end of the last month recorded before it is reported."))
}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    budget = project.budget
    if budget is None:
        return
    spent = [m for m in budget.months if m.spent is not None]
    since = _month_end(spent[-1].month) if spent else project.settings.start
    if since is None or ctx.today - since <= timedelta(weeks=int(opts["weeks"])):
        return
    gap = (ctx.today - since).days
    where = ("months", budget.months.index(spent[-1])) if spent else ("total",)
    yield hit(
        budget.source,
        where,
        (
            _(
                "no actual cost has been recorded since {month} ({days} ago): add each month "
                "since then to `months:` (month, spent, effort_days)"
            ).format(month=spent[-1].month, days=days(gap))
            if spent
            else _(
                "no actual cost has been recorded since the project started on {start}: add "
                "each month to `months:` (month, spent, effort_days)"
            ).format(start=since)
        ),
        "budget",
        client=_("The project's costs have not been updated since {day}.").format(
            day=long_date(since)
        ),
    )


def _month_end(month: str) -> date:
    year, number = int(month[:4]), int(month[5:7])
    first_of_next = date(year + number // 12, number % 12 + 1, 1)
    return first_of_next - timedelta(days=1)
