"""`riskdocs init`: a new project from the shipped template, dated around today.

The template is written as if "today" were `TEMPLATE_TODAY`; init moves every
date (and every feedback month) by the same number of days so a fresh
project describes the last few weeks instead of a stale past. It also writes
the JSON Schemas to `.riskdocs/schemas/`, which the `# yaml-language-server:
$schema=` line at the top of each YAML file points at, so editors complete
and check files offline, a `.gitignore` for the pages built beside the files,
and on request a `.pre-commit-config.yaml` at the repository's top. The CI
recipes and the hook are filled in for where the project sits in its repository
and for the riskdocs version that wrote them. init never overwrites a file.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from riskdocs import __version__
from riskdocs.checks.editorschemas import SCHEMA_FOLDER
from riskdocs.dates import parse_day
from riskdocs.errors import RiskdocsError
from riskdocs.i18n import _
from riskdocs.resources import SCHEMA_SUFFIX, schema_names, schema_text, template_files

if TYPE_CHECKING:
    from riskdocs.model.entities import Project

TEMPLATE_TODAY = date(2026, 1, 28)
_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_MONTH = re.compile(r"(?<![\d-])(\d{4})-(\d{2})(?![\d-])")


GITIGNORE = """\
# Status pages built here (riskdocs report -o site, riskdocs demo); CI builds its own
/site/
/public/
/riskdocs-demo/
"""
HOOK_REPO = "https://github.com/OWNER/riskdocs"


class Placement(NamedTuple):
    """Where a new project sits: `top` is the folder CI and pre-commit run in (the git
    repository's top, or the folder init was run from outside git) and `root` the
    project folder relative to it ("." when they are the same)."""

    top: Path
    root: str


def init_project(
    target: Path,
    today: date,
    placement: Placement | None = None,
    hook: bool = False,
    vscode: bool = False,
) -> list[str]:
    """Write the template into `target`; returns the paths written, relative to `target`
    (the hook configuration and the VS Code settings, written at `placement.top`, as
    paths there)."""
    placement = placement or Placement(target, ".")
    editor = {placement.top / name: text for name, text in vscode_files(placement.root).items()}
    taken = [str(path) for path in editor if vscode and path.exists()]
    if taken:
        raise RiskdocsError(
            f"{', '.join(taken)} exists; init never overwrites files: add riskdocs' lines to "
            "it yourself (docs/editors.md), or run init without --vscode"
        )
    planned = _planned_files(today - TEMPLATE_TODAY, placement.root)
    # Project files first: they are what the user recognises.
    conflicts = sorted(
        (rel for rel in planned if (target / rel).exists()),
        key=lambda rel: (rel != "riskdocs.yaml", rel.startswith("."), rel),
    )
    if conflicts:
        shown = ", ".join(conflicts[:5]) + (
            f" and {len(conflicts) - 5} more" if len(conflicts) > 5 else ""
        )
        raise RiskdocsError(
            f"{target} already has {shown}; init never overwrites files: "
            "choose a new folder or move those files away"
        )
    hook_config = placement.top / ".pre-commit-config.yaml"
    if hook and hook_config.exists():
        raise RiskdocsError(
            f"{hook_config} exists; init never overwrites files: add the riskdocs hook to it "
            "yourself (README, pre-commit), or run init without --pre-commit"
        )
    for rel, text in planned.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    refresh_schemas(target)
    written = list(planned)
    if vscode:
        for path, text in editor.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(str(path))
    if hook:
        hook_config.write_text(pre_commit_config(placement.root), encoding="utf-8")
        written.append(str(hook_config))
    return written


GENERIC_LSP_CLIENT = "zsol.vscode-glspc"  # VS Code has no built-in client for any server


def vscode_files(root: str) -> dict[str, str]:
    """`.vscode/settings.json` starting `riskdocs lsp` for the project's YAML and Markdown
    (through the Generic LSP Client extension), and `.vscode/extensions.json`
    recommending it and Red Hat's YAML extension (the schemas' completion)."""
    import json

    del root  # the server finds riskdocs.yaml in the workspace, at or below its top
    settings = {
        "glspc.server.command": "riskdocs",
        "glspc.server.commandArguments": ["lsp"],
        "glspc.server.languageId": ["yaml", "markdown"],
    }
    extensions = {"recommendations": [GENERIC_LSP_CLIENT, "redhat.vscode-yaml"]}
    return {
        ".vscode/settings.json": json.dumps(settings, indent=2) + "\n",
        ".vscode/extensions.json": json.dumps(extensions, indent=2) + "\n",
    }


def refresh_schemas(root: Path, project: Project | None = None) -> list[str]:
    """Write the editor's schemas for the project at `root` (its model, when the caller
    has it) into `.riskdocs/schemas/`; returns the files that changed (only those are
    written)."""
    from riskdocs.checks.editorschemas import project_schemas
    from riskdocs.checks.pipeline import read_model
    from riskdocs.load.tree import DiskTree

    folder = root / SCHEMA_FOLDER
    changed = []
    for name, text in project_schemas(project or read_model(DiskTree(root))).items():
        path = folder / name
        if path.is_file() and path.read_text(encoding="utf-8", errors="replace") == text:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        changed.append(f"{SCHEMA_FOLDER}/{name}")
    return changed


def pre_commit_config(root: str) -> str:
    """A `.pre-commit-config.yaml` with the riskdocs hook, for a project at `root`."""
    args = "" if root == "." else f"\n        args: [--root, {_yaml_text(root)}]"
    return (
        "# The riskdocs hook: broken or dishonest project files fail a commit; bad news\n"
        "# about the project is shown, never refused. `rev` is the riskdocs version that\n"
        "# wrote this: a tag (or a commit) of the copy of riskdocs you install from.\nrepos:\n"
        f"  - repo: {HOOK_REPO}   # your copy of riskdocs (it is not on PyPI yet)\n"
        f"    rev: v{__version__}\n"
        "    hooks:\n"
        f"      - id: riskdocs-validate{args}\n"
    )


def _yaml_text(text: str) -> str:
    """`text` as a YAML scalar in double quotes: any path, whatever it holds."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _planned_files(shift: timedelta, root: str = ".") -> dict[str, str]:
    planned: dict[str, str] = {}
    for rel, entry in template_files():
        monthly = rel.startswith(("feedback/", "pulse/", "budget/"))
        text = shift_dates(entry.read_text("utf-8"), shift, monthly)
        if rel.startswith("ci/"):
            text = _placed_recipe(text, root)
        planned[shift_dates(rel, shift, monthly)] = text
    for name in schema_names():
        planned[f"{SCHEMA_FOLDER}/{name}{SCHEMA_SUFFIX}"] = schema_text(name)
    planned[".gitignore"] = GITIGNORE
    return dict(sorted(planned.items()))


