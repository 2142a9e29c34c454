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


def test_wheel_contains_the_import_mappings_and_the_catalogs(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "riskdocs/locale/zh_CN/LC_MESSAGES/riskdocs.mo" in names
    assert "riskdocs/locale/zh_CN/LC_MESSAGES/riskdocs.po" in names
    for system in ("jira", "trello", "asana"):
        assert f"riskdocs/mappings/{system}.yaml" in names


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


def test_wheel_ships_the_example_inside_the_package_and_no_tests(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert not [n for n in names if n.startswith(("tests/", "examples/"))]
    example = REPO / "examples" / "northwind-portal"
    shipped = [p.relative_to(example).as_posix() for p in example.rglob("*")
               if p.is_file() and p.suffix in (".yaml", ".md")]  # fmt: skip
    assert len(shipped) == 36
    assert [s for s in shipped if f"riskdocs/example/{s}" not in names] == []


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
    assert expected == ["closure.html.j2", "index.html.j2", "page.js", "portfolio.css",
                        "portfolio.html.j2", "portfolio.js", "style.css"]  # fmt: skip
    assert [n for n in expected if f"riskdocs/report/templates/{n}" not in names] == []


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, built as the release workflow builds them (without build
    isolation: the test environment already has setuptools, and needs no network)."""
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel", "--outdir",
         str(out), str(REPO)], capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_the_release_files_pass_twine_check(dist: Path) -> None:
    files = sorted(str(p) for p in dist.iterdir())
    assert sorted(Path(f).suffix for f in files) == [".gz", ".whl"]
    done = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *files],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_sdist_has_the_license_changelog_example_and_schemas(dist: Path) -> None:
    import tarfile

    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {
        "LICENSE",
        "README.md",
        "pyproject.toml",
        "examples/northwind-portal/riskdocs.yaml",
        "schemas/outputs/status.schema.json",
        "project-template/ci/gitlab-ci.yaml",
    } <= names
    assert not [n for n in names if n.startswith(("build/", ".venv", "test-artifacts/"))]


def test_the_installed_wheel_runs_demo_without_the_registry(dist: Path, tmp_path: Path) -> None:
    """riskdocs is not on PyPI: a user installs the wheel (or a git URL) and has no clone,
    so the example and its page come from the package."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    (wheel,) = dist.glob("*.whl")
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-index", "--no-deps", str(wheel)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    # The dependencies come from this test environment's site-packages, where riskdocs
    # itself is only an editable finder (a .pth file, which PYTHONPATH does not run).
    import yaml

    deps = str(Path(yaml.__file__).parent.parent)
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "PYTHONPATH": deps, "HOME": str(tmp_path),
           "RISKDOCS_CACHE_DIR": str(tmp_path / "cache")}  # fmt: skip
    where = subprocess.run([str(python), "-c", "import riskdocs; print(riskdocs.__file__)"],
                           capture_output=True, text=True, env=env, check=True)  # fmt: skip
    assert where.stdout.startswith(str(venv)), where.stdout
    out = tmp_path / "page"
    demo = subprocess.run([str(venv / "bin" / "riskdocs"), "demo", "-o", str(out)],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert f"open it in a browser: {(out / 'index.html').as_uri()}" in demo.stdout
    assert "overall health amber, because:" in demo.stdout
    page = (out / "index.html").read_text()
    assert "Customer portal relaunch" in page and "Payment gateway vendor" in page


def test_the_release_workflow_checks_and_publishes_with_trusted_publishing() -> None:
    import yaml

    workflow = REPO / ".github" / "workflows" / "release.yaml"
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                           "vendor.github-workflows", str(workflow)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    jobs = yaml.safe_load(workflow.read_text())["jobs"]
    runs = " ".join(s.get("run", "") for s in jobs["build"]["steps"])
    assert "python -m build" in runs and "twine check --strict" in runs
    assert "CHANGELOG.md" in runs and "__version__" in runs
    assert jobs["publish"]["permissions"] == {"id-token": "write"}
    assert any(s.get("uses", "").startswith("pypa/gh-action-pypi-publish@")
               for s in jobs["publish"]["steps"])  # fmt: skip


def test_the_changelog_has_an_entry_for_this_version() -> None:
    from riskdocs import __version__

    assert f"\n## {__version__} " in (REPO / "CHANGELOG.md").read_text()
