"""The editor claims, checked in the real yaml-language-server over LSP (npm, pinned in
tests/js): the files `init` writes are clean, a mistake is underlined where it is,
completion inserts YAML that validates, and dates are checked as `validate` checks them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run
from tests.lsp import YamlLanguageServer

DAY = "2026-11-26"
PLACEHOLDER = re.compile(r"\$\{\d+:([^}]*)\}|\$\{\d+\|([^,|]*)[^}]*\}|\$\d+")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("editor") / "p"
    assert run("init", str(root), "--today", DAY).exit_code == 0
    return root


@pytest.fixture(scope="module")
def server(project: Path) -> Iterator[YamlLanguageServer]:
    started = YamlLanguageServer(project)
    yield started
    started.close()


def lines_of(diagnostics: list[dict[str, object]]) -> list[tuple[int, str]]:
    return [(d["range"]["start"]["line"] + 1, str(d["message"])) for d in diagnostics]  # type: ignore[index]


def test_every_file_init_writes_is_clean_in_the_editor(
    project: Path, server: YamlLanguageServer
) -> None:
    files = [p for p in sorted(project.rglob("*.yaml")) if ".riskdocs" not in p.parts]
    assert len(files) >= 12
    for path in files:
        assert server.diagnostics_of(path) == [], path


def test_a_mistake_is_underlined_on_its_line(project: Path, server: YamlLanguageServer) -> None:
    risk = next((project / "risks").glob("R-001*.yaml"))
    broken = project / "risks" / "R-050-broken.yaml"
    text = risk.read_text().replace("id: R-001", "id: R-050")
    broken.write_text(
        text.replace("impact: 4", "impact: 9").replace("status: open", "status: opne")
    )
    found = lines_of(server.diagnostics_of(broken))
    impact = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("impact:")))
    status = text.splitlines().index("status: open")
    assert {line for line, _ in found} == {impact + 1, status + 1}, found
    broken.unlink()


DAYS = [("2026-02-28", True), ("2024-02-29", True), ("2026-02-30", False),
        ("2026-02-29", False), ("2026-13-01", False), ("2026-04-31", False)]  # fmt: skip


@pytest.mark.parametrize(("day", "valid"), DAYS)
def test_dates_are_checked_as_validate_checks_them(
    project: Path, server: YamlLanguageServer, day: str, valid: bool
) -> None:
    """Found in use: the editor accepted 2026-02-30, and for 2026-13-45 said "write
    YYYY-MM-DD", which it already was."""
    path = project / "concerns" / "Q-050.yaml"
    text = (project / "concerns" / "Q-001.yaml").read_text().replace("id: Q-001", "id: Q-050")
    path.write_text(re.sub(r"^raised: \S+", f"raised: {day}", text, flags=re.MULTILINE))
    editor = lines_of(server.diagnostics_of(path))
    checked = run("validate", "--root", str(project), "--today", DAY, str(path))
    assert (editor == []) is valid and (checked.exit_code == 0) is valid, (editor, checked.output)
    if not valid:
        assert "not a real calendar date" in editor[0][1]
    path.unlink()


def test_completion_inserts_fields_and_a_whole_risk_that_validate(
    project: Path, server: YamlLanguageServer
) -> None:
    """Found in use: `status`, `category`, `response`, `visibility` were inserted without
    `: `, and the whole-risk snippet wrote `probability: 0`, three errors at once."""
    path = project / "risks" / "R-002-new.yaml"
    head = "# yaml-language-server: $schema=../.riskdocs/schemas/risk.schema.json\n"
    path.write_text(head + "\n")
    items = {i["label"]: i.get("insertText", i["label"]) for i in server.completion(path, 1, 0)}
    for field in ("status", "category", "response", "visibility", "probability", "impact"):
        assert str(items[field]).startswith(f"{field}: "), (field, items[field])
    snippet = PLACEHOLDER.sub(lambda m: m.group(1) or m.group(2) or "", str(items["riskdocs risk"]))
    assert "id: R-002\n" in snippet  # the next free id, from the project's schema
    path.write_text(head + snippet + "\n")
    assert server.diagnostics_of(path) == []
    checked = run("validate", "--root", str(project), "--today", DAY, str(path))
    assert checked.exit_code == 0, checked.output
    path.unlink()


