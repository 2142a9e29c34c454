"""The bundled example project the README's first command runs on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from riskdocs.load import kinds
from tests.conftest import EXAMPLE, REPO, TODAY, run

CHINESE_EXAMPLE = REPO / "examples" / "huadong-website"

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def test_example_has_no_errors_and_the_findings_a_real_week_has() -> None:
    result = run("validate", "--root", str(EXAMPLE), "--today", TODAY)
    assert result.exit_code == 0, result.output
    rules = [line.split(" ")[2] for line in result.output.splitlines()[:-1]]
    assert rules == ["[commitment-done-late]", "[commitment-due-soon]", "[concern-resolved-late]"]
    assert result.output.endswith("riskdocs: 36 files checked: 1 warning, 2 info\n")


def test_example_is_a_few_weeks_of_a_real_project() -> None:
    def count(folder: str) -> int:
        return sum(1 for p in (EXAMPLE / folder).rglob("*") if p.is_file())

    assert count("risks") >= 4 and count("commitments") >= 5 and count("meetings") >= 6
    assert count("scope/changes") >= 1


@pytest.mark.parametrize("example", [EXAMPLE, CHINESE_EXAMPLE], ids=["en", "zh"])
def test_example_yaml_files_point_at_the_repository_schemas(example: Path) -> None:
    for path in example.rglob("*.yaml"):
        match = SCHEMA_LINE.match(path.read_text().splitlines()[0])
        assert match, path
        schema = (path.parent / match.group(1)).resolve()
        kind = kinds.classify(path.relative_to(example).as_posix())
        assert kind is not None
        assert schema == (Path(__file__).parents[1] / "schemas" / kind.schema_file).resolve()


def test_the_chinese_example_is_notes_a_chinese_team_writes_and_counts_working_days(
    tmp_path: Path,
) -> None:
    """A website relaunch for a Chinese client: `截止:` markers, `## 决议`, owners by alias
    (`@小明`) and by name (`@张敏`), and 国庆节 off in the response limits."""
    result = run("validate", "--root", str(CHINESE_EXAMPLE), "--today", TODAY)
    assert result.exit_code == 0, result.output
    rules = [line.split(" ")[2] for line in result.output.splitlines()[:-1]]
    assert rules == ["[commitment-done-late]", "[commitment-due-soon]", "[commitment-due-soon]"]
    out = tmp_path / "site"
    assert run("report", "--root", str(CHINESE_EXAMPLE), "-o", str(out), "--today", TODAY,
               "--audience", "team").exit_code == 0  # fmt: skip
    status = json.loads((out / "status.json").read_text(encoding="utf-8"))
    items = {(a["owner"], a["due"]) for a in status["action_items"]}
    assert {("wangxm", "2026-09-21"), ("liwei", "2026-11-26"), ("zhangmin", "2026-11-30")} <= items
    kickoff = next(m for m in status["meetings"] if m["id"] == "2026-09-17-kickoff")
    assert kickoff["decisions"] == ["每周四上午十点召开周例会", "页面上线前由赵丽确认"]
    # Q-001 took nine calendar days over 国庆节, two working days: on time.
    assert "concern-resolved-late" not in result.output
