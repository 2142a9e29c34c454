"""The generated fast path is current and agrees with jsonschema: on every file of every
fixture, the example and the template, and on generated documents of every kind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riskdocs.checks.fastcheck import VALIDATORS_PACKAGE, generated_code, passes
from riskdocs.checks.schema import validate_document
from riskdocs.load.documents import Document
from riskdocs.load.kinds import KINDS
from riskdocs.load.project import load_project
from riskdocs.load.tree import DiskTree
from tests.conftest import EXAMPLE, FIXTURES, REPO
from tests.test_fuzz import FIELDS, values

PROJECTS = [EXAMPLE, REPO / "project-template", *sorted((FIXTURES / "valid").iterdir()),
            *sorted((FIXTURES / "invalid").iterdir())]  # fmt: skip


VALIDATORS = REPO / "src" / VALIDATORS_PACKAGE.replace(".", "/")


# status: the portfolio checks every published status.json it reads with the fast path
@pytest.mark.parametrize("kind", [*sorted(KINDS), "status"])
def test_shipped_validators_are_generated_from_todays_schemas(
    kind: str, update_expected: bool
) -> None:
    shipped = VALIDATORS / f"{kind.replace('-', '_')}.py"
    if update_expected:
        shipped.write_text(generated_code(kind), encoding="utf-8")
    assert shipped.read_text(encoding="utf-8") == generated_code(kind), (
        "a schema changed: run `pytest --update-expected` to regenerate the validators"
    )


def test_generated_validators_need_neither_fastjsonschema_nor_jsonschema() -> None:
    code = "\n".join(
        [
            "import sys",
            "from riskdocs.checks.fastcheck import passes",
            *[f"passes({kind!r}, {{}})" for kind in [*sorted(KINDS), "status"]],
            "heavy = {'fastjsonschema', 'jsonschema'} & set(sys.modules)",
            "print(sorted(heavy))",
        ]
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stdout.strip() == "[]"


def documents() -> list[Document]:
    found = []
    for root in PROJECTS:
        docs, _ = load_project(DiskTree(root))
        found += [d for d in docs if d.readable]
    return found


def test_fast_path_and_jsonschema_agree_on_every_fixture_file() -> None:
    checked = documents()
    assert len(checked) > 80
    disagree = [(d.path, passes(d.kind.name, d.data)) for d in checked
                if passes(d.kind.name, d.data) != (validate_document(d) == [])]  # fmt: skip
    assert disagree == []
    assert any(not passes(d.kind.name, d.data) for d in checked)  # invalid ones are refused


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(KINDS)), data=st.dictionaries(st.sampled_from(FIELDS),
                                                                  values, max_size=8))  # fmt: skip
def test_fast_path_and_jsonschema_agree_on_generated_documents(
    kind: str, data: dict[str, Any]
) -> None:
    document = Document(path=f"x/{kind}.yaml", kind=KINDS[kind], data=data)
    assert passes(kind, data) == (validate_document(document) == [])


@pytest.mark.parametrize("value", ["2026-02-30", "2026-2-3", "26-11-2026", "2026-11-26T10:00"])
def test_dates_are_checked_as_calendar_dates(value: str) -> None:
    risk = {"id": "R-001", "title": "t", "raised": value, "probability": 1, "impact": 1,
            "status": "open"}  # fmt: skip
    assert not passes("risk", risk)
    assert passes("risk", {**risk, "raised": "2026-11-26"})


def test_the_fast_path_never_fills_in_defaults(tmp_path: Path) -> None:
    config = {"project": {"name": "P", "client": "C"},
              "people": {"a": {"name": "A", "side": "team"}},
              "communication": {"w": {"every_days": 7}}}  # fmt: skip
    assert passes("config", config)
    assert "grace_days" not in config["communication"]["w"]