def test_rule_levels_complete_under_rules(project: Path, server: YamlLanguageServer) -> None:
    """Found in use: rule levels under `rules:` got no completion at all."""
    config = project / "riskdocs.yaml"
    original = config.read_text()
    lines = original.splitlines()
    at = lines.index("rules:") + 1
    lines.insert(at, "  commitment-overdue: ")
    config.write_text("\n".join(lines) + "\n")
    try:
        offered = [i["label"] for i in server.completion(config, at, len(lines[at]))]
        assert offered[:3] == ["error", "warning", "info"] and len(offered) == 4
        rules = [i["label"] for i in server.completion(config, at, 2)]
        assert "commitment-overdue" in rules and "scope-resign-unapproved" in rules
    finally:
        config.write_text(original)


def test_person_fields_offer_the_projects_people_and_flag_others(
    project: Path, server: YamlLanguageServer
) -> None:
    """Found in use: `owner:` offered the schema's examples (alice, client-pm), and
    choosing one was an error."""
    path = project / "commitments" / "C-050.yaml"
    text = (project / "commitments" / "C-001.yaml").read_text().replace("id: C-001", "id: C-050")
    lines = re.sub(r"(?m)^owner: .*$", "owner: ", text).splitlines()
    at = next(i for i, line in enumerate(lines) if line == "owner: ")
    path.write_text("\n".join(lines) + "\n")
    offered = {i["label"]: str(i.get("documentation", "")) for i in server.completion(path, at, 7)}
    assert set(offered) == {"pm", "lead", "client-po", "client-sponsor"}, offered
    assert "Casey Novak, client side, Product owner" in offered["client-po"]
    lines[at] = "owner: alice"
    path.write_text("\n".join(lines) + "\n")
    assert [line for line, _ in lines_of(server.diagnostics_of(path))] == [at + 1]
    path.unlink()


def test_links_offer_the_projects_ids_and_a_new_file_the_next_id(
    project: Path, server: YamlLanguageServer
) -> None:
    concerns = sorted(int(p.name[2:5]) for p in (project / "concerns").glob("Q-*.yaml"))
    path = project / "concerns" / "Q-051.yaml"
    text = (project / "concerns" / "Q-001.yaml").read_text().replace("id: Q-001", "id: ")
    path.write_text(re.sub(r"(?ms)^links:.*?(?=^\S|\Z)", "", text) + "links:\n  risks:\n    - \n")
    lines = path.read_text().splitlines()
    risks = sorted(p.name[:5] for p in (project / "risks").glob("R-*.yaml"))
    offered = [i["label"] for i in server.completion(path, len(lines) - 1, 6)]
    assert offered == risks, offered
    at = lines.index("id: ")
    ids = [i["label"] for i in server.completion(path, at, 4)]
    assert ids == [f"Q-{concerns[-1] + 1:03d}"], ids
    path.unlink()


def test_stale_editor_schemas_are_a_warning_until_refreshed(tmp_path: Path) -> None:
    root = tmp_path / "p"
    assert run("init", str(root), "--today", DAY).exit_code == 0
    config = root / "riskdocs.yaml"
    config.write_text(config.read_text().replace(
        "  lead:\n", "  qa:\n    name: Quinn Ash\n    side: team\n  lead:\n", 1))  # fmt: skip
    stale = run("validate", "--root", str(root), "--today", DAY)
    assert stale.exit_code == 0
    assert "[editor-schemas]" in stale.output and "people added: qa" in stale.output
    assert "riskdocs schema --refresh" in stale.output
    before = {p.name: p.read_text() for p in root.rglob("*") if p.is_file()}
    refreshed = run("schema", "--refresh", "--root", str(root))
    assert refreshed.output == "riskdocs: refreshed .riskdocs/schemas/common.schema.json\n"
    after = {p.name: p.read_text() for p in root.rglob("*") if p.is_file()}
    assert [n for n in after if after[n] != before[n]] == ["common.schema.json"]
    assert '"qa"' in after["common.schema.json"]
    meeting = json.loads(after["meeting.schema.json"])["properties"]["cadence"]
    assert meeting["enum"] == ["weekly-status", "monthly-steering", "team-retro"]
    clean = run("validate", "--root", str(root), "--today", DAY)
    assert clean.output.endswith("no problems found\n"), clean.output
    assert run("schema", "--refresh", "--root", str(root)).output.endswith("up to date\n")
    new = run("new", "risk", "--title", "Vendor late", "--root", str(root), "--today", DAY)
    assert new.exit_code == 0, new.output
    assert run("validate", "--root", str(root), "--today", DAY).output == clean.output.replace(
        "16 files", "17 files")  # fmt: skip


