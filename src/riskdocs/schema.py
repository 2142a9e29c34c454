"""Check each document against `schemas/<kind>.schema.json` and explain failures in place.

jsonschema finds the errors; this module turns each one into a `Finding` at
the line and column of the offending value (or key), with a message that says
what to write instead. Schemas are draft-07 with relative `$ref`s, resolved
through a preloaded registry so nothing is ever fetched from the network.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT7

from riskdocs.finding import Finding, Severity
from riskdocs.loader import Document
from riskdocs.resources import SCHEMA_SUFFIX, load_schema, schema_names
from riskdocs.yamlsrc import JsonPath

_REQUIRED = re.compile(r"^'(.+)' is a required property$")
_TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "array": "a list", "object": "a mapping of fields", "null": "null",
}


@cache
def validator_for(kind_name: str) -> Draft7Validator:
    registry: Registry[Any] = Registry().with_resources(
        (name + SCHEMA_SUFFIX, DRAFT7.create_resource(load_schema(name))) for name in schema_names()
    )
    return Draft7Validator(
        load_schema(kind_name), registry=registry, format_checker=Draft7Validator.FORMAT_CHECKER
    )


def validate_document(document: Document) -> list[Finding]:
    """Findings for every way `document.data` breaks its kind's schema."""
    errors = validator_for(document.kind.name).iter_errors(document.data)
    return [finding for error in errors for finding in _explain(document, error)]


def _finding(document: Document, position: tuple[int, int], message: str) -> Finding:
    entity = document.data.get("id") if isinstance(document.data, dict) else None
    return Finding(document.path, position[0], position[1], "schema", Severity.ERROR, message,
                   entity if isinstance(entity, str) else None)


def _explain(document: Document, error: ValidationError) -> Iterator[Finding]:
    path: JsonPath = tuple(error.absolute_path)
    positions = document.positions
    if "propertyNames" in error.relative_schema_path:
        key = (*path, error.instance)
        message = error.schema.get("patternErrorMessage", error.message)
        yield _finding(document, positions.of_key(key), f"{_dotted(key)}: {message}")
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        for key in _unknown_keys(error):
            yield _finding(document, positions.of_key((*path, key)), _unknown_message(error, key))
    elif error.validator == "required":
        yield _finding(document, positions.of_value(path), _required_message(error, path))
    else:
        yield _finding(document, positions.of_value(path), _prefixed(path, _describe(error)))


def _unknown_keys(error: ValidationError) -> list[str]:
    known = error.schema.get("properties", {})
    return [key for key in error.instance if key not in known]


def _unknown_message(error: ValidationError, key: str) -> str:
    known = sorted(error.schema.get("properties", {}))
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(known)}"
    return _prefixed(tuple(error.absolute_path), f"unknown field '{key}' ({hint})")


def _required_message(error: ValidationError, path: JsonPath) -> str:
    match = _REQUIRED.match(error.message)
    name = match.group(1) if match else error.message
    about = error.schema.get("properties", {}).get(name, {}).get("description")
    detail = f": {about[0].lower()}{about[1:].rstrip('.')}" if about else ""
    return _prefixed(path, f"missing required field '{name}'{detail}")


def _describe(error: ValidationError) -> str:
    """A message for everything but required/unknown fields."""
    value = error.instance
    schema = error.schema
    if error.validator == "pattern" and "patternErrorMessage" in schema:
        return f"{value!r} is not valid: {schema['patternErrorMessage']}"
    if error.validator == "format" and error.validator_value == "date":
        return f"{value!r} is not a real calendar date (YYYY-MM-DD)"
    if error.validator in ("oneOf", "enum"):
        return _choice_message(error)
    if error.validator == "type":
        return f"expected {_type_name(error.validator_value)}, got {_show(value)}"
    if error.validator == "anyOf" and all("required" in s for s in error.validator_value):
        options = " or ".join(f"'{s['required'][0]}'" for s in error.validator_value)
        return f"needs at least one of {options}"
    if error.validator == "dependencies":
        return _dependency_message(error)
    return error.message


def _choice_message(error: ValidationError) -> str:
    options = _choices(error.schema)
    if not options:
        return error.message
    shown = ", ".join(options)
    close = difflib.get_close_matches(str(error.instance), options, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"{_show(error.instance)} is not one of: {shown}{hint}"


def _choices(schema: dict[str, Any]) -> list[str]:
    if "enum" in schema:
        return [str(v) for v in schema["enum"]]
    branches = schema.get("oneOf", [])
    if branches and all("const" in b for b in branches):
        return [str(b["const"]) for b in branches]
    return []


def _dependency_message(error: ValidationError) -> str:
    for field, needed in error.validator_value.items():
        missing = [n for n in needed if field in error.instance and n not in error.instance]
        if missing:
            return f"'{field}' is set, so '{missing[0]}' must be set too"
    return error.message


def _type_name(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else expected
    return " or ".join(_TYPE_NAMES.get(name, name) for name in names)


def _show(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _prefixed(path: JsonPath, message: str) -> str:
    return f"{_dotted(path)}: {message}" if path else message


def _dotted(path: JsonPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
