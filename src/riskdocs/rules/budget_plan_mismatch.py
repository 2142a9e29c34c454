"""A budget whose planned amounts do not add up, or whose currency is not the contract's.

Why it matters: the planned value and the earned value are computed from the
amounts planned per milestone; when they and the contingency do not add up to the
total, every cost figure on the page is off by the difference. A budget in
another currency than the contract's mixes two kinds of money. Correct `total:`,
`contingency:` or `planned:` in budget/budget.yaml so that planned + contingency =
total, and write the contract's currency.

Passes:

    total: 150000
    contingency: 12000
    planned: {M-01: 18000, M-02: 62000, M-03: 58000}

Fails (the planned amounts and the contingency add up to 140000):

    total: 150000
    contingency: 12000
    planned: {M-01: 18000, M-02: 52000, M-03: 58000}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _, money
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "budget-plan-mismatch"
SEVERITY = Severity.ERROR
AREA = "cost"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    budget = project.budget
    if budget is None:
        return
    client = _("The project's cost figures are being corrected by the team.")
    contract = project.contract
    if contract is not None and contract.currency != budget.currency:
        yield hit(
            budget.source,
            ("currency",),
            _(
                "the budget is in {budget} and the contract in {contract}: a project has one "
                "currency; write {contract} here and convert the amounts"
            ).format(budget=budget.currency, contract=contract.currency),
            "budget",
            client=client,
        )
    if not budget.planned:
        return
    planned = sum(budget.planned.values(), Decimal(0)) + budget.contingency
    if planned != budget.total:
        yield hit(
            budget.source,
            ("planned",),
            _(
                "the planned amounts and the contingency add up to {planned}, the total is "
                "{total}: correct `total:`, `contingency:` or `planned:` so that they agree"
            ).format(
                planned=money(planned, budget.currency), total=money(budget.total, budget.currency)
            ),
            "budget",
            client=client,
        )
