"""`riskdocs lsp` driven over stdio as an editor drives it (initialize, open, change, save,
completion, hover, code action): its diagnostics are `validate`'s findings, on every
fixture project, at the same line and column."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLE, FIXTURES, TODAY, run
from tests.lsp import LanguageClient

PROJECTS = [EXAMPLE, *sorted((FIXTURES / "valid").iterdir()),
            *sorted((FIXTURES / "invalid").iterdir())]  # fmt: skip


class RiskdocsLsp(LanguageClient):
    def __init__(self, root: Path) -> None:
        super().__init__([sys.executable, "-m", "riskdocs", "lsp", "--today", TODAY], root)
        self.settle()

    def settle(self) -> None:
        """A request answered after every notification sent before it was handled: what
        was published by then is in `diagnostics`."""
        self.request("textDocument/hover", {"textDocument": {"uri": "file:///nowhere.yaml"},
                                            "position": {"line": 0, "character": 0}})  # fmt: skip

    def change(self, path: Path, text: str) -> list[dict[str, Any]]:
        uri = path.as_uri()
        if uri not in self.versions:
            self.versions[uri] = 1
            opened = {"uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text()}
            self.notify("textDocument/didOpen", {"textDocument": opened})
        self.versions[uri] += 1
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": self.versions[uri]},
            "contentChanges": [{"text": text}]})  # fmt: skip
        self.settle()
        return self.diagnostics.get(uri, [])


@pytest.fixture
def server(example: Path) -> Iterator[RiskdocsLsp]:
    started = RiskdocsLsp(example)
    yield started
    started.close()


def published(client: LanguageClient, root: Path) -> set[tuple[str, int, int, str, str, str]]:
    seen = set()
    names = {1: "error", 2: "warning", 3: "info"}
    for uri, diagnostics in client.diagnostics.items():
        path = Path(uri.removeprefix("file://")).relative_to(root).as_posix()
        for d in diagnostics:
            start = d["range"]["start"]
            seen.add((path, start["line"] + 1, start["character"] + 1, d["code"],
                      names[d["severity"]], d["message"]))  # fmt: skip
    return seen


def validated(root: Path) -> set[tuple[str, int, int, str, str, str]]:
    result = run("validate", "--root", str(root), "--format", "json", "--today", TODAY)
    assert result.exit_code in (0, 1, 2), result.output
    found = json.loads(result.output)["findings"] if result.output.startswith("{") else []
    return {(f["path"], f["line"] or 1, f["col"] or 1, f["rule"], f["severity"], f["message"])
            for f in found if not f["ignored"]}  # fmt: skip


@pytest.mark.parametrize("project", PROJECTS, ids=lambda p: p.name)
def test_the_diagnostics_are_validate_s_findings_on_every_fixture_project(
    project: Path, tmp_path: Path
) -> None:
    root = tmp_path / project.name
    shutil.copytree(
        project, root, ignore=shutil.ignore_patterns("__pycache__", "*.py", "expected*")
    )
    client = RiskdocsLsp(root)
    try:
        assert published(client, root) == validated(root)
    finally:
        client.close()


def test_a_keystroke_rechecks_the_file_and_a_fix_clears_it(
    example: Path, server: RiskdocsLsp
) -> None:
    risk = example / "risks" / "R-002-sso-approval.yaml"
    text = risk.read_text()
    found = server.change(risk, text.replace("probability: 3", "probability: 7"))
    assert [(d["code"], d["range"]["start"]["line"] + 1) for d in found] == [
        ("schema", text.splitlines().index("probability: 3") + 1)]  # fmt: skip
    assert "probability" in found[0]["message"]
    assert server.change(risk, text) == []
    assert risk.read_text() == text  # nothing was written


def test_a_broken_action_item_is_flagged_at_its_column(example: Path, server: RiskdocsLsp) -> None:
    note = next((example / "meetings").glob("*weekly*.md"))
    text = note.read_text()
    broken = text + "\n- [ ] @bob chase the vendor due:2026-13-45\n"
    found = server.change(note, broken)
    (item,) = [d for d in found if d["code"] == "action-item-syntax"]
    line = broken.splitlines()[item["range"]["start"]["line"]]
    assert line.startswith("- [ ] @bob chase the vendor")
    assert line[item["range"]["start"]["character"] :] == "2026-13-45"  # the value, as validate
    assert item["range"]["end"]["character"] == len(line)


def test_an_unknown_owner_is_a_cross_file_finding_while_typing(
    example: Path, server: RiskdocsLsp
) -> None:
    commitment = example / "commitments" / "C-004.yaml"
    text = commitment.read_text()
    found = server.change(commitment, text.replace("owner: alice", "owner: alicia"))
    assert [d["code"] for d in found if d["code"] == "unknown-reference"] == ["unknown-reference"]
    assert "alicia" in next(d["message"] for d in found if d["code"] == "unknown-reference")


def labels(server: RiskdocsLsp, path: Path, text: str, line: int, character: int) -> set[str]:
    server.change(path, text)
    at = {"line": line, "character": character}
    result = server.request("textDocument/completion",
                            {"textDocument": {"uri": path.as_uri()}, "position": at})  # fmt: skip
    return {i["label"] for i in result["items"]}


def test_completion_knows_people_ids_cadences_rules_and_dates(
    example: Path, server: RiskdocsLsp
) -> None:
    path = example / "commitments" / "C-099.yaml"
    path.write_text("")
    people = {"alice", "bob", "chen", "dana", "erik", "farah"}
    assert people <= labels(server, path, "owner: ", 0, 7)
    assert people <= labels(server, path, "attendees: [alice, ", 0, 20)
    assert {"R-001", "R-002", "R-003"} <= labels(server, path, "links:\n  risks: [", 1, 10)
    assert {"CR-001", "CR-002"} <= labels(server, path, "links:\n  change_requests:\n    - ", 2, 6)
    assert "weekly-status" in labels(server, path, "cadence: ", 0, 9)
    assert "commitment-overdue" in labels(server, path, "ignore:\n  ", 1, 2)
    assert labels(server, path, "due: ", 0, 5) == {TODAY}
    note = example / "meetings" / "2026-11-30-weekly.md"
    note.write_text("")
    assert people <= labels(server, note, "---\ndate: 2026-11-30\n---\n- [ ] @", 3, 7)


def test_hover_names_an_entity_a_person_and_a_rule(example: Path, server: RiskdocsLsp) -> None:
    path = example / "commitments" / "C-004.yaml"
    server.change(path, "links:\n  risks: [R-001]\nowner: dana\nignore:\n  commitment-overdue: x\n")

    def hover(line: int, character: int) -> str:
        result = server.request("textDocument/hover", {"textDocument": {"uri": path.as_uri()},
                                "position": {"line": line, "character": character}})  # fmt: skip
        return str(result["contents"]["value"])

    assert hover(1, 12).startswith("**R-001** Payment gateway vendor may miss the sandbox date")
    assert "state: open" in hover(1, 12)
    assert hover(2, 8) == "**Dana Kowalski** (client, Product owner)"
    rule = hover(4, 5)
    assert rule.startswith("**commitment-overdue** · error · commitments: ")
    assert rule.endswith("`riskdocs rules commitment-overdue` explains it")


def test_code_actions_fix_what_riskdocs_can_name(example: Path, server: RiskdocsLsp) -> None:
    risk = example / "risks" / "R-002-sso-approval.yaml"
    text = risk.read_text()
    cut = text.replace("title: Single sign-on", "title: Single sign-on #2")
    found = server.change(risk, cut)
    (comment,) = [d for d in found if d["code"] == "yaml-comment-in-value"]
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": risk.as_uri()}, "range": comment["range"],
        "context": {"diagnostics": [comment]}})  # fmt: skip
    (edit,) = actions[0]["edit"]["changes"][risk.as_uri()]
    assert edit["newText"].startswith('title: "Single sign-on #2')
    clash = text.replace("id: R-002", "id: R-001")
    found = server.change(risk, clash)
    mismatch = [d for d in found if d["code"] == "id-filename-mismatch"]
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": risk.as_uri()}, "range": mismatch[0]["range"],
        "context": {"diagnostics": mismatch}})  # fmt: skip
    assert actions[0]["title"] == "Use the next free id, R-005"
    assert actions[0]["edit"]["changes"][risk.as_uri()][0]["newText"] == "id: R-005"


def test_a_save_checks_the_whole_project(example: Path, server: RiskdocsLsp) -> None:
    config = example / "riskdocs.yaml"
    text = config.read_text()
    config.write_text(text.replace("  alice:\n", "  alicia:\n", 1))
    server.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    server.settle()
    assert any(d["code"] == "unknown-reference" for ds in server.diagnostics.values() for d in ds)
    config.write_text(text)
    server.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    server.settle()
    assert published(server, example) == validated(example)


def test_a_silent_slip_gets_the_renegotiated_entry_it_needs(example: Path) -> None:
    git = ["git", "-C", str(example), "-c", "user.name=A", "-c", "user.email=a@example.com"]
    subprocess.run(["git", "init", "-q", str(example)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "start"], check=True)
    promise = example / "commitments" / "C-004.yaml"
    promise.write_text(promise.read_text().replace("due: 2026-11-27", "due: 2026-12-04"))
    client = RiskdocsLsp(example)
    try:
        (slip,) = [d for d in client.diagnostics[promise.as_uri()]
                   if d["code"] == "commitment-silent-slip"]  # fmt: skip
        client.change(promise, promise.read_text())
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": promise.as_uri()}, "range": slip["range"],
            "context": {"diagnostics": [slip]}})  # fmt: skip
        assert actions[0]["title"] == (
            "Record the move from 2026-11-27 to 2026-12-04 as agreed by Erik Lund (renegotiated:)"
        )
        (edit,) = actions[0]["edit"]["changes"][promise.as_uri()]
        assert "renegotiated:\n  - on: 2026-11-26\n    from: 2026-11-27\n    to: 2026-12-04\n" in (
            edit["newText"])  # fmt: skip
        client.change(promise, edit["newText"])  # the editor applies the edit, then saves
        promise.write_text(edit["newText"])
        client.notify("textDocument/didSave", {"textDocument": {"uri": promise.as_uri()}})
        client.settle()
        codes = {d["code"] for d in client.diagnostics.get(promise.as_uri(), [])}
        assert "commitment-silent-slip" not in codes
        assert "commitment-renegotiation-mismatch" not in codes
        # a milestone's baseline: the rebaselined: entry, agreed by the client's scheduler
        milestone = example / "milestones" / "M-02.yaml"
        text = milestone.read_text().replace("baseline: 2026-12-11", "baseline: 2026-12-15")
        milestone.write_text(text)
        client.change(milestone, text)
        client.notify("textDocument/didSave", {"textDocument": {"uri": milestone.as_uri()}})
        client.settle()
        (moved,) = [d for d in client.diagnostics[milestone.as_uri()]
                    if d["code"] == "milestone-silent-rebaseline"]  # fmt: skip
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": milestone.as_uri()}, "range": moved["range"],
            "context": {"diagnostics": [moved]}})  # fmt: skip
        assert actions[0]["title"] == (
            "Record the move from 2026-12-11 to 2026-12-15 as agreed by Dana Kowalski "
            "(rebaselined:)")  # fmt: skip
        fixed = actions[0]["edit"]["changes"][milestone.as_uri()][0]["newText"]
        client.change(milestone, fixed)
        milestone.write_text(fixed)
        client.notify("textDocument/didSave", {"textDocument": {"uri": milestone.as_uri()}})
        client.settle()
        codes = {d["code"] for d in client.diagnostics.get(milestone.as_uri(), [])}
        assert not codes & {"milestone-silent-rebaseline", "milestone-rebaseline-mismatch"}
    finally:
        client.close()


def test_an_alias_completes_after_at_as_chinese_notes_write_it(example: Path) -> None:
    config = example / "riskdocs.yaml"
    alias = "    name: Bob Steiner\n    aliases: [小博]\n"
    config.write_text(config.read_text().replace("    name: Bob Steiner\n", alias))
    client = RiskdocsLsp(example)
    try:
        note = example / "meetings" / "2026-11-30-weekly.md"
        note.write_text("")
        client.change(note, "---\ndate: 2026-11-30\n---\n- [ ] @")
        at = {"line": 3, "character": 7}
        asked = {"textDocument": {"uri": note.as_uri()}, "position": at}
        result = client.request("textDocument/completion", asked)
        offered = {i["label"]: i.get("detail") for i in result["items"]}
        assert offered["小博"] == "Bob Steiner (bob)" and "bob" in offered
    finally:
        client.close()