def _placed_recipe(text: str, root: str) -> str:
    """A CI recipe for a project at `root`, installing the riskdocs that wrote it."""
    text = re.sub(r"(?m)^(\s*RISKDOCS_ROOT: )\S.*$", lambda m: m.group(1) + _yaml_text(root), text)
    return re.sub(r"(?m)^(\s*RISKDOCS_PACKAGE: .*@v)[0-9][0-9A-Za-z.+-]*",
                  lambda m: m.group(1) + __version__, text)  # fmt: skip


def shift_dates(text: str, shift: timedelta, monthly: bool = False) -> str:
    """Move every YYYY-MM-DD in `text` by `shift`; with `monthly`, YYYY-MM months too.

    A month moves with its 15th day, matching template pulses answered mid-month.
    """
    text = _DATE.sub(lambda m: (parse_day(m.group(1)) + shift).isoformat(), text)
    if monthly:
        text = _MONTH.sub(lambda m: _shift_month(int(m.group(1)), int(m.group(2)), shift), text)
    return text


def _shift_month(year: int, month: int, shift: timedelta) -> str:
    moved = date(year, month, 15) + shift
    return f"{moved.year:04d}-{moved.month:02d}"


def placement_of(target: Path, here: Path) -> Placement:
    """Where `target` sits: in the git repository holding it (or its nearest existing
    parent), else under `here`, the folder init runs in, else on its own."""
    from riskdocs.history.repo import RepositoryRefusedError, find_repository

    folder = target.resolve()
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    try:
        repository = find_repository(existing)
    except RepositoryRefusedError:
        repository = None
    top = repository.top.resolve() if repository else here.resolve()
    if folder != top and top not in folder.parents:
        return Placement(folder, ".")
    return Placement(top, folder.relative_to(top).as_posix() or ".")


def next_steps(directory: Path, placement: Placement, hook: bool) -> list[str]:
    """What to do after init, in order: the settings, the files, the hook, CI, the page."""
    project = directory.as_posix()
    recipes = f"{project}/ci" if placement.root != "." else "ci"
    installed = (
        _("the hook: run `pre-commit install` (.pre-commit-config.yaml is written)")
        if hook
        else _(
            "the hook: `riskdocs init --pre-commit` writes .pre-commit-config.yaml in a new "
            "project, or add the snippet from the README's pre-commit section; then "
            "`pre-commit install`"
        )
    )
    steps = [
        _("edit {project}/riskdocs.yaml: the project, the people on each side, the meetings "
          "you hold"),
        _("replace the example entries; `riskdocs validate --root {project}` says what to fix"),
        installed,
        _("CI: copy {recipes}/github-pages.yaml to .github/workflows/riskdocs.yaml "
          "(github-private.yaml for a confidential client, gitlab-ci.yaml to .gitlab-ci.yml) "
          "and set RISKDOCS_PACKAGE in it to where you install riskdocs from"),
        _("the page: `riskdocs report --root {project} -o site`, then open site/index.html"),
    ]  # fmt: skip
    return [_("next:")] + [
        f"  {number}. {step.format(project=project, recipes=recipes)}"
        for number, step in enumerate(steps, 1)
    ]
