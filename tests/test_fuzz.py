"""Fuzzing the loader and the whole validate pipeline: no file makes riskdocs raise.

Hypothesis writes arbitrary bytes, and arbitrary YAML-shaped documents, into a
project file of every kind and runs the real CLI, as a full run and as the
pre-commit hook; each run must end in findings (exit 0 or 1) or a setup error
(exit 2), never a traceback, and never report one finding twice. It also names
files and writes values with control characters (every output must show them as
escapes), and writes commitments with any status and dates (whatever validate
accepts must be a coherent record).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import BASE_CONFIG, TODAY, run
from tests.safety import assert_safe_lines

KIND_FILES = [
    "risks/R-001.yaml", "commitments/C-001.yaml", "scope/baseline.yaml",
    "scope/changes/CR-001.yaml", "meetings/2026-11-19-weekly.md", "concerns/Q-001.yaml",
    "feedback/2026-11.yaml", "milestones/M-01.yaml", "lessons/L-001.md", "riskdocs.yaml",
]  # fmt: skip
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


def validate(files: dict[str, bytes]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "riskdocs.yaml").write_text(BASE_CONFIG.read_text())
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
        result = run("validate", "--root", str(root), "--today", TODAY, "--format", "json")
        assert_no_repeated_findings(result.output)
        # and as the pre-commit hook, which reads only the changed files
        hooked = run("validate", "--hook", "--root", str(root), "--today", TODAY,
                     *(str(root / rel) for rel in files))  # fmt: skip
        assert hooked.exit_code in (0, 1, 2)
        assert before == {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
        return result.exit_code


@FUZZ
@given(path=st.sampled_from(KIND_FILES), content=st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(path: str, content: bytes) -> None:
    assert validate({path: content}) in (0, 1, 2)


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.text(max_size=20), st.sampled_from(["2026-11-20", "2026-02-30", "alice", "R-001", ""]),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=5),
    max_leaves=20,
)  # fmt: skip
FIELDS = [
    "id", "title", "owner", "due", "status", "probability", "impact", "raised", "done",
    "renegotiated", "prevention", "reviews", "deliverables", "signed_off", "responses",
    "period", "baseline", "forecast", "links", "ignore", "visibility", "people", "project",
    "rules", "thresholds", "communication", "date", "kind", "attendees",
]  # fmt: skip
documents = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8)


@FUZZ
@given(path=st.sampled_from(KIND_FILES), document=documents)
def test_arbitrary_yaml_shaped_documents_never_raise(path: str, document: dict[str, Any]) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    if path.endswith(".md"):
        text = f"---\n{text}---\n\n- [ ] @alice do it due:2026-11-20\n"
    assert validate({path: text.encode()}) in (0, 1, 2)


def assert_no_repeated_findings(json_output: str) -> None:
    if not json_output.startswith("{"):
        return  # a setup error (exit 2) prints text
    findings = json.JSONDecoder().raw_decode(json_output)[0]["findings"]  # then maybe an error
    keys = Counter((f["path"], f["line"], f["col"], f["rule"], f["message"]) for f in findings)
    assert not [key for key, count in keys.items() if count > 1]


# Names and values with control characters, in every output format.
CONTROL = st.characters(codec="utf-8", categories=["Cc", "Zl", "Zp", "Cf", "L", "P"],
                        exclude_characters="/\0")  # fmt: skip


@FUZZ
@given(name=st.text(CONTROL, min_size=1, max_size=12), title=st.text(CONTROL, max_size=12))
def test_control_characters_never_reach_an_output_raw(name: str, title: str) -> None:
    risk = yaml.safe_dump({"id": "R-001", "title": title or "t", "owner": "alice",
                           "raised": "2026-11-20", "probability": 4, "impact": 5,
                           "status": "open"}, allow_unicode=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "riskdocs.yaml").write_text(BASE_CONFIG.read_text())
        (root / "risks").mkdir()
        try:
            (root / "risks" / f"R-001{name}.yaml").write_text(risk)
        except (OSError, UnicodeEncodeError):
            return  # a name the file system refuses
        for output_format in ("text", "github", "json", "sarif"):
            result = run("validate", "--root", folder, "--today", TODAY, "--format",
                         output_format)  # fmt: skip
            assert result.exit_code in (0, 1), result.output
            assert_safe_lines(result.output, commands=output_format == "github")
        site = root.parent / f"{root.name}-site"
        report = run("report", "--root", folder, "--today", TODAY, "-o", str(site),
                     "--audience", "team")  # fmt: skip
        assert report.exit_code == 0, report.output
        assert_safe_lines((site / "summary.md").read_text(), commands=False)


# Any status with any dates: what validate accepts is a record that can be true.
day = st.dates(min_value=date(2026, 10, 1), max_value=date(2026, 12, 31)).map(str)


@FUZZ
@given(status=st.sampled_from(["open", "done", "dropped"]), made=day, due=day,
       done=st.none() | day, moved=st.none() | day)  # fmt: skip
def test_an_accepted_commitment_is_a_coherent_record(
    status: str, made: str, due: str, done: str | None, moved: str | None
) -> None:
    commitment: dict[str, Any] = {"id": "C-001", "title": "t", "owner": "alice", "to": "dana",
                                  "made": made, "due": due, "status": status,
                                  "done": done}  # fmt: skip
    if status == "dropped":
        commitment["note"] = "the client no longer needs it"
    if moved:
        commitment["renegotiated"] = [{"on": moved, "from": "2026-09-01", "to": due,
                                       "agreed_by": "dana"}]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "riskdocs.yaml").write_text(BASE_CONFIG.read_text())
        (root / "commitments").mkdir()
        (root / "commitments" / "C-001.yaml").write_text(yaml.safe_dump(commitment))
        result = run("validate", "--root", folder, "--today", TODAY, "--format", "json")
        problems = {f["rule"] for f in json.loads(result.output)["findings"]
                    if f["rule"] in ("schema", "contradiction")}  # fmt: skip
    coherent = ((status == "done") == (done is not None)
                and made <= due and (done is None or made <= done <= TODAY)
                and (moved is None or made <= moved <= TODAY) and made <= TODAY)  # fmt: skip
    assert (not problems) == coherent, (commitment, problems)
