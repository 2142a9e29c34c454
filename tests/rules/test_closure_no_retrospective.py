"""closure-no-retrospective, on the example as it stands after its end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from riskdocs.finding import Finding
from tests.closed import AFTER_END, closed_example
from tests.conftest import check_project

TODAY = date.fromisoformat(AFTER_END)


def of(root: Path, rule: str, today: date = TODAY) -> list[Finding]:
    return [f for f in check_project(root, today).findings if f.rule == rule]


def test_a_project_past_its_end_without_a_retrospective(tmp_path: Path) -> None:
    root = closed_example(tmp_path, retro=False)
    (finding,) = of(root, "closure-no-retrospective")
    assert finding.message.startswith(
        "the project ended on 2027-02-26 and no retrospective has been held since 2027-01-27"
    )
    assert of(closed_example(tmp_path / "retro"), "closure-no-retrospective") == []
    assert of(root, "closure-no-retrospective", date(2027, 2, 26)) == []  # not ended yet
