"""Two voices, one source: every health finding tells the team what to fix and where,
and the client what it means; a client page carries nothing internal."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from riskdocs.finding import Finding
from riskdocs.rules import RULES
from tests.conftest import BASE_CONFIG, EXAMPLE, FIXTURES, TODAY, check_project, run
from tests.gitrepo import Repo

CASES = sorted(p.parent for p in (FIXTURES / "invalid").glob("*/expected.txt"))
PEOPLE_KEYS = ("alice", "bob", "dana", "chen", "erik", "farah")
RULE_ID = re.compile("|".join(sorted((re.escape(r) for r in RULES), key=len, reverse=True)))
INTERNAL = re.compile(r"`|\.ya?ml\b|\.md\b|\b(?:" + "|".join(PEOPLE_KEYS) + r")\b")


@pytest.fixture(scope="module")
def fixture_findings(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    """The findings of every invalid fixture project: together they trip every rule that
    needs no history (tests/rules/test_engine.py checks that)."""
    findings = []
    for case in CASES:
        root = tmp_path_factory.mktemp(case.name) / "p"
        shutil.copytree(case, root, ignore=shutil.ignore_patterns("expected.txt"))
        if not (root / "riskdocs.yaml").exists():
            shutil.copy(BASE_CONFIG, root / "riskdocs.yaml")
        findings += check_project(root, date.fromisoformat(TODAY)).findings
    return findings


def test_every_health_finding_has_a_plain_client_sentence(fixture_findings: list[Finding]) -> None:
    ruled = [f for f in fixture_findings if f.rule in RULES]
    assert {f.rule for f in ruled} >= {r for r in RULES if not RULES[r].NEEDS_HISTORY}
    for finding in ruled:
        assert finding.client, finding
        assert not INTERNAL.search(finding.client), (finding.rule, finding.client)
        assert not RULE_ID.search(finding.client), (finding.rule, finding.client)
        assert finding.client.lstrip("\u201c")[0].isupper(), finding.client
        assert finding.client.endswith("."), finding.client


def test_the_client_page_shows_no_rule_path_key_or_ignore_reason(tmp_path: Path) -> None:
    """Found in use: the client page listed rule ids and file paths, the PM's ignore reasons
    word for word, and team instructions addressed to people by key."""
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    commitment = root / "commitments" / "C-004.yaml"
    commitment.write_text(
        commitment.read_text() + "ignore:\n  commitment-overdue: sponsor on leave, do not chase\n"
    )
    for audience in ("client", "team"):
        out = tmp_path / audience
        result = run("report", "--root", str(root), "-o", str(out), "--today", "2026-12-20",
                     "--audience", audience)  # fmt: skip
        assert result.exit_code == 0, result.output
    client = (tmp_path / "client" / "index.html").read_text()
    team = (tmp_path / "team" / "index.html").read_text()
    assert "sponsor on leave" in team and "sponsor on leave" not in client
    assert "[commitment-overdue]" not in client and "<code>commitment-overdue</code>" in team
    findings = client[client.index('id="findings"') :]
    assert not RULE_ID.search(findings) and ".yaml" not in findings
    assert "renegotiated:" not in client and "`" not in client
    assert "Farah Haddad promised" in findings  # display names, in plain words


def test_history_findings_speak_to_the_client_too(repo: Repo) -> None:
    milestone = "id: M-01\ntitle: Tracking live\nbaseline: {day}\nforecast: {day}\n"
    commitment = ("id: C-001\ntitle: Send the plan\nowner: alice\nto: dana\nmade: 2026-11-01\n"
                  "due: {day}\nstatus: open\n")  # fmt: skip
    m01, c001 = "milestones/M-01.yaml", "commitments/C-001.yaml"
    repo.commit("plan", {m01: milestone.format(day="2026-12-04"),
                         c001: commitment.format(day="2026-12-01")})  # fmt: skip
    repo.commit("later", {m01: milestone.format(day="2026-12-18"),
                          c001: commitment.format(day="2026-12-08")})  # fmt: skip
    said = {f.rule: f.client for f in check_project(repo.root, date(2026, 11, 12)).findings}
    assert said["milestone-silent-rebaseline"] == (
        "The agreed date of Tracking live moved from 4 Dec 2026 to 18 Dec 2026 without a "
        "record of who agreed."
    )
    assert said["commitment-silent-slip"] == (
        "The date of \u201cSend the plan\u201d moved from 1 Dec 2026 to 8 Dec 2026 without a "
        "record of who agreed."
    )


def test_health_reasons_speak_to_the_client_in_its_own_words(tmp_path: Path) -> None:
    """Found in use: the client's health banner read "risks: High risks still open: R-001
    (20 of 25)", rule summaries with ids, while the team's reasons say which ids to open."""
    for audience in ("client", "team"):
        out = tmp_path / audience
        result = run("report", "--root", str(EXAMPLE), "-o", str(out), "--today", TODAY,
                     "--audience", audience)  # fmt: skip
        assert result.exit_code == 0, result.output
    client = json.loads((tmp_path / "client" / "status.json").read_text())["health"]
    team = json.loads((tmp_path / "team" / "status.json").read_text())["health"]
    assert client["reasons"][:2] == [
        "Risks: A high risk is still open: \u201cPayment gateway vendor may miss the sandbox "
        "date\u201d (scored 20 of 25)",
        "Risks: A risk has happened and is being dealt with: \u201cLegacy shipment data may not "
        "migrate cleanly\u201d",
    ]
    assert team["reasons"][0] == "Risks: High risks still open: R-001 (20 of 25)"
    said = [r for area in client["areas"] for r in area["reasons"]] + client["reasons"]
    for reason in said:
        assert not RULE_ID.search(reason) and not INTERNAL.search(reason), reason
        assert not re.search(r"\b[A-Z]{1,3}-\d+\b", reason), reason  # no entity ids either
