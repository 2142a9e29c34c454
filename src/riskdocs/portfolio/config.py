"""portfolio.yaml: which projects a portfolio shows, read with the loader's positions
and held to `schemas/portfolio/portfolio.schema.json`, so every mistake is a finding at
its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from riskdocs.checks.schema import schema_findings
from riskdocs.errors import RiskdocsError
from riskdocs.finding import Finding, Severity
from riskdocs.i18n import _
from riskdocs.load.yamlsrc import Positions, parse_yaml
from riskdocs.structs import struct

PORTFOLIO_FILE = "portfolio.yaml"
MAX_BYTES = 1024 * 1024
DEFAULT_STALE_AFTER_DAYS = 7
# The middle of five equal bands of chance: what "likely" (4) predicts unless the
# portfolio says otherwise.
DEFAULT_SCALE = {1: 0.1, 2: 0.3, 3: 0.5, 4: 0.7, 5: 0.9}


@struct
class Entry:
    """One project of the portfolio.

    Attributes:
        key: the project's key in portfolio.yaml (`northwind-portal`).
        checkout: the folder holding its riskdocs.yaml, when it is built here.
        status: its published status.json, when it is read.
        view: client or team: which view of the project the portfolio may show.
        url: where its own status page is published.
        line: where the entry starts in portfolio.yaml.
        written: `checkout:` or `status:` as portfolio.yaml writes it, for messages.
    """

    key: str
    view: str
    line: int
    written: str
    checkout: Path | None = None
    status: Path | None = None
    url: str | None = None


@struct
class Portfolio:
    """portfolio.yaml, read: `path` as the user named it, paths of entries resolved
    against its folder."""

    path: Path
    entries: tuple[Entry, ...]
    probability_scale: dict[int, float]
    title: str | None = None
    language: str | None = None
    timezone: str | None = None
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS


class PortfolioConfigError(RiskdocsError):
    """portfolio.yaml cannot be read or breaks its schema; carries the findings."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(_("portfolio.yaml has errors; fix them before the portfolio is built"))
        self.findings = findings


def read_portfolio(path: Path) -> Portfolio:
    """Read and check portfolio.yaml; `PortfolioConfigError` names every problem."""
    shown = path.as_posix()
    if not path.is_file():
        raise RiskdocsError(
            _(
                "{path} does not exist: write a portfolio.yaml listing the projects "
                "(`riskdocs schema portfolio` prints its schema)"
            ).format(path=shown)
        )
    text = _text(path, shown)
    parsed = parse_yaml(text)
    if not parsed.ok:
        raise PortfolioConfigError(
            [_error(shown, p.rule, p.line, p.col, p.message) for p in parsed.problems]
        )
    findings = schema_findings(shown, "portfolio", parsed.data, parsed.positions)
    findings += _timezone_problems(shown, parsed.data, parsed.positions)
    if findings:
        raise PortfolioConfigError(findings)
    return _portfolio(path, parsed.data, parsed.positions)


def _text(path: Path, shown: str) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise PortfolioConfigError(
                [_error(shown, "file-too-large", None, None, _("The file is over 1 MB."))]
            )
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        message = _("The file is not UTF-8 (byte {offset}); save it as UTF-8.").format(
            offset=exc.start
        )
        raise PortfolioConfigError([_error(shown, "file-encoding", None, None, message)]) from None
    except OSError as exc:
        message = _("The file cannot be read: {reason}").format(reason=exc.strerror or exc)
        raise PortfolioConfigError(
            [_error(shown, "file-unreadable", None, None, message)]
        ) from None


def _timezone_problems(shown: str, data: dict[str, Any], positions: Positions) -> list[Finding]:
    name = data.get("timezone")
    if name is None:
        return []
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        line, col = positions.of_value(("timezone",))
        message = _(
            "timezone: '{name}' is not a time zone riskdocs knows; use an IANA name such as "
            "Europe/Berlin"
        ).format(name=name)
        return [_error(shown, "config", line, col, message)]
    return []


def _portfolio(path: Path, data: dict[str, Any], positions: Positions) -> Portfolio:
    folder = path.parent
    entries = tuple(
        Entry(
            key=key,
            view=item.get("view", "client"),
            line=positions.of_key(("projects", key))[0],
            written=item.get("checkout", item.get("status")),
            checkout=folder / item["checkout"] if "checkout" in item else None,
            status=folder / item["status"] if "status" in item else None,
            url=item.get("url"),
        )
        for key, item in data["projects"].items()
    )
    scale = data.get("probability_scale")
    return Portfolio(
        path=path,
        entries=entries,
        title=data.get("title"),
        language=data.get("language"),
        timezone=data.get("timezone"),
        stale_after_days=data.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS),
        probability_scale={int(k): float(v) for k, v in scale.items()}
        if scale
        else dict(DEFAULT_SCALE),
    )


def _error(path: str, rule: str, line: int | None, col: int | None, message: str) -> Finding:
    return Finding(
        path=path, line=line, col=col, rule=rule, severity=Severity.ERROR, message=message
    )
