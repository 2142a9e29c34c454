"""The one currency of every check: a `Finding` names a rule, a severity, a place and what to do.

YAML syntax errors, schema violations, broken references and health rules all
produce findings; every output format and the exit code consume them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum

from riskdocs.structs import replace, struct


class Severity(StrEnum):
    """How much a finding matters; only `error` fails a run."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@struct
class Finding:
    """One problem at one place.

    Attributes:
        path: file path relative to the project root, with `/` separators.
        line: 1-based line of the offending value, or None for a whole file.
        col: 1-based column of the offending value, or None.
        rule: kebab-case rule name, e.g. `schema` or `duplicate-id`.
        severity: error, warning or info.
        message: what is wrong and what to do about it.
        entity: id of the entity concerned (`R-003`), where known.
        ignored: the reason given in the entity's `ignore:` map, if it silenced
            this finding; ignored findings never fail a run.
        client: the same finding said to the client: what it means for the project, in
            plain words, with display names and no file, field or rule; health rules give
            one, and only findings with one reach a client page.
    """

    path: str
    line: int | None
    col: int | None
    rule: str
    severity: Severity
    message: str
    entity: str | None = None
    ignored: str | None = None
    client: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line or 0, self.col or 0, self.rule, self.message)


def relocate(findings: Iterable[Finding], prefix: str) -> list[Finding]:
    """The findings with `prefix/` before each path (for tools that resolve paths
    from the repository root rather than the project root)."""
    if not prefix or prefix == ".":
        return list(findings)
    return [replace(f, path=f"{prefix.rstrip('/')}/{f.path}") for f in findings]


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in a stable order: by file, line, column, rule, message."""
    return sorted(findings, key=Finding.sort_key)


def exit_code(findings: Iterable[Finding]) -> int:
    """1 when any finding not ignored is an error, else 0 (2 is reserved for setup errors)."""
    return 1 if any(f.severity is Severity.ERROR and not f.ignored for f in findings) else 0


def count_by_severity(findings: Iterable[Finding]) -> Counter[Severity]:
    """How many findings of each severity, leaving out ignored ones."""
    return Counter(f.severity for f in findings if not f.ignored)


def active(findings: Iterable[Finding]) -> list[Finding]:
    """The findings nobody silenced with `ignore:`."""
    return [f for f in findings if not f.ignored]
