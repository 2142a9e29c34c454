"""Earned value against a worked example computed by hand.

The project (real files on disk), on 2026-11-26:

- milestones M-01 (baseline 2026-10-30: D-01, D-02), M-02 (2026-12-11: D-03) and M-03
  (2027-02-12: no deliverables, not done);
- budget: total 100000.00, contingency 10000.00, planned M-01 30000, M-02 40000,
  M-03 20000 (90000 + 10000 = 100000);
- approved CR-001 costs 6000 and names D-03, so M-02 plans 46000; approved CR-002 costs
  3000 and names no deliverable, so the last milestone M-03 plans 23000; CR-003 (9999)
  is only proposed and adds nothing;
- D-01 and D-03 are accepted, D-02 only submitted (no contract: nothing is deemed);
- months: 2026-10 spent 25000.50, 2026-11 spent 30000, 2026-12 spent 99999 (a month
  that has not come does not count);
- the project has no start date, so M-01's planned cost is all due on its baseline;
  M-02's is spread over its 42 days from 2026-10-30 to 2026-12-11, of which 27 have
  passed; M-03's span starts on 2026-12-11.

By hand:

    BAC = 100000 + 6000 + 3000                             = 109000.00
    PV  = 30000 + 46000 x 27/42 (= 29571.43) + 0           =  59571.43
    EV  = 30000 x (1 + 1/2)/2 + 46000 x 1 + 23000 x 0      =  68500.00
          (D-01 accepted earns its whole half of M-01, D-02 submitted half of that)
    AC  = 25000.50 + 30000                                 =  55000.50
    CPI = 68500 / 55000.50 = 1.24544...                    =      1.25
    SPI = 68500 / 59571.43 = 1.14988...                    =      1.15
    EAC = AC + (BAC - EV) = 55000.50 + 40500               =  95500.50
    VAC = BAC - EAC                                        =  13499.50
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from riskdocs.model.earned import earned_value
from tests.conftest import BASE_CONFIG, check_project

TODAY = date(2026, 11, 26)
ACCEPTED = (
    "    state: accepted\n    accepted:\n      on: 2026-11-20\n      by: dana\n      results:\n"
    "        - {passed: true, evidence: Shown in the demo}\n"
)
FILES = {
    "milestones/M-01.yaml": "id: M-01\ntitle: First\nbaseline: 2026-10-30\nforecast: 2026-10-30\n"
    "deliverables: [D-01, D-02]\n",
    "milestones/M-02.yaml": "id: M-02\ntitle: Second\nbaseline: 2026-12-11\nforecast: 2026-12-11\n"
    "deliverables: [D-03]\n",
    "milestones/M-03.yaml": "id: M-03\ntitle: Third\nbaseline: 2027-02-12\nforecast: 2027-02-12\n",
    "budget/budget.yaml": "currency: EUR\ntotal: 100000\ncontingency: 10000\n"
    "planned: {M-01: 30000, M-02: 40000, M-03: 20000}\nmonths:\n"
    '  - {month: 2026-10, spent: "25000.50"}\n  - {month: 2026-11, spent: 30000}\n'
    "  - {month: 2026-12, spent: 99999}\n",
}
CHANGE = (
    "id: {id}\ntitle: Change {id}\nraised: 2026-10-20\nraised_by: dana\nstatus: {status}\n"
    "{decided}impact: {{cost: {cost}}}\n{deliverables}"
)


def write(root: Path) -> None:
    files = dict(FILES)
    files["scope/baseline.yaml"] = (
        "signed_off: 2026-10-01\nsigned_off_by: dana\ndeliverables:\n"
        "  - id: D-01\n    title: One\n    acceptance: [It works]\n" + ACCEPTED
        + "  - id: D-02\n    title: Two\n    acceptance: [It works]\n    state: submitted\n"
        "    submitted: {on: 2026-11-24, by: bob}\n"
        "  - id: D-03\n    title: Three\n    acceptance: [It works]\n" + ACCEPTED
    )  # fmt: skip
    decided = "decided: 2026-10-22\ndecided_by: dana\n"
    files["scope/changes/CR-001.yaml"] = CHANGE.format(
        id="CR-001",
        status="approved",
        decided=decided,
        cost=6000,
        deliverables="deliverables: [D-03]\n",
    )
    files["scope/changes/CR-002.yaml"] = CHANGE.format(
        id="CR-002", status="approved", decided=decided, cost=3000, deliverables=""
    )
    files["scope/changes/CR-003.yaml"] = CHANGE.format(
        id="CR-003", status="proposed", decided="", cost=9999, deliverables=""
    )
    (root / "riskdocs.yaml").write_text(BASE_CONFIG.read_text())
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def test_the_worked_example(tmp_path: Path) -> None:
    write(tmp_path)
    result = check_project(tmp_path, TODAY)
    assert [f for f in result.findings if f.rule in ("schema", "unknown-reference")] == []
    figures = earned_value(result.project, TODAY)
    assert figures is not None
    planned = {m.id: m.planned for m in figures.milestones}
    assert planned == {"M-01": Decimal("30000.00"), "M-02": Decimal("46000.00"),
                       "M-03": Decimal("23000.00")}  # fmt: skip
    assert (figures.bac, figures.changes) == (Decimal("109000.00"), Decimal("9000.00"))
    assert figures.pv == Decimal("59571.43")
    assert figures.ev == Decimal("68500.00")
    assert figures.ac == Decimal("55000.50")
    assert (figures.cpi, figures.spi) == (Decimal("1.25"), Decimal("1.15"))
    assert (figures.eac, figures.vac) == (Decimal("95500.50"), Decimal("13499.50"))


def test_before_anything_is_spent_or_planned_the_indices_are_unknown(tmp_path: Path) -> None:
    write(tmp_path)
    result = check_project(tmp_path, date(2026, 9, 30))
    figures = earned_value(result.project, date(2026, 9, 30))
    assert figures is not None
    assert (figures.ac, figures.pv, figures.cpi, figures.spi) == (0, 0, None, None)
    assert figures.eac == figures.bac - figures.ev
