"""The pre-commit hook's path (`validate --hook FILES`): only the changed files are read,
yet it finds what a full run finds in them, falls back to a full run when a change can
break other files, and never imports the heavy libraries on the way."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from riskdocs.checks.sources import SHARED_FILES, FileIndex
from riskdocs.dates import day_or_none
from riskdocs.load.kinds import CLOSURE_FILES, COMMITMENT, RISK, id_in_name
from riskdocs.load.tree import discover
from riskdocs.rules import RULES
from tests.conftest import BASE_CONFIG, EXAMPLE, FIXTURES, check_changed, check_project, run
from tests.gitrepo import Repo

TODAY = dt.date(2026, 11, 26)
WHOLE_PROJECT_RULES = {name for name, rule in RULES.items() if rule.WHOLE_PROJECT}
CASES = sorted([*(FIXTURES / "valid").iterdir(), *(FIXTURES / "invalid").iterdir(), EXAMPLE])
HEAVY = ("jsonschema", "referencing", "fastjsonschema", "markdown_it", "jinja2", "git")

COMMITMENT_TEXT = """id: C-001
title: Send the revised timeline
owner: alice
to: dana
made: 2026-11-02
due: 2026-12-01
status: open
"""
RISK_TEXT = """id: {id}
title: Vendor may be late
owner: bob
raised: 2026-11-01
probability: 2
impact: 2
status: {status}
review_by: 2026-12-20
"""


def hook(root: Path, *files: str) -> tuple[int, str]:
    result = run("validate", "--hook", "--today", "2026-11-26", *(str(root / f) for f in files))
    return result.exit_code, result.output


def as_case(case: Path, tmp_path: Path) -> Path:
    root = tmp_path / case.name
    shutil.copytree(case, root, ignore=shutil.ignore_patterns("expected.txt"))
    if not (root / "riskdocs.yaml").exists():
        shutil.copy(BASE_CONFIG, root / "riskdocs.yaml")
    return root


# A duplicate hidden behind a wrong file name: R-002-second.yaml holds id R-001. The
# hook takes ids of files it does not read from their names, so when R-001-first.yaml
# changes it cannot see the clash; the full run (CI) reports it in both files, and the
# hook reports it too when R-002-second.yaml itself changes.
NAME_LIES = {("ids-and-names", "risks/R-001-first.yaml")}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_each_changed_file_gets_the_findings_a_full_run_gives_it(
    case: Path, tmp_path: Path
) -> None:
    root = as_case(case, tmp_path)
    compared = hook_agrees_with_full_run(case, root)
    assert compared >= len(discover(root)) - 3


def hook_agrees_with_full_run(case: Path, root: Path) -> int:
    """Check each project file of `root` alone as the hook does and compare with what a
    full run gives that file, leaving out whole-project rules; the files compared."""
    full = check_project(root, TODAY, hook=True)
    compared = 0
    for path in discover(root):
        if path in SHARED_FILES or (case.name, path) in NAME_LIES:
            continue
        changed = check_changed(root, [path], TODAY)
        assert changed is not None, path
        expected = [f for f in full.findings
                    if f.path == path and f.rule not in WHOLE_PROJECT_RULES]  # fmt: skip
        assert changed.findings == expected, path
        compared += 1
    return compared


def commit_all(root: Path, day: str = "2026-11-01") -> None:
    """`root` becomes a git repository with everything committed on `day`."""
    stamp = f"{day}T12:00:00+00:00"
    env = {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "HOME": str(root.parent),
           "GIT_CONFIG_NOSYSTEM": "1", "PATH": "/usr/bin:/bin"}  # fmt: skip
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=A", "-c", "user.email=a@example.com", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


_DUE = re.compile(r"^due: (\d{4}-\d\d-\d\d)", re.M)
_ITEM_DUE = re.compile(r"(?<!\S)due:(\d{4}-\d\d-\d\d)")
_PROBABILITY = re.compile(r"^probability: [1-4]$", re.M)


def later(match: re.Match[str], prefix: str) -> str:
    day = day_or_none(match.group(1))
    return f"{prefix}{day + dt.timedelta(days=7)}" if day else match.group()


def stage_silent_moves(root: Path) -> None:
    """Every commitment's `due` and every action item's `due:` a week later, every risk's
    probability up, all staged with no record of who agreed: slips and rising scores."""
    for path in discover(root):
        file = root / path
        text = file.read_text(encoding="utf-8", errors="surrogateescape")
        if path.startswith("commitments/"):
            text = _DUE.sub(lambda m: later(m, "due: "), text)
        elif path.startswith("meetings/"):
            text = _ITEM_DUE.sub(lambda m: later(m, "due:"), text)
        elif path.startswith("risks/"):
            text = _PROBABILITY.sub("probability: 5", text)
        file.write_text(text, encoding="utf-8", errors="surrogateescape")
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, capture_output=True)


# The hook judges the commit being made: its history is what is staged. Rules that weigh
# the committed past are whole-project rules, left to full runs with the rest.
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_with_git_history_each_staged_file_gets_the_findings_a_full_run_gives_it(
    case: Path, tmp_path: Path
) -> None:
    root = as_case(case, tmp_path)
    commit_all(root)
    stage_silent_moves(root)
    hook_agrees_with_full_run(case, root)
    if case == EXAMPLE:  # the comparison saw history at work
        rules = {f.rule for f in check_project(root, TODAY, hook=True).findings}
        assert {"commitment-silent-slip", "risk-score-rising"} <= rules


@pytest.mark.parametrize(
    "shared",
    # one spelling of each; the example has no closure yet (tests/closed.py has one)
    sorted(SHARED_FILES - {"scope/baseline.yml", "contract/contract.yml", *CLOSURE_FILES}),
)
def test_a_change_to_a_shared_file_is_checked_exactly_as_a_full_run(
    shared: str, tmp_path: Path
) -> None:
    root = as_case(EXAMPLE, tmp_path)
    commit_all(root)
    baseline = root / "scope" / "baseline.yaml"
    slipped = "  - id: D-99\n    title: Slipped in\n    acceptance: [Nobody agreed]\nout_of_scope:"
    baseline.write_text(baseline.read_text().replace("out_of_scope:", slipped))
    (root / shared).write_text((root / shared).read_text() + "\n")
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, capture_output=True)
    assert check_changed(root, [shared], TODAY) is None
    code, out = hook(root, shared)
    full = run("validate", "--hook", "--root", str(root), "--today", "2026-11-26")
    assert (code, out) == (full.exit_code, full.output)
    assert "error [scope-change-unapproved] D-99 was added in git in your uncommitted " \
        "changes, after the scope was signed off (2026-10-16)" in out  # fmt: skip


def test_the_one_known_blind_spot_is_reported_by_the_full_run(tmp_path: Path) -> None:
    root = as_case(FIXTURES / "invalid" / "ids-and-names", tmp_path)
    ((_, path),) = NAME_LIES
    changed = check_changed(root, [path], TODAY)
    assert changed is not None
    assert "duplicate-id" not in {f.rule for f in changed.findings}
    full = check_project(root, TODAY)
    assert "duplicate-id" in {f.rule for f in full.findings if f.path == path}


def test_broken_files_that_did_not_change_do_not_block_the_commit(
    project: Callable[..., Path],
) -> None:
    root = project({"commitments/C-001.yaml": COMMITMENT_TEXT,
                    "risks/R-009-broken.yaml": "id: R-009\ntitle: [unclosed\n"})  # fmt: skip
    code, out = hook(root, "commitments/C-001.yaml")
    assert (code, out) == (0, "riskdocs: 2 files checked, no problems found\n")
    full = run("validate", "--root", str(root), "--today", "2026-11-26")
    assert full.exit_code == 1 and "risks/R-009-broken.yaml:3:1: error [yaml-syntax]" in full.output


def test_references_resolve_through_file_names_in_sharded_folders(
    project: Callable[..., Path],
) -> None:
    linked = COMMITMENT_TEXT + "links:\n  risks: [R-017, R-404]\n"
    root = project({
        "commitments/0000/C-001.yaml": linked,
        "risks/0000/R-017-vendor.yaml": RISK_TEXT.format(id="R-017", status="open"),
    })  # fmt: skip
    code, out = hook(root, "commitments/0000/C-001.yaml")
    assert code == 1
    assert out.splitlines()[0] == (
        "commitments/0000/C-001.yaml:9:18: error [unknown-reference] links.risks[1]: there is "
        "no risk R-404 (did you mean 'R-017'?); add it or fix the reference"
    )
    assert "R-017:" not in out and len(out.splitlines()) == 2


def test_a_duplicate_id_in_a_file_that_did_not_change_is_found(
    project: Callable[..., Path],
) -> None:
    root = project({
        "risks/0001/R-101-first.yaml": RISK_TEXT.format(id="R-101", status="open"),
        "risks/0002/R-101-second.yaml": RISK_TEXT.format(id="R-101", status="open"),
        "risks/0002/R-1011.yaml": RISK_TEXT.format(id="R-1011", status="open"),
    })  # fmt: skip
    code, out = hook(root, "risks/0002/R-101-second.yaml")
    assert code == 1
    assert out.splitlines()[0] == (
        "risks/0002/R-101-second.yaml:1:5: error [duplicate-id] id R-101 is also used in "
        "risks/0001/R-101-first.yaml:1; ids must be unique, give one of them the next free id"
    )
    assert "R-1011" not in out


def test_file_index_reads_ids_from_names_only(tmp_path: Path) -> None:
    names = ["risks/0000/R-1.yaml", "risks/0000/R-12-vendor.yml", "risks/0001/R-120.yaml",
             "risks/0001/.R-1-draft.yaml", "risks/notes.txt", "commitments/C-1.yaml"]  # fmt: skip
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("not read: ids come from names")
    index = FileIndex(tmp_path)
    assert index.named(RISK, "R-1") == ["risks/0000/R-1.yaml"]
    assert index.named(RISK, "R-12") == ["risks/0000/R-12-vendor.yml"]
    assert index.named(RISK, "R-7") == []
    assert index.ids(RISK) == {"R-1", "R-12", "R-120"}
    assert index.ids(COMMITMENT) == {"C-1"}
    assert [id_in_name(p) for p in ["a/R-3-x.yaml", "R-3.yaml", "a/notes.yaml", "R-3x.yaml"]] == [
        "R-3", "R-3", None, None,
    ]  # fmt: skip


def test_files_outside_the_project_are_skipped_by_the_hook(tmp_path: Path) -> None:
    root = tmp_path / "docs" / "health"
    shutil.copytree(EXAMPLE, root)
    elsewhere = tmp_path / "app" / "risks" / "R-1.yaml"
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_text("not: riskdocs")
    only_outside = run("validate", "--hook", "--root", str(root), str(elsewhere))
    assert (only_outside.exit_code, only_outside.output) == (
        0, f"riskdocs: nothing to check: no file given is inside {root}\n",
    )  # fmt: skip
    mixed = run("validate", "--hook", "--root", str(root), "--today", "2026-11-26",
                str(elsewhere), str(root / "commitments" / "C-001.yaml"))  # fmt: skip
    assert (mixed.exit_code, mixed.output) == (0, "riskdocs: 2 files checked, no problems found\n")
    plain = run("validate", "--root", str(root), str(elsewhere))
    assert plain.exit_code == 2 and "is outside the project" in plain.output


def test_whole_project_rules_are_left_to_full_runs(project: Callable[..., Path]) -> None:
    root = project({"risks/R-001.yaml": RISK_TEXT.format(id="R-001", status="occurred")})
    assert hook(root, "risks/R-001.yaml") == (0, "riskdocs: 2 files checked, no problems found\n")
    full = run("validate", "--root", str(root), "--today", "2026-11-26")
    assert "warning [risk-occurred-unlinked]" in full.output


@pytest.mark.parametrize("shared", ["riskdocs.yaml", "scope/baseline.yaml"])
def test_a_change_to_shared_settings_checks_the_whole_project(
    project: Callable[..., Path], shared: str
) -> None:
    root = project({"risks/R-009-broken.yaml": "id: R-009\ntitle: [unclosed\n",
                    "scope/baseline.yaml": "deliverables: []\n"})  # fmt: skip
    code, out = hook(root, shared)
    assert code == 1 and "risks/R-009-broken.yaml:3:1: error [yaml-syntax]" in out


def test_a_deleted_file_checks_the_whole_project(repo: Repo) -> None:
    linked = COMMITMENT_TEXT + "links:\n  risks: [R-001]\n"
    repo.commit("start", {
        "commitments/C-001.yaml": linked,
        "risks/R-001.yaml": RISK_TEXT.format(id="R-001", status="open"),
        "risks/R-002.yaml": RISK_TEXT.format(id="R-002", status="open"),
    })  # fmt: skip
    repo.git("rm", "-q", "risks/R-001.yaml")
    repo.write({"risks/R-002.yaml": RISK_TEXT.format(id="R-002", status="watching")})
    repo.git("add", "-A")
    code, out = hook(repo.root, "risks/R-002.yaml")
    assert code == 1
    assert "commitments/C-001.yaml:9:11: error [unknown-reference] links.risks[0]: there is " \
        "no risk R-001" in out  # fmt: skip


def test_a_silent_slip_is_caught_before_it_is_committed(repo: Repo) -> None:
    repo.commit("promise", {"commitments/C-001.yaml": COMMITMENT_TEXT}, day="2026-11-02")
    repo.write({"commitments/C-001.yaml": COMMITMENT_TEXT.replace("2026-12-01", "2026-12-15")})
    repo.git("add", "-A")
    code, out = hook(repo.root, "commitments/C-001.yaml")
    assert code == 1
    assert re.search(r"commitments/C-001.yaml:6:6: error \[commitment-silent-slip\] .*"
                     r"2026-12-01 .*2026-12-15", out), out  # fmt: skip


def imported_modules(cwd: Path, *args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "riskdocs", *args],
                          cwd=cwd, capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip() for line in lines}


def top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


# Every riskdocs module a clean hook run imports besides the rules: each one is paid on
# every commit, so a new one must be a choice (the package __init__ files are empty).
HOOK_MODULES = {
    "riskdocs", "riskdocs.cli", "riskdocs.dates", "riskdocs.errors", "riskdocs.finding",
    "riskdocs.formats", "riskdocs.parallel", "riskdocs.suggest", "riskdocs.visible",
    "riskdocs.colour", "riskdocs.i18n", "riskdocs.words", "riskdocs.structs", "riskdocs._structs",
    "riskdocs.load", "riskdocs.load.kinds", "riskdocs.load.yamlsrc", "riskdocs.load.tree",
    "riskdocs.load.documents", "riskdocs.load.project",
    "riskdocs.model", "riskdocs.model.entities", "riskdocs.model.fields",
    "riskdocs.model.meetings", "riskdocs.model.settings", "riskdocs.model.build",
    "riskdocs.model.workdays", "riskdocs.model.acceptance",
    "riskdocs.model.earned", "riskdocs.model.authority", "riskdocs.model.stakeholders",
    "riskdocs.model.training", "riskdocs.model.scores",
    "riskdocs.checks", "riskdocs.checks.pipeline", "riskdocs.checks.sources",
    "riskdocs.checks.fastcheck", "riskdocs.checks.references", "riskdocs.checks.states",
    "riskdocs.history", "riskdocs.history.repo", "riskdocs.history.plan",
    "riskdocs.rules", "riskdocs.rules.base",
}  # fmt: skip


def test_the_hook_path_imports_no_heavy_library() -> None:
    modules = imported_modules(EXAMPLE, "validate", "--hook", "--today", "2026-11-26",
                               "commitments/C-001.yaml", "risks/R-001-gateway-sandbox.yaml",
                               "meetings/2026-11-19-weekly.md")  # fmt: skip
    assert "riskdocs.checks.sources" in modules
    assert top_level(modules).isdisjoint(HEAVY), sorted(top_level(modules) & set(HEAVY))
    assert "riskdocs.history.reader" not in modules and "riskdocs.checks.schema" not in modules
    rules = {rule.__name__ for rule in RULES.values()}
    assert {m for m in modules if m.startswith("riskdocs")} - rules == HOOK_MODULES


def test_jsonschema_is_imported_only_to_explain_an_error(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    risk = root / "risks" / "R-001-gateway-sandbox.yaml"
    risk.write_text(risk.read_text().replace("probability: 4", "probability: 9"))
    modules = imported_modules(root, "validate", "--hook", "--today", "2026-11-26",
                               "risks/R-001-gateway-sandbox.yaml")  # fmt: skip
    assert "jsonschema" in modules and "riskdocs.checks.schema" in modules


def test_a_project_in_a_sub_folder_of_the_repository(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=A", "-c", "user.email=a@example.com", *args],
                       cwd=tmp_path, check=True, capture_output=True)  # fmt: skip

    root = tmp_path / "docs" / "health"
    (root / "commitments").mkdir(parents=True)
    shutil.copy(BASE_CONFIG, root / "riskdocs.yaml")
    (root / "commitments" / "C-001.yaml").write_text(COMMITMENT_TEXT)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "promise")
    (root / "commitments" / "C-001.yaml").write_text(COMMITMENT_TEXT.replace("12-01", "12-15"))
    git("add", "-A")
    result = run("validate", "--hook", "--root", str(root), "--today", "2026-11-26",
                 str(root / "commitments" / "C-001.yaml"))  # fmt: skip
    assert result.exit_code == 1
    assert "commitments/C-001.yaml:6:6: error [commitment-silent-slip]" in result.output
