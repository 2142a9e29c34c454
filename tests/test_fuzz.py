"""Fuzzing the loader and the whole validate pipeline: no file makes riskdocs raise.

Hypothesis writes arbitrary bytes, and arbitrary YAML-shaped documents, into a
project file of every kind and runs the real CLI, as a full run and as the
pre-commit hook; each run must end in findings (exit 0 or 1) or a setup error
(exit 2), never a traceback.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import BASE_CONFIG, TODAY, run

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
        result = run("validate", "--root", str(root), "--today", TODAY)
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
