"""`riskdocs history`: the timeline of one entity (or of the whole project) from git.

Finds the entity's file in the work tree by its id, asks history.py for every
change to it, and renders who changed what and when, as text or JSON.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from riskdocs.errors import RiskdocsError
from riskdocs.history.extract import Revision, timeline
from riskdocs.load.documents import load_project

_SHOWN = 60


def entity_paths(root: Path, entity: str) -> set[str]:
    """The file(s) holding `entity`: by `id:`, or by file name for meeting notes."""
    documents, _ = load_project(root)
    found = {
        d.path for d in documents
        if (isinstance(d.data, dict) and d.data.get("id") == entity) or d.stem == entity
    }  # fmt: skip
    if not found:
        raise RiskdocsError(f"no entity '{entity}' in the project (ids such as C-012, R-003)")
    return found


def render_timeline(root: Path, entity: str | None, output_format: str, today: date) -> str:
    """The timeline as text or JSON; uncommitted changes are dated `today`."""
    revisions = timeline(root, today, entity_paths(root, entity) if entity else None)
    if output_format == "json":
        return json.dumps([_as_json(r) for r in revisions], indent=2, ensure_ascii=False) + "\n"
    if not revisions:
        return "no changes in git yet\n"
    return "".join(_as_text(r) for r in revisions)


def _as_json(revision: Revision) -> dict[str, Any]:
    return {
        "commit": revision.commit, "date": str(revision.day), "author": revision.author,
        "path": revision.path, "event": revision.event,
        "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in revision.fields],
    }  # fmt: skip


def _as_text(revision: Revision) -> str:
    head = f"{revision.day}  {revision.commit:<12}  {revision.author}  {revision.path}\n"
    if revision.event != "changed":
        return head + f"    {revision.event}\n"
    if not revision.fields:
        return head + "    (no field changed)\n"
    return head + "".join(f"    {_describe(c.field, c.old, c.new)}\n" for c in revision.fields)


def _describe(field: str, old: Any, new: Any) -> str:
    if field == "body":
        return "notes edited"
    if old is None:
        return f"{field}: set to {_short(new)}"
    if new is None:
        return f"{field}: removed (was {_short(old)})"
    return f"{field}: {_short(old)} -> {_short(new)}"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
