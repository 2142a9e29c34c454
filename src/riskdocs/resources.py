"""The one place that knows where shipped files live: schemas, the project template, the
bundled example and the status page's templates.

The first three sit at the top of the repository and are mapped into the package
as `riskdocs.schemas`, `riskdocs.project_template` and `riskdocs.example` (see
pyproject.toml), so `importlib.resources` finds them in wheels and editable
installs alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from riskdocs.errors import RiskdocsError

SCHEMA_SUFFIX = ".schema.json"
_PACKAGE_FILES = ("__init__.py",)


def schemas() -> Traversable:
    return files("riskdocs.schemas")


def schema_names() -> list[str]:
    """Names of the shipped schemas (`risk`, `commitment`, ..., `common`), sorted."""
    return sorted(
        entry.name.removesuffix(SCHEMA_SUFFIX)
        for entry in schemas().iterdir()
        if entry.name.endswith(SCHEMA_SUFFIX)
    )


OUTPUTS = "outputs"  # schemas of what riskdocs writes (status.json), not of project files
PORTFOLIO = "portfolio"  # the schema of portfolio.yaml, which lives outside any project
OTHER_SCHEMAS = ("status", "portfolio", "portfolio-status")  # not of a project's files


def schema_text(name: str) -> str:
    """A project file's schema, an output's (`status`) or portfolio.yaml's."""
    for entry in (schemas(), schemas() / OUTPUTS, schemas() / PORTFOLIO):
        entry = entry / (name + SCHEMA_SUFFIX)
        if entry.is_file():
            break
    else:
        known = ", ".join([*schema_names(), *OTHER_SCHEMAS])
        raise RiskdocsError(f"no schema named '{name}'; known schemas: {known}")
    return entry.read_text(encoding="utf-8")


@cache
def load_schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded


def project_template() -> Traversable:
    return files("riskdocs.project_template")


def example_files() -> list[tuple[str, Traversable]]:
    """Every file of the bundled example project (`riskdocs demo`), sorted."""
    return sorted(_files_under(files("riskdocs.example"), ""), key=lambda item: item[0])


def template_files() -> list[tuple[str, Traversable]]:
    """Every file of the project template as (relative path, entry), sorted."""
    return sorted(_files_under(project_template(), ""), key=lambda item: item[0])


def _files_under(folder: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for entry in folder.iterdir():
        if entry.name.startswith((".", "__")) or entry.name in _PACKAGE_FILES:
            continue
        if entry.is_dir():
            yield from _files_under(entry, f"{prefix}{entry.name}/")
        else:
            yield prefix + entry.name, entry


def report_template(name: str) -> str:
    """A file of the status page's templates (`index.html.j2`, `style.css`, ...)."""
    return files("riskdocs.report").joinpath("templates", name).read_text(encoding="utf-8")
