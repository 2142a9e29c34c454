"""budget-plan-mismatch: the planned amounts, the contingency and the total agree, in the
contract's currency."""

from __future__ import annotations

from tests.rules.budget_files import BUDGET, files
from tests.rules.conftest import Check

RULE = "budget-plan-mismatch"
MONTH = "  - {month: 2026-11, spent: 1000}\n"


def test_planned_plus_contingency_must_be_the_total(check: Check) -> None:
    assert check(files(MONTH)).places(RULE) == []
    result = check(files(MONTH, planned="{M-01: 80000}"))
    assert result.places(RULE) == [(BUDGET, 4)]
    assert result.of(RULE)[0].message == (
        "the planned amounts and the contingency add up to €90,000.00, the total is "
        "€100,000.00: correct `total:`, `contingency:` or `planned:` so that they agree"
    )


def test_the_budget_speaks_the_contracts_currency(check: Check) -> None:
    contract = "signed: 2026-09-28\ntype: fixed_price\ncurrency: CNY\n"
    result = check(files(MONTH) | {"contract/contract.yaml": contract})
    assert result.places(RULE) == [(BUDGET, 1)]
    assert "the budget is in EUR and the contract in CNY" in result.of(RULE)[0].message


def test_the_hook_blocks_it(check: Check) -> None:
    (finding,) = check(files(MONTH, planned="{M-01: 80000}"), hook=True).of(RULE)
    assert finding.severity.value == "error"
