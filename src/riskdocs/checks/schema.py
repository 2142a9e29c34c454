"""Check each document against `schemas/<kind>.schema.json` and explain failures in place.

jsonschema finds the errors; this module turns each one into a `Finding` at
the line and column of the offending value (or key), with a message that says
what to write instead. Schemas are draft-07 with relative `$ref`s, resolved
through a preloaded registry so nothing is ever fetched from the network.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT7

from riskdocs.dates import ISO_DAY
from riskdocs.finding import Finding, Severity
from riskdocs.i18n import N_, _, ngettext
from riskdocs.load.documents import Document
from riskdocs.load.yamlsrc import JsonPath, Positions, dotted
from riskdocs.resources import SCHEMA_SUFFIX, load_schema, schema_names
from riskdocs.structs import struct
from riskdocs.suggest import did_you_mean

_REQUIRED = re.compile(r"^'(.+)' is a required property$")
_TYPE_NAMES = {
    "string": N_("text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "array": N_("a list"),
    "object": N_("a mapping of fields"),
    "null": N_("null"),
}


@struct(kw_only=False)
class SchemaError:
    """The parts of a jsonschema ValidationError that messages are made from."""

    keyword: str  # the failing keyword: required, enum, pattern, ...
    expected: Any  # the keyword's value in the schema
    schema: dict[str, Any]  # the (sub)schema holding the keyword
    instance: Any  # the offending value
    path: JsonPath  # where the value is in the document
    schema_path: tuple[str | int, ...]  # where the keyword is in the root schema
    message: str  # jsonschema's own message, the fallback

    @classmethod
    def of(cls, error: ValidationError) -> SchemaError:
        schema = error.schema if isinstance(error.schema, dict) else {}
        return cls(
            str(error.validator),
            error.validator_value,
            schema,
            error.instance,
            tuple(error.absolute_path),
            tuple(error.absolute_schema_path),
            error.message,
        )


@cache
def _registry() -> Registry[Any]:
    """Every shipped schema under its file name, built once per process."""
    return Registry().with_resources(
        (name + SCHEMA_SUFFIX, DRAFT7.create_resource(load_schema(name))) for name in schema_names()
    )


@cache
def validator_for(kind_name: str) -> Draft7Validator:
    return Draft7Validator(
        load_schema(kind_name), registry=_registry(), format_checker=Draft7Validator.FORMAT_CHECKER
    )


def validate_document(document: Document) -> list[Finding]:
    """Findings for every way `document.data` breaks its kind's schema."""
    return schema_findings(
        document.path, document.kind.name, document.data, document.positions, _entity(document)
    )


def schema_findings(
    path: str, schema_name: str, data: Any, positions: Positions, entity: str | None = None
) -> list[Finding]:
    """Findings for every way `data` (read from `path`) breaks the schema `schema_name`,
    each once: one value can fail twice (a date under `properties` and again under an
    if/then)."""
    validator = validator_for(schema_name)
    root = load_schema(schema_name)
    errors = [SchemaError.of(e) for e in validator.iter_errors(data)]
    explained = dict.fromkeys(
        explanation
        for error in errors
        if not _covered_by_format(error)
        for explanation in _explain(data, positions, error, root)
    )
    return [
        Finding(
            path=path,
            line=line,
            col=col,
            rule="schema",
            severity=Severity.ERROR,
            message=message,
            entity=entity,
        )
        for (line, col), message in explained
    ]


def _entity(document: Document) -> str | None:
    entity = document.data.get("id") if isinstance(document.data, dict) else None
    return entity if isinstance(entity, str) else None


def _covered_by_format(error: SchemaError) -> bool:
    """A date's pattern error repeats its format error; report the value once."""
    return error.keyword == "pattern" and error.schema.get("format") == "date"


