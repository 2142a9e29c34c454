"""riskdocs.yaml -> `Settings`: the project, its people, its communication plan and
its thresholds (merged over the defaults), plus the checks the schema cannot make.
"""

from __future__ import annotations

from typing import Any

from riskdocs.dates import optional_day
from riskdocs.finding import Finding, Severity
from riskdocs.load.documents import Document
from riskdocs.model.entities import Cadence, Person, ResponseTarget, Settings, Source, Thresholds

Data = dict[str, Any]


def build_thresholds(data: Data) -> Thresholds:
    """`thresholds:` merged key by key over the defaults."""
    defaults = Thresholds()
    targets = dict(defaults.concern_response)
    for severity, target in data.get("concern_response", {}).items():
        default = targets[severity]
        targets[severity] = ResponseTarget(
            target.get("acknowledge_days", default.acknowledge_days),
            target.get("resolve_days", default.resolve_days),
        )
    return Thresholds(
        {**defaults.risk_bands, **data.get("risk_bands", {})},
        {**defaults.risk_review_days, **data.get("risk_review_days", {})},
        targets,
    )


def build_settings(document: Document) -> Settings:
    data, project = document.data, document.data["project"]
    people = {
        key: Person(key, p["name"], p["side"], p.get("role"), p.get("email"))
        for key, p in data["people"].items()
    }
    cadences = {
        name: Cadence(name, c["every_days"], c.get("kind"), c.get("grace_days", 0))
        for name, c in data.get("communication", {}).items()
    }
    return Settings(
        project["name"],
        project["client"],
        people,
        cadences,
        optional_day(project.get("start")),
        optional_day(project.get("end")),
        project.get("timezone"),
        Source(document.path, document.positions),
        build_thresholds(data.get("thresholds", {})),
        dict(data.get("rules", {})),
    )


def settings_problems(settings: Settings) -> list[Finding]:
    """What the schema cannot see in riskdocs.yaml: band order and the time zone name."""
    problems: list[Finding] = []
    bands, source = settings.thresholds.risk_bands, settings.source
    if bands["high"] <= bands["medium"]:
        line, col = source.position("thresholds", "risk_bands", "high")
        problems.append(
            Finding(
                source.path, line, col, "config", Severity.ERROR,
                f"thresholds.risk_bands: high ({bands['high']}) must be above medium "
                f"({bands['medium']})",
            )
        )  # fmt: skip
    if settings.timezone is not None and not _known_timezone(settings.timezone):
        line, col = source.position("project", "timezone")
        problems.append(
            Finding(
                source.path, line, col, "config", Severity.ERROR,
                f"project.timezone: {settings.timezone!r} is not an IANA time zone name; "
                "write e.g. Europe/Berlin or America/New_York",
            )
        )  # fmt: skip
    return problems


def _known_timezone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only when a zone is set

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True
