"""The schemas editors read from `.riskdocs/schemas/`, made for one project, and the
check that they still match it.

The shipped schemas (`riskdocs schema KIND`) describe every project; the copies a
project keeps for its editor also know this one: its people are the values of
every person field (`owner`, `to`, `agreed_by`, attendees) with their names and
sides as descriptions, its cadences and training topics are the values of a
meeting's `cadence` and `training`, its ids are offered wherever a file names
another entity (`links:`, a milestone, a deliverable), and a new file's `id:` is
offered the next free id. `validate` itself always checks against the shipped
schemas; these copies only guide editors, so a stale copy is a warning
(`editor-schemas`), never an error.
`riskdocs schema --refresh` rewrites them.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from riskdocs.finding import Finding, Severity
from riskdocs.i18n import _
from riskdocs.load.kinds import KINDS, MEETING, TABLE, Kind, next_id
from riskdocs.load.tree import READ_ERRORS, Tree
from riskdocs.model.entities import Project
from riskdocs.resources import SCHEMA_SUFFIX, schema_names, schema_text

SCHEMA_FOLDER = ".riskdocs/schemas"
RULE = "editor-schemas"
REFRESH = "riskdocs schema --refresh"
COMMON = "common"


def id_definition(kind: Kind) -> str:
    """The common definition of an id of `kind` (`change-request` -> changeRequestId)."""
    head, *rest = kind.name.split("-")
    return head + "".join(part.capitalize() for part in rest) + "Id"


def reference_definition(kind: Kind) -> str:
    """The definition the project's schemas use where a file names an entity of `kind`."""
    return id_definition(kind).removesuffix("Id") + "Ref"


def project_ids(project: Project) -> dict[Kind, list[str]]:
    """The ids of every kind with ids, sorted (meetings: their paths)."""
    ids: dict[Kind, list[str]] = {}
    for kind in TABLE:
        if kind.collection and kind.id_prefix:
            ids[kind] = sorted(e.id for e in getattr(project, kind.collection))
    ids[MEETING] = sorted(m.path for m in project.meetings)
    return ids


def project_schemas(project: Project) -> dict[str, str]:
    """File name -> text of every schema, made for `project`."""
    ids = project_ids(project)
    made: dict[str, str] = {}
    for name in schema_names():
        schema = json.loads(schema_text(name))
        if name == COMMON:
            _know_people(schema["definitions"], project)
            _know_ids(schema["definitions"], ids)
        if name in KINDS and KINDS[name].id_prefix:
            _offer_next_id(schema, KINDS[name], ids.get(KINDS[name], []))
        if name == MEETING.name:
            _know_cadences(schema, project)
            _know_training(schema, project)
        pointed = _pointed_at_refs(schema, _renamed(ids))
        made[name + SCHEMA_SUFFIX] = json.dumps(pointed, indent=2, ensure_ascii=False) + "\n"
    return made


def _know_people(definitions: dict[str, Any], project: Project) -> None:
    people = project.settings.people
    if not people:
        return
    person = definitions["person"]
    for key in ("pattern", "patternErrorMessage", "examples"):
        person.pop(key, None)
    person["enum"] = list(people)
    person["enumDescriptions"] = [
        f"{p.name}, {p.side} side" + (f", {p.role}" if p.role else "") for p in people.values()
    ]
    person["description"] = (
        "A person of this project: one of the keys of `people:` in riskdocs.yaml."
    )


def _know_ids(definitions: dict[str, Any], ids: Mapping[Kind, Sequence[str]]) -> None:
    """A `...Ref` definition per kind: its id's definition, with this project's ids offered."""
    for kind, known in ids.items():
        base = "meetingPath" if kind is MEETING else id_definition(kind)
        reference = copy.deepcopy(definitions[base])
        if known:
            reference["examples"] = list(known)
        reference["description"] = f"A {kind.label} of this project, by its " + (
            "path." if kind is MEETING else "id."
        )
        definitions[reference_definition(kind)] = reference


def _offer_next_id(schema: dict[str, Any], kind: Kind, known: Sequence[str]) -> None:
    """The entity's own `id:` as its id's definition written out, offering the next free
    id (a `$ref` would also offer the shipped example)."""
    own = schema["properties"]["id"]
    definition = json.loads(schema_text(COMMON))["definitions"][id_definition(kind)]
    schema["properties"]["id"] = {**definition, **{k: v for k, v in own.items() if k != "$ref"},
                                  "examples": [next_id(kind, list(known))]}  # fmt: skip


