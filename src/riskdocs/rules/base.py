"""What a health rule module provides, and what the engine gives it.

A rule is a module with `ID`, `SEVERITY`, `AREA`, `DATE_DRIVEN`, `BLOCKS_COMMITS`,
`NEEDS_HISTORY`, `WHOLE_PROJECT`, `OPTIONS`, a docstring (the user documentation)
and `check(project, opts, ctx)`. `BLOCKS_COMMITS` is the hook's policy: True for
a rule that finds a broken, inconsistent or dishonest record (a silent slip, a
self-agreed move), which a commit must not land; False for one that reports the
state of the project, however bad (overdue, beyond buffer, a high risk without a
plan yet): the hook shows those as warnings, never refuses them.
`WHOLE_PROJECT` is True when a finding about one entity can depend on other
files or on its committed history (a cadence, a trend, links pointing at it):
the pre-commit hook reads only the changed files and what is staged, and leaves
those rules to full runs. `check` yields
`Hit`s made with `hit`; the engine turns them into findings, stamping the rule
name and the configured severity, so a rule never decides either.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Links, Project, Source
from riskdocs.structs import struct

if TYPE_CHECKING:  # git facts are imported only when history is read
    from riskdocs.history.facts import History

# The areas of a project's health, in the order reports show them.
AREAS = ("risks", "commitments", "scope", "schedule", "cost", "communication", "satisfaction")

OptionValue = int | float | bool


@struct(kw_only=False)
class Option:
    """One setting of a rule, with its default and what it changes."""

    default: OptionValue
    description: str
    minimum: float | None = 0


@struct(kw_only=False)
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
    def BLOCKS_COMMITS(self) -> bool: ...
    @property
    def NEEDS_HISTORY(self) -> bool: ...
    @property
    def WHOLE_PROJECT(self) -> bool: ...
    @property
    def OPTIONS(self) -> Mapping[str, Option]: ...

    def check(self, project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterable[Hit]: ...


class Linked(Protocol):
    """An entity with `links:` to others."""

    @property
    def links(self) -> Links: ...


class Hit(NamedTuple):
    """What a rule reports: a place and a message about an entity. Only the engine
    (riskdocs.rules.run_rules) turns a hit into a `Finding`, stamping the rule's name,
    its configured severity and the entity's `ignore:` reason."""

    path: str
    line: int | None
    col: int | None
    message: str
    entity: str | None
    client: str


def hit(
    source: Source,
    path: tuple[str | int, ...],
    message: str,
    entity: str | None,
    *,
    client: str,
    at_key: bool = False,
) -> Hit:
    """A hit at the value `path` of an entity (or at its key, for a mapping that is
    wrong as a whole). `message` tells the team what to fix and where; `client` tells the
    client what it means, in plain words (display names; no file, field or rule)."""
    line, col = source.key_position(*path) if at_key else source.position(*path)
    return Hit(path=source.path, line=line, col=col, message=message, entity=entity,
               client=client)  # fmt: skip


def hit_at(path: str, line: int, col: int, message: str, entity: str | None, *, client: str) -> Hit:
    """A hit at a known place, for things without a Source (action items)."""
    return Hit(path=path, line=line, col=col, message=message, entity=entity, client=client)


def name_of(project: Project, key: str | None) -> str:
    """How the client reads a person: their display name; "someone" when the key names
    nobody in `people:` (a reference error the team sees), "nobody" without a key."""
    person = project.settings.people.get(key or "")
    return person.name if person else ("someone" if key else "nobody")


def sentence(text: str) -> str:
    """`text` with its first letter upper case, as a sentence starts."""
    return text[:1].upper() + text[1:]


def recorded(moves: Sequence[tuple[date, date]], old: date, new: date) -> bool:
    """Whether agreed moves, given oldest first as (from, to) pairs, lead from `old` to
    `new`: one entry, or several in a row, as when a date moved twice between commits
    and git sees one move."""
    for start, (first, _last) in enumerate(moves):
        if first != old:
            continue
        for end in range(start, len(moves)):
            if end > start and moves[end][0] != moves[end - 1][1]:
                break
            if moves[end][1] == new:
                return True
    return False


def chain_breaks(moves: Sequence[tuple[date, date]]) -> Iterator[tuple[int, date, date]]:
    """(index, its `from`, the previous `to`) of each agreed move, given oldest first as
    (from, to) pairs, whose `from` is not the date the move before it agreed."""
    for index in range(1, len(moves)):
        if moves[index][0] != moves[index - 1][1]:
            yield index, moves[index][0], moves[index - 1][1]


def rule_summary(rule: Any) -> str:
    """A rule's summary in the language of the command (the catalogs hold each rule's
    first docstring line; riskdocs/catalogs.py extracts them)."""
    return _(summary_line(rule))


def summary_line(rule: Any) -> str:
    """The first line of a rule's docstring: what it checks, in one sentence."""
    doc = (rule.__doc__ or "").strip()
    return doc.splitlines()[0] if doc else rule.ID
