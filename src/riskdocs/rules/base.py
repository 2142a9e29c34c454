"""What a health rule module provides, and what the engine gives it.

A rule is a module with `ID`, `SEVERITY`, `AREA`, `DATE_DRIVEN`, `NEEDS_HISTORY`,
`WHOLE_PROJECT`, `OPTIONS`, a docstring (the user documentation) and
`check(project, opts, ctx)`. `WHOLE_PROJECT` is True when a finding about one
entity can depend on other files (a cadence, a trend, links pointing at it):
the pre-commit hook reads only the changed files and leaves those rules to
full runs. It yields
findings made with `hit`; the engine stamps the rule name and the configured
severity, so a rule never decides either.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from riskdocs.finding import Finding, Severity
from riskdocs.model.entities import Links, Project, Source

if TYPE_CHECKING:  # git facts are imported only when history is read
    from riskdocs.history.facts import History

# The areas of a project's health, in the order reports show them.
AREAS = ("risks", "commitments", "scope", "schedule", "communication", "satisfaction")

OptionValue = int | float | bool


@dataclass(frozen=True)
class Option:
    """One setting of a rule, with its default and what it changes."""

    default: OptionValue
    description: str
    minimum: float | None = 0


@dataclass(frozen=True)
class Context:
    """What a rule may know besides the project: the date it is checked on and,
    for rules with NEEDS_HISTORY, the facts read from git (None outside git)."""

    today: date
    history: History | None = None


class Rule(Protocol):
    """The interface of every module in riskdocs.rules."""

    @property
    def ID(self) -> str: ...
    @property
    def SEVERITY(self) -> Severity: ...
    @property
    def AREA(self) -> str: ...
    @property
    def DATE_DRIVEN(self) -> bool: ...
    @property
    def NEEDS_HISTORY(self) -> bool: ...
    @property
    def WHOLE_PROJECT(self) -> bool: ...
    @property
    def OPTIONS(self) -> Mapping[str, Option]: ...

    def check(
        self, project: Project, opts: Mapping[str, Any], ctx: Context
    ) -> Iterable[Finding]: ...


class Linked(Protocol):
    """An entity with `links:` to others."""

    @property
    def links(self) -> Links: ...


def hit(
    source: Source,
    path: tuple[str | int, ...],
    message: str,
    entity: str | None,
    *,
    at_key: bool = False,
) -> Finding:
    """A finding at the value `path` of an entity (or at its key, for a mapping that
    is wrong as a whole); rule and severity are stamped later."""
    line, col = source.key_position(*path) if at_key else source.position(*path)
    return Finding(source.path, line, col, "", Severity.ERROR, message, entity)


def hit_at(path: str, line: int, col: int, message: str, entity: str | None) -> Finding:
    """A finding at a known place, for things without a Source (action items)."""
    return Finding(path, line, col, "", Severity.ERROR, message, entity)


def days(count: int) -> str:
    """`1 day`, `3 days`."""
    return f"{count} day{'s' if abs(count) != 1 else ''}"


def summary_line(rule: Any) -> str:
    """The first line of a rule's docstring: what it checks, in one sentence."""
    doc = (rule.__doc__ or "").strip()
    return doc.splitlines()[0] if doc else rule.ID
