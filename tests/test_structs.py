"""`@struct` behaves as the frozen keyword-only dataclass it stands for, and the methods
shipped in riskdocs/_structs.py are the ones its classes would compile today."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys

import pytest

from riskdocs.structs import FrozenInstanceError, field, fields, replace, struct
from tests.conftest import REPO

SHIPPED = REPO / "src" / "riskdocs" / "_structs.py"
# Every module of the package imported, then what structs.py knows of them.
EVERY_MODULE = """
import importlib, pkgutil, sys
import riskdocs
for found in pkgutil.walk_packages(riskdocs.__path__, "riskdocs."):
    if found.name != "riskdocs.__main__":
        importlib.import_module(found.name)
from riskdocs import structs
print({what!r} and structs.COMPILED_AT_DEFINITION if {what!r} == "compiled" else "", end="")
if {what!r} == "text":
    sys.stdout.write(structs.module_text())
"""


def every_module(what: str) -> str:
    done = subprocess.run([sys.executable, "-c", EVERY_MODULE.format(what=what)],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return done.stdout


def test_shipped_methods_are_written_from_todays_structs(update_expected: bool) -> None:
    text = every_module("text")
    if update_expected:
        SHIPPED.write_text(text, encoding="utf-8")
    assert SHIPPED.read_text(encoding="utf-8") == text, (
        "a struct changed: run `pytest tests/test_structs.py --update-expected`"
    )


def test_no_struct_of_riskdocs_is_compiled_when_it_is_defined() -> None:
    assert every_module("compiled") == "[]"


@struct
class Point:
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)
    note: str = field(default="", compare=False, repr=False)


@dataclasses.dataclass(frozen=True, kw_only=True)
class DataPoint:
    x: int
    y: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)
    note: str = dataclasses.field(default="", compare=False, repr=False)


def test_a_struct_is_made_like_the_dataclass_it_stands_for() -> None:
    made, data = Point(x=1, tags=["a"], note="n"), DataPoint(x=1, tags=["a"], note="n")
    assert repr(made) == repr(data).replace("DataPoint", "Point")
    assert (made.x, made.y, made.tags, made.note) == (1, 0, ["a"], "n")
    assert made == Point(x=1, tags=["a"], note="another") and made != Point(x=2)
    hashable = {"x": 1, "y": 2, "tags": ("a",)}
    assert hash(Point(**hashable)) == hash(DataPoint(**hashable))  # type: ignore[arg-type]
    assert Point(x=1).tags is not Point(x=1).tags  # a fresh default from the factory
    assert made.__eq__(data) is NotImplemented
    assert fields(Point) == fields(made) == ("x", "y", "tags", "note")
    assert (Point.__name__, Point.__qualname__, Point.__module__) == ("Point", "Point", __name__)


def test_a_struct_is_frozen_slotted_and_keyword_only() -> None:
    made = Point(x=1)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'x'"):
        made.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del made.y
    with pytest.raises(AttributeError):
        made.other = 3  # type: ignore[attr-defined, unused-ignore]
    assert not hasattr(made, "__dict__")
    with pytest.raises(TypeError):
        Point(1)  # type: ignore[misc, unused-ignore]
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_a_struct_pickles_and_copies() -> None:
    made = Point(x=1, y=2, tags=["a"], note="n")
    for again in (pickle.loads(pickle.dumps(made)), copy.copy(made), copy.deepcopy(made)):
        assert again == made and again.note == "n" and type(again) is Point
    assert copy.deepcopy(made).tags is not made.tags


def test_replace_changes_the_fields_named() -> None:
    made = Point(x=1, y=2, tags=["a"])
    moved = replace(made, y=5)
    assert (moved.x, moved.y, moved.tags) == (1, 5, ["a"]) and made.y == 2
    with pytest.raises(TypeError, match="no field 'z'"):
        replace(made, z=1)


def test_the_variants_positional_mutable_identity_and_dict() -> None:
    @struct(kw_only=False)
    class Pair:
        a: str
        b: int = 1

    assert Pair("x") == Pair(a="x", b=1) and Pair.__match_args__ == ("a", "b")

    @struct(frozen=False)
    class Box:
        items: dict[str, int] = field(default_factory=dict)

    box = Box()
    box.items = {"a": 1}
    assert box == Box(items={"a": 1}) and Box.__hash__ is None

    @struct(eq=False)
    class Thing:
        name: str

    first = Thing(name="a")
    assert first != Thing(name="a") and hash(first) == object.__hash__(first)

    @struct(slots=False)
    class Loose:
        name: str

    assert Loose(name="a").__dict__ == {"name": "a"}


def test_a_struct_cannot_extend_another() -> None:
    with pytest.raises(TypeError, match="cannot inherit"):

        @struct
        class Point3(Point):
            z: int = 0
