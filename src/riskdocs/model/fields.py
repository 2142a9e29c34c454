"""Reading schema-valid data with the types its schema guarantees.

Entities are built only from documents that passed their schema, so every value
already has the type the schema gives it. These readers say which type that is,
so the builders are typed end to end; they check nothing again (a `cast` costs
nothing at run time, and the schema tests keep schemas and builders in step).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import cast

from riskdocs.dates import optional_day, parse_day
from riskdocs.model.entities import Links

Data = Mapping[str, object]


def text(data: Data, key: str) -> str:
    return cast(str, data[key])


def maybe_text(data: Data, key: str) -> str | None:
    return cast("str | None", data.get(key))


def whole(data: Data, key: str, default: int | None = None) -> int:
    value = data.get(key, default)
    return cast(int, value)


def maybe_whole(data: Data, key: str) -> int | None:
    return cast("int | None", data.get(key))


def maybe_number(data: Data, key: str) -> float | None:
    return cast("float | None", data.get(key))


def day(data: Data, key: str) -> date:
    return parse_day(text(data, key))


def maybe_day(data: Data, key: str) -> date | None:
    return optional_day(maybe_text(data, key))


def texts(data: Data, key: str) -> tuple[str, ...]:
    return tuple(cast("list[str]", data.get(key, ())))


def records(data: Data, key: str) -> list[Data]:
    """A list of mappings (prevention actions, renegotiations, responses...)."""
    return cast("list[Data]", data.get(key, ()))


def record(data: Data, key: str) -> Data:
    """A nested mapping, empty when absent."""
    return as_record(data.get(key, {}))


def as_record(value: object) -> Data:
    """A value the schema says is a mapping."""
    return cast(Data, value)


def text_map(data: Data, key: str) -> dict[str, str]:
    return dict(cast("Mapping[str, str]", data.get(key, {})))


def whole_map(data: Data, key: str) -> dict[str, int]:
    return dict(cast("Mapping[str, int]", data.get(key, {})))


def links(data: Data) -> Links:
    """`links:`: kind -> ids, as tuples."""
    found = cast("Mapping[str, list[str]]", data.get("links", {}))
    return {kind: tuple(ids) for kind, ids in found.items()}


def visibility(data: Data) -> str:
    return cast(str, data.get("visibility", "client"))