def _explain(
    data: Any, positions: Positions, error: SchemaError, root: dict[str, Any]
) -> Iterator[tuple[tuple[int, int], str]]:
    """(position, message) pairs for one schema error."""
    path = error.path
    owner = path if error.keyword == "required" else path[:-1]  # the mapping the `if` tested
    condition = _condition(root, error.schema_path, data, owner)
    if "propertyNames" in error.schema_path:
        named = (*path, error.instance)
        message = (
            _(error.schema["patternErrorMessage"])
            if "patternErrorMessage" in error.schema
            else error.message
        )
        yield positions.of_key(named), f"{dotted(named)}: {message}"
    elif error.keyword == "additionalProperties" and isinstance(error.instance, dict):
        for key in _unknown_keys(error):
            yield positions.of_key((*path, key)), _unknown_message(error, key)
    elif error.keyword == "required" and condition:
        field, wanted = condition
        message = _("{field} is {wanted}, so '{error}' must be set too").format(
            field=field, wanted=wanted, error=_required_name(error)
        )
        yield positions.of_value((*path, field)), _prefixed(path, message)
    elif "errorMessage" in error.schema:  # a field that contradicts the `if` (or its absence)
        hint = _(error.schema["errorMessage"])
        if condition is None:
            yield positions.of_value(path), f"{dotted(path)}: {hint}"
        else:
            field, wanted = condition
            yield (
                positions.of_value(path),
                _("{path} is set while {field} is {wanted}: {hint}").format(
                    path=dotted(path), field=field, wanted=wanted, hint=hint
                ),
            )
    elif error.keyword == "required":
        yield positions.of_value(path), _required_message(error)
    elif error.keyword == "dependencies":
        yield positions.of_key((*path, _dependency_field(error))), _prefixed(path, _describe(error))
    else:
        yield positions.of_value(path), _prefixed(path, _describe(error))


def _condition(
    root: dict[str, Any], schema_path: tuple[str | int, ...], data: Any, owner: JsonPath
) -> tuple[str, str] | None:
    """For an error raised by an if/then, the field the `if` tested and the value it has
    in the mapping at `owner`."""
    if "then" not in schema_path:
        return None
    node: Any = root
    for part in schema_path[: schema_path.index("then")]:
        node = node[part]
    for field in node["if"].get("properties", {}):
        mapping = _at(data, owner)
        return field, repr(mapping.get(field)) if isinstance(mapping, dict) else repr(None)
    return None


