"""What riskdocs keeps of one version of a project file in git history: small facts read
from its text (a commitment's id, due date and status; a risk's score; a meeting's
action items; the scope's deliverables), never the whole text.

Pure functions of text, so history.py can stay the only module that runs git.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from datetime import date
from typing import Any

from riskdocs.dates import day_or_none
from riskdocs.load.documents import split_front_matter
from riskdocs.load.kinds import COMMITMENT, MEETING, RISK, SCOPE
from riskdocs.load.yamlsrc import YamlProblem, parse_yaml
from riskdocs.model.meetings import parse_body, without_due

_SCALAR = re.compile(r"^([a-z_]+):[ \t]*['\"]?([^'\"#\n]*?)['\"]?[ \t]*(?:#.*)?$", re.M)
_REVIEW_BY = re.compile(r"^review_by:.*$", re.M)


def scalars(text: str | None, wanted: tuple[str, ...]) -> dict[str, Any]:
    """Top-level `key: value` scalars read by pattern (fast), or by the YAML reader when
    the file is written in another style."""
    if text is None:
        return {}
    found = {k: sys.intern(v) for k, v in _SCALAR.findall(text) if k in wanted and v}
    if all(k in found for k in wanted[:2]):
        return found
    data = parse_yaml(text).data
    return {k: str(v) for k, v in data.items() if k in wanted} if isinstance(data, dict) else {}


def commitment_fact(text: str | None) -> tuple[str | None, date | None, str]:
    found = scalars(text, ("id", "due", "status"))
    return found.get("id"), day_or_none(found.get("due")), found.get("status", "?")


def risk_fact(text: str | None) -> tuple[str, int, str, str | None, int] | None:
    found = scalars(text, ("id", "probability", "impact", "status", "review_by"))
    try:
        score = int(found["probability"]) * int(found["impact"])
    except (KeyError, ValueError):
        return None
    rest = hash(_REVIEW_BY.sub("", text or ""))
    return found["id"], score, found.get("status", "open"), found.get("review_by"), rest


def meeting_fact(text: str | None) -> dict[tuple[str | None, str], date]:
    if text is None:
        return {}
    split = split_front_matter(text)
    if isinstance(split, YamlProblem):
        return {}
    _, _, body, body_line = split
    items = parse_body(body, body_line).action_items
    return {(i.owner, without_due(i.text)): i.due for i in items if i.due}


def scope_fact(text: str | None) -> tuple[str | None, dict[str, str]] | None:
    data = yaml_mapping(text)
    items = data.get("deliverables")
    if not isinstance(items, list):
        return None
    prints = {
        str(d["id"]): fingerprint({k: v for k, v in d.items() if k not in ("ignore",)})
        for d in items
        if isinstance(d, dict) and isinstance(d.get("id"), str)
    }
    signed = data.get("signed_off")
    return (signed if isinstance(signed, str) else None), prints


FACTS: dict[str, Any] = {
    COMMITMENT.name: commitment_fact,
    RISK.name: risk_fact,
    MEETING.name: meeting_fact,
    SCOPE.name: scope_fact,
}
# The blobs each kind needs: both sides of a change, or only the new one.
SIDES = {COMMITMENT.name: 2, RISK.name: 2, MEETING.name: 2, SCOPE.name: 1}


def yaml_mapping(text: str | None) -> dict[str, Any]:
    if text is None:
        return {}
    data = parse_yaml(text).data
    return data if isinstance(data, dict) else {}


def fingerprint(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
