"""The built wheel ships the schemas and the project template, and nothing stray."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("riskdocs-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_contains_every_schema(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for schema in (REPO / "schemas").glob("*.schema.json"):
        assert f"riskdocs/schemas/{schema.name}" in names


def test_wheel_contains_the_whole_project_template(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    template = REPO / "project-template"
    expected = [
        p.relative_to(template).as_posix()
        for p in template.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert len(expected) >= 11
    for rel in expected:
        assert f"riskdocs/project_template/{rel}" in names, rel


def test_wheel_has_the_console_script(wheel: zipfile.ZipFile) -> None:
    entry_points = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    assert "riskdocs = riskdocs.cli:main" in wheel.read(entry_points).decode()


def test_wheel_does_not_ship_tests_or_examples(wheel: zipfile.ZipFile) -> None:
    assert not [n for n in wheel.namelist() if n.startswith(("tests/", "examples/"))]


def test_package_resources_resolve_in_this_install() -> None:
    from riskdocs.resources import project_template, schemas

    assert Path(str(schemas().joinpath("risk.schema.json"))).is_file()
    assert Path(str(project_template().joinpath("riskdocs.yaml"))).is_file()


def test_wheel_contains_every_module_of_the_source_tree(wheel: zipfile.ZipFile) -> None:
    # A sub-package missing from `packages` in pyproject.toml installs fine and
    # then fails at import time in pre-commit's environment.
    names = set(wheel.namelist())
    source = REPO / "src"
    modules = [p.relative_to(source).as_posix() for p in source.rglob("*.py")]
    assert "riskdocs/rules/__init__.py" in modules
    assert [m for m in modules if m not in names] == []


def test_wheel_contains_the_status_page_templates(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    templates = REPO / "src" / "riskdocs" / "report" / "templates"
    expected = sorted(p.name for p in templates.iterdir())
    assert expected == ["index.html.j2", "page.js", "style.css"]
    assert [n for n in expected if f"riskdocs/report/templates/{n}" not in names] == []
