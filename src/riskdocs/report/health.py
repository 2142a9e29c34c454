"""The project's health per area (green, amber, red) and overall, with the reasons.

Computed in one place from the findings, so the status page, the Markdown
summary and any other output agree: an area is red when a health rule of that
area reports an error, amber on a warning, green otherwise. Ignored findings
do not count; information never changes a colour. Errors in the files
themselves (schema, references) make the overall health at least amber,
because the picture may be incomplete.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum

from riskdocs.finding import Finding, Severity, active
from riskdocs.rules import RULES
from riskdocs.rules.base import AREAS, summary_line


class Status(IntEnum):
    """Health colours, ordered so that `max` gives the worst."""

    GREEN = 0
    AMBER = 1
    RED = 2

    @property
    def label(self) -> str:
        return self.name.lower()


_STATUS_OF = {Severity.ERROR: Status.RED, Severity.WARNING: Status.AMBER}


@dataclass(frozen=True)
class AreaHealth:
    """One area's colour and the reasons for it, worst first."""

    area: str
    status: Status
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Health:
    areas: tuple[AreaHealth, ...]
    overall: Status
    reasons: tuple[str, ...]


def assess(findings: Iterable[Finding]) -> Health:
    """Health per area and overall from a run's findings."""
    counted = active(findings)
    by_area: dict[str, list[Finding]] = defaultdict(list)
    for finding in counted:
        if finding.rule in RULES and finding.severity in _STATUS_OF:
            by_area[RULES[finding.rule].AREA].append(finding)
    areas = tuple(_area(area, by_area[area]) for area in AREAS)
    overall = max((a.status for a in areas), default=Status.GREEN)
    reasons = [f"{a.area}: {a.reasons[0]}" for a in areas if a.status is overall and a.reasons]
    file_errors = [f for f in counted if f.rule not in RULES and f.severity is Severity.ERROR]
    if file_errors:
        overall = max(overall, Status.AMBER)
        reasons.append(
            f"{len(file_errors)} error{'s' if len(file_errors) != 1 else ''} in the project's "
            "files: entities that fail their checks are left out, so this picture may be "
            "incomplete"
        )
    return Health(areas, overall, tuple(reasons))


def _area(area: str, findings: Sequence[Finding]) -> AreaHealth:
    status = max((_STATUS_OF[f.severity] for f in findings), default=Status.GREEN)
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_rule[finding.rule].append(finding)
    ordered = sorted(by_rule.items(), key=lambda item: (-_STATUS_OF[item[1][0].severity], item[0]))
    return AreaHealth(area, status, tuple(_reason(rule, hits) for rule, hits in ordered))


def _reason(rule: str, hits: Sequence[Finding]) -> str:
    """`Open commitments whose due date has passed: C-001, C-004`."""
    summary = summary_line(RULES[rule]).rstrip(".")
    entities = sorted({f.entity for f in hits if f.entity})
    return f"{summary}: {', '.join(entities)}" if entities else f"{summary} ({len(hits)})"
