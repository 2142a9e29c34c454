"""closure-items-untransferred, on the example as it stands after its end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from riskdocs.finding import Finding
from tests.closed import AFTER_END, CLOSURE, closed_example
from tests.conftest import check_project

TODAY = date.fromisoformat(AFTER_END)


def of(root: Path, rule: str, today: date = TODAY) -> list[Finding]:
    return [f for f in check_project(root, today).findings if f.rule == rule]


def test_open_items_nobody_took_over_are_named(tmp_path: Path) -> None:
    root = closed_example(tmp_path)
    assert of(root, "closure-items-untransferred") == []  # every open item transferred
    bare = closed_example(tmp_path / "bare", closure="closed: 2027-03-05\naccepted_by: erik\n")
    (finding,) = of(bare, "closure-items-untransferred")
    assert (finding.path, finding.line) == ("closure/closure.yaml", 1)
    assert "C-004" in finding.message and "R-002" in finding.message
    assert finding.message.endswith(
        "list each under `transferred:` (id, to) with who takes it over, or close it"
    )
    assert "open items have not been handed over to anyone yet" in (finding.client or "")


def test_the_closure_is_accepted_by_the_client(tmp_path: Path) -> None:
    root = closed_example(
        tmp_path, closure=CLOSURE.replace("accepted_by: erik", "accepted_by: bob")
    )
    (finding,) = of(root, "deliverable-accepted-by-team")
    assert (finding.path, finding.line) == ("closure/closure.yaml", 2)
    assert "accepted by Bob Steiner, who is on the team" in finding.message


def test_a_transferred_item_must_name_something(tmp_path: Path) -> None:
    root = closed_example(tmp_path, closure=CLOSURE.replace("id: C-005", "id: C-055"))
    (dangling,) = [f for f in check_project(root, TODAY).findings if "C-055" in f.message]
    assert dangling.rule == "unknown-reference" and dangling.line == 10
