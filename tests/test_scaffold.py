"""`riskdocs init`: a complete project, dated around today, that editors can check."""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

from riskdocs.load import kinds
from riskdocs.scaffold import TEMPLATE_TODAY, shift_dates
from tests.conftest import REPO, TODAY, run

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
    # a project is closed at its end: init writes a live one, without closure/closure.yaml;
    # updates/ holds what `riskdocs digest` recorded, from the project's own commits
    assert found - {None} == set(kinds.KINDS.values()) - {kinds.CLOSURE, kinds.UPDATE}
    result = run("validate", "--root", str(tmp_path / "p"), "--today", TODAY)
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        0,
        "riskdocs: 16 files checked, no problems found",
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
        f"{date(2026, 1, 23) + shift}-retro.md",
    ]
    assert [p.name for p in (tmp_path / "p" / "feedback").iterdir()] == ["2026-11.yaml"]
    assert [p.name for p in (tmp_path / "p" / "pulse").iterdir()] == ["2026-11.yaml"]
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


def test_init_in_a_repository_folder_fills_in_its_root_version_and_gitignore(
    tmp_path: Path,
) -> None:
    """Found in use: `riskdocs init docs/health` still wrote `RISKDOCS_ROOT: .` in both
    recipes, wrote no .gitignore for the built page, and its next step named neither the
    hook nor CI."""
    import subprocess

    from riskdocs import __version__

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    result = run("init", str(tmp_path / "docs" / "health"), "--today", TODAY, "--pre-commit")
    assert result.exit_code == 0, result.output
    project = tmp_path / "docs" / "health"
    for recipe in ("github-pages.yaml", "github-private.yaml", "gitlab-ci.yaml"):
        text = (project / "ci" / recipe).read_text()
        assert 'RISKDOCS_ROOT: "docs/health"' in text, recipe
        assert re.search(rf'RISKDOCS_PACKAGE: "git\+https://\S+@v{re.escape(__version__)}"',
                         text), recipe  # fmt: skip
    assert "/site/" in (project / ".gitignore").read_text().splitlines()
    hook = (tmp_path / ".pre-commit-config.yaml").read_text()
    assert f"rev: v{__version__}" in hook and 'args: [--root, "docs/health"]' in hook
    steps = result.output
    assert "pre-commit install" in steps and "ci/github-pages.yaml" in steps
    assert "riskdocs validate --root" in steps and "riskdocs report --root" in steps
    again = run("init", str(tmp_path / "other"), "--today", TODAY, "--pre-commit")
    assert again.exit_code == 2 and "never overwrites" in again.output
    assert not (tmp_path / "other").exists()


def test_the_hook_config_init_writes_works_through_real_pre_commit(tmp_path: Path) -> None:
    """With `repo:` and `rev:` pointed at a copy of riskdocs (this repository, at its
    HEAD commit), as a user points them at theirs."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path / "repo"), *args], check=True,
                       capture_output=True)  # fmt: skip

    (tmp_path / "repo").mkdir()
    git("init", "-q")
    assert run("init", str(tmp_path / "repo" / "health"), "--today", TODAY,
               "--pre-commit").exit_code == 0  # fmt: skip
    config = tmp_path / "repo" / ".pre-commit-config.yaml"
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    text = config.read_text()
    text = re.sub(r"repo: \S+", f"repo: {REPO}", text)
    config.write_text(re.sub(r"rev: \S+", f"rev: {head}", text))
    git("add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "home"), "PRE_COMMIT_COLOR": "never"}

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"],
                              cwd=tmp_path / "repo", env=env, capture_output=True, text=True,
                              check=False, timeout=600)  # fmt: skip

    clean = hook()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    risks = sorted((tmp_path / "repo" / "health" / "risks").glob("*.yaml"))
    risks[0].write_text(re.sub(r"probability: \d", "probability: 9", risks[0].read_text()))
    git("add", "-A")
    broken = hook()
    assert broken.returncode == 1, broken.stdout
    assert "[schema] probability: 9 is greater than the maximum of 5" in broken.stdout


def test_init_vscode_writes_the_editor_settings_once(tmp_path: Path) -> None:
    """`riskdocs init --vscode`: the Generic LSP Client starts `riskdocs lsp` for YAML and
    Markdown, and VS Code recommends it with Red Hat's YAML extension (docs/editors.md)."""
    import json

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    result = run("init", str(tmp_path / "project"), "--vscode", "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text())
    assert settings == {"glspc.server.command": "riskdocs",
                        "glspc.server.commandArguments": ["lsp"],
                        "glspc.server.languageId": ["yaml", "markdown"]}  # fmt: skip
    extensions = json.loads((tmp_path / ".vscode" / "extensions.json").read_text())
    assert extensions["recommendations"] == ["zsol.vscode-glspc", "redhat.vscode-yaml"]
    docs = (REPO / "docs" / "editors.md").read_text()
    assert '"glspc.server.languageId": ["yaml", "markdown"]' in docs
    again = run("init", str(tmp_path / "other"), "--vscode")
    assert again.exit_code == 2 and "init never overwrites files" in again.output
    assert not (tmp_path / "other").exists()