def _know_cadences(schema: dict[str, Any], project: Project) -> None:
    cadences = project.settings.cadences
    if not cadences:
        return
    field = schema["properties"]["cadence"]
    field.pop("examples", None)
    field["enum"] = list(cadences)
    said = [f"every {c.every_days} days" + (f", {c.kind}" if c.kind else "")
            for c in cadences.values()]  # fmt: skip
    field["enumDescriptions"] = said


def _know_training(schema: dict[str, Any], project: Project) -> None:
    """A session's `training:` offers the topics of the project's training plan."""
    topics = project.settings.training
    if not topics:
        return
    items = schema["properties"]["training"]["items"]
    for key in ("pattern", "patternErrorMessage"):
        items.pop(key, None)
    items["enum"] = list(topics)
    items["enumDescriptions"] = [t.topic for t in topics.values()]


def _pointed_at_refs(node: Any, renamed: Mapping[str, str]) -> Any:
    """`node` with every `$ref` to an id (or a meeting path) pointed at its `...Ref`
    definition, except under an entity's own `id` property."""
    if isinstance(node, list):
        return [_pointed_at_refs(item, renamed) for item in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict):
            result[key] = {name: field if name == "id" else _pointed_at_refs(field, renamed)
                           for name, field in value.items()}  # fmt: skip
        elif key == "$ref" and isinstance(value, str):
            base, found, name = value.rpartition("#/definitions/")
            result[key] = f"{base}{found}{renamed.get(name, name)}" if found else value
        else:
            result[key] = _pointed_at_refs(value, renamed)
    return result


def _renamed(ids: Mapping[Kind, Sequence[str]]) -> dict[str, str]:
    return {("meetingPath" if k is MEETING else id_definition(k)): reference_definition(k)
            for k in ids}  # fmt: skip


def stale_schemas(tree: Tree, project: Project) -> list[Finding]:
    """A warning when the project keeps editor schemas that no longer match it; nothing
    when it keeps none."""
    kept = dict(_kept_schemas(tree, [n + SCHEMA_SUFFIX for n in schema_names()]))
    if not kept:
        return []
    wanted = project_schemas(project)
    differ = sorted(name for name, text in wanted.items() if kept.get(name) != text)
    if not differ:
        return []
    common = COMMON + SCHEMA_SUFFIX
    changed = _what_changed(kept.get(common), wanted[common], differ)
    message = _(
        "the schemas editors read from {folder}/ do not match this project ({changed}), "
        "so an editor may offer names and ids that are gone or flag ones that are right: "
        "run `{refresh}` (it rewrites {folder}/ and nothing else)"
    ).format(folder=SCHEMA_FOLDER, changed=changed, refresh=REFRESH)
    return [Finding(path=f"{SCHEMA_FOLDER}/{differ[0]}", line=None, col=None, rule=RULE,
                    severity=Severity.WARNING, message=message)]  # fmt: skip


def _kept_schemas(tree: Tree, names: Sequence[str]) -> Iterator[tuple[str, str]]:
    for name in names:
        try:
            yield name, tree.read(f"{SCHEMA_FOLDER}/{name}").decode("utf-8", "replace")
        except READ_ERRORS:
            continue


def _what_changed(kept: str | None, wanted: str, differ: Sequence[str]) -> str:
    """In a few words, why the kept schemas differ: people, cadences, ids or riskdocs."""
    if kept is None:
        return _("{files} missing or different").format(files=", ".join(differ))
    try:
        old = json.loads(kept).get("definitions", {})
    except (ValueError, AttributeError):
        return _("{file} is not JSON").format(file=COMMON + SCHEMA_SUFFIX)
    new = json.loads(wanted)["definitions"]
    added = sorted(set(_enum(new, "person")) - set(_enum(old, "person")))
    gone = sorted(set(_enum(old, "person")) - set(_enum(new, "person")))
    said = [
        label.format(keys=", ".join(names))
        for label, names in (
            (_("people added: {keys}"), added),
            (_("people removed: {keys}"), gone),
        )
        if names
    ]
    if said:
        return _("; ").join(said)
    return _("{files}: ids, cadences or the riskdocs version changed").format(
        files=", ".join(differ)
    )


def _enum(definitions: Any, key: str) -> list[str]:
    value = definitions.get(key, {}).get("enum", []) if isinstance(definitions, dict) else []
    return [str(v) for v in value] if isinstance(value, list) else []