def test_a_broken_file_does_not_make_the_editor_schemas_look_stale(tmp_path: Path) -> None:
    """Found in use: a meeting note that failed its schema left the model, so its path
    looked gone from the editor's schemas and validate warned about them too."""
    root = tmp_path / "p"
    assert run("init", str(root), "--today", DAY).exit_code == 0
    note = next((root / "meetings").glob("*.md"))
    note.write_text(note.read_text().replace("kind: ", "minutes: 30\nkind: ", 1))
    checked = run("validate", "--root", str(root), "--today", DAY)
    assert "[schema]" in checked.output and "editor-schemas" not in checked.output


def test_the_contract_and_a_deliverables_acceptance_complete_in_the_editor(
    project: Path, server: YamlLanguageServer
) -> None:
    contract = project / "contract" / "contract.yaml"
    original = contract.read_text()
    lines = original.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("type: "))
    lines[at] = "type: "
    contract.write_text("\n".join(lines) + "\n")
    try:
        offered = [i["label"] for i in server.completion(contract, at, 6)]
        assert offered == ["fixed_price", "time_and_materials"], offered
        lines[at] = "type: fixed"
        contract.write_text("\n".join(lines) + "\n")
        assert [line for line, _ in lines_of(server.diagnostics_of(contract))] == [at + 1]
    finally:
        contract.write_text(original)
    scope = project / "scope" / "baseline.yaml"
    original = scope.read_text()
    lines = original.splitlines()
    at = lines.index("    state: in_progress")
    lines[at] = "    state: "
    scope.write_text("\n".join(lines) + "\n")
    try:
        states = [i["label"] for i in server.completion(scope, at, 11)]
        assert states == ["planned", "in_progress", "submitted", "accepted", "rejected"], states
        lines[at : at + 1] = ["    state: accepted", "    accepted:", "      by: "]
        scope.write_text("\n".join(lines) + "\n")
        people = {i["label"] for i in server.completion(scope, at + 2, 10)}
        assert people == {"pm", "lead", "client-po", "client-sponsor"}, people
    finally:
        scope.write_text(original)


def test_authority_the_agenda_and_training_topics_complete_in_the_editor(
    project: Path, server: YamlLanguageServer
) -> None:
    config = project / "riskdocs.yaml"
    original = config.read_text()
    lines = original.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("    decides: [schedule]"))
    lines[at : at + 1] = ["    decides:", "      - "]
    config.write_text("\n".join(lines) + "\n")
    try:
        offered = [i["label"] for i in server.completion(config, at + 1, 8)]
        assert offered == ["scope", "schedule", "budget", "acceptance", "risk"], offered
        lines[at + 1] = "      - approve"
        config.write_text("\n".join(lines) + "\n")
        assert [line for line, _ in lines_of(server.diagnostics_of(config))] == [at + 2]
    finally:
        config.write_text(original)
    # a meeting note's front matter is Markdown to an editor: the schema it would use
    kept = json.loads((project / ".riskdocs" / "schemas" / "meeting.schema.json").read_text())
    topics = kept["properties"]["training"]["items"]
    assert (topics["enum"], topics["enumDescriptions"]) == (
        ["editing-pages"],
        ["Editing pages in the new content system"],
    )
