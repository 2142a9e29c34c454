"""What `pybabel extract` reads from a rule module besides its `_()` calls: the first
line of its docstring, the rule's summary, which the page, `riskdocs rules` and the
health reasons say in the command's language. babel.cfg names `extract_rule`; nothing
in riskdocs imports this module."""

from __future__ import annotations

import ast
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
