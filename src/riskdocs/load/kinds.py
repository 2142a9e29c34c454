"""The one table of kinds: what a project holds, where each kind lives and how it is named.

Every fact about a kind is declared here once: its folder and file endings, its
id prefix, the `Project` collection that holds its entities, the `links:` key
and reference name other files use for it, and whether it may be marked
`visibility: internal`. The loader classifies files with it, the schema stage
picks `schemas/<kind>.schema.json` from it, references, the rule engine and the
report walk entities through it, and the pre-commit hook's `files:` pattern is
generated from it (a test keeps `.pre-commit-hooks.yaml` equal to
`hook_files_pattern()`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from riskdocs.structs import struct

YAML_SUFFIXES = (".yaml", ".yml")
MARKDOWN_SUFFIXES = (".md",)


_NAME_ID = re.compile(r"[A-Z]+-[0-9]+(?=[-.])")


def id_in_name(path: str) -> str | None:
    """The id a file's name starts with (`risks/0001/R-12-vendor.yaml` -> R-12)."""
    match = _NAME_ID.match(path, path.rfind("/") + 1)
    return match.group() if match else None


def next_id(kind: Kind, ids: list[str]) -> str:
    """The id after the highest of `ids` (`C-007` after `C-006`), as wide as they are."""
    prefix = kind.id_prefix or ""
    numbers = [m.group(1) for i in ids if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", i))]
    width = max((len(n) for n in numbers), default=2 if kind.name == "milestone" else 3)
    return f"{prefix}{max((int(n) for n in numbers), default=0) + 1:0{width}d}"


@struct(eq=False)
class Kind:
    """One kind of thing a project holds. There is one object per kind (see `__reduce__`),
    so kinds compare and hash by identity, which keeps dictionaries keyed by kind fast.

    Attributes:
        name: kind name, also the schema file stem (`risk` -> risk.schema.json).
        label: how messages name one entity of this kind ("risk", "change request").
        folder: folder holding the files, relative to the project root; files may sit
            in sub-folders (shards). "" for riskdocs.yaml; None for a kind without
            files of its own (deliverables live in scope/baseline.yaml).
        suffixes: accepted file name endings.
        id_prefix: prefix of ids of this kind (`R-`); None for kinds without ids.
        markdown: True when the file is Markdown with YAML front matter.
        collection: the `Project` attribute holding its entities; None for the settings
            and the scope baseline, which are one record each, not entities.
        links_key: the key under `links:` that names entities of this kind.
        reference: how a reference to one is named in messages ("there is no risk R-9");
            None when nothing refers to this kind.
        internal: entities of this kind may be marked `visibility: internal`.
        area: the area of the project's health its files feed (a file that cannot be
            read leaves that area incomplete); None when it feeds none (lessons) or
            every one (riskdocs.yaml).
    """

    name: str
    label: str
    folder: str | None
    suffixes: tuple[str, ...] = YAML_SUFFIXES
    id_prefix: str | None = None
    markdown: bool = False
    collection: str | None = None
    links_key: str | None = None
    reference: str | None = None
    internal: bool = False
    area: str | None = None

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"

    @property
    def has_files(self) -> bool:
        return self.folder is not None

    def is_id(self, value: str) -> bool:
        """Whether `value` is a well-formed id of this kind (the prefix, then digits),
        as the kind's schema pattern says."""
        prefix = self.id_prefix
        number = value[len(prefix) :] if prefix and value.startswith(prefix) else ""
        return number.isascii() and number.isdigit()

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Unpickle as the one Kind of that name: code compares kinds with `is`."""
        return _kind_named, (self.name,)


def _entity(name: str, label: str, folder: str | None, collection: str, **more: Any) -> Kind:
    return Kind(name=name, label=label, folder=folder, collection=collection, internal=True,
                **more)  # fmt: skip


CONFIG = Kind(name="config", label="project settings", folder="")
RISK = _entity("risk", "risk", "risks", "risks", id_prefix="R-", links_key="risks",
               reference="risk", area="risks")  # fmt: skip
COMMITMENT = _entity("commitment", "commitment", "commitments", "commitments", id_prefix="C-",
                     links_key="commitments", reference="commitment",
                     area="commitments")  # fmt: skip
SCOPE = Kind(name="scope", label="scope baseline", folder="scope", area="scope")
CONTRACT = Kind(name="contract", label="contract", folder="contract", area="scope")
BUDGET = Kind(name="budget", label="budget", folder="budget", area="cost")
CLOSURE = Kind(name="closure", label="closure record", folder="closure", area="schedule")
DELIVERABLE = _entity("deliverable", "deliverable", None, "deliverables", id_prefix="D-",
                      links_key="deliverables", reference="deliverable", area="scope")  # fmt: skip
CHANGE_REQUEST = _entity("change-request", "change request", "scope/changes", "changes",
                         id_prefix="CR-", links_key="change_requests",
                         reference="change request", area="scope")  # fmt: skip
MEETING = _entity("meeting", "meeting", "meetings", "meetings", suffixes=MARKDOWN_SUFFIXES,
                  markdown=True, links_key="meetings", reference="meeting note",
                  area="communication")  # fmt: skip
CONCERN = _entity("concern", "concern", "concerns", "concerns", id_prefix="Q-",
                  links_key="concerns", reference="concern", area="communication")  # fmt: skip
FEEDBACK = _entity("feedback", "feedback pulse", "feedback", "feedback", area="satisfaction")
MILESTONE = _entity("milestone", "milestone", "milestones", "milestones", id_prefix="M-",
                    links_key="milestones", reference="milestone", area="schedule")  # fmt: skip
LESSON = _entity("lesson", "lesson", "lessons", "lessons", suffixes=MARKDOWN_SUFFIXES,
                 id_prefix="L-", markdown=True, reference="lesson")  # fmt: skip
# The team pulse is always internal (`Pulse.visibility`), so it is never marked so.
PULSE = Kind(name="pulse", label="team pulse", folder="pulse", collection="pulse")
UPDATE = Kind(name="update", label="status update", folder="updates", collection="updates",
              area="communication")  # fmt: skip

TABLE: tuple[Kind, ...] = (CONFIG, RISK, COMMITMENT, SCOPE, DELIVERABLE, CHANGE_REQUEST, MEETING,
                           CONCERN, FEEDBACK, MILESTONE, LESSON, PULSE, UPDATE, CONTRACT,
                           BUDGET, CLOSURE)  # fmt: skip
"""Every kind, in the order outputs list them."""

KINDS: dict[str, Kind] = {k.name: k for k in TABLE if k.has_files}
"""The kinds that are files, each with its schema, by name."""
ENTITY_KINDS: tuple[Kind, ...] = tuple(k for k in TABLE if k.collection)
"""The kinds of entity, in table order: what `Project.entities()` walks."""
BY_REFERENCE: dict[str, Kind] = {k.reference: k for k in TABLE if k.reference}
CONFIG_FILE = "riskdocs.yaml"
SCOPE_FILE = "scope/baseline.yaml"
SCOPE_FILES = (SCOPE_FILE, "scope/baseline.yml")
CONTRACT_FILE = "contract/contract.yaml"
CONTRACT_FILES = (CONTRACT_FILE, "contract/contract.yml")
BUDGET_FILES = ("budget/budget.yaml", "budget/budget.yml")
CLOSURE_FILES = ("closure/closure.yaml", "closure/closure.yml")
_SINGLE_FILES = {
    CONTRACT.folder: CONTRACT_FILES, BUDGET.folder: BUDGET_FILES, CLOSURE.folder: CLOSURE_FILES
}  # fmt: skip
ENTITY_FOLDERS: tuple[str, ...] = tuple(
    dict.fromkeys(k.folder.split("/")[0] for k in KINDS.values() if k.folder)
)
"""The top folders riskdocs reads, in table order."""


def hook_files_pattern() -> str:
    """The `files:` regex of the pre-commit hook: riskdocs.yaml and every entity folder,
    also in a project kept in a sub-folder of the repository."""
    folders = "|".join(re.escape(folder) for folder in ENTITY_FOLDERS)
    return rf"^(.*/)?({re.escape(CONFIG_FILE)}|({folders})/.*)$"


@cache  # history asks for the same few thousand paths again and again
def classify(relpath: str) -> Kind | None:
    """The kind of the file at `relpath` (relative to the project root, `/`-separated),
    if any.

    Returns None for files riskdocs does not read (outside the entity folders,
    or not ending in one of the kind's suffixes). Plain string operations: this
    runs once per project file.
    """
    if relpath == CONFIG_FILE:
        return CONFIG
    if relpath in SCOPE_FILES:
        return SCOPE
    if relpath in CONTRACT_FILES:
        return CONTRACT
    if relpath in BUDGET_FILES:
        return BUDGET
    if relpath in CLOSURE_FILES:
        return CLOSURE
    parts = relpath.split("/")
    if len(parts) < 2 or parts[0] in _SINGLE_FILES:
        return None
    if parts[0] == "scope":
        kind = CHANGE_REQUEST if len(parts) > 2 and parts[1] == "changes" else None
    else:
        kind = _BY_FOLDER.get(parts[0])
    if kind is None or _suffix(parts[-1]) not in kind.suffixes:
        return None
    return kind


def _suffix(name: str) -> str:
    """The file name's last extension, as PurePosixPath.suffix gives it (".bashrc" has none)."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _kind_named(name: str) -> Kind:
    return next(kind for kind in TABLE if kind.name == name)


_BY_FOLDER = {k.folder: k for k in KINDS.values() if k.folder and "/" not in k.folder}
