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

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
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
    validator = validator_for(document.kind.name)
    errors = [e for e in validator.iter_errors(document.data) if not _covered_by_format(e)]
    return [finding for error in errors for finding in _explain(document, error, validator.schema)]


def _covered_by_format(error: ValidationError) -> bool:
    """A date's pattern error repeats its format error; report the value once."""
    return error.validator == "pattern" and error.schema.get("format") == "date"


def _finding(document: Document, position: tuple[int, int], message: str) -> Finding:
    entity = document.data.get("id") if isinstance(document.data, dict) else None
    return Finding(document.path, position[0], position[1], "schema", Severity.ERROR, message,
                   entity if isinstance(entity, str) else None)


def _explain(document: Document, error: ValidationError, root: dict[str, Any]) -> Iterator[Finding]:
    path: JsonPath = tuple(error.absolute_path)
    positions = document.positions
    condition = _condition(root, list(error.absolute_schema_path))
    if "propertyNames" in error.relative_schema_path:
        key = (*path, error.instance)
        message = error.schema.get("patternErrorMessage", error.message)
        yield _finding(document, positions.of_key(key), f"{_dotted(key)}: {message}")
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        for key in _unknown_keys(error):
            yield _finding(document, positions.of_key((*path, key)), _unknown_message(error, key))
    elif error.validator == "required" and condition:
        field, wanted = condition
        message = f"{field} is {wanted}, so '{_required_name(error)}' must be set too"
        yield _finding(document, positions.of_value((*path, field)), _prefixed(path, message))
    elif error.validator == "required":
        yield _finding(document, positions.of_value(path), _required_message(error, path))
    elif error.validator == "dependencies":
        field = _dependency_field(error)
        yield _finding(document, positions.of_key((*path, field)), _prefixed(path, _describe(error)))
    else:
        yield _finding(document, positions.of_value(path), _prefixed(path, _describe(error)))


def _condition(root: dict[str, Any], schema_path: list[str | int]) -> tuple[str, str] | None:
    """For an error raised by an if/then, the field and value of the `if` that applied."""
    if "then" not in schema_path:
        return None
    node: Any = root
    for part in schema_path[: schema_path.index("then")]:
        node = node[part]
    for field, constraint in node["if"].get("properties", {}).items():
        values = [constraint["const"]] if "const" in constraint else constraint.get("enum", [])
        return field, " or ".join(repr(v) for v in values)
    return None


def _unknown_keys(error: ValidationError) -> list[str]:
    known = error.schema.get("properties", {})
    return [key for key in error.instance if key not in known]


def _unknown_message(error: ValidationError, key: str) -> str:
    known = sorted(error.schema.get("properties", {}))
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(known)}"
    return _prefixed(tuple(error.absolute_path), f"unknown field '{key}' ({hint})")


def _required_name(error: ValidationError) -> str:
    match = _REQUIRED.match(error.message)
    return match.group(1) if match else error.message


def _required_message(error: ValidationError, path: JsonPath) -> str:
    name = _required_name(error)
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
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            return f"{value!r} is not a real calendar date"
        return f"{value!r} is not a date: write YYYY-MM-DD, e.g. 2026-11-25"
    if error.validator == "minItems":
        count = error.validator_value
        return f"the list is empty: give at least {count} item{'s' if count != 1 else ''}"
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


def _dependency_field(error: ValidationError) -> str:
    return next(
        (field for field, needed in error.validator_value.items()
         if field in error.instance and any(n not in error.instance for n in needed)),
        "",
    )


def _dependency_message(error: ValidationError) -> str:
    field = _dependency_field(error)
    missing = [n for n in error.validator_value.get(field, []) if n not in error.instance]
    return f"'{field}' is set, so '{missing[0]}' must be set too" if missing else error.message


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
