"""The real CLI through click's CliRunner (and once as a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from riskdocs import __version__
from tests.conftest import EXAMPLE, TODAY, run

RISK = (
    "id: R-001\ntitle: t\nowner: alice\nraised: 2026-10-02\n"
    "probability: 2\nimpact: 2\nstatus: open\nreview_by: 2026-12-01\n"
)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"riskdocs, version {__version__}\n"


def test_clean_project_exits_0(project: Callable[..., Path]) -> None:
    root = project({"risks/R-001.yaml": RISK})
    result = run("validate", "--root", str(root), "--today", TODAY)
    assert (result.exit_code, result.output) == (
        0,
        "riskdocs: 2 files checked, no problems found\n",
    )


def test_errors_exit_1_with_file_line_col(project: Callable[..., Path]) -> None:
    root = project(
        {
            "risks/R-003.yaml": RISK.replace("R-001", "R-003").replace(
                "probability: 2", "probability: 6"
            )
        }
    )
    result = run("validate", "--root", str(root))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "risks/R-003.yaml:5:14: error [schema] probability: 6 is greater than the maximum of 5: "
        "use a number from 1 to 5"
    )


def test_warnings_alone_exit_0(project: Callable[..., Path]) -> None:
    root = project({"risks/notes.txt": "x"})
    assert run("validate", "--root", str(root)).exit_code == 0


def test_root_is_found_from_the_current_folder(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project({"risks/R-001.yaml": RISK})
    monkeypatch.chdir(root / "risks")
    assert run("validate").exit_code == 0


def test_no_project_found_exits_2_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("validate")
    assert result.exit_code == 2
    assert "no riskdocs.yaml" in result.output and "--root" in result.output


def test_paths_limit_the_report_but_not_the_checks(project: Callable[..., Path]) -> None:
    root = project(
        {
            "risks/R-001.yaml": RISK.replace("owner: alice", "owner: nobody"),
            "commitments/C-001.yaml": "id: C-002\n",
        }
    )
    result = run("validate", str(root / "risks"), "--format", "json")
    paths = {f["path"] for f in json.loads(result.output)["findings"]}
    assert paths == {"risks/R-001.yaml"}
    assert result.exit_code == 1
    only_commitments = run("validate", str(root / "commitments" / "C-001.yaml"))
    assert "risks/" not in only_commitments.output


def test_path_outside_the_project_exits_2(project: Callable[..., Path], tmp_path: Path) -> None:
    root = project()
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text("a: 1\n")
    result = run("validate", "--root", str(root), str(elsewhere))
    assert result.exit_code == 2
    assert "outside the project" in result.output


@pytest.mark.parametrize(
    "args", [["--today", "2026-13-01"], ["--today", "tomorrow"], ["--format", "xml"], ["--nope"]]
)
def test_usage_errors_exit_2(project: Callable[..., Path], args: list[str]) -> None:
    root = project()
    result = run("validate", "--root", str(root), *args)
    assert result.exit_code == 2


def test_bad_today_says_how_to_write_it(project: Callable[..., Path]) -> None:
    result = run("validate", "--root", str(project()), "--today", "26/11/2026")
    assert "YYYY-MM-DD" in result.output


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            "project: {name: x}\npeople: {}\n",
            "riskdocs.yaml:1:10: error [schema] project: missing required field 'client'",
        ),
        ("project: [\n", "riskdocs.yaml:2:1: error [yaml-syntax]"),
        (
            "project: {name: x, client: y}\npeople:\n  Alice: {name: A, side: team}\n",
            "riskdocs.yaml:3:3: error [schema] people.Alice: a person key is lower-case",
        ),
    ],
)
def test_broken_config_is_reported_with_lines_and_exits_2(
    project: Callable[..., Path], config: str, expected: str
) -> None:
    root = project({"risks/R-001.yaml": RISK}, config=config)
    result = run("validate", "--root", str(root))
    assert result.exit_code == 2
    assert result.output.startswith(expected), result.output
    assert "fix them before anything else" in result.output


def test_missing_config_in_root_exits_2(tmp_path: Path) -> None:
    result = run("validate", "--root", str(tmp_path))
    assert result.exit_code == 2
    assert "riskdocs.yaml is missing" in result.output


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_every_format_gives_the_same_exit_code_and_bytes_twice(
    project: Callable[..., Path], fmt: str
) -> None:
    root = project({"risks/R-001.yaml": RISK.replace("status: open", "status: opne")})
    first = run("validate", "--root", str(root), "--format", fmt, "--today", TODAY)
    second = run("validate", "--root", str(root), "--format", fmt, "--today", TODAY)
    assert first.exit_code == second.exit_code == 1
    assert first.output == second.output
    assert "opne" in first.output


def test_schema_command_lists_and_prints(tmp_path: Path) -> None:
    listing = run("schema")
    assert "risk" in listing.output.split()
    printed = run("schema", "risk")
    assert json.loads(printed.output)["title"] == "riskdocs risk"
    unknown = run("schema", "risks")
    assert unknown.exit_code == 2
    assert "known schemas" in unknown.output


def test_python_dash_m_runs_the_cli(project: Callable[..., Path]) -> None:
    root = project({"risks/R-001.yaml": RISK.replace("owner: alice", "owner: bobb")})
    done = subprocess.run(
        [sys.executable, "-m", "riskdocs", "validate", "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "did you mean 'bob', Bob Steiner?" in done.stdout
    assert "Traceback" not in done.stderr


def test_a_schema_error_does_not_make_references_to_the_entity_dangle(
    project: Callable[..., Path],
) -> None:
    root = project(
        {
            "risks/R-001.yaml": RISK.replace("impact: 2", "impact: 9"),
            "concerns/Q-001.yaml": "id: Q-001\ntitle: t\nraised: 2026-10-20\nraised_by: dana\n"
            "severity: low\nlinks: {risks: [R-001]}\n",
        }
    )
    result = run("validate", "--root", str(root), "--rule", "schema", "--rule", "unknown-reference")
    assert [line.split(" ")[2] for line in result.output.splitlines()[:-1]] == ["[schema]"]


def test_github_and_sarif_paths_are_relative_to_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "docs" / "health"
    root.mkdir(parents=True)
    (root / "riskdocs.yaml").write_text(
        (Path(__file__).parent / "fixtures" / "base-riskdocs.yaml").read_text()
    )
    (root / "risks").mkdir()
    (root / "risks" / "R-001.yaml").write_text(RISK.replace("impact: 2", "impact: 9"))
    monkeypatch.chdir(tmp_path)
    github = run("validate", "--root", "docs/health", "--format", "github")
    assert github.output.startswith("::error file=docs/health/risks/R-001.yaml,line=6,col=9,")
    sarif = json.loads(run("validate", "--root", "docs/health", "--format", "sarif").output)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/health/risks/R-001.yaml"
    text = run("validate", "--root", "docs/health")
    assert text.output.startswith("risks/R-001.yaml:6:9: error [schema]")
    data = json.loads(run("validate", "--root", "docs/health", "--format", "json").output)
    assert data["findings"][0]["path"] == "risks/R-001.yaml"


def test_look_alike_characters_in_ids_and_people_are_named(project: Callable[..., Path]) -> None:
    risk = RISK.replace("R-001", "R-\u0663").replace("owner: alice", "owner: \u0430lice")
    root = project({"risks/R-\u0663.yaml": risk})
    lines = run("validate", "--root", str(root), "--today", TODAY).output.splitlines()
    assert lines[0].endswith("(it contains '٣', U+0663 ARABIC-INDIC DIGIT THREE: retype it in "
                             "plain ASCII)")  # fmt: skip
    assert "U+0430 CYRILLIC SMALL LETTER A" in lines[1]


def test_demo_builds_the_bundled_example_and_says_why_it_is_amber(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = run("demo", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        f"riskdocs: wrote the example's status page to {(out / 'index.html').resolve()}",
        f"open it in a browser: {(out / 'index.html').resolve().as_uri()}",
        "overall health amber, because:",
    ]
    assert "  - Commitments: Alice Martin promised" in result.output
    assert lines[-1] == "start your own project with `riskdocs init DIR`"
    team = run("demo", "-o", str(out), "--audience", "team", "--today", "2026-12-20")
    assert team.exit_code == 0 and "overall health red" in team.output
    assert "team view" in (out / "index.html").read_text()


def test_severities_are_coloured_on_a_terminal_and_never_with_no_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through a real terminal-less pipe with FORCE_COLOR, as a CI log that shows colour;
    NO_COLOR wins (https://no-color.org)."""
    import os

    args = [sys.executable, "-m", "riskdocs", "validate", "--root", str(EXAMPLE), "--today",
            "2026-12-20"]  # fmt: skip
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    forced = subprocess.run(args, capture_output=True, text=True, check=False,
                            env={**base, "FORCE_COLOR": "1"})  # fmt: skip
    assert ": \x1b[1;31merror\x1b[0m [commitment-overdue]" in forced.stdout
    assert "\x1b[33mwarning\x1b[0m [" in forced.stdout
    plain = subprocess.run(args, capture_output=True, text=True, check=False, env=base)
    assert "\x1b[" not in plain.stdout  # a pipe: no colour
    both = subprocess.run(args, capture_output=True, text=True, check=False,
                          env={**base, "FORCE_COLOR": "1", "NO_COLOR": "1"})  # fmt: skip
    assert "\x1b[" not in both.stdout and both.stdout == plain.stdout
    jsoned = subprocess.run([*args, "--format", "json"], capture_output=True, text=True,
                            check=False, env={**base, "FORCE_COLOR": "1"})  # fmt: skip
    assert "\x1b[" not in jsoned.stdout


def test_shell_completion_offers_rules_kinds_and_the_projects_ids(tmp_path: Path) -> None:
    import os

    def complete(*words: str) -> list[str]:
        env = {**os.environ, "COMP_WORDS": " ".join(["riskdocs", *words]),
               "COMP_CWORD": str(len(words)), "_RISKDOCS_COMPLETE": "bash_complete"}  # fmt: skip
        done = subprocess.run([str(Path(sys.executable).parent / "riskdocs")], capture_output=True,
                              text=True, check=False, env=env, cwd=EXAMPLE)  # fmt: skip
        return [line.split(",", 1)[1] for line in done.stdout.splitlines()]

    assert complete("history", "c-00") == ["C-001", "C-002", "C-003", "C-004", "C-005", "C-006"]
    assert "2026-11-19-weekly" in complete("history", "2026-11")
    assert complete("validate", "--rule", "commitment-d") == ["commitment-done-late",
                                                               "commitment-due-soon"]  # fmt: skip
    assert complete("schema", "st") == ["status"]
    assert complete("new", "c") == ["commitment", "concern", "change-request"]
