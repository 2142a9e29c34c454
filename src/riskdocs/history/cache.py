"""A cache of the facts read from git, so a run after new commits reads only those.

Keyed by the repository's path and the project folder inside it, stored as JSON
in the cache folder (see cachedir.py).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from riskdocs.cachedir import cache_path, write_atomically
from riskdocs.dates import parse_day
from riskdocs.history.facts import CommitmentPoint, DueChange, History, RiskPoint, ScopeVersion

FORMAT = 1


def cache_file(top: str, prefix: str) -> Path | None:
    return cache_path("history", str(FORMAT), top, prefix)


def load(path: Path | None) -> History | None:
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _history(data) if data.get("format") == FORMAT else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(path: Path | None, history: History) -> None:
    if path is None or history.head is None:
        return
    data = {
        "format": FORMAT, "head": history.head, "commits": history.commits,
        "due_changes": [_plain(f) for f in history.due_changes],
        "risk_points": [_plain(f) for f in history.risk_points],
        "commitment_points": [_plain(f) for f in history.commitment_points],
        "scope_versions": [_plain(f) for f in history.scope_versions],
    }  # fmt: skip
    write_atomically(path, json.dumps(data, separators=(",", ":")))  # the C encoder


def _plain(fact: Any) -> list[Any]:
    """A fact's fields in order, dates as text (dataclasses.astuple deep-copies: slow)."""
    values = (getattr(fact, name) for name in fact.__slots__)
    return [str(v) if isinstance(v, date) else v for v in values]


_day = parse_day


def _history(data: dict[str, Any]) -> History:
    return History(
        head=data["head"],
        commits=data["commits"],
        due_changes=[
            DueChange(e, p, c, _day(d), a, _day(o), _day(n), i)
            for e, p, c, d, a, o, n, i in data["due_changes"]
        ],
        risk_points=[
            RiskPoint(e, c, _day(d), s, b, st) for e, c, d, s, b, st in data["risk_points"]
        ],
        commitment_points=[CommitmentPoint(p, _day(d), s) for p, d, s in data["commitment_points"]],
        scope_versions=[
            ScopeVersion(c, _day(d), so, dict(dl)) for c, d, so, dl in data["scope_versions"]
        ],
    )
