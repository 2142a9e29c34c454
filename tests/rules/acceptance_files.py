"""A scope baseline and a contract for the deliverable-acceptance rule tests."""

from __future__ import annotations

SCOPE = "scope/baseline.yaml"
CONTRACT = "contract/contract.yaml"


def baseline(*deliverables: str) -> str:
    """A signed scope baseline holding `deliverables`, each an indented list item."""
    return "signed_off: 2026-10-09\nsigned_off_by: dana\ndeliverables:\n" + "".join(deliverables)


def deliverable(more: str, id: str = "D-01", criteria: str = "[Shows a shipment's status]") -> str:
    """One deliverable with its acceptance criteria and `more` (lines indented by 4)."""
    return (
        f"  - id: {id}\n    title: Tracking page\n    acceptance: {criteria}\n    owner: bob\n"
        + more
    )


def contract(window: int, deemed: bool) -> str:
    return (
        "signed: 2026-09-28\ntype: fixed_price\nvalue: 184000\ncurrency: EUR\n"
        f"acceptance:\n  window_days: {window}\n  deemed: {'true' if deemed else 'false'}\n"
    )
