"""`@struct`: the dataclasses of riskdocs, with their methods compiled ahead of time.

`@struct` gives a class what `@dataclass(frozen=True, kw_only=True, slots=True)` gives
it: `__init__` with keyword-only fields and their defaults (`field(default_factory=...)`
too), `__repr__`, `__eq__` and `__hash__` over the compared fields, immutability and
`__slots__`. Python 3.11's dataclasses compile about six functions per class each time
the program starts (about 1 ms a class: most of what the pre-commit hook spent importing
riskdocs). Here the same functions come from `riskdocs/_structs.py`, a module written
from the same source text by `pytest tests/test_structs.py --update-expected` and
byte-compiled like any other. A class whose fields changed since the file was written
is compiled when it is defined, from the same text (correct, only slower), and
`tests/test_structs.py` fails until the file is written again.

`fields()` and `replace()` stand in for their dataclasses namesakes; structs pickle and
copy (a forked worker sends its results back pickled).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, field
from types import ModuleType
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["FrozenInstanceError", "field", "fields", "replace", "struct"]

_T = TypeVar("_T", bound=type)
_S = TypeVar("_S")

# (name, "required" | "default" | "factory", shown by repr, compared by eq)
FieldSpec = tuple[str, str, bool, bool]
# (kw_only, frozen, eq, slots, fields)
Spec = tuple[bool, bool, bool, bool, tuple[FieldSpec, ...]]

# Every struct defined in this process, by "module.QualName": what _structs.py is made of.
DEFINED: dict[str, Spec] = {}
# The structs whose methods were compiled when they were defined (_structs.py is stale).
COMPILED_AT_DEFINITION: list[str] = []

_ahead: ModuleType | None
try:
    from riskdocs import _structs as _ahead
except ImportError:  # pragma: no cover - only while the file is first written
    _ahead = None


@overload
@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(field, Field))
def struct(cls: _T, /) -> _T: ...
@overload
def struct(
    *, kw_only: bool = True, frozen: bool = True, eq: bool = True, slots: bool = True
) -> Callable[[_T], _T]: ...
def struct(
    cls: _T | None = None,
    /,
    *,
    kw_only: bool = True,
    frozen: bool = True,
    eq: bool = True,
    slots: bool = True,
) -> _T | Callable[[_T], _T]:
    """Make `cls` a struct; `slots=False` keeps a `__dict__` (for `cached_property`)."""

    def make(target: _T) -> _T:
        return _make(target, kw_only=kw_only, frozen=frozen, eq=eq, slots=slots)

    return make if cls is None else make(cls)


def fields(obj_or_cls: object) -> tuple[str, ...]:
    """The names of a struct's fields, in order."""
    cls = obj_or_cls if isinstance(obj_or_cls, type) else type(obj_or_cls)
    names: tuple[str, ...] = cls.__struct_fields__  # type: ignore[attr-defined]
    return names


def replace(obj: _S, /, **changes: Any) -> _S:
    """A copy of the struct `obj` with some fields changed."""
    values = {name: getattr(obj, name) for name in fields(obj)}
    unknown = changes.keys() - values.keys()
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    return type(obj)(**{**values, **changes})


def _make(cls: _T, *, kw_only: bool, frozen: bool, eq: bool, slots: bool) -> _T:
    key = f"{cls.__module__}.{cls.__qualname__}"
    if any(hasattr(base, "__struct_fields__") for base in cls.__mro__[1:]):
        raise TypeError(f"{key}: a struct cannot inherit from another struct")
    namespace = dict(cls.__dict__)
    specs, defaults = _fields_of(cls, namespace)
    spec: Spec = (kw_only, frozen, eq, slots, specs)
    DEFINED[key] = spec
    builder = _prebuilt(key, spec)
    if builder is None:
        COMPILED_AT_DEFINITION.append(key)
        scope: dict[str, Any] = {}
        exec(source_of(key, spec), scope)
        builder = scope[_builder_name(key)]
    methods = builder(MISSING, object.__setattr__, FrozenInstanceError, defaults)
    names = tuple(name for name, *_ in specs)
    methods["__struct_fields__"] = names
    methods["__match_args__"] = () if kw_only else names
    if not slots:
        for name in defaults.keys() & cls.__dict__.keys():
            delattr(cls, name)
        for name, method in methods.items():
            setattr(cls, name, method)
        return cls
    namespace.update(methods, __slots__=names, __getstate__=_getstate, __setstate__=_setstate)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    made: _T = type(cls)(cls.__name__, cls.__bases__, namespace)
    return made


def _getstate(self: Any) -> tuple[Any, ...]:
    """What pickle and copy keep of a slotted struct: its values, in field order."""
    return tuple(getattr(self, name) for name in self.__struct_fields__)


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    """A struct back from pickle or copy (past the frozen __setattr__)."""
    for name, value in zip(self.__struct_fields__, state, strict=True):
        object.__setattr__(self, name, value)


