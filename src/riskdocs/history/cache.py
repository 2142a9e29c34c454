"""A cache of the facts read from git, so a run after new commits reads only those.

Keyed by the repository's path and the project folder inside it, stored as JSON
in the cache folder (see cachedir.py). A cache that cannot be read, or was
written in another format, is ignored: it only ever saves time.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import cast

from riskdocs.cachedir import cache_path, write_atomically
from riskdocs.dates import parse_day
from riskdocs.history.facts import CommitmentPoint, DueChange, History, RiskPoint, ScopeVersion

FORMAT = 8  # 6: scope versions: acceptance criteria and days; 7: obligations' due moves
# 8: risk points carry the probability (the portfolio's risk calibration)
# 3: an action item's move recorded on it (`was:` and `agreed:`) is not a due change
# 4: milestone baseline moves are due changes


def cache_file(top: str, prefix: str) -> Path | None:
    return cache_path("history", str(FORMAT), top, prefix)


def load(path: Path | None) -> History | None:
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _history(data) if isinstance(data, dict) and data.get("format") == FORMAT else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
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


def _plain(fact: DueChange | RiskPoint | CommitmentPoint | ScopeVersion) -> list[object]:
    """A fact's fields in order, dates as text."""
    return [str(v) if isinstance(v, date) else v for v in fact]


# The rows `save` writes, one per fact (see `_plain`).
_DueRow = tuple[str, str, str | None, str, str, str, str, str | None]
_RiskRow = tuple[str, str | None, str, int, bool, str, int]
_PointRow = tuple[str, str, str]
_ScopeRow = tuple[
    str | None,
    str,
    str | None,
    dict[str, str],
    str,
    dict[str, str],
    dict[str, str],
    dict[str, str],
]


def _history(data: dict[str, object]) -> History:
    """The facts of a cache file riskdocs wrote; a shape error means a broken cache, which
    `load` ignores."""
    day = parse_day
    return History(
        head=cast(str, data["head"]),
        commits=cast(int, data["commits"]),
        due_changes=tuple(
            DueChange(entity=e, path=p, commit=c, day=day(d), author=a, old=day(o), new=day(n),
                      item=i)
            for e, p, c, d, a, o, n, i in cast("list[_DueRow]", data["due_changes"])
        ),
        risk_points=tuple(
            RiskPoint(entity=e, commit=c, day=day(d), score=s, review_bump=b, status=st,
                      probability=pr)
            for e, c, d, s, b, st, pr in cast("list[_RiskRow]", data["risk_points"])
        ),
        commitment_points=tuple(
            CommitmentPoint(path=p, day=day(d), status=s)
            for p, d, s in cast("list[_PointRow]", data["commitment_points"])
        ),
        scope_versions=tuple(
            ScopeVersion(commit=c, day=day(d), signed_off=so, deliverables=dict(dl), author=a,
                         dues=dict(du), criteria=dict(cr), accepted=dict(ac))
            for c, d, so, dl, a, du, cr, ac in cast("list[_ScopeRow]", data["scope_versions"])
        ),
    )  # fmt: skip
