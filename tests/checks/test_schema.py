"""The shipped schemas: draft-07, offline, documented for editors, and all in use."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft7Validator

from riskdocs.checks.schema import validator_for
from riskdocs.load import kinds
from riskdocs.resources import load_schema, schema_names

NAMES = schema_names()


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every schema node, leaving out `if` conditions (they test fields, not declare them)."""
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key != "if":
                yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def test_one_schema_per_kind_plus_common() -> None:
    assert set(NAMES) == {k.name for k in kinds.KINDS.values()} | {"common"}


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_valid_draft7_without_absolute_ids(name: str) -> None:
    schema = load_schema(name)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)
    assert "$id" not in schema and "id" not in schema
    refs = [n["$ref"] for n in walk(schema) if "$ref" in n]
    assert all(r.startswith(("#", "common.schema.json#")) for r in refs), refs


@pytest.mark.parametrize("name", [n for n in NAMES if n != "common"])
def test_every_field_is_documented_for_editor_hover(name: str) -> None:
    schema = load_schema(name)
    assert schema.get("title") and schema.get("description")
    missing = []
    for node in walk(schema):
        for field, spec in (
            node.get("properties", {}).items() if isinstance(node.get("properties"), dict) else []
        ):
            target = spec
            if "$ref" in spec and "description" not in spec:
                target = resolve(spec["$ref"], name)
            if {"const", "enum", "errorMessage"} & set(spec):  # if/then constraints, not fields
                continue
            if not (target.get("description") or spec.get("description")):
                missing.append(field)
    assert not missing, f"{name}: {missing}"


def resolve(ref: str, within: str) -> dict[str, Any]:
    file, _, pointer = ref.partition("#")
    node: Any = load_schema(file.removesuffix(".schema.json") if file else within)
    for part in pointer.strip("/").split("/"):
        node = node[part]
    return dict(node)


def test_enums_carry_a_description_per_value() -> None:
    choices = [n for name in NAMES for n in walk(load_schema(name)) if "oneOf" in n]
    assert choices
    for node in choices:
        assert all("const" in b and b.get("description") for b in node["oneOf"]), node


@pytest.mark.parametrize("name", [n for n in NAMES if n != "common"])
def test_validators_resolve_refs_offline(name: str) -> None:
    # Raises referencing.exceptions.Unresolvable if a $ref would need the network.
    list(validator_for(name).iter_errors({"id": 1, "date": "x", "owner": 5}))


def test_schemas_are_pretty_printed_json() -> None:
    from riskdocs.resources import schema_text

    for name in NAMES:
        text = schema_text(name)
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
