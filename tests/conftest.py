"""Shared test helpers: the CLI runner, fixture projects copied to a tmp folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from riskdocs import i18n
from riskdocs.checks.pipeline import CheckResult
from riskdocs.checks.pipeline import run as run_pipeline
from riskdocs.checks.sources import changed_files, whole_project
from riskdocs.cli import main
from riskdocs.history.repo import find_repository
from tests.gitrepo import Repo

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
BASE_CONFIG = FIXTURES / "base-riskdocs.yaml"
REPO = TESTS.parent
EXAMPLE = REPO / "examples" / "northwind-portal"
TODAY = "2026-11-26"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-expected",
        action="store_true",
        help="rewrite tests/fixtures/invalid/*/expected.txt from the current output",
    )


@pytest.fixture
def update_expected(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-expected"))


def run(*args: str) -> Result:
    """Run the real CLI in-process; exceptions other than SystemExit fail the test."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def check_project(
    root: Path, today: date, *, hook: bool = False, only: frozenset[str] | None = None
) -> CheckResult:
    """The pipeline over the whole work tree at `root`, as `riskdocs validate` runs it."""
    return run_pipeline(whole_project(root, find_repository(root)), today, hook=hook, only=only)


def check_changed(root: Path, paths: Sequence[str], today: date) -> CheckResult | None:
    """The pipeline as the pre-commit hook runs it on `paths`; None when the change needs
    the whole project."""
    source = changed_files(root, find_repository(root), paths)
    return None if source is None else run_pipeline(source, today, hook=True)


@pytest.fixture
def copy_case(tmp_path: Path) -> Callable[[Path], Path]:
    """Copy a fixture project to tmp (adding the base riskdocs.yaml if it has none)."""

    def copy(case: Path) -> Path:
        target = tmp_path / case.name
        shutil.copytree(case, target, ignore=shutil.ignore_patterns("expected.txt"))
        if not (target / "riskdocs.yaml").exists():
            shutil.copy(BASE_CONFIG, target / "riskdocs.yaml")
        return target

    return copy


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """A project in tmp with the base riskdocs.yaml plus the given files {relpath: text}."""

    def make(files: dict[str, str] | None = None, config: str | None = None) -> Path:
        root = tmp_path / "project"
        root.mkdir(exist_ok=True)
        (root / "riskdocs.yaml").write_text(config or BASE_CONFIG.read_text())
        for rel, text in (files or {}).items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        return root

    return make


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A project at the root of a fresh git repository (see tests/gitrepo.py)."""
    return Repo(tmp_path / "project")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every test starts in English; a command run in this process may change the language
    (the CLI chooses it once per command), and the next test must not inherit it."""
    i18n.use(i18n.ENGLISH)
    yield
    i18n.use(i18n.ENGLISH)


@pytest.fixture(autouse=True)
def history_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own cache folder (git history, rendered notes), never ~/.cache."""
    folder = tmp_path_factory.mktemp("history-cache")
    monkeypatch.setenv("RISKDOCS_CACHE_DIR", str(folder))
    return folder


from tests.chromium import browser  # noqa: E402, F401  (the Chromium fixture, for every page test)
