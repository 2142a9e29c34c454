"""The kinds of file a riskdocs project holds, and which folder each lives in.

This table is the single place that knows the project layout: the loader
classifies files with it, the schema stage picks `schemas/<kind>.schema.json`
from it, and the reference checks use its id prefixes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

YAML_SUFFIXES = (".yaml", ".yml")
MARKDOWN_SUFFIXES = (".md",)


@dataclass(frozen=True)
class Kind:
    """One kind of project file.

    Attributes:
        name: kind name, also the schema file stem (`risk` -> risk.schema.json).
        label: how messages name one entity of this kind ("risk", "change request").
        folder: top folder holding the files; files may sit in sub-folders (shards).
        suffixes: accepted file name endings.
        id_prefix: prefix of ids of this kind (`R-`); None for kinds without ids.
        markdown: True when the file is Markdown with YAML front matter.
    """

    name: str
    label: str
    folder: str
    suffixes: tuple[str, ...] = YAML_SUFFIXES
    id_prefix: str | None = None
    markdown: bool = False

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Unpickle as the one Kind of that name: code compares kinds with `is`."""
        return _kind_named, (self.name,)


CONFIG = Kind("config", "project settings", "")
RISK = Kind("risk", "risk", "risks", id_prefix="R-")
COMMITMENT = Kind("commitment", "commitment", "commitments", id_prefix="C-")
SCOPE = Kind("scope", "scope baseline", "scope")
CHANGE_REQUEST = Kind("change-request", "change request", "scope/changes", id_prefix="CR-")
MEETING = Kind("meeting", "meeting", "meetings", MARKDOWN_SUFFIXES, markdown=True)
CONCERN = Kind("concern", "concern", "concerns", id_prefix="Q-")
FEEDBACK = Kind("feedback", "feedback pulse", "feedback")
MILESTONE = Kind("milestone", "milestone", "milestones", id_prefix="M-")
LESSON = Kind("lesson", "lesson", "lessons", MARKDOWN_SUFFIXES, id_prefix="L-", markdown=True)

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        CONFIG,
        RISK,
        COMMITMENT,
        SCOPE,
        CHANGE_REQUEST,
        MEETING,
        CONCERN,
        FEEDBACK,
        MILESTONE,
        LESSON,
    )
}
ENTITY_FOLDERS = (
    "risks",
    "commitments",
    "scope",
    "meetings",
    "concerns",
    "feedback",
    "milestones",
    "lessons",
)
CONFIG_FILE = "riskdocs.yaml"
SCOPE_FILE = "scope/baseline.yaml"
SCOPE_FILES = (SCOPE_FILE, "scope/baseline.yml")


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
    parts = relpath.split("/")
    if len(parts) < 2:
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
    return KINDS[name]


_BY_FOLDER = {k.folder: k for k in KINDS.values() if k.folder and "/" not in k.folder}
