"""Rule modules document themselves, and everything generated from them is current.

Run `pytest --update-expected` to regenerate docs/rules.md and the `rules:` part
of schemas/config.schema.json after changing a rule; then read the diff.
"""

from __future__ import annotations

import json
import re

import pytest

from riskdocs.finding import Severity
from riskdocs.rules import RULES
from riskdocs.rules.base import AREAS
from riskdocs.rules.docs import level_schema, rules_markdown, rules_schema
from tests.conftest import REPO, run

DOCS = REPO / "docs" / "rules.md"
CONFIG_SCHEMA = REPO / "schemas" / "config.schema.json"


@pytest.mark.parametrize("rule_id", list(RULES))
def test_each_rule_module_follows_the_interface(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule_id)
    assert rule.__name__ == "riskdocs.rules." + rule_id.replace("-", "_")  # type: ignore[attr-defined]
    assert isinstance(rule.SEVERITY, Severity) and rule.AREA in AREAS
    doc = rule.__doc__ or ""
    assert doc.splitlines()[0].endswith(".")
    for part in ("Why it matters", "Passes", "Fails"):
        assert part in doc, f"{rule_id}: docstring lacks '{part}'"
    assert all(option.description.endswith(".") for option in rule.OPTIONS.values())
    test_module = REPO / "tests" / "rules" / f"test_{rule_id.replace('-', '_')}.py"
    assert test_module.is_file(), f"{rule_id} has no {test_module.name}"


def test_docs_page_is_generated_from_the_rules(update_expected: bool) -> None:
    if update_expected:
        DOCS.parent.mkdir(exist_ok=True)
        DOCS.write_text(rules_markdown())
    assert DOCS.read_text() == rules_markdown()


def test_config_schema_lists_every_rule_and_option(update_expected: bool) -> None:
    schema = json.loads(CONFIG_SCHEMA.read_text())
    if update_expected:
        schema["properties"]["rules"] = rules_schema()
        schema["definitions"]["ruleLevel"] = level_schema()
        CONFIG_SCHEMA.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    assert schema["properties"]["rules"] == rules_schema()
    assert schema["definitions"]["ruleLevel"] == level_schema()


def test_rules_command_lists_every_rule_and_built_in_check() -> None:
    result = run("rules")
    assert result.exit_code == 0
    for rule_id, rule in RULES.items():
        (line,) = [line for line in result.output.splitlines() if line.startswith(rule_id + " ")]
        assert rule.SEVERITY.value in line and rule.AREA in line
    assert "\nschema " in result.output and "\nunknown-reference " in result.output


def test_rules_command_explains_one_rule_with_its_options() -> None:
    result = run("rules", "commitment-due-soon")
    assert result.exit_code == 0
    assert result.output.startswith(
        "commitment-due-soon (default warning, area commitments, date-driven)\n"
        "Pre-commit hook: shown as a warning, never blocks (it records the state of the "
        "project), unless `block_commits: true`.\n\n"
        "Open commitments due within the next few days.\n"
    )
    blocking = run("rules", "milestone-silent-rebaseline").output.splitlines()[1]
    assert blocking == "Pre-commit hook: blocks the commit (a broken or dishonest record)."
    assert "  days: Warn this many days before the due date (0: only on the day). Default: 3." in (
        result.output
    )
    assert run("rules", "yaml-anchor").output.startswith("yaml-anchor (built-in check")


def test_rules_command_refuses_an_unknown_name() -> None:
    result = run("rules", "feedback-stael")
    assert result.exit_code == 2
    assert "no rule named 'feedback-stael' (did you mean 'feedback-stale'?)" in result.output
