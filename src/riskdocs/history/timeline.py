"""`riskdocs history`: every change git knows to one entity, or to the whole project.

Finds the entity's file in the work tree by its id, lists every change to it
(history/log.py), reads all old and new versions in one batch (history/blobs.py)
and renders who changed which fields from what to what, as text or JSON.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import NamedTuple

from riskdocs.errors import RiskdocsError
from riskdocs.history.blobfacts import yaml_mapping
from riskdocs.history.blobs import Blob, decode, read_blobs
from riskdocs.history.log import Change, Log, uncommitted_changes
from riskdocs.history.repo import Repository
from riskdocs.load.documents import split_front_matter
from riskdocs.load.project import load_project
from riskdocs.load.tree import READ_ERRORS, Tree
from riskdocs.load.yamlsrc import YamlProblem
from riskdocs.visible import visible

_SHOWN = 60
# A field name shown as it is; any other key is quoted, so that no line of the output
# can begin with text from a file (GitHub reads `::error ...` on any line as a command).
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
Fields = dict[str, object]
UNREADABLE = "unreadable"  # an uncommitted version riskdocs will not read
_EVENT_TEXT = {
    UNREADABLE: "not shown: riskdocs cannot read this file (`riskdocs validate` says why)"
}


class FieldChange(NamedTuple):
    """One top-level field of a file that changed: `old`/`new` are None when absent."""

    field: str
    old: object
    new: object


class Revision(NamedTuple):
    """One change to one file: who, when, and what changed in it."""

    commit: str | None
    day: date
    author: str
    path: str
    fields: tuple[FieldChange, ...]
    event: str = "changed"  # created | changed | deleted | unreadable


def entity_paths(tree: Tree, entity: str) -> set[str]:
    """The file(s) holding `entity`: by `id:`, or by file name for meeting notes."""
    documents, _ = load_project(tree)
    found = {
        d.path for d in documents
        if (isinstance(d.data, dict) and d.data.get("id") == entity) or d.stem == entity
    }  # fmt: skip
    if not found:
        raise RiskdocsError(f"no entity '{entity}' in the project (ids such as C-012, R-003)")
    return found


def timeline(
    repository: Repository, today: date, disk: Tree, paths: set[str] | None = None
) -> list[Revision]:
    """Every change to the project's files (or only to `paths`), oldest first, including
    uncommitted ones (dated `today`, read from `disk`)."""
    head = repository.head()
    if head is None:
        return []
    changes = [*reversed(list(Log(repository, head))),
               *uncommitted_changes(repository, today)]  # fmt: skip
    chosen = [c for c in changes if paths is None or c.path in paths]
    wanted = (((blob, c.path.endswith(".md")), blob)
              for c in chosen for blob in (c.old_blob, c.new_blob) if blob)  # fmt: skip
    versions = read_blobs(repository, wanted, _fields_of_blob)
    return [_revision(c, versions, disk) for c in chosen]


def _fields_of_blob(key: tuple[str, bool], blob: Blob) -> Fields:
    return _fields(decode(blob.content), key[1])


def _revision(change: Change, versions: dict[tuple[str, bool], Fields], disk: Tree) -> Revision:
    markdown = change.path.endswith(".md")

    def version(blob: str | None) -> Fields:
        return versions.get((blob, markdown), {}) if blob else {}

    event = change.event
    new = _disk_fields(disk, change.path, markdown) if change.on_disk else version(change.new_blob)
    if new is None:  # nothing to compare with: not a list of every field "removed"
        event, new = UNREADABLE, version(change.old_blob)
    old = version(change.old_blob)
    changed = tuple(
        FieldChange(field=key, old=old.get(key), new=new.get(key))
        for key in sorted(set(old) | set(new), key=lambda k: (k == "body", k))
        if old.get(key) != new.get(key)
    )
    return Revision(commit=change.commit, day=change.day, author=change.author,
                    path=change.path, fields=changed, event=event)  # fmt: skip


def _disk_fields(disk: Tree, path: str, markdown: bool) -> Fields | None:
    """The fields of the work tree's file; None when the loader refuses to read it
    (unreadable, a symlink out of the project, too large)."""
    try:
        return _fields(decode(disk.read(path)), markdown)
    except READ_ERRORS:
        return None


def _fields(text: str | None, markdown: bool) -> Fields:
    if text is None:
        return {}
    if not markdown:
        return yaml_mapping(text)
    split = split_front_matter(text)
    if isinstance(split, YamlProblem):
        return {"body": text}
    front, _, body, _ = split
    return {**yaml_mapping(front), "body": body}


def render_timeline(revisions: list[Revision], output_format: str) -> str:
    """The timeline as text or JSON."""
    if output_format == "json":
        # ASCII only: a terminal never receives a raw control or bidirectional character
        return json.dumps([_as_json(r) for r in revisions], indent=2) + "\n"
    if not revisions:
        return "no changes in git yet\n"
    return "".join(_as_text(r) for r in revisions)


def _as_json(revision: Revision) -> dict[str, object]:
    return {
        "commit": revision.commit or "uncommitted", "date": str(revision.day),
        "author": revision.author, "path": revision.path, "event": revision.event,
        "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in revision.fields],
    }  # fmt: skip


def _as_text(revision: Revision) -> str:
    commit = revision.commit or "uncommitted"
    head = f"{revision.day}  {commit:<12}  {visible(revision.author)}  {visible(revision.path)}\n"
    if revision.event != "changed":
        return head + f"    {_EVENT_TEXT.get(revision.event, revision.event)}\n"
    if not revision.fields:
        return head + "    (no field changed)\n"
    return head + "".join(f"    {_describe(c.field, c.old, c.new)}\n" for c in revision.fields)


def _describe(field: str, old: object, new: object) -> str:
    if field == "body":
        return "notes edited"
    field = field if _PLAIN_KEY.fullmatch(field) else repr(field)
    if old is None:
        return f"{field}: set to {_short(new)}"
    if new is None:
        return f"{field}: removed (was {_short(old)})"
    return f"{field}: {_short(old)} -> {_short(new)}"


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    text = visible(" ".join(text.split()))
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
