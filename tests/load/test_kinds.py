"""The table of kinds is the one source of the project layout: what the schemas, the
model and the pre-commit manifest say about kinds must be what the table says."""

from __future__ import annotations

import re
from typing import Any

import yaml

from riskdocs.load import kinds
from riskdocs.model.entities import Project, Pulse, Source
from riskdocs.resources import load_schema
from riskdocs.structs import fields
from tests.conftest import REPO

MANIFEST = REPO / ".pre-commit-hooks.yaml"
_FILES_LINE = re.compile(r"^(  files: ).*$", re.M)


def test_the_hook_manifest_reads_every_folder_of_the_table(update_expected: bool) -> None:
    """`pytest --update-expected` rewrites the manifest's `files:` line from the table."""
    if update_expected:
        text = MANIFEST.read_text()
        MANIFEST.write_text(_FILES_LINE.sub(rf"\g<1>{kinds.hook_files_pattern()}", text))
    (hook,) = yaml.safe_load(MANIFEST.read_text())
    assert hook["files"] == kinds.hook_files_pattern()
    for folder in kinds.ENTITY_FOLDERS:
        assert re.search(hook["files"], f"docs/health/{folder}/x.yaml"), folder


def _properties(kind: kinds.Kind) -> dict[str, Any]:
    if kind is kinds.DELIVERABLE:
        items: dict[str, Any] = load_schema("scope")["properties"]["deliverables"]["items"]
        return dict(items["properties"])
    return dict(load_schema(kind.name).get("properties", {}))


def test_internal_means_the_schema_has_visibility() -> None:
    for kind in kinds.TABLE:
        assert ("visibility" in _properties(kind)) is kind.internal, kind.name


def test_links_keys_are_the_schemas_links() -> None:
    links = load_schema("common")["definitions"]["links"]["properties"]
    assert set(links) == {k.links_key for k in kinds.TABLE if k.links_key}


def test_id_prefixes_are_the_schemas_id_patterns() -> None:
    definitions = load_schema("common")["definitions"]
    patterns = {d["pattern"] for name, d in definitions.items() if name.endswith("Id")}
    prefixes = {k.id_prefix for k in kinds.TABLE if k.id_prefix}
    assert {p[1 : p.index("-") + 1] for p in patterns} == prefixes


def test_is_id_agrees_with_the_schemas_id_pattern() -> None:
    definitions = load_schema("common")["definitions"]
    for kind in (k for k in kinds.TABLE if k.id_prefix):
        prefix = kind.id_prefix
        (pattern,) = [d["pattern"] for name, d in definitions.items()
                      if name.endswith("Id") and d["pattern"].startswith(f"^{prefix}")]  # fmt: skip
        for value in [f"{prefix}7", f"{prefix}012", f"{prefix}1a", f"{prefix}",
                      f"{prefix}\u0661", "X-1", f" {prefix}1"]:  # fmt: skip
            assert kind.is_id(value) is bool(re.search(pattern, value)), (kind.name, value)


def test_every_entity_kind_is_a_collection_of_the_project() -> None:
    collections = set(fields(Project)) | {"deliverables"}
    assert {k.collection for k in kinds.ENTITY_KINDS} <= collections
    # each may be marked internal, but the team pulse, which always is, and the record of
    # an update, which says what the client was told
    assert all(k.internal for k in kinds.ENTITY_KINDS if k not in (kinds.PULSE, kinds.UPDATE))
    assert Pulse(period="2026-11", responses=(), source=Source(path="p")).visibility == "internal"


def test_file_kinds_have_schemas_and_folders_are_derived() -> None:
    assert all(k.folder is not None for k in kinds.KINDS.values())
    assert kinds.ENTITY_FOLDERS == ("risks", "commitments", "scope", "meetings", "concerns",
                                    "feedback", "milestones", "lessons", "pulse", "updates",
                                    "contract",
                                    "budget", "closure")  # fmt: skip
    for kind in kinds.KINDS.values():
        if kind.folder and kind not in (kinds.SCOPE, kinds.CONTRACT, kinds.BUDGET, kinds.CLOSURE):
            name = f"{kind.folder}/0001/{kind.id_prefix or ''}1{kind.suffixes[0]}"
            assert kinds.classify(name) is kind, name
    assert kinds.classify("contract/contract.yaml") is kinds.CONTRACT
    assert kinds.classify("contract/notes.yaml") is None  # an unknown-file warning
    assert kinds.classify("budget/budget.yaml") is kinds.BUDGET
    assert kinds.classify("budget/2026-11.yaml") is None
