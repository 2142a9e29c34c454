"""Meeting-note bodies: action items and decisions, with their line numbers.

Action items are GitHub task-list lines: `- [ ] @bob send the timeline due:2026-11-25`
(`[x]` when done; `@person` names the owner, `due:` the date). People write the
markers in any case and with or without a space after the colon (`Due: 2026-11-25`);
owners match `people:` keys in any case. A date agreed later is written on the item
itself, with the date it replaces and who agreed: `due:2026-12-02 was:2026-11-25
agreed:dana`; the item keeps its identity and git shows the move was agreed.
An item that stands for a commitment names its id (`- [ ] @alice send the timeline
C-004`): the commitment holds the date and the state, and the item is shown as it.
Decisions are the list items under a `## Decisions` heading. Lines inside fenced
code blocks are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from riskdocs.dates import day_or_none
from riskdocs.load.kinds import COMMITMENT
from riskdocs.model.entities import ActionItem, Cadence, Meeting

_TASK = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s+(?P<text>.*?)\s*$")
_OWNER = re.compile(r"(?<!\S)@([A-Za-z0-9][A-Za-z0-9._-]*)")
# `due:`, `was:` and `agreed:`, in any case, a space or tab allowed after the colon.
_DUE = re.compile(r"(?<!\S)due:[ \t]*(\S*)", re.IGNORECASE)
_WAS = re.compile(r"(?<!\S)was:[ \t]*(\S*)", re.IGNORECASE)
_AGREED = re.compile(r"(?<!\S)agreed:[ \t]*@?(\S*)", re.IGNORECASE)
_SCHEDULE = (_DUE, _WAS, _AGREED)
_COMMITMENT = re.compile(rf"(?<![\w-]){COMMITMENT.id_prefix}[0-9]+(?![\w-])")
RESCHEDULED = "due:NEW-DATE was:OLD-DATE agreed:PERSON"
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?P<text>.+?)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class BodyProblem:
    """A line of the body riskdocs cannot read as the author meant."""

    line: int
    col: int
    message: str


@dataclass(frozen=True)
class MeetingBody:
    action_items: tuple[ActionItem, ...]
    decisions: tuple[str, ...]
    problems: tuple[BodyProblem, ...]


def parse_body(body: str, first_line: int) -> MeetingBody:
    """Action items, decisions and problems of a meeting body starting at `first_line`."""
    items: list[ActionItem] = []
    decisions: list[str] = []
    problems: list[BodyProblem] = []
    in_fence = in_decisions = False
    for number, line in enumerate(body.splitlines(), start=first_line):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = _HEADING.match(line)
        if heading:
            in_decisions = heading.group(2).strip().lower() == "decisions"
            continue
        task = _TASK.match(line)
        if task:
            action, found = _action_item(task, number)
            items.append(action)
            problems.extend(found)
        elif in_decisions and (item := _LIST_ITEM.match(line)):
            decisions.append(item.group("text"))
    return MeetingBody(tuple(items), tuple(decisions), tuple(problems))


def _action_item(task: re.Match[str], line: int) -> tuple[ActionItem, list[BodyProblem]]:
    """The action item of a task-list line, and what in it cannot be read."""
    text, start = task.group("text"), task.start("text")
    owner = _OWNER.search(text)
    problems: list[BodyProblem] = []

    def day(pattern: re.Pattern[str], marker: str) -> date | None:
        found = pattern.search(text)
        if found is None:
            return None
        value = day_or_none(found.group(1))
        if value is None:
            problems.append(BodyProblem(line, start + found.start(1) + 1, (
                f"{marker}{found.group(1) or ' (nothing)'} is not a date; write "
                f"{marker}YYYY-MM-DD, e.g. {marker}2026-11-25"
            )))  # fmt: skip
        return value

    due, moved_from = day(_DUE, "due:"), day(_WAS, "was:")
    agreed = _AGREED.search(text)
    commitment = _COMMITMENT.search(text)
    agreed_by = (agreed.group(1).rstrip(".,;").lower() or None) if agreed else None
    if (_WAS.search(text) is None) != (agreed is None):
        where = agreed or _WAS.search(text)
        assert where is not None  # one of the two is there
        problems.append(BodyProblem(line, start + where.start() + 1, (
            f"a rescheduled item says both the date it replaces and who agreed: {RESCHEDULED}"
        )))  # fmt: skip
    item = ActionItem(
        text=without_schedule(_OWNER.sub("", text, count=1)),
        done=task.group(1) != " ",
        line=line,
        col=start + 1,
        owner=owner.group(1).rstrip(".").lower() if owner else None,
        owner_col=start + owner.start() + 1 if owner else None,
        due=due,
        due_written=_DUE.search(text) is not None,
        moved_from=moved_from,
        agreed_by=agreed_by,
        agreed_col=start + agreed.start() + 1 if agreed else None,
        commitment=commitment.group() if commitment else None,
        commitment_col=start + commitment.start() + 1 if commitment else None,
    )
    return item, problems


def rewrite_tasks(body: str, say: Callable[[ActionItem], str]) -> str:
    """`body` with each task-list line (outside fenced code) replaced by `say(item)`,
    indentation kept: how a page shows action items to people who do not read the markers."""
    lines, in_fence = [], False
    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        task = None if in_fence else _TASK.match(line)
        if task is None:
            lines.append(line)
            continue
        item, _ = _action_item(task, 0)
        indent = line[: len(line) - len(line.lstrip())]
        lines.append(f"{indent}- {say(item)}")
    return "\n".join(lines) + ("\n" if body.endswith("\n") else "")


def without_schedule(text: str) -> str:
    """An action item's text without its `due:`, `was:` and `agreed:` markers, on one
    line: what identifies the item while its date moves."""
    for pattern in _SCHEDULE:
        text = pattern.sub("", text)
    return " ".join(text.split())


def counts_for(meeting: Meeting, cadence: Cadence) -> bool:
    """A meeting counts for the cadence it names, or for one of its kind if it names none."""
    if meeting.cadence is not None:
        return meeting.cadence == cadence.name
    return cadence.kind is not None and meeting.kind == cadence.kind
