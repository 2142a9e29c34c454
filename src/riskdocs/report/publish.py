"""`riskdocs report`: the status page and its companions, from one run, written atomically.

`publish` turns a run's result into the view model (notes rendered through their
cache) and writes it.

`index.html` (the page), `status.json` (the view model) with its JSON Schema
`status.schema.json`, `calendar.ics`, `summary.md` and, once the project is closed,
`closure.html` (the closing report) are rendered into a folder
beside the output, which then replaces the output in one rename, so a web server
never serves half a report. Nothing outside the output folder is written, and a
folder riskdocs did not write is never replaced.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from riskdocs.checks.pipeline import CheckResult
from riskdocs.checks.sources import revision
from riskdocs.errors import RiskdocsError
from riskdocs.i18n import _
from riskdocs.load.kinds import ENTITY_FOLDERS
from riskdocs.report.html import render_closure, render_page
from riskdocs.report.ics import render_calendar
from riskdocs.report.markdown import render_summary
from riskdocs.report.notes import RenderedNotes
from riskdocs.report.view import build_view, readable_body
from riskdocs.resources import schema_text
from riskdocs.structs import struct

MARKER = ".riskdocs-report"
STATUS_SCHEMA = "status.schema.json"  # beside status.json, which names it in `$schema`


@struct
class Published:
    """What `publish` wrote: the file names, the audience, the overall health shown and
    its reasons, in that audience's words."""

    files: list[str]
    audience: str
    overall: str
    reasons: tuple[str, ...] = ()


def publish(result: CheckResult, out: Path, audience: str) -> Published:
    """Write the report of `result` for `audience` into `out` (replaced as a whole)."""
    source = result.source
    notes = RenderedNotes(source.root)
    project = result.project
    notes.prefetch(
        [readable_body(m, project.settings) for m in project.meetings]
        + [n.body for n in project.lessons]
    )
    view = build_view(
        project, result.findings, result.today, audience, revision(source), result.history, notes
    )
    written = write_report(view, out, source.root)
    notes.save()
    health = view["health"]
    return Published(
        files=written,
        audience=audience,
        overall=health["overall"],
        reasons=tuple(health["reasons"]),
    )


def _status_json(view: dict[str, Any]) -> str:
    document = {"$schema": STATUS_SCHEMA, **view}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "index.html": render_page,
    "status.json": _status_json,
    STATUS_SCHEMA: lambda _: schema_text("status"),
    "calendar.ics": render_calendar,
    "summary.md": render_summary,
}


def write_report(view: dict[str, Any], out: Path, project_root: Path) -> list[str]:
    """Render every artefact of `view` and make `out` exactly them; returns the file names."""
    out = out.resolve()
    _check_target(out, project_root.resolve())
    files = rendered(view)
    write_folder(out, files)
    return sorted(files)


def rendered(view: dict[str, Any]) -> dict[str, str]:
    """Every artefact of `view` (closure.html once the project is closed), by file name."""
    renderers = dict(RENDERERS)
    if view.get("closure") is not None:
        renderers["closure.html"] = render_closure
    return {name: render(view) for name, render in renderers.items()}


def write_folder(out: Path, files: dict[str, str]) -> None:
    """Make the folder `out` hold exactly `files` (name -> text), in one rename; a folder
    riskdocs did not write is never replaced."""
    check_folder(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read the report
    try:
        for name, text in files.items():
            (staging / name).write_bytes(text.encode("utf-8"))
        (staging / MARKER).write_text("Written by riskdocs; replaced on every run.\n")
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_target(out: Path, root: Path) -> None:
    if out == root or out in root.parents:
        raise RiskdocsError(
            _("-o {out} would replace the project itself; choose a new folder").format(out=out)
        )
    if out.is_relative_to(root) and out.relative_to(root).parts[0] in ENTITY_FOLDERS:
        folder = out.relative_to(root).parts[0]
        raise RiskdocsError(
            _(
                "-o {out} is inside the project's {folder}/ folder, where riskdocs would "
                "read the report as project files; choose a folder outside it (e.g. site/)"
            ).format(out=out, folder=folder)
        )


def check_folder(out: Path) -> None:
    """Refuse an output that is a file, or a folder holding files riskdocs did not write."""
    if out.exists() and not out.is_dir():
        raise RiskdocsError(_("-o {out} is a file; give a folder for the report").format(out=out))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise RiskdocsError(
            _(
                "-o {out} already holds files riskdocs did not write; give an empty or "
                "new folder (riskdocs replaces the whole folder on every run)"
            ).format(out=out)
        )


def _swap(staging: Path, out: Path) -> None:
    """Put `staging` in place of `out`; the old report is removed only once the new one is in."""
    if not out.exists():
        os.rename(staging, out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rename(out, retired / "report")
    try:
        os.rename(staging, out)
    except OSError:
        os.rename(retired / "report", out)
        raise
    finally:
        shutil.rmtree(retired, ignore_errors=True)
