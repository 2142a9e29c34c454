"""closure-missing, on the example as it stands after its end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from riskdocs.finding import Finding
from tests.closed import AFTER_END, closed_example
from tests.conftest import check_project

TODAY = date.fromisoformat(AFTER_END)


def of(root: Path, rule: str, today: date = TODAY) -> list[Finding]:
    return [f for f in check_project(root, today).findings if f.rule == rule]


def test_no_closure_record_two_weeks_after_the_end_is_reported(tmp_path: Path) -> None:
    root = closed_example(tmp_path, closure=None)
    assert of(root, "closure-missing", date(2027, 3, 12)) == []  # 14 days: not yet
    (finding,) = of(root, "closure-missing", date(2027, 3, 13))
    assert (finding.path, finding.line) == ("riskdocs.yaml", 6)
    assert finding.message.startswith(
        "the project's planned end was 2027-02-26 (15 days ago) and it has no closure record"
    )
    assert finding.client == (
        "The project was planned to end on 26 Feb 2027; its closing summary has not been "
        "recorded yet."
    )
