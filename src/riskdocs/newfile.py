"""`riskdocs new KIND`: one new entity file with the next free id, ready to fill in.

The file holds every field the kind requires, from the options or a default a
careful PM would pick (made today, status open, a score to revisit), the editor's
schema line that the project's other files of that kind use, and is checked
before it is kept: a new file never starts out broken.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from riskdocs.checks.editorschemas import SCHEMA_FOLDER
from riskdocs.checks.pipeline import read_model, run
from riskdocs.checks.sources import ChangedFiles, whole_project
from riskdocs.edit import Scalar, scalar
from riskdocs.errors import RiskdocsError
from riskdocs.finding import Finding
from riskdocs.history.repo import Repository
from riskdocs.i18n import _
from riskdocs.load.kinds import KINDS, MEETING, Kind, classify, id_in_name, next_id
from riskdocs.load.tree import READ_ERRORS, DiskTree, walk
from riskdocs.load.yamlsrc import parse_yaml
from riskdocs.record import blocks, errors
from riskdocs.scaffold import refresh_schemas
from riskdocs.structs import struct

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)
# What each kind needs that riskdocs cannot choose: the options that must be given.
NEEDED = {
    "risk": ("title",),
    "commitment": ("title", "owner", "to", "due"),
    "concern": ("title", "raised_by"),
    "change-request": ("title", "raised_by"),
    "milestone": ("title", "baseline"),
    "meeting": ("title", "attendees"),
    "lesson": ("title",),
}
KIND_NAMES = tuple(NEEDED)
Value = Scalar | Mapping[str, Scalar] | list[Scalar]


@struct(kw_only=False)
class NewFile:
    path: str
    text: str
    id: str


def create(
    root: Path,
    repository: Repository | None,
    kind_name: str,
    given: Mapping[str, Scalar],
    today: date,
) -> NewFile:
    """Write the new entity's file and return it; nothing is left behind when the file
    would not pass its checks."""
    kind = KINDS[kind_name]
    missing = [k for k in NEEDED[kind_name] if given.get(k) in (None, "")]
    if missing:
        options = ", ".join(f"--{k.replace('_', '-')}" for k in missing)
        raise RiskdocsError(
            _("a new {label} needs {options}").format(label=kind.label, options=options)
        )
    # Ids by file name (a file name starts with its id): no file is read. A file whose
    # name hides its id makes the new id a duplicate, which the check after refuses.
    paths = [p for p in walk(root, kind.folder or "") if classify(p) is kind]
    ids = [i for i in map(id_in_name, paths) if i]
    if kind_name == "meeting" and not given.get("kind"):
        given = {**given, "kind": _meeting_kind(root, given.get("cadence"))}
    made = draft(root, kind, fields_of(kind_name, given, today), ids, paths)
    keep(root, repository, [made], today)  # a new file with required fields only has no news
    return made


def draft(
    root: Path,
    kind: Kind,
    fields: Mapping[str, Value],
    ids: Sequence[str],
    siblings: Sequence[str],
) -> NewFile:
    """The file of a new entity of `kind` with `fields` (all but its id), the next after
    `ids`; its editor line is the one its `siblings` (paths of that kind) use."""
    title = str(fields.get("title", ""))
    if kind.id_prefix is None:  # a meeting note is named by its date and title
        relative = _path(kind, str(fields.get("date", "")), title)
        entity_id, body = relative.rsplit("/", 1)[-1].removesuffix(".md"), dict(fields)
    else:
        entity_id = next_id(kind, list(ids))
        relative = _path(kind, entity_id, title)
        body = {"id": entity_id, **fields}
    lines = "".join(_field(k, v) for k, v in body.items() if v is not None)
    if kind.markdown:  # a meeting note starts with its heading; a lesson is its text
        heading = f"\n# {' '.join(title.split())}\n" if kind.id_prefix is None else ""
        return NewFile(relative, f"---\n{lines}---\n{heading}", entity_id)
    return NewFile(relative, _schema_line(kind, siblings, relative, root) + lines, entity_id)


def keep(
    root: Path, repository: Repository | None, made: Sequence[NewFile], today: date
) -> list[Finding]:
    """Write the new files and check them with the project; when one would not pass its
    checks none is kept. Refreshes the editor's schemas, which offer the new ids. Returns
    the errors the new files have that do not block (an imported high risk with no plan
    yet): bad news to show, not to refuse."""
    existing = [m.path for m in made if (root / m.path).exists()]
    if existing:
        named_by = _(" (a meeting note is named by its date and title: give another --title)")
        meeting = existing[0].startswith(f"{MEETING.folder}/")
        raise RiskdocsError(
            _("{existing} exists; riskdocs never overwrites a file").format(existing=existing[0])
            + (named_by if meeting else "")
        )
    try:
        for new in made:
            (root / new.path).parent.mkdir(parents=True, exist_ok=True)
            (root / new.path).write_text(new.text, encoding="utf-8")
        checked = run(whole_project(root, repository, [m.path for m in made]), today)
    except BaseException:
        _remove(root, made)
        raise
    found = checked.findings
    refused = [f for f in errors(found) if blocks(f)]
    if refused:
        _remove(root, made)
        said = "; ".join(f"{f.path}: {f.rule}: {f.message}" for f in refused[:5])
        raise RiskdocsError(_("nothing created: it would leave {said}").format(said=said))
    if (root / SCHEMA_FOLDER).is_dir():
        refresh_schemas(root, checked.project)
    return errors(found)


def _remove(root: Path, made: Sequence[NewFile]) -> None:
    for new in made:
        (root / new.path).unlink(missing_ok=True)


def _field(key: str, value: Value) -> str:
    """One top-level field as YAML: a scalar, a text of several lines as a literal block
    (when it reads back exactly), or a mapping of scalars."""
    if isinstance(value, list):
        return f"{key}:\n" + "".join(f"  - {scalar(v)}\n" for v in value)
    if isinstance(value, Mapping):
        return f"{key}:\n" + "".join(
            f"  {k}: {scalar(v)}\n" for k, v in value.items() if v is not None
        )
    if isinstance(value, str) and "\n" in value.strip("\n"):
        block = f"{key}: |-\n" + "".join(
            f"  {line}\n" if line else "\n" for line in value.split("\n")
        )
        parsed = parse_yaml(block)
        if parsed.ok and parsed.data == {key: value}:
            return block
    return f"{key}: {scalar(value)}\n"


def fields_of(kind: str, given: Mapping[str, Scalar], today: date) -> dict[str, Scalar]:
    """The fields a new entity of `kind` starts with: the options given, else defaults."""

    def get(key: str, default: Scalar = None) -> Scalar:
        value = given.get(key)
        return default if value in (None, "") else value

    title = get("title")
    if kind == "risk":
        return {
            "title": title,
            "owner": get("owner"),
            "raised": get("raised", today),
            "probability": get("probability", 3),
            "impact": get("impact", 3),
            "status": "open",
            "review_by": get("review_by"),
        }
    if kind == "commitment":
        return {
            "title": title,
            "owner": get("owner"),
            "to": get("to"),
            "made": get("made", today),
            "due": get("due"),
            "status": "open",
        }
    if kind == "concern":
        return {
            "title": title,
            "raised": get("raised", today),
            "raised_by": get("raised_by"),
            "severity": get("severity", "medium"),
            "owner": get("owner"),
        }
    if kind == "change-request":
        return {
            "title": title,
            "raised": get("raised", today),
            "raised_by": get("raised_by"),
            "status": "proposed",
        }
    if kind == "meeting":
        attendees = [a.strip() for a in str(given.get("attendees") or "").split(",") if a.strip()]
        return {
            "date": get("date", today),
            "title": title,
            "kind": get("kind"),
            "attendees": attendees,  # type: ignore[dict-item]
            "cadence": get("cadence"),
        }
    if kind == "lesson":
        return {
            "title": title,
            "date": get("date", today),
            "raised_by": get("raised_by"),
            "category": get("category"),
        }
    baseline = get("baseline")
    return {
        "title": title,
        "owner": get("owner"),
        "baseline": baseline,
        "forecast": get("forecast", baseline),
        "buffer_days": get("buffer_days"),
    }


def _path(kind: Kind, name: str, title: str) -> str:
    """`risks/R-004-vendor-may-miss-the.yaml`, `meetings/2026-12-01-weekly-status.md`:
    risks, meetings and lessons carry a few words of their title; the rest their id."""
    folder, suffix = kind.folder or "", kind.suffixes[0]
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower())[:4])
    if kind.name in ("risk", "meeting", "lesson") and slug:
        return f"{folder}/{name}-{slug}{suffix}"
    return f"{folder}/{name}{suffix}"


def _meeting_kind(root: Path, cadence: Scalar) -> str:
    """The kind of meeting its cadence in riskdocs.yaml names, else a status meeting."""
    cadences = read_model(ChangedFiles(root, ())).settings.cadences
    found = cadences.get(str(cadence)) if cadence else None
    return found.kind if found and found.kind else "status"


def _schema_line(kind: Kind, siblings: Sequence[str], relative: str, root: Path) -> str:
    """The editor's schema line the project's files of this kind use, else one pointing
    at `.riskdocs/schemas/` from the new file's folder."""
    for sibling in siblings:
        if sibling.count("/") == relative.count("/"):
            try:
                head = DiskTree(root).read(sibling)[:300].decode("utf-8", "replace")
            except READ_ERRORS:
                continue
            if found := SCHEMA_LINE.search(head):
                return found.group(0) + "\n"
    up = "../" * relative.count("/")
    return f"# yaml-language-server: $schema={up}{SCHEMA_FOLDER}/{kind.name}.schema.json\n"
