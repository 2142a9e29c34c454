"""The portfolio's view model: one row per project and what the organisation learns.

It is the portfolio's status.json (held to `schemas/outputs/portfolio-status.schema.json`)
and what its page and summary render. A project whose data is missing, unreadable or
stale keeps its row, says why, and is never greener than amber.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from riskdocs import __version__
from riskdocs.dates import parse_day
from riskdocs.finding import Finding, Severity, sort_findings
from riskdocs.i18n import _, ngettext
from riskdocs.portfolio import learn
from riskdocs.portfolio.config import Entry, Portfolio
from riskdocs.portfolio.sources import Gathered, Unavailable

PORTFOLIO_VERSION = 1
HEALTH_ORDER = {"red": 0, "amber": 1, "green": 2}
CURRENT, STALE = "current", "stale"


def build_portfolio(
    portfolio: Portfolio, gathered: Sequence[Gathered], day: date, as_of: date | None
) -> dict[str, Any]:
    """The view of `portfolio` on `day` from each entry's summary (or why it has none)."""
    pairs = list(zip(portfolio.entries, gathered, strict=True))
    rows = [_row(e, g, day, portfolio.stale_after_days) for e, g in pairs]
    rows.sort(key=lambda r: (HEALTH_ORDER[r["health"]["overall"]], r["name"].casefold(), r["key"]))
    known = [(e.key, g) for e, g in pairs if not isinstance(g, Unavailable)]
    return {
        "version": PORTFOLIO_VERSION,
        "generated": {
            "today": str(day),
            "as_of": None if as_of is None else str(as_of),
            "riskdocs": __version__,
            "stale_after_days": portfolio.stale_after_days,
        },
        "title": portfolio.title,
        "counts": _counts(rows),
        "projects": rows,
        "calibration": {
            "scale": {str(p): portfolio.probability_scale[p] for p in learn.PROBABILITIES},
            "rows": learn.calibration(known, portfolio.probability_scale),
        },
        "reliability": learn.reliability(known),
        "responsiveness": learn.responsiveness(known),
        "lessons": learn.lessons(known),
    }


def _row(entry: Entry, gathered: Gathered, day: date, stale_after: int) -> dict[str, Any]:
    base = {
        "key": entry.key,
        "url": entry.url,
        "view": entry.view,
        "source": "checkout" if entry.checkout is not None else "status",
    }
    if isinstance(gathered, Unavailable):
        return {
            **base,
            "name": entry.key,
            "client": None,
            "data": {"state": gathered.state, "message": gathered.message, "day": None,
                     "age_days": None, "commit": None, "view": None, "riskdocs": None,
                     "errors": None},
            "health": {"overall": "amber", "reason": None, "areas": []},
            **dict.fromkeys(_FIGURES),
        }  # fmt: skip
    data = gathered["data"]
    age = (day - parse_day(data["day"])).days
    stale = age > stale_after
    health = dict(gathered["health"])
    if stale and health["overall"] == "green":
        health["overall"] = "amber"  # never greener than the files, nor than their age
    message = (
        ngettext(
            "The data is {count} day old (built {day}); the portfolio shows data up to "
            "{limit} days old as current: publish the project's report again",
            "The data is {count} days old (built {day}); the portfolio shows data up to "
            "{limit} days old as current: publish the project's report again",
            age,
        ).format(count=age, day=data["day"], limit=stale_after)
        if stale
        else None
    )
    return {
        **base,
        "name": gathered["name"],
        "client": gathered["client"],
        "data": {**data, "state": STALE if stale else CURRENT, "message": message, "age_days": age},
        "health": health,
        **{name: gathered[name] for name in _FIGURES},
    }


# What a row shows of a project's summary; None for a project without data.
_FIGURES = ("promises", "next_milestone", "high_risks", "concerns", "satisfaction",
            "last_meeting", "last_update")  # fmt: skip


def _counts(rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    counts = {"projects": len(rows), "red": 0, "amber": 0, "green": 0, "stale": 0, "no_data": 0}
    for row in rows:
        counts[row["health"]["overall"]] += 1
        if row["data"]["state"] == STALE:
            counts["stale"] += 1
        elif row["data"]["state"] != CURRENT:
            counts["no_data"] += 1
    return counts


def findings(portfolio: Portfolio, view: dict[str, Any]) -> list[Finding]:
    """What the team must fix, at the project's line of portfolio.yaml: a project without
    data is an error (the page still shows it, as such), stale data a warning."""
    lines = {e.key: e.line for e in portfolio.entries}
    found = []
    for row in view["projects"]:
        state = row["data"]["state"]
        if state == CURRENT:
            continue
        found.append(Finding(
            path=portfolio.path.as_posix(), line=lines[row["key"]], col=1,
            rule="portfolio-stale" if state == STALE else "portfolio-data",
            severity=Severity.WARNING if state == STALE else Severity.ERROR,
            message=_("{key}: {message}").format(key=row["key"], message=row["data"]["message"]),
            entity=row["key"],
        ))  # fmt: skip
    return sort_findings(found)
