"""riskdocs.yaml values the schema cannot check are setup errors at their line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import BASE_CONFIG, TODAY, run


def test_a_project_that_ends_before_it_starts_is_a_setup_error(
    project: Callable[..., Path],
) -> None:
    config = BASE_CONFIG.read_text().replace(
        "  client: Fixture client\n",
        "  client: Fixture client\n  start: 2026-10-01\n  end: 2026-09-30\n",
    )
    result = run("validate", "--root", str(project(config=config)), "--today", TODAY)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(
        "riskdocs.yaml:5:8: error [config] project.end 2026-09-30 is before project.start "
        "2026-10-01: correct whichever date is wrong"
    ), result.output
