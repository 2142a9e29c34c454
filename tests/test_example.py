"""The bundled example project the README's first command runs on."""

from __future__ import annotations

import re
from pathlib import Path

from riskdocs.load import kinds
from tests.conftest import EXAMPLE, TODAY, run

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def test_example_has_no_errors_and_the_findings_a_real_week_has() -> None:
    result = run("validate", "--root", str(EXAMPLE), "--today", TODAY)
    assert result.exit_code == 0, result.output
    rules = [line.split(" ")[2] for line in result.output.splitlines()[:-1]]
    assert rules == ["[commitment-done-late]", "[commitment-due-soon]", "[concern-resolved-late]"]
    assert result.output.endswith("riskdocs: 29 files checked: 1 warning, 2 info\n")


def test_example_is_a_few_weeks_of_a_real_project() -> None:
    def count(folder: str) -> int:
        return sum(1 for p in (EXAMPLE / folder).rglob("*") if p.is_file())

    assert count("risks") >= 4 and count("commitments") >= 5 and count("meetings") >= 6
    assert count("scope/changes") >= 1


def test_example_yaml_files_point_at_the_repository_schemas() -> None:
    for path in EXAMPLE.rglob("*.yaml"):
        match = SCHEMA_LINE.match(path.read_text().splitlines()[0])
        assert match, path
        schema = (path.parent / match.group(1)).resolve()
        kind = kinds.classify(path.relative_to(EXAMPLE).as_posix())
        assert kind is not None
        assert schema == (Path(__file__).parents[1] / "schemas" / kind.schema_file).resolve()
