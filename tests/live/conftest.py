"""The live tools' tests run on a copy of the bundled example in a tmp folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE


@pytest.fixture
def example(tmp_path: Path) -> Path:
    root = tmp_path / "northwind-portal"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return root
