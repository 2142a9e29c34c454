"""Validators generated from the schemas by riskdocs.checks.fastcheck (one module per kind).

The generated code raises these; they mirror fastjsonschema's, which is needed
only to generate the modules, never to run them.
"""

from __future__ import annotations

from typing import Any


class JsonSchemaValueException(ValueError):
    """A document the generated validator refuses (jsonschema then explains why)."""

    def __init__(self, message: str, value: Any = None, name: Any = None,
                 definition: Any = None, rule: Any = None) -> None:  # fmt: skip
        super().__init__(message)
        self.message, self.value, self.name = message, value, name
        self.definition, self.rule = definition, rule


class JsonSchemaValuesException(ValueError):
    """Several refusals at once (generated only when not failing fast)."""

    def __init__(self, errors: Any) -> None:
        super().__init__(errors)
        self.errors = errors
