"""Rule tests: inline files written the way a user writes them, checked by the real
pipeline on disk, as of a fixed date."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from riskdocs.checks.catalog import BUILTIN_CHECKS
from riskdocs.finding import Finding
from tests.conftest import BASE_CONFIG, TODAY, check_project


@dataclass
class Checked:
    """The findings of one run, with helpers to look at one rule's."""

    findings: list[Finding]

    def of(self, rule: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule]

    def places(self, rule: str) -> list[tuple[str, int | None]]:
        """(path, line) of each finding of `rule`, in output order."""
        return [(f.path, f.line) for f in self.of(rule)]


Check = Callable[..., Checked]


@pytest.fixture
def check(tmp_path: Path) -> Check:
    """Write the files (dedented) into a project and run every check as of `today`.

    Fails the test if a built-in check (schema, references, ...) fires: a rule
    test whose input is itself broken would pass for the wrong reason.
    """

    runs = iter(range(1_000_000))

    def run(
        files: dict[str, str],
        *,
        today: str = TODAY,
        config: str = "",
        hook: bool = False,
        base: str | None = None,
    ) -> Checked:
        """`config` is appended to riskdocs.yaml; `base` replaces the shared base one."""
        root = tmp_path / f"project-{next(runs)}"  # a fresh project for every call
        root.mkdir()
        settings = BASE_CONFIG.read_text() if base is None else textwrap.dedent(base)
        (root / "riskdocs.yaml").write_text(settings + textwrap.dedent(config))
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"))
        result = check_project(root, date.fromisoformat(today), hook=hook)
        broken = [f for f in result.findings if f.rule in BUILTIN_CHECKS]
        assert not broken, f"the test input itself is broken: {broken}"
        return Checked(result.findings)

    return run
