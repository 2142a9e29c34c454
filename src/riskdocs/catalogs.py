"""What `pybabel extract` reads besides `_()` calls: the first line of a rule module's
docstring (the rule's summary, which the page, `riskdocs rules` and the health reasons
say in the command's language) and each schema's `patternErrorMessage` and
`errorMessage` (which validate says after a value that does not fit). babel.cfg names
`extract_rule` and `extract_schema`; nothing in riskdocs imports this module."""

from __future__ import annotations

import ast
import json
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import extract_python


def extract_rule(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[Any, ...]]:  # fmt: skip
    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)  # type: ignore[arg-type]
    module = ast.parse(source)
    docstring = ast.get_docstring(module)
    if docstring and any(_assigns_id(node) for node in module.body):
        summary = docstring.strip().splitlines()[0]
        yield 1, None, summary, ["Translators: the summary of a health rule, one sentence."]


def _assigns_id(node: ast.stmt) -> bool:
    """`ID = ...`: what makes a module a rule (rules/base.py and docs.py are not)."""
    return isinstance(node, ast.Assign) and any(
        isinstance(target, ast.Name) and target.id == "ID" for target in node.targets
    )


def extract_schema(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[Any, ...]]:  # fmt: skip
    """Every `patternErrorMessage` and `errorMessage` of a schema, which validate says after
    the value, and the description of every required field, which it says when the field
    is missing."""
    schema = json.load(fileobj)
    for message in sorted(set(_pattern_messages(schema))):
        yield 1, None, message, ["Translators: why a value does not fit its field."]
    for message in sorted(set(_required_descriptions(schema))):
        yield 1, None, message, ["Translators: what a required field holds."]


def _mappings(node: Any) -> Iterator[dict[str, Any]]:
    """Every mapping of a schema, at any depth."""
    if isinstance(node, dict):
        yield node
        children: Any = node.values()
    else:
        children = node if isinstance(node, list) else ()
    for child in children:
        yield from _mappings(child)


def _pattern_messages(schema: Any) -> Iterator[str]:
    for node in _mappings(schema):
        for key in ("patternErrorMessage", "errorMessage"):
            if isinstance(node.get(key), str):
                yield node[key]


def _required_descriptions(schema: Any) -> Iterator[str]:
    for node in _mappings(schema):
        fields = node.get("properties", {})
        for name in node.get("required", []):
            about = fields.get(name, {}).get("description") if isinstance(fields, dict) else None
            if isinstance(about, str):
                yield about
