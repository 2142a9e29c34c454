"""The rule engine through the real CLI: levels, options, `off`, ignore: with a reason,
hook mode, --rule, a crashing rule, and setup errors in the `rules:` section."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from riskdocs.rules import RULES, commitment_overdue
from tests.conftest import FIXTURES, TODAY, run

EVERY_RULE = FIXTURES / "invalid" / "every-rule"
CASES = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


@pytest.fixture
def every_rule(tmp_path: Path) -> Path:
    root = tmp_path / "every-rule"
    shutil.copytree(EVERY_RULE, root, ignore=shutil.ignore_patterns("expected.txt"))
    return root


def validate(root: Path, *args: str) -> tuple[int, list[str]]:
    result = run("validate", "--root", str(root), "--today", TODAY, *args)
    return result.exit_code, result.output.splitlines()


def configure(root: Path, text: str) -> None:
    with (root / "riskdocs.yaml").open("a") as settings:
        settings.write(text)


def rule_of(line: str) -> str:
    return line.split("[", 1)[1].split("]", 1)[0]


HISTORY_RULES = {name for name, rule in RULES.items() if rule.NEEDS_HISTORY}
# Tripped in other cases: an unsigned scope (ids-and-names) and a closed project (closed).
ELSEWHERE = {"scope-unsigned", "closure-items-untransferred"}
FIXTURE_RULES = [r for r in RULES if r not in HISTORY_RULES and r not in ELSEWHERE]


def test_every_rule_is_tripped_by_a_fixture_project() -> None:
    # History rules need a repository: tests/rules/test_<rule>.py builds them commit by commit.
    tripped = {
        rule_of(line)
        for case in CASES
        for line in (case / "expected.txt").read_text().splitlines()
        if "[" in line
    }
    assert set(RULES) - tripped - HISTORY_RULES == set()


@pytest.mark.parametrize("rule", FIXTURE_RULES)
def test_off_removes_exactly_that_rules_findings(every_rule: Path, rule: str) -> None:
    _, before = validate(every_rule)
    configure(every_rule, f"rules:\n  {rule}: off\n")
    _, after = validate(every_rule)
    assert [line for line in before[:-1] if f"[{rule}]" not in line] == after[:-1]
    assert len(after) < len(before)


@pytest.mark.parametrize("rule", FIXTURE_RULES)
def test_a_level_changes_that_rules_severity(every_rule: Path, rule: str) -> None:
    level = "info" if RULES[rule].SEVERITY.value != "info" else "error"
    configure(every_rule, f"rules:\n  {rule}:\n    level: {level}\n")
    _, lines = validate(every_rule)
    assert {line.split(" ")[1] for line in lines if f"[{rule}]" in line} == {level}


def test_ignore_silences_one_rule_for_one_entity_and_keeps_the_reason(every_rule: Path) -> None:
    reason = "client paused the work, see meeting 2026-11-20"
    with (every_rule / "commitments" / "C-001.yaml").open("a") as file:
        file.write(f'ignore:\n  commitment-overdue: "{reason}"\n')
    _, lines = validate(every_rule)
    assert not [line for line in lines if "[commitment-overdue]" in line]
    assert lines[-1].endswith("(1 ignored by `ignore:`)")
    _, shown = validate(every_rule, "--show-ignored")
    assert (
        "commitments/C-001.yaml:6:6: ignored [commitment-overdue] C-001 was due 2026-11-20"
    ) in "\n".join(shown)
    assert f"(ignored: {reason})" in "\n".join(shown)
    data = json.loads(run("validate", "--root", str(every_rule), "--today", TODAY,
                          "--format", "json").output)  # fmt: skip
    (ignored,) = [f for f in data["findings"] if f["rule"] == "commitment-overdue"]
    assert ignored["ignored"] == reason
    sarif = json.loads(run("validate", "--root", str(every_rule), "--today", TODAY,
                           "--format", "sarif").output)  # fmt: skip
    suppressed = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert suppressed[0]["suppressions"] == [{"kind": "inSource", "justification": reason}]


def test_ignored_errors_do_not_fail_the_run(
    project: Callable[..., Path],
) -> None:
    commitment = (
        "id: C-001\ntitle: t\nowner: alice\nto: dana\nmade: 2026-11-01\ndue: 2026-11-20\n"
        "status: open\nignore:\n  commitment-overdue: paused by the client\n"
    )
    root = project({"commitments/C-001.yaml": commitment})
    code, lines = validate(root)
    assert (code, lines) == (0, ["riskdocs: 2 files checked, no problems found (1 ignored by "
                                 "`ignore:`)"])  # fmt: skip


def test_an_ignore_key_that_names_no_rule_is_an_error_at_the_key(
    project: Callable[..., Path],
) -> None:
    risk = (
        "id: R-001\ntitle: t\nowner: alice\nraised: 2026-11-20\nprobability: 1\nimpact: 1\n"
        "status: open\nignore:\n  risk-review-overdu: reviewed in the steering meeting\n"
    )
    code, lines = validate(project({"risks/R-001.yaml": risk}))
    assert code == 1
    assert lines[0] == (
        "risks/R-001.yaml:9:3: error [unknown-rule] 'risk-review-overdu' is not a health rule "
        "(did you mean 'risk-review-overdue'?); `riskdocs rules` lists them"
    )


def test_hook_mode_blocks_only_broken_or_dishonest_records(every_rule: Path) -> None:
    code, lines = validate(every_rule, "--hook")
    assert code == 1  # broken or dishonest records still fail the hook
    levels = {rule_of(line): line.split(" ")[1] for line in lines[:-1]}
    assert levels["commitment-overdue"] == "warning"
    assert levels["meeting-cadence-missed"] == "warning"
    assert levels["milestone-beyond-buffer"] == "warning"  # bad news, recorded honestly
    assert levels["risk-high-unplanned"] == "warning"
    assert levels["decision-by-team"] == "error"
    blocking = {r for r, rule in RULES.items() if rule.BLOCKS_COMMITS}
    assert not any(RULES[r].DATE_DRIVEN for r in blocking)  # time passing never blocks
    configure(every_rule, "rules:\n  commitment-overdue: {block_commits: true}\n")
    _, lines = validate(every_rule, "--hook")
    assert {rule_of(line): line.split(" ")[1] for line in lines[:-1]}["commitment-overdue"] == (
        "error"
    )


def test_hook_mode_passes_when_only_time_has_passed(project: Callable[..., Path]) -> None:
    commitment = (
        "id: C-001\ntitle: t\nowner: alice\nto: dana\nmade: 2026-11-01\ndue: 2026-11-20\n"
        "status: open\n"
    )
    root = project({"commitments/C-001.yaml": commitment})
    assert validate(root)[0] == 1
    assert validate(root, "--hook")[0] == 0


def test_rule_option_selects_rules_and_built_in_checks(every_rule: Path) -> None:
    code, lines = validate(every_rule, "--rule", "milestone-overdue", "--rule", "feedback-low")
    assert sorted(rule_of(line) for line in lines[:-1]) == ["feedback-low", "milestone-overdue"]
    assert code == 1
    (every_rule / "risks" / "R-009.yaml").write_text("id: R-009\n")
    _, lines = validate(every_rule, "--rule", "schema")
    assert {rule_of(line) for line in lines[:-1]} == {"schema"}


def test_an_unknown_rule_name_is_a_usage_error(every_rule: Path) -> None:
    result = run("validate", "--root", str(every_rule), "--rule", "commitment-overdu")
    assert result.exit_code == 2
    assert "no rule named 'commitment-overdu' (did you mean 'commitment-overdue'?)" in (
        result.output
    )


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            "rules:\n  comitment-overdue: off\n",
            "riskdocs.yaml:20:3: error [schema] rules: unknown field 'comitment-overdue' "
            "(did you mean 'commitment-overdue'?)",
        ),
        (
            "rules:\n  commitment-due-soon:\n    dayz: 5\n",
            "riskdocs.yaml:21:5: error [schema] rules.commitment-due-soon: unknown field 'dayz' "
            "(did you mean 'days'?)",
        ),
        (
            "rules:\n  commitment-due-soon: warn\n",
            "riskdocs.yaml:20:24: error [schema] rules.commitment-due-soon: 'warn' is not one of: "
            "error, warning, info, off; did you mean 'warning'?",
        ),
        (
            "rules:\n  commitment-due-soon:\n    days: soon\n",
            "riskdocs.yaml:21:11: error [schema] rules.commitment-due-soon.days: expected a "
            "whole number of at least 0, got 'soon': write a whole number of at least 0",
        ),
        (
            "thresholds:\n  risk_bands: {high: 8, medium: 10}\n",
            "riskdocs.yaml:20:22: error [config] thresholds.risk_bands: high (8) must be above "
            "medium (10)",
        ),
    ],
)
def test_a_bad_rules_section_is_a_setup_error_with_its_line(
    project: Callable[..., Path], settings: str, message: str
) -> None:
    root = project()
    configure(root, settings)
    result = run("validate", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == message


def test_an_unknown_time_zone_is_a_setup_error(project: Callable[..., Path]) -> None:
    root = project()
    text = (root / "riskdocs.yaml").read_text()
    (root / "riskdocs.yaml").write_text(
        text.replace(
            "  client: Fixture client\n", "  client: Fixture client\n  timezone: Mars/Olympus\n"
        )
    )
    result = run("validate", "--root", str(root))
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == (
        "riskdocs.yaml:4:13: error [config] project.timezone: 'Mars/Olympus' is not an IANA "
        "time zone name; write e.g. Europe/Berlin or America/New_York"
    )


def test_a_crashing_rule_becomes_an_internal_error_and_the_others_still_run(
    every_rule: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(commitment_overdue, "check", crash)
    code, lines = validate(every_rule)
    assert code == 1
    assert (
        "riskdocs.yaml: error [internal-error] rule commitment-overdue crashed "
        "(ZeroDivisionError: division by zero)"
    ) in "\n".join(lines)
    assert any("[milestone-overdue]" in line for line in lines)


# Project-level rules have no entity to carry `ignore:`; adjust them under `rules:`.
PROJECT_LEVEL = {"meeting-cadence-missed", "feedback-stale", "feedback-dropping", "feedback-low",
                 "cost-overrun-forecast", "cost-actuals-missing", "budget-plan-mismatch",
                 "defects-rising", "closure-missing", "closure-no-retrospective",
                 "stakeholder-unheard", "training-not-held", "feedback-unanswered"}  # fmt: skip
# Findings in a file whose entity lives in another: the re-sign names a change request.
ENTITY_FILE = {"scope-resign-unapproved": "scope/changes/CR-001.yaml"}


def add_ignore(root: Path, path: str, rule: str, line: int = 0) -> None:
    """Silence `rule` on the entity that a finding at `path`:`line` is about."""
    file = root / path
    text = file.read_text()
    entry = f"{rule}: agreed with the client"
    if path.endswith(".md"):
        head, _, body = text.partition("\n---\n")
        text = f"{head}\nignore: {{{entry}}}\n---\n{body}"
    elif path == "scope/baseline.yaml":  # the deliverable whose item holds the line
        lines = text.splitlines(keepends=True)
        start = max(i for i, x in enumerate(lines[:line]) if x.startswith("  - id:"))
        lines.insert(start + 1, f"    ignore: {{{entry}}}\n")
        text = "".join(lines)
    else:
        text += f"ignore:\n  {entry}\n"
    file.write_text(text)


@pytest.mark.parametrize("rule", [r for r in FIXTURE_RULES if r not in PROJECT_LEVEL])
def test_ignore_silences_each_entity_rule(every_rule: Path, rule: str) -> None:
    _, before = validate(every_rule)
    (line,) = [line for line in before if f"[{rule}]" in line]
    add_ignore(every_rule, ENTITY_FILE.get(rule, line.split(":")[0]), rule, int(line.split(":")[1]))
    _, after = validate(every_rule, "--show-ignored")
    (shown,) = [line for line in after if f"[{rule}]" in line]
    assert f"ignored [{rule}]" in shown and shown.endswith("(ignored: agreed with the client)")

    # everything else is unchanged (but for line numbers, when a line was inserted)
    def without_places(lines: list[str], left_out: str) -> list[str]:
        return [x.split(" ", 1)[1] for x in lines[:-1] if x != left_out]

    assert without_places(after, shown) == without_places(before, line)