def _fields_of(
    cls: type, namespace: dict[str, Any]
) -> tuple[tuple[FieldSpec, ...], dict[str, Any]]:
    """The fields of `cls` from its annotations (strings, as `from __future__ import
    annotations` leaves them), and their defaults taken out of the class namespace."""
    specs: list[FieldSpec] = []
    defaults: dict[str, Any] = {}
    for name, annotation in inspect.get_annotations(cls).items():
        if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = namespace.pop(name, MISSING)
        shown = compared = True
        kind = "required"
        if isinstance(value, Field):
            shown, compared = value.repr, bool(value.compare)
            if value.default_factory is not MISSING:
                kind, defaults[name] = "factory", value.default_factory
            elif value.default is not MISSING:
                kind, defaults[name] = "default", value.default
        elif value is not MISSING:
            kind, defaults[name] = "default", value
        specs.append((name, kind, shown, compared))
    return tuple(specs), defaults


def _prebuilt(key: str, spec: Spec) -> Callable[..., dict[str, Any]] | None:
    if _ahead is None or _ahead.SPECS.get(key) != spec:
        return None
    built: Callable[..., dict[str, Any]] = getattr(_ahead, _builder_name(key))
    return built


def _builder_name(key: str) -> str:
    return "_" + "".join(c if c.isalnum() else "_" for c in key)


def source_of(key: str, spec: Spec) -> str:
    """The text of the function that makes one struct's methods, given the sentinel for
    a missing value, `object.__setattr__`, the frozen error and the defaults by name."""
    kw_only, frozen, eq, _slots, specs = spec
    lines = [f"def {_builder_name(key)}(_MISSING, _set, _Frozen, _defaults):"]
    lines += [
        f"    _d_{name} = _defaults[{name!r}]" for name, kind, *_ in specs if kind != "required"
    ]
    lines += _init_lines(specs, kw_only, frozen)
    lines += _repr_lines(specs)
    made = ["__init__", "__repr__"]
    if eq:
        compared = [name for name, _, _, cmp in specs if cmp]
        mine = "".join(f"self.{name}, " for name in compared)
        theirs = "".join(f"other.{name}, " for name in compared)
        lines += [
            "    def __eq__(self, other):",
            "        if other.__class__ is self.__class__:",
            f"            return ({mine}) == ({theirs})",
            "        return NotImplemented",
        ]
        made.append("__eq__")
        if frozen:
            lines += ["    def __hash__(self):", f"        return hash(({mine}))"]
            made.append("__hash__")
    if frozen:
        lines += [
            "    def __setattr__(self, name, value):",
            "        raise _Frozen(f'cannot assign to field {name!r}')",
            "    def __delattr__(self, name):",
            "        raise _Frozen(f'cannot delete field {name!r}')",
        ]
        made += ["__setattr__", "__delattr__"]
    if eq and not frozen:
        made.append("__hash__")
        lines.append("    __hash__ = None")
    lines.append("    return {" + ", ".join(f"{m!r}: {m}" for m in made) + "}")
    return "\n".join(lines) + "\n"


def _init_lines(specs: tuple[FieldSpec, ...], kw_only: bool, frozen: bool) -> list[str]:
    params = []
    body = []
    for name, kind, *_ in specs:
        value = name
        if kind == "required":
            params.append(name)
        elif kind == "default":
            params.append(f"{name}=_d_{name}")
        else:
            params.append(f"{name}=_MISSING")
            value = f"_d_{name}() if {name} is _MISSING else {name}"
        body.append(f"_set(self, {name!r}, {value})" if frozen else f"self.{name} = {value}")
    star = "*, " if kw_only and params else ""
    return [
        f"    def __init__(self, {star}{', '.join(params)}):",
        *(f"        {line}" for line in body or ["pass"]),
    ]


def _repr_lines(specs: tuple[FieldSpec, ...]) -> list[str]:
    shown = ", ".join(f"{name}={{self.{name}!r}}" for name, _, show, _ in specs if show)
    return [
        "    def __repr__(self):",
        f"        return f'{{self.__class__.__qualname__}}({shown})'",
    ]


def module_text() -> str:
    """The text of `riskdocs/_structs.py` for every struct defined in this process."""
    parts = [
        '"""Generated by `pytest tests/test_structs.py --update-expected` from the structs\n'
        'of riskdocs (see riskdocs/structs.py); do not edit."""\n',
        "SPECS = {",
        *(f"    {key!r}: {spec!r}," for key, spec in sorted(DEFINED.items())),
        "}\n",
    ]
    parts += [source_of(key, spec) for key, spec in sorted(DEFINED.items())]
    return "\n".join(parts)