def _at(data: Any, path: JsonPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _unknown_keys(error: SchemaError) -> list[str]:
    known = error.schema.get("properties", {})
    return [key for key in error.instance if key not in known]


def _unknown_message(error: SchemaError, key: str) -> str:
    known = sorted(error.schema.get("properties", {}))
    close = did_you_mean(key, known, n=1)
    if close:
        return _prefixed(
            error.path,
            _("unknown field '{key}' (did you mean '{close}'?)").format(key=key, close=close[0]),
        )
    fields = ", ".join(known)
    return _prefixed(
        error.path,
        _("unknown field '{key}': remove it, or use a known field ({fields})").format(
            key=key, fields=fields
        ),
    )


def _required_name(error: SchemaError) -> str:
    match = _REQUIRED.match(error.message)
    return match.group(1) if match else error.message


def _required_message(error: SchemaError) -> str:
    name = _required_name(error)
    about = error.schema.get("properties", {}).get(name, {}).get("description")
    said = _(about) if about else ""
    detail = (
        _(": {about}").format(about=said[0].lower() + said[1:].rstrip(".\u3002")) if said else ""
    )
    return _prefixed(
        error.path,
        _("missing required field '{name}'{detail}: add `{name}:`").format(
            name=name, detail=detail
        ),
    )


def _describe(error: SchemaError) -> str:
    """A message for everything but required and unknown fields."""
    value, schema = error.instance, error.schema
    if error.keyword == "pattern" and "patternErrorMessage" in schema:
        return _("{value!r} is not valid: {why}{look_alikes}").format(
            value=value,
            why=_(schema["patternErrorMessage"]),
            look_alikes=_look_alikes(value),
        )
    if error.keyword == "format" and error.expected == "date":
        if isinstance(value, str) and ISO_DAY.fullmatch(value):
            return _("{value!r} is not a real calendar date: correct the day or the month").format(
                value=value
            )
        return _("{value!r} is not a date: write YYYY-MM-DD, e.g. 2026-11-25").format(value=value)
    if error.keyword == "minItems":
        count = error.expected
        return ngettext(
            "the list is empty: give at least {count} item",
            "the list is empty: give at least {count} items",
            count,
        ).format(count=count)
    if error.keyword in ("oneOf", "enum"):
        return _choice_message(error)
    if error.keyword == "type":
        expected = f"{_type_name(error.expected)}{_range(schema)}"
        shape = _written_as(error.path, schema)
        return _("expected {expected}, got {value}{advice}").format(
            expected=expected,
            value=_show(value),
            advice=shape or _(": write {expected}").format(expected=expected),
        )
    if error.keyword in ("minimum", "maximum"):
        bound = (
            _("less than the minimum")
            if error.keyword == "minimum"
            else _("greater than the maximum")
        )
        return _("{value} is {bound} of {expected}: use {schema}").format(
            value=value, bound=bound, expected=error.expected, schema=_allowed(schema)
        )
    if error.keyword == "anyOf" and all("required" in s for s in error.expected):
        options = _(" or ").join(f"'{s['required'][0]}'" for s in error.expected)
        return _("needs at least one of {options}: add one").format(options=options)
    if error.keyword == "dependencies":
        return _dependency_message(error)
    return error.message


def _look_alikes(value: Any) -> str:
    """A hint naming the first non-ASCII character, which often only looks like ASCII."""
    if not isinstance(value, str):
        return ""
    odd = next((c for c in value if ord(c) > 127), None)
    if odd is None:
        return ""
    name = unicodedata.name(odd, _("an unnamed character"))
    return _(" (it contains {odd!r}, U+{code:04X} {name}: retype it in plain ASCII)").format(
        odd=odd, code=ord(odd), name=name
    )


def _choice_message(error: SchemaError) -> str:
    options = _choices(error.schema)
    if not options:
        return error.message
    close = did_you_mean(str(error.instance), options, n=1)
    hint = (
        _("; did you mean '{close}'?").format(close=close[0]) if close else _("; write one of them")
    )
    return _("{instance} is not one of: {options}{hint}").format(
        instance=_show(error.instance), options=", ".join(options), hint=hint
    )


def _choices(schema: dict[str, Any]) -> list[str]:
    if "enum" in schema:
        return [str(v) for v in schema["enum"]]
    branches = schema.get("oneOf", [])
    if branches and all("const" in b for b in branches):
        return [str(b["const"]) for b in branches]
    return []


def _dependency_field(error: SchemaError) -> str:
    return next(
        (
            field
            for field, needed in error.expected.items()
            if field in error.instance and any(n not in error.instance for n in needed)
        ),
        "",
    )


def _dependency_message(error: SchemaError) -> str:
    field = _dependency_field(error)
    missing = [n for n in error.expected.get(field, []) if n not in error.instance]
    if not missing:
        return error.message
    return _(
        "'{field}' is set, so '{missing}' must be set too: add `{missing}:` or remove `{field}:`"
    ).format(field=field, missing=missing[0])


def _allowed(schema: dict[str, Any]) -> str:
    """`a number from 1 to 5`, `at most 10`, `at least 0`."""
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return _("a number from {low} to {high}").format(low=low, high=high)
    return (
        _("at least {low}").format(low=low)
        if low is not None
        else _("at most {high}").format(high=high)
    )


def _range(schema: dict[str, Any]) -> str:
    """` from 1 to 5` for a number the schema bounds."""
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return _(" from {low} to {high}").format(low=low, high=high)
    return _(" of at least {low}").format(low=low) if low is not None else ""


def _written_as(path: JsonPath, schema: dict[str, Any]) -> str:
    """`: write it as `links: {risks: [R-001]}`` from the schema's first example, so the
    right shape is in the message and not only in `riskdocs schema`."""
    examples = schema.get("examples")
    if not examples or not path:
        return ""
    return _(": write it as `{path}: {examples}`").format(
        path=path[-1], examples=_flow(examples[0])
    )


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return str(value)


def _type_name(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else expected
    return _(" or ").join(_(_TYPE_NAMES[name]) if name in _TYPE_NAMES else name for name in names)


def _show(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _prefixed(path: JsonPath, message: str) -> str:
    return f"{dotted(path)}: {message}" if path else message
