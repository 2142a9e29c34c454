"""What riskdocs keeps of one version of a project file in git history: a small record
read from its text (a commitment's id, due date and status; a risk's score; a
meeting's action items; a milestone's baseline; the scope's deliverables), never
the whole text.

Pure functions of text, so history/repo.py stays the only module that runs git.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sys
from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from riskdocs.dates import day_or_none
from riskdocs.load.documents import split_front_matter
from riskdocs.load.kinds import COMMITMENT, CONTRACT, MEETING, MILESTONE, RISK, SCOPE, Kind
from riskdocs.load.yamlsrc import YamlProblem, parse_yaml
from riskdocs.model.meetings import parse_body, without_schedule

_REVIEW_BY = re.compile(r"^review_by:.*$", re.M)
ItemKey = tuple[str | None, str]  # an action item: (owner, text without its due: word)


class CommitmentVersion(NamedTuple):
    id: str | None
    due: date | None
    status: str


class RiskVersion(NamedTuple):
    """A risk's score and status; `rest` fingerprints everything but `review_by`, so a
    version that changed only the review date can be told apart."""

    id: str
    score: int
    status: str
    review_by: str | None
    rest: int
    probability: int


class MeetingVersion(NamedTuple):
    """The due date of each action item that has one, and for each rescheduled item
    (`was:` with `agreed:`) the date its move replaced."""

    dues: Mapping[ItemKey, date]
    agreed: Mapping[ItemKey, date] = {}


class MilestoneVersion(NamedTuple):
    id: str | None
    baseline: date | None


class ScopeFacts(NamedTuple):
    signed_off: str | None
    deliverables: Mapping[str, str]  # id -> fingerprint of all but NOT_PROMISED and `due`
    dues: Mapping[str, str]  # id -> `due:`, for the deliverables that have one
    criteria: Mapping[str, str]  # id -> fingerprint of its `acceptance:` criteria
    accepted: Mapping[str, str]  # id -> `accepted: on:`, for the accepted deliverables


class ContractVersion(NamedTuple):
    dues: Mapping[str, date]  # obligation id -> the `due:` written for it


Version = (
    CommitmentVersion | RiskVersion | MeetingVersion | MilestoneVersion | ScopeFacts
    | ContractVersion
)  # fmt: skip
# The versions each kind needs: both sides of a change (to see what moved), or the new one.
SIDES: Mapping[Kind, int] = {
    COMMITMENT: 2, RISK: 2, MEETING: 2, MILESTONE: 2, SCOPE: 1, CONTRACT: 2
}  # fmt: skip


@functools.cache
def _scalar_pattern(wanted: tuple[str, ...]) -> re.Pattern[str]:
    """A top-level `key: value` line of one of the `wanted` keys (naming them in the
    pattern halves the time: the long lines of other keys fail at their first word)."""
    keys = "|".join(map(re.escape, wanted))
    return re.compile(rf"^({keys}):[ \t]*['\"]?([^'\"#\n]*?)['\"]?[ \t]*(?:#.*)?$", re.M)


def scalars(text: str, wanted: tuple[str, ...]) -> dict[str, str]:
    """Top-level `key: value` scalars read by pattern (fast), or by the YAML reader when
    the file is written in another style."""
    found = {k: sys.intern(v) for k, v in _scalar_pattern(wanted).findall(text) if v}
    if all(k in found for k in wanted[:2]):
        return found
    data = parse_yaml(text).data
    return {k: str(v) for k, v in data.items() if k in wanted} if isinstance(data, dict) else {}


def milestone_version(text: str) -> MilestoneVersion:
    found = scalars(text, ("id", "baseline"))
    return MilestoneVersion(id=found.get("id"), baseline=day_or_none(found.get("baseline")))


def commitment_version(text: str) -> CommitmentVersion:
    found = scalars(text, ("id", "due", "status"))
    return CommitmentVersion(id=found.get("id"), due=day_or_none(found.get("due")),
                             status=found.get("status", "?"))  # fmt: skip


def risk_version(text: str) -> RiskVersion | None:
    found = scalars(text, ("id", "probability", "impact", "status", "review_by"))
    try:
        probability = int(found["probability"])
        score = probability * int(found["impact"])
    except (KeyError, ValueError):
        return None
    return RiskVersion(id=found["id"], score=score, status=found.get("status", "open"),
                       review_by=found.get("review_by"),
                       rest=_digest(_REVIEW_BY.sub("", text)),
                       probability=probability)  # fmt: skip


def meeting_version(text: str) -> MeetingVersion | None:
    split = split_front_matter(text)
    if isinstance(split, YamlProblem):
        return None
    _, _, body, body_line = split
    items = parse_body(body, body_line).action_items
    return MeetingVersion(
        dues={(i.owner, without_schedule(i.text)): i.due for i in items if i.due},
        agreed={(i.owner, without_schedule(i.text)): i.moved_from
                for i in items if i.moved_from and i.agreed_by},
    )  # fmt: skip


# Deliverable fields that record progress or the team's own arrangements, not what the
# client was promised: changing them after sign-off changes no scope.
# A due date is kept apart: setting one the signed baseline left open plans the work,
# moving one it had changes the promise.
NOT_PROMISED = frozenset(
    ("ignore", "state", "delivered", "submitted", "accepted", "rejected", "owner", "due")
)


def scope_facts(text: str) -> ScopeFacts | None:
    data = yaml_mapping(text)
    items = data.get("deliverables")
    if not isinstance(items, list):
        return None
    named = [d for d in items if isinstance(d, dict) and isinstance(d.get("id"), str)]
    prints = {
        str(d["id"]): fingerprint({k: v for k, v in d.items() if k not in NOT_PROMISED})
        for d in named
    }
    dues = {str(d["id"]): str(d["due"]) for d in named if d.get("due") is not None}
    criteria = {str(d["id"]): fingerprint(d.get("acceptance")) for d in named}
    accepted = {
        str(d["id"]): str(a["on"])
        for d in named
        if isinstance(a := d.get("accepted"), dict) and a.get("on") is not None
    }
    signed = data.get("signed_off")
    return ScopeFacts(signed_off=signed if isinstance(signed, str) else None,
                      deliverables=prints, dues=dues, criteria=criteria,
                      accepted=accepted)  # fmt: skip


def contract_version(text: str) -> ContractVersion:
    items = yaml_mapping(text).get("obligations")
    dues = {
        str(o["id"]): due
        for o in (items if isinstance(items, list) else [])
        if isinstance(o, dict) and (due := day_or_none(str(o.get("due")))) is not None
    }
    return ContractVersion(dues=dues)


def version_of(kind: Kind, text: str) -> Version | None:
    """The record of one version of a file of `kind`, None when it tells nothing."""
    if kind is COMMITMENT:
        return commitment_version(text)
    if kind is RISK:
        return risk_version(text)
    if kind is MEETING:
        return meeting_version(text)
    if kind is MILESTONE:
        return milestone_version(text)
    if kind is CONTRACT:
        return contract_version(text)
    return scope_facts(text) if kind is SCOPE else None


def yaml_mapping(text: str | None) -> dict[str, object]:
    if text is None:
        return {}
    data = parse_yaml(text).data
    return data if isinstance(data, dict) else {}


def fingerprint(data: object) -> str:
    return fingerprint_text(json.dumps(data, sort_keys=True))


def fingerprint_text(text: str) -> str:
    """A stable digest of `text` (the same in every process, unlike `hash`)."""
    return _blake2b(text, 12).hex()


def _digest(text: str) -> int:
    """A stable digest as a small int, for the many risk versions held at once."""
    return int.from_bytes(_blake2b(text, 8), "big")


def _blake2b(text: str, size: int) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=size).digest()
