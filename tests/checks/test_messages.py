"""Every message says what to do: a fix, a next step, or the right form to write."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, FIXTURES, TODAY, run

# A fix or a next step: an imperative, a did-you-mean, or an example of the right form.
NEXT_STEP = re.compile(
    r"\b(add|remove|fix|write|set|record|give|put|quote|indent|rename|move|tell|tick|raise|"
    r"agree|deliver|review|correct|use|choose|check|name|make|start|delete|update|replace|"
    r"ask|plan|schedule|close|link|mark|split|keep|leave|list|say|lower|send|approve|sign|"
    r"answer|resolve|acknowledge|collect|drop|decide|copy|note|change|hold|spell|follow|act|"
    r"rebaseline|renegotiate)\b|did you mean|e\.g\.",
    re.IGNORECASE,
)
EXPECTED = sorted((FIXTURES / "invalid").glob("*/expected.txt"))


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.parent.name)
def test_every_finding_of_every_fixture_says_what_to_do(expected: Path) -> None:
    findings = [line for line in expected.read_text().splitlines() if "] " in line]
    assert findings
    silent = [line for line in findings if not NEXT_STEP.search(line.split("] ", 1)[1])]
    assert silent == []


@pytest.fixture
def example(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    return root


def validate(root: Path) -> str:
    return run("validate", "--root", str(root), "--today", TODAY).output


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_person_written_by_name_gets_the_key_meant(example: Path) -> None:
    """Found in use: `Raj Patel` or `Dana` got no did-you-mean."""
    edit(example / "commitments" / "C-005.yaml", "to: bob", "to: Dana")
    edit(example / "risks" / "R-001-gateway-sandbox.yaml", "owner: alice", "owner: Alice Martin")
    edit(example / "commitments" / "C-004.yaml", "owner: alice", "owner: chen.wei")
    output = validate(example)
    assert "to: 'Dana' is not valid" in output and "(did you mean 'dana', Dana Kowalski?)" in output
    assert "(did you mean 'alice', Alice Martin?)" in output
    assert (
        "owner: 'chen.wei' is not in `people:` in riskdocs.yaml (did you mean 'chen', Chen Wei?)"
        in output
    )


def test_a_wrong_shape_shows_the_right_one_and_a_number_its_range(example: Path) -> None:
    """Found in use: `links: expected a mapping of fields, got a list` (the shape was only in
    `riskdocs schema common`), and `expected a whole number` without the range."""
    path = example / "commitments" / "C-001.yaml"
    path.write_text(path.read_text() + "links: [R-001]\n")
    edit(example / "risks" / "R-002-sso-approval.yaml", "probability: 3", "probability: high")
    output = validate(example)
    assert (
        "links: expected a mapping of fields, got a list: write it as "
        "`links: {risks: [R-001], commitments: [C-004]}`"
    ) in output
    assert "probability: expected a whole number from 1 to 5, got 'high'" in output


def test_bad_indentation_is_said_in_plain_words(example: Path) -> None:
    """Found in use: bad indentation under a list printed the parser's own text."""
    path = example / "milestones" / "M-01.yaml"
    path.write_text(path.read_text() + "rebaselined:\n  - on: 2026-10-20\n    from: 2026-10-27\n"
                    "   to: 2026-10-30\n")  # fmt: skip
    output = validate(example)
    assert (
        "error [yaml-syntax] this line is not lined up with the items of the list that starts "
        "at line"
    ) in output
    assert "did not find expected" not in output and "block collection" not in output
