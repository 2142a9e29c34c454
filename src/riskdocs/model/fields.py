"""Reading schema-valid data with the types its schema guarantees.

Entities are built only from documents that passed their schema, so every value
already has the type the schema gives it. These readers say which type that is,
so the builders are typed end to end. Scalars are narrowed with `isinstance`, the
cheapest check Python has (a wrong type would be riskdocs' bug: the schema and the
builder disagree); containers are cast, which costs nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import cast

from riskdocs.dates import checked_day, optional_day
from riskdocs.model.entities import Links

Data = Mapping[str, object]


def text(data: Data, key: str) -> str:
    value = data[key]
    if isinstance(value, str):
        return value
    raise _broken(key, value)


def maybe_text(data: Data, key: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _broken(key, value)


def whole(data: Data, key: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if isinstance(value, int):
        return value
    raise _broken(key, value)


def maybe_whole(data: Data, key: str) -> int | None:
    value = data.get(key)
    if value is None or isinstance(value, int):
        return value
    raise _broken(key, value)


def maybe_number(data: Data, key: str) -> float | None:
    value = data.get(key)
    if value is None or isinstance(value, (int, float)):
        return value
    raise _broken(key, value)


def maybe_money(data: Data, key: str) -> Decimal | None:
    """An amount written as a number or as text ("1250.50"), exactly: a float goes through
    its shortest representation, so 0.1 stays 0.1."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        return Decimal(str(value))
    raise _broken(key, value)


def flag(data: Data, key: str) -> bool:
    value = data[key]
    if isinstance(value, bool):
        return value
    raise _broken(key, value)


def day(data: Data, key: str) -> date:
    return checked_day(text(data, key))


def maybe_day(data: Data, key: str) -> date | None:
    return optional_day(maybe_text(data, key))


def _broken(key: str, value: object) -> TypeError:
    """A value of the wrong type in data that passed its schema: the schema and this
    builder disagree, which is riskdocs' bug, not the user's."""
    return TypeError(f"schema-valid field {key!r} holds {type(value).__name__} {value!r}")


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
