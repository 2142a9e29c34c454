"""The README's claims about rules and their output stay true."""

from __future__ import annotations

import re
from pathlib import Path

from riskdocs.rules import RULES
from tests.conftest import EXAMPLE, REPO, run

README = (REPO / "README.md").read_text()


def section(title: str) -> str:
    start = README.index(title)
    end = README.find("\n#", start + len(title))
    return README[start:end]


def test_the_quick_start_builds_the_example_page(tmp_path: Path) -> None:
    command = next(line for line in README.splitlines() if " riskdocs report " in line)
    args = command.split("riskdocs report ", 1)[1].split()
    args[args.index("-o") + 1] = str(tmp_path / "site")
    args[args.index("--root") + 1] = str(EXAMPLE)
    result = run("report", *args)
    assert result.exit_code == 0 and "overall health amber" in result.output
    assert (tmp_path / "site" / "index.html").is_file()


def test_the_quick_start_output_is_what_the_example_prints() -> None:
    output = run("validate", "--root", str(EXAMPLE), "--today", "2026-11-26").output
    assert output.splitlines()[-1] == "riskdocs: 36 files checked: 1 warning, 2 info"
    assert "`riskdocs: 36 files checked: 1 warning, 2 info`" in README


def test_rule_findings_shown_in_the_readme_are_real_output_three_weeks_later() -> None:
    output = run("validate", "--root", str(EXAMPLE), "--today", "2026-12-20").output
    shown = [
        line for line in README.splitlines() if re.match(r"^\S+:\d+:\d+: \w+ \[[a-z-]+\] ", line)
    ]
    rule_lines = [line for line in shown if line.split("[")[1].split("]")[0] in RULES]
    assert len(rule_lines) == 2
    for line in rule_lines:
        assert line in output.splitlines()


def test_every_rule_is_in_the_area_table() -> None:
    table = section("## Health rules")
    for rule_id, rule in RULES.items():
        (row,) = [line for line in table.splitlines() if f"`{rule_id}`" in line]
        assert row.startswith(f"| {rule.AREA} |"), rule_id


def test_the_date_driven_list_is_exactly_the_date_driven_rules() -> None:
    text = section("### Date-driven rules")
    listed = set(re.findall(r"`([a-z]+(?:-[a-z]+)+)`", text.split("A commit")[0]))
    assert listed == {rule_id for rule_id, rule in RULES.items() if rule.DATE_DRIVEN}


def test_every_built_in_check_is_in_the_findings_table() -> None:
    from riskdocs.checks.catalog import BUILTIN_CHECKS

    listed = set(re.findall(r"^\| `([a-z-]+)` \| (?:error|warning|info)", README, re.MULTILINE))
    assert set(BUILTIN_CHECKS) <= listed, sorted(set(BUILTIN_CHECKS) - listed)
