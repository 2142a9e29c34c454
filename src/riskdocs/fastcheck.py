"""The fast path of schema validation: compiled validators, jsonschema only on failure.

fastjsonschema turns each kind's schema into Python code once per process; a
document that passes costs microseconds and never needs jsonschema. A document
that fails is handed to schema.py, which finds and explains every error at its
line. A test checks that both agree on every fixture and on generated documents.
"""

from __future__ import annotations

import copy
from datetime import date
from functools import cache
from typing import Any

from riskdocs.resources import load_schema

COMMON = "common"


def is_date(value: Any) -> bool:
    """A real calendar date written YYYY-MM-DD, as jsonschema's `date` format checks it
    (values that are not text are left to the `type` keyword, as in jsonschema)."""
    if not isinstance(value, str):
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


@cache
def _validator(kind_name: str) -> Any:
    import fastjsonschema

    return fastjsonschema.compile(
        inlined_schema(kind_name), formats={"date": is_date}, use_default=False
    )


def passes(kind_name: str, data: Any) -> bool:
    """True when `data` certainly satisfies the kind's schema; False means "ask jsonschema"."""
    try:
        _validator(kind_name)(data)
    except Exception:  # fastjsonschema's own exception: the slow path explains it
        return False
    return True


def inlined_schema(kind_name: str) -> dict[str, Any]:
    """The kind's schema with common.schema.json's definitions copied in, so it needs no
    other file (fastjsonschema would otherwise try to fetch the relative `$ref`s)."""
    schema = copy.deepcopy(load_schema(kind_name))
    common = copy.deepcopy(load_schema(COMMON)).get("definitions", {})
    definitions = schema.setdefault("definitions", {})
    for name, definition in common.items():
        definitions[f"{COMMON}__{name}"] = _rewrite(definition, inside_common=True)
    return dict(_rewrite(schema, inside_common=False))


def _rewrite(node: Any, inside_common: bool) -> Any:
    if isinstance(node, list):
        return [_rewrite(item, inside_common) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _rewrite(value, inside_common) for key, value in node.items()}
    ref = out.get("$ref")
    if isinstance(ref, str):
        out["$ref"] = _local_ref(ref, inside_common)
    return out


def _local_ref(ref: str, inside_common: bool) -> str:
    target, _, pointer = ref.partition("#")
    prefix = "/definitions/"
    from_common = target == f"{COMMON}.schema.json" or (not target and inside_common)
    if from_common and pointer.startswith(prefix):
        return f"#{prefix}{COMMON}__{pointer[len(prefix) :]}"
    return ref
