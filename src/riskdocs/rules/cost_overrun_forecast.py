"""A project whose estimate at completion exceeds its budget.

Why it matters: what was spent beyond what the accepted work is worth is money
the rest of the project does not have. The estimate at completion is what was
spent plus the work not yet earned at its planned cost; an overrun found in month
three can still be managed with the client, one found at the end is a dispute.
The budget at completion is `total:` in budget/budget.yaml plus the approved
change requests' `impact.cost`; the earned value counts the deliverables the
client has accepted. Reported when the estimate exceeds the budget by more than
the rule's `percent`, and said plainly when the overrun is larger than the whole
`contingency:`.

Passes (budget 100000, 40000 spent for work worth 40000: estimate 100000):

    total: 100000
    months: [{month: 2026-10, spent: 40000}]

Fails (50000 spent for work worth 40000: estimate 110000):

    total: 100000
    months: [{month: 2026-10, spent: 50000}]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import N_, _, money
from riskdocs.model.earned import earned_value
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "cost-overrun-forecast"
SEVERITY = Severity.WARNING
AREA = "cost"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS = {
    "percent": Option(
        5,
        N_("How far, in percent of the budget, the estimate may exceed it before it is reported."),
    )
}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    budget, figures = project.budget, earned_value(project, ctx.today)
    if budget is None or figures is None or not figures.bac:
        return
    over = figures.eac - figures.bac
    if over * 100 <= figures.bac * Decimal(opts["percent"]):
        return
    share = f"{over * 100 / figures.bac:.0f}%"
    said = {
        "eac": money(figures.eac, budget.currency),
        "bac": money(figures.bac, budget.currency),
        "over": money(over, budget.currency),
        "share": share,
        "ac": money(figures.ac, budget.currency),
        "ev": money(figures.ev, budget.currency),
    }
    beyond = over > figures.contingency
    yield hit(
        budget.source,
        ("total",),
        (
            _(
                "{ac} spent for work worth {ev}: the project is forecast to cost {eac}, {over} "
                "({share}) over its budget of {bac} and more than its contingency; agree with "
                "the client what to cut or add, and record it as a change request"
            )
            if beyond
            else _(
                "{ac} spent for work worth {ev}: the project is forecast to cost {eac}, {over} "
                "({share}) over its budget of {bac}; find what costs more than planned and say "
                "so in the next status meeting"
            )
        ).format(**said),
        "budget",
        client=_(
            "At the current rate the project is forecast to cost {eac}, {share} more than its "
            "budget of {bac}."
        ).format(**said),
    )
