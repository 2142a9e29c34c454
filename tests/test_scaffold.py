"""`riskdocs init`: a complete project, dated around today, that editors can check."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from riskdocs.load import kinds
from riskdocs.scaffold import TEMPLATE_TODAY, shift_dates
from tests.conftest import TODAY, run

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def init(target: Path, today: str = TODAY) -> None:
    result = run("init", str(target), "--today", today)
    assert result.exit_code == 0, result.output


def test_init_writes_every_kind_and_validates_clean(tmp_path: Path) -> None:
    init(tmp_path / "p")
    found = {
        kinds.classify(p.relative_to(tmp_path / "p").as_posix())
        for p in (tmp_path / "p").rglob("*")
        if p.is_file()
    }
    assert found - {None} == set(kinds.KINDS.values())
    result = run("validate", "--root", str(tmp_path / "p"), "--today", TODAY)
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        0,
        "riskdocs: 12 files checked, no problems found",
    )


def test_every_yaml_file_points_its_editor_at_the_right_local_schema(tmp_path: Path) -> None:
    root = tmp_path / "p"
    init(root)
    yaml_files = [  # project files; ci/ holds CI recipes to copy elsewhere
        p for p in root.rglob("*.yaml")
        if ".riskdocs" not in p.parts and kinds.classify(p.relative_to(root).as_posix())
    ]  # fmt: skip
    assert yaml_files
    for path in yaml_files:
        match = SCHEMA_LINE.match(path.read_text().splitlines()[0])
        assert match, f"{path} has no $schema line"
        schema = (path.parent / match.group(1)).resolve()
        assert schema.is_file(), schema
        kind = kinds.classify(path.relative_to(root).as_posix())
        assert kind is not None and schema.name == kind.schema_file


def test_dates_move_with_today(tmp_path: Path) -> None:
    init(tmp_path / "p", "2026-11-26")
    shift = date(2026, 11, 26) - TEMPLATE_TODAY
    meetings = sorted(p.name for p in (tmp_path / "p" / "meetings").iterdir())
    assert meetings == [
        f"{date(2026, 1, 8) + shift}-kickoff.md",
        f"{date(2026, 1, 22) + shift}-weekly.md",
    ]
    assert [p.name for p in (tmp_path / "p" / "feedback").iterdir()] == ["2026-11.yaml"]
    commitment = (tmp_path / "p" / "commitments" / "C-001.yaml").read_text()
    assert f"source: meetings/{meetings[0]}" in commitment


def test_shift_dates_leaves_other_numbers_alone() -> None:
    text = "due: 2026-01-28 at 10:30, 12345-01-01x, v2026-01, R-2026"
    assert (
        shift_dates(text, timedelta(days=4))
        == "due: 2026-02-01 at 10:30, 12345-01-01x, v2026-01, R-2026"
    )
    assert shift_dates("period: 2026-01\n", timedelta(days=31), monthly=True) == "period: 2026-02\n"


def test_init_refuses_to_overwrite_and_leaves_files_untouched(tmp_path: Path) -> None:
    root = tmp_path / "p"
    init(root)
    (root / "riskdocs.yaml").write_text("mine\n")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    result = run("init", str(root), "--today", TODAY)
    assert result.exit_code == 2
    assert "already has riskdocs.yaml" in result.output
    assert "never overwrites" in result.output
    assert before == {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_init_into_an_existing_repo_without_conflicts_is_fine(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text("print('hi')\n")
    init(tmp_path)
    assert (tmp_path / "src" / "app.py").read_text() == "print('hi')\n"
    assert (tmp_path / "riskdocs.yaml").is_file()
