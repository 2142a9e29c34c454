"""Hostile and tired-user input: every case ends in a clear finding naming the file (and
line), exit 1 or 2, no traceback, and no file changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import TODAY, run

RISK = (
    "id: R-001\ntitle: t\nowner: alice\nraised: 2026-11-20\nprobability: 2\nimpact: 2\n"
    "status: open\nreview_by: 2026-12-01\n"
)
CASES: dict[str, tuple[bytes, str]] = {
    "crlf line ends are fine": (RISK.replace("\n", "\r\n").encode(), ""),
    "a byte order mark is fine": (b"\xef\xbb\xbf" + RISK.encode(), ""),
    "utf-16": (RISK.encode("utf-16"), "risks/R-001.yaml:1:1: error [file-encoding]"),
    "latin-1": (RISK.replace("t\n", "caf\xe9\n").encode("latin-1"),
                "risks/R-001.yaml:2:1: error [file-encoding]"),
    "nul bytes": (RISK.encode() + b"\0\0", "risks/R-001.yaml:9:1: error [yaml-syntax] the file "
                  "contains U+0000 (a control character), which YAML does not allow"),
    "binary": (bytes(range(256)), "risks/R-001.yaml:2:1: error [file-encoding]"),
    "comments only": (b"# nothing yet\n", "risks/R-001.yaml:1:1: error [empty-file]"),
    "a list where a mapping belongs": (b"- id: R-001\n", "risks/R-001.yaml:1:1: error [schema]"),
    "a scalar where a mapping belongs": (b"R-001\n", "risks/R-001.yaml:1:1: error [schema]"),
    "a timestamp in a date field": (RISK.replace("raised: 2026-11-20",
                                                 "raised: 2026-11-20T10:00:00+01:00").encode(),
                                    "risks/R-001.yaml:4:9: error [schema] raised:"),
    "a number written as text": (RISK.replace("probability: 2", "probability: '2'").encode(),
                                 "risks/R-001.yaml:5:14: error [schema] probability: expected "
                                 "a whole number, got '2'"),
    "text written as a number": (RISK.replace("title: t", "title: 12").encode(),
                                 "risks/R-001.yaml:2:8: error [schema] title:"),
    "a merge key": (RISK.encode() + b"<<: {impact: 5}\n",
                    "risks/R-001.yaml:9:1: error [schema] unknown field '<<'"),
    "an alias bomb": (b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
                      "risks/R-001.yaml:1:4: error [yaml-anchor]"),
    "a python tag": (b"id: !!python/object/apply:os.system ['echo hi']\n",
                     "risks/R-001.yaml:1:5: error [yaml-tag]"),
    "deep nesting": (b"a: " + b"[" * 200 + b"]" * 200 + b"\n", "risks/R-001.yaml:1:"),
    "a misspelt field": (RISK.replace("owner:", "ownr:").encode(),
                         "risks/R-001.yaml:3:1: error [schema] unknown field 'ownr' "
                         "(did you mean 'owner'?)"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_contents(project: Callable[..., Path], case: str) -> None:
    content, expected = CASES[case]
    root = project()
    (root / "risks").mkdir()
    (root / "risks" / "R-001.yaml").write_bytes(content)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    result = run("validate", "--root", str(root), "--today", TODAY)
    assert "Traceback" not in result.output
    if expected:
        assert result.exit_code == 1, result.output
        assert result.output.startswith(expected), result.output
    else:
        assert result.exit_code == 0, result.output
    assert before == {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", ["R-001 with spaces.yaml", "R-001-caf\u00e9.yaml",
                                  "R-001-new\nline.yaml"])  # fmt: skip
def test_odd_file_names(project: Callable[..., Path], name: str) -> None:
    root = project({f"risks/{name}": RISK})
    result = run("validate", "--root", str(root), "--today", TODAY)
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    json_result = run("validate", "--root", str(root), "--today", TODAY, "--format", "json")
    assert json_result.exit_code in (0, 1)


def test_duplicate_ids_after_a_merge_name_both_files(project: Callable[..., Path]) -> None:
    root = project({"risks/R-001-a.yaml": RISK, "risks/R-001-b.yaml": RISK})
    lines = run("validate", "--root", str(root), "--today", TODAY).output.splitlines()
    assert lines[0].startswith("risks/R-001-a.yaml:1:5: error [duplicate-id] id R-001 is also "
                               "used in risks/R-001-b.yaml:1")  # fmt: skip
