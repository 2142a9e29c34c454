"""docs/portfolio.md's editor claim, in the real yaml-language-server: with the schema that
`riskdocs schema portfolio` prints beside it, portfolio.yaml is checked and completed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run
from tests.lsp import YamlLanguageServer

MODELINE = "# yaml-language-server: $schema=portfolio.schema.json\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("portfolio-editor")
    printed = run("schema", "portfolio")
    assert printed.exit_code == 0
    (root / "portfolio.schema.json").write_text(printed.output)
    return root


@pytest.fixture(scope="module")
def server(folder: Path) -> Iterator[YamlLanguageServer]:
    started = YamlLanguageServer(folder)
    yield started
    started.close()


def test_a_good_portfolio_yaml_is_clean(folder: Path, server: YamlLanguageServer) -> None:
    path = folder / "portfolio.yaml"
    path.write_text(MODELINE + "projects:\n  alpha:\n    checkout: ../alpha\n    view: team\n")
    assert server.diagnostics_of(path) == []


def test_mistakes_are_underlined_on_their_lines(folder: Path, server: YamlLanguageServer) -> None:
    path = folder / "broken.yaml"
    path.write_text(
        MODELINE
        + "stale_after_days: -1\n"  # line 2
        + "projects:\n"
        + "  alpha:\n"
        + "    checkout: ../alpha\n"
        + "    view: everyone\n"  # line 6
    )
    lines = {d["range"]["start"]["line"] + 1 for d in server.diagnostics_of(path)}
    assert lines == {2, 6}


def test_completion_offers_a_project_s_fields(folder: Path, server: YamlLanguageServer) -> None:
    path = folder / "complete.yaml"
    path.write_text(MODELINE + "projects:\n  alpha:\n    \n")
    labels = {i["label"] for i in server.completion(path, 3, 4)}
    assert {"checkout", "status", "view", "url"} <= labels
