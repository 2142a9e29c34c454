"""Every folder under fixtures/valid must pass; every folder under fixtures/invalid
must produce exactly the text output in its expected.txt (loader, schema,
references and the text formatter checked together through the real CLI).

Run `pytest --update-expected` to rewrite expected.txt after a deliberate change,
then read the diff.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from riskdocs.checks.sources import SHARED_FILES
from riskdocs.load.tree import discover, project_files
from tests.conftest import EXAMPLE, FIXTURES, REPO, TODAY, check_changed, check_project, run

TEMPLATE = REPO / "project-template"

VALID = sorted(p for p in (FIXTURES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_valid_project_has_no_findings(case: Path, copy_case: Callable[[Path], Path]) -> None:
    root = copy_case(case)
    result = run("validate", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("no problems found\n"), result.output


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_project_gives_expected_findings(
    case: Path, copy_case: Callable[[Path], Path], update_expected: bool
) -> None:
    root = copy_case(case)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    result = run("validate", "--root", str(root), "--today", TODAY)
    expected_file = case / "expected.txt"
    if update_expected:
        expected_file.write_text(result.output)
    assert result.output == expected_file.read_text()
    has_errors = any(" error [" in line for line in result.output.splitlines())
    assert result.exit_code == (1 if has_errors else 0)
    assert before == {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}, "files changed"


EVERY_PROJECT = [*VALID, *INVALID, EXAMPLE, TEMPLATE]


@pytest.mark.parametrize("case", EVERY_PROJECT, ids=[p.name for p in EVERY_PROJECT])
def test_no_run_reports_one_finding_twice(case: Path, copy_case: Callable[[Path], Path]) -> None:
    """One mistake, one finding: no stage (or two stages) may report the same rule at the
    same place with the same message twice, in a full run or as the hook."""
    root = copy_case(case)
    files = [p for p in project_files(discover(root)) if p not in SHARED_FILES]
    runs = [check_project(root, date.fromisoformat(TODAY)),
            check_project(root, date.fromisoformat(TODAY), hook=True),
            check_changed(root, files, date.fromisoformat(TODAY))]  # fmt: skip
    for result in runs:
        if result is not None:
            seen = Counter(f.sort_key() for f in result.findings)
            assert not [key for key, count in seen.items() if count > 1]
