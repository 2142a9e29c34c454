"""`riskdocs history`: every change git knows to one entity, or to the whole project.

Finds the entity's file in the work tree by its id (any kind, any case; a
deliverable is followed inside the scope baseline), lists every change to it
(history/log.py), reads all old and new versions in one batch (history/blobs.py)
and renders who changed which fields from what to what, with each commit's
subject, as text or JSON. A list is compared element by element: a deliverable
added or removed, a field of one changed, an agreed move appended. Without an
entity, only the project's own files are shown (not `ci/` or `.riskdocs/`).
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
from riskdocs.i18n import N_, _
from riskdocs.load.documents import split_front_matter
from riskdocs.load.kinds import SCOPE_FILES, classify
from riskdocs.load.project import load_project, named
from riskdocs.load.tree import READ_ERRORS, Tree
from riskdocs.load.yamlsrc import YamlProblem
from riskdocs.visible import visible

_SHOWN = 60
_SUBJECT = 100
# A field name shown as it is; any other key is quoted, so that no line of the output
# can begin with text from a file (GitHub reads `::error ...` on any line as a command).
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
Fields = dict[str, object]
UNREADABLE = "unreadable"  # an uncommitted version riskdocs will not read
_EVENT_TEXT = {
    UNREADABLE: N_("not shown: riskdocs cannot read this file (`riskdocs validate` says why)"),
    "created": N_("created"),
    "deleted": N_("deleted"),
}


class FieldChange(NamedTuple):
    """One top-level field of a file that changed: `old`/`new` are None when absent."""

    field: str
    old: object
    new: object


class ElementChange(NamedTuple):
    """One element of a list field that was added, removed or changed. `key` is the
    element's id when every element has one, else its position from 1 (None for a list
    of plain values, compared as a set)."""

    change: str  # added | removed | changed
    key: str | int | None
    old: object
    new: object


class Revision(NamedTuple):
    """One change to one file: who, when, why (the commit's subject) and what changed."""

    commit: str | None
    day: date
    author: str
    path: str
    fields: tuple[FieldChange, ...]
    event: str = "changed"  # created | changed | deleted | unreadable
    subject: str = ""


class Target(NamedTuple):
    """What `riskdocs history NAME` follows: the file(s) holding it, and the id of the
    deliverable inside the scope baseline (casefolded) when NAME is one."""

    paths: frozenset[str]
    element: str | None = None


def find_target(tree: Tree, name: str) -> Target:
    """The entity called `name`, in any case: an id of any kind (C-012, CR-001, L-002),
    a deliverable (D-03, in the scope baseline) or a meeting note's file name."""
    documents, _problems = load_project(tree)
    wanted = name.strip().casefold()
    if found := frozenset(d.path for d in named(documents, name)):
        return Target(found)
    for d in documents:
        if d.path in SCOPE_FILES and isinstance(d.data, dict) and _element(d.data, wanted):
            return Target(frozenset({d.path}), element=wanted)
    raise RiskdocsError(
        _(
            "no entity '{name}' in the project: name an id (C-012, R-003, D-01, "
            "CR-001, in any case) or a meeting note's file name"
        ).format(name=visible(name))
    )


def _element(fields: Fields, wanted: str) -> Fields:
    """The deliverable of a scope baseline whose id casefolds to `wanted`, or {}."""
    deliverables = fields.get("deliverables")
    for item in deliverables if isinstance(deliverables, list) else ():
        if isinstance(item, dict) and str(item.get("id", "")).casefold() == wanted:
            return item
    return {}


def timeline(
    repository: Repository, today: date, disk: Tree, target: Target | None = None
) -> list[Revision]:
    """Every change to the project's files (or only to `target`), oldest first, including
    uncommitted ones (dated `today`, read from `disk`)."""
    head = repository.head()
    if head is None:
        return []
    changes = [*reversed(list(Log(repository, head))), *uncommitted_changes(repository, today)]
    if target is None:
        chosen = [c for c in changes if classify(c.path) is not None]
    else:
        chosen = [c for c in changes if c.path in target.paths]
    wanted = (
        ((blob, c.path.endswith(".md")), blob)
        for c in chosen
        for blob in (c.old_blob, c.new_blob)
        if blob
    )
    versions = read_blobs(repository, wanted, _fields_of_blob)
    subjects = repository.subjects(head) if chosen else {}
    element = target.element if target else None
    revisions = (
        _revision(c, versions, disk, subjects.get(c.commit or "", ""), element) for c in chosen
    )
    return [r for r in revisions if r is not None]


def _fields_of_blob(key: tuple[str, bool], blob: Blob) -> Fields:
    return _fields(decode(blob.content), key[1])


def _revision(
    change: Change,
    versions: dict[tuple[str, bool], Fields],
    disk: Tree,
    subject: str,
    element: str | None,
) -> Revision | None:
    """The revision `change` made; for a deliverable (`element`), its own fields, and
    None when the commit left it as it was."""
    markdown = change.path.endswith(".md")

    def version(blob: str | None) -> Fields:
        return versions.get((blob, markdown), {}) if blob else {}

    event = change.event
    new = _disk_fields(disk, change.path, markdown) if change.on_disk else version(change.new_blob)
    if new is None:  # nothing to compare with: not a list of every field "removed"
        event, new = UNREADABLE, version(change.old_blob)
    old = version(change.old_blob)
    if element is not None and event != UNREADABLE:
        old, new = _element(old, element), _element(new, element)
        if old == new:
            return None
        event = "created" if not old else ("deleted" if not new else "changed")
    changed = tuple(
        FieldChange(field=key, old=old.get(key), new=new.get(key))
        for key in sorted(set(old) | set(new), key=lambda k: (k == "body", k))
        if old.get(key) != new.get(key)
    )
    return Revision(
        commit=change.commit,
        day=change.day,
        author=change.author,
        path=change.path,
        fields=changed,
        event=event,
        subject=subject,
    )


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


def element_changes(old: list[object], new: list[object]) -> list[ElementChange]:
    """How list `old` became `new`: by id when every element has one, by position for
    other mappings, as a set for plain values (a reorder alone is one change)."""
    if all(isinstance(e, dict) and "id" in e for e in (*old, *new)):
        before = {str(e["id"]): e for e in old if isinstance(e, dict)}
        after = {str(e["id"]): e for e in new if isinstance(e, dict)}
        kept = [
            ElementChange("added" if key not in before else "changed", key, before.get(key), e)
            for key, e in after.items()
            if before.get(key) != e
        ]
        gone = [
            ElementChange("removed", key, e, None) for key, e in before.items() if key not in after
        ]
        return kept + gone
    if all(isinstance(e, dict) for e in (*old, *new)):
        paired = [_at(old, new, index) for index in range(max(len(old), len(new)))]
        return [c for c in paired if c.old != c.new]
    added = [ElementChange("added", None, None, e) for e in new if e not in old]
    removed = [ElementChange("removed", None, e, None) for e in old if e not in new]
    if not added and not removed and old != new:
        return [ElementChange("changed", None, old, new)]  # the same values, reordered
    return added + removed


def _at(old: list[object], new: list[object], index: int) -> ElementChange:
    if index >= len(old):
        return ElementChange("added", index + 1, None, new[index])
    if index >= len(new):
        return ElementChange("removed", index + 1, old[index], None)
    return ElementChange("changed", index + 1, old[index], new[index])


def render_timeline(revisions: list[Revision], output_format: str) -> str:
    """The timeline as text or JSON."""
    if output_format == "json":
        # ASCII only: a terminal never receives a raw control or bidirectional character
        return json.dumps([_as_json(r) for r in revisions], indent=2) + "\n"
    if not revisions:
        return _("no changes in git yet\n")
    return "".join(_as_text(r) for r in revisions)


def _as_json(revision: Revision) -> dict[str, object]:
    return {
        "commit": revision.commit or "uncommitted",
        "date": str(revision.day),
        "author": revision.author,
        "subject": revision.subject,
        "path": revision.path,
        "event": revision.event,
        "changes": [_change_as_json(c) for c in revision.fields],
    }


def _change_as_json(change: FieldChange) -> dict[str, object]:
    shown: dict[str, object] = {"field": change.field, "old": change.old, "new": change.new}
    if isinstance(change.old, list) and isinstance(change.new, list):
        shown["elements"] = [e._asdict() for e in element_changes(change.old, change.new)]
    return shown


def _as_text(revision: Revision) -> str:
    commit = revision.commit or "uncommitted"
    head = f"{revision.day}  {commit:<12}  {visible(revision.author)}  {visible(revision.path)}\n"
    if revision.subject:
        head += f"    \u00bb {_short(revision.subject, _SUBJECT)}\n"
    if revision.event != "changed":
        said = _EVENT_TEXT.get(revision.event)
        return head + f"    {_(said) if said else revision.event}\n"
    if not revision.fields:
        return head + _("    (no field changed)\n")
    lines = [line for c in revision.fields for line in _describe(_key(c.field), c.old, c.new)]
    return head + "".join(f"    {line}\n" for line in lines)


def _key(field: str) -> str:
    return field if _PLAIN_KEY.fullmatch(field) else repr(field)


def _describe(field: str, old: object, new: object) -> list[str]:
    """The lines saying how `field` changed: a list element by element, a mapping key
    by key (`deliverables[D-01].due: 2026-11-20 -> 2026-12-04`)."""
    if field == "body":
        return [_("notes edited")]
    if isinstance(old, list) and isinstance(new, list):
        return [line for e in element_changes(old, new) for line in _element_lines(field, e)]
    if isinstance(old, dict) and isinstance(new, dict):
        return [
            line
            for key in sorted(set(old) | set(new), key=str)
            if old.get(key) != new.get(key)
            for line in _describe(f"{field}.{_key(str(key))}", old.get(key), new.get(key))
        ]
    if old is None:
        return [_("{field}: set to {new}").format(field=field, new=_short(new))]
    if new is None:
        return [_("{field}: removed (was {old})").format(field=field, old=_short(old))]
    return [f"{field}: {_short(old)} -> {_short(new)}"]


def _element_lines(field: str, change: ElementChange) -> list[str]:
    if change.change == "changed" and change.key is not None:
        return _describe(f"{field}[{_short(change.key)}]", change.old, change.new)
    if change.change == "changed":
        return [f"{field}: reordered"]
    value = change.new if change.change == "added" else change.old
    if isinstance(change.key, str):
        title = value.get("title") if isinstance(value, dict) else None
        named = f" \u201c{_short(title)}\u201d" if isinstance(title, str) else ""
        return [f"{field}: {change.change} {_short(change.key)}{named}"]
    return [f"{field}: {change.change} {_short(value)}"]


def _short(value: object, limit: int = _SHOWN) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    text = visible(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
