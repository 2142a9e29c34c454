"""The project's health per area (green, amber, red) and overall, with the reasons.

Computed in one place from the findings, so the status page, the Markdown
summary and any other output agree: an area is red when a health rule of that
area reports an error, amber on a warning, green otherwise. Ignored findings
do not count; information never changes a colour. Errors in the files
themselves (schema, references) make the area the file feeds, and the overall
health, at least amber, because the picture may be incomplete.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from enum import IntEnum

from riskdocs.finding import Finding, Severity, active
from riskdocs.i18n import _, counted, listed
from riskdocs.load.kinds import classify
from riskdocs.rules import RULES
from riskdocs.rules.base import AREAS, rule_summary
from riskdocs.structs import struct
from riskdocs.words import word


class Status(IntEnum):
    """Health colours, ordered so that `max` gives the worst."""

    GREEN = 0
    AMBER = 1
    RED = 2

    @property
    def label(self) -> str:
        return self.name.lower()


_STATUS_OF = {Severity.ERROR: Status.RED, Severity.WARNING: Status.AMBER}


@struct(kw_only=False)
class AreaHealth:
    """One area's colour and the reasons for it, worst first."""

    area: str
    status: Status
    reasons: tuple[str, ...]


@struct(kw_only=False)
class Health:
    areas: tuple[AreaHealth, ...]
    overall: Status
    reasons: tuple[str, ...]


def assess(
    findings: Iterable[Finding],
    audience: str = "team",
    exposure: Mapping[str, Sequence[str]] | None = None,
    areas: Sequence[str] = AREAS,
) -> Health:
    """Health per area and overall from a run's findings. A file that could not be read
    (an error of a built-in check) makes its area and the overall health at least amber:
    what it holds is missing from the picture. `audience` picks the voice of that reason.
    `exposure` is, per area, what makes it at least amber with no rule at fault (an open
    risk in the top band, one that occurred): rules say what to fix, the colour says how
    things stand. The overall reasons are every area's, worst area first, capped.
    `areas` are the ones shown (the cost area only where there is a budget to show)."""
    counted = active(findings)
    by_area: dict[str, list[Finding]] = defaultdict(list)
    unread: dict[str | None, set[str]] = defaultdict(set)
    for finding in counted:
        if finding.rule in RULES:
            if finding.severity in _STATUS_OF:
                by_area[RULES[finding.rule].AREA].append(finding)
        elif finding.severity is Severity.ERROR:
            kind = classify(finding.path)
            unread[kind.area if kind else None].add(finding.path)
    ruled = {
        area: _rule_reasons(by_area[area], audience) + list((exposure or {}).get(area, ()))
        for area in areas
    }
    shown = tuple(
        _area(area, by_area[area], ruled[area], len(unread[area]), audience) for area in areas
    )
    files = len(set().union(*unread.values())) if unread else 0
    overall = max((a.status for a in shown), default=Status.GREEN)
    overall = max(overall, Status.AMBER) if files else overall
    worst_first = sorted((a for a in shown if a.status is not Status.GREEN),
                         key=lambda a: -a.status)  # fmt: skip
    reasons = [_("{area}: {reason}").format(area=word(a.area).capitalize(), reason=reason)
               for a in worst_first for reason in ruled[a.area]]  # fmt: skip
    if files:
        reasons.append(_unread_reason(files, audience))
    return Health(shown, overall, capped(reasons))


MOST_REASONS = 6


def capped(reasons: Sequence[str], most: int = MOST_REASONS) -> tuple[str, ...]:
    """The reasons, the first `most - 1` and "and N more" when there are more than `most`."""
    if len(reasons) <= most:
        return tuple(reasons)
    more = len(reasons) - most + 1
    return (*reasons[: most - 1], _("and {count} more").format(count=more))


def _unread_reason(files: int, audience: str) -> str:
    if audience == "team":
        return counted(
            "{count} file with errors: what fails its checks is left out, so this picture "
            "may be incomplete (riskdocs validate says where)",
            "{count} files with errors: what fails its checks is left out, so this picture "
            "may be incomplete (riskdocs validate says where)",
            files,
        )
    return counted(
        "{count} record could not be read; it is missing from this page until the team fixes it",
        "{count} records could not be read; they are missing from this page until the team "
        "fixes them",
        files,
    )


def _rule_reasons(findings: Sequence[Finding], audience: str) -> list[str]:
    """The team reads one reason per rule with the ids it names; the client reads each
    finding's own sentence (display names and titles, no ids). Errors first."""
    if audience != "team":
        worst = sorted(findings, key=lambda f: (-_STATUS_OF[f.severity], f.rule, f.entity or ""))
        return list(dict.fromkeys(f.client or rule_summary(RULES[f.rule]) for f in worst))
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_rule[finding.rule].append(finding)
    ordered = sorted(by_rule.items(), key=lambda item: (-_STATUS_OF[item[1][0].severity], item[0]))
    return [_reason(rule, hits) for rule, hits in ordered]


def _area(
    area: str, findings: Sequence[Finding], reasons: list[str], unread: int, audience: str
) -> AreaHealth:
    status = max((_STATUS_OF[f.severity] for f in findings), default=Status.GREEN)
    if reasons and status is Status.GREEN:  # exposure alone, with no rule at fault
        status = Status.AMBER
    if unread:
        status = max(status, Status.AMBER)
        return AreaHealth(area, status, (*reasons, _unread_reason(unread, audience)))
    return AreaHealth(area, status, tuple(reasons))


def _reason(rule: str, hits: Sequence[Finding]) -> str:
    """`Open commitments whose due date has passed: C-001, C-004`."""
    summary = rule_summary(RULES[rule]).rstrip(".。")
    entities = sorted({f.entity for f in hits if f.entity})
    if entities:
        return _("{summary}: {ids}").format(summary=summary, ids=listed(entities))
    return _("{summary} ({count})").format(summary=summary, count=len(hits))
