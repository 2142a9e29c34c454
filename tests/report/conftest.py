"""Report tests: the real `riskdocs report` on real projects copied to a tmp folder
(outside git, so the header carries no commit and snapshots stay stable)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, TODAY, run

Report = Callable[..., Path]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    root = tmp_path / "northwind-portal"
    shutil.copytree(EXAMPLE, root)
    return root


@pytest.fixture
def report(tmp_path: Path) -> Report:
    """Run `riskdocs report` on `root` into a fresh folder and return that folder."""
    count = iter(range(1000))

    def make(root: Path, *args: str, today: str = TODAY) -> Path:
        out = tmp_path / f"site-{next(count)}"
        result = run("report", "--root", str(root), "-o", str(out), "--today", today, *args)
        assert result.exit_code == 0, result.output
        return out

    return make
