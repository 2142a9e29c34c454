"""`riskdocs new KIND`: one new entity file with the next free id, ready to fill in.

The file holds every field the kind requires, from the options or a default a
careful PM would pick (made today, status open, a score to revisit), the editor's
schema line that the project's other files of that kind use, and is checked
before it is kept: a new file never starts out broken.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from riskdocs.checks.editorschemas import SCHEMA_FOLDER
from riskdocs.checks.pipeline import run
from riskdocs.checks.sources import whole_project
from riskdocs.edit import Scalar, scalar
from riskdocs.errors import RiskdocsError
from riskdocs.history.repo import Repository
from riskdocs.load.documents import Document
from riskdocs.load.kinds import KINDS, Kind, next_id
from riskdocs.load.project import load_project
from riskdocs.load.tree import DiskTree
from riskdocs.record import blocks, errors
from riskdocs.scaffold import refresh_schemas

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)
# What each kind needs that riskdocs cannot choose: the options that must be given.
NEEDED = {
    "risk": ("title",),
    "commitment": ("title", "owner", "to", "due"),
    "concern": ("title", "raised_by"),
    "change-request": ("title", "raised_by"),
    "milestone": ("title", "baseline"),
}
KIND_NAMES = tuple(NEEDED)


@dataclass(frozen=True)
class NewFile:
    path: str
    text: str
    id: str


def create(
    root: Path, repository: Repository | None, kind_name: str, given: Mapping[str, Scalar],
    today: date,
) -> NewFile:  # fmt: skip
    """Write the new entity's file and return it; nothing is left behind when the file
    would not pass its checks."""
    kind = KINDS[kind_name]
    missing = [k for k in NEEDED[kind_name] if given.get(k) in (None, "")]
    if missing:
        options = ", ".join(f"--{k.replace('_', '-')}" for k in missing)
        raise RiskdocsError(f"a new {kind.label} needs {options}")
    documents, _ = load_project(DiskTree(root))
    mine = [d for d in documents if d.kind is kind]
    entity_id = next_id(kind, [str(d.data.get("id")) for d in mine if isinstance(d.data, dict)])
    fields = {"id": entity_id, **_fields(kind_name, given, today)}
    relative = _path(kind, entity_id, str(given["title"]))
    modeline = _schema_line(kind, mine, relative, root)
    text = modeline + "".join(f"{k}: {scalar(v)}\n" for k, v in fields.items() if v is not None)
    path = root / relative
    if path.exists():
        raise RiskdocsError(f"{relative} exists; riskdocs new never overwrites a file")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    found = run(whole_project(root, repository, (relative,)), today).findings
    refused = [f for f in errors(found) if blocks(f)]
    if refused:
        path.unlink()
        said = "; ".join(f"{f.rule}: {f.message}" for f in refused)
        raise RiskdocsError(f"not created: {relative} would have {said}")
    if (root / SCHEMA_FOLDER).is_dir():
        refresh_schemas(root)  # the editor offers the new id in links:
    return NewFile(relative, text, entity_id)


def _fields(kind: str, given: Mapping[str, Scalar], today: date) -> dict[str, Scalar]:
    def get(key: str, default: Scalar = None) -> Scalar:
        value = given.get(key)
        return default if value in (None, "") else value

    title = get("title")
    if kind == "risk":
        return {"title": title, "owner": get("owner"), "raised": get("raised", today),
                "probability": get("probability", 3), "impact": get("impact", 3),
                "status": "open", "review_by": get("review_by")}  # fmt: skip
    if kind == "commitment":
        return {"title": title, "owner": get("owner"), "to": get("to"),
                "made": get("made", today), "due": get("due"), "status": "open"}  # fmt: skip
    if kind == "concern":
        return {"title": title, "raised": get("raised", today), "raised_by": get("raised_by"),
                "severity": get("severity", "medium"), "owner": get("owner")}  # fmt: skip
    if kind == "change-request":
        return {"title": title, "raised": get("raised", today), "raised_by": get("raised_by"),
                "status": "proposed"}  # fmt: skip
    baseline = get("baseline")
    return {"title": title, "owner": get("owner"), "baseline": baseline,
            "forecast": get("forecast", baseline), "buffer_days": get("buffer_days")}  # fmt: skip


def _path(kind: Kind, entity_id: str, title: str) -> str:
    folder = kind.folder or ""
    if kind.name == "risk":
        slug = "-".join(re.findall(r"[a-z0-9]+", title.lower())[:4])
        return f"{folder}/{entity_id}-{slug}.yaml" if slug else f"{folder}/{entity_id}.yaml"
    return f"{folder}/{entity_id}.yaml"


def _schema_line(kind: Kind, siblings: Sequence[Document], relative: str, root: Path) -> str:
    """The editor's schema line the project's files of this kind use, else one pointing
    at `.riskdocs/schemas/` from the new file's folder."""
    for document in siblings:
        if document.path.count("/") == relative.count("/"):
            head = (root / document.path).read_text(encoding="utf-8", errors="replace")[:300]
            if found := SCHEMA_LINE.search(head):
                return found.group(0) + "\n"
    up = "../" * relative.count("/")
    return f"# yaml-language-server: $schema={up}{SCHEMA_FOLDER}/{kind.name}.schema.json\n"
