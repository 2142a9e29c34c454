"""Meeting-note bodies: action items and decisions, with their line numbers.

Action items are GitHub task-list lines: `- [ ] @bob send the timeline due:2026-11-25`
(`[x]` when done; `@person` names the owner, `due:` the date). Decisions are
the list items under a `## Decisions` heading. Lines inside fenced code
blocks are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from riskdocs.dates import day_or_none
from riskdocs.model.entities import ActionItem

_TASK = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s+(?P<text>.*?)\s*$")
_OWNER = re.compile(r"(?<!\S)@([a-z0-9][a-z0-9._-]*)")
_DUE = re.compile(r"(?<!\S)due:(\S+)")
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
            action, problem = _action_item(task, number)
            items.append(action)
            problems.extend([problem] if problem else [])
        elif in_decisions and (item := _LIST_ITEM.match(line)):
            decisions.append(item.group("text"))
    return MeetingBody(tuple(items), tuple(decisions), tuple(problems))


def _action_item(task: re.Match[str], line: int) -> tuple[ActionItem, BodyProblem | None]:
    """The action item of a task-list line, and the problem with its `due:` if any."""
    text = task.group("text")
    owner = _OWNER.search(text)
    due_match = _DUE.search(text)
    due = day_or_none(due_match.group(1)) if due_match else None
    problem = None
    if due_match and due is None:
        problem = BodyProblem(line, task.start("text") + due_match.start(1) + 1,
                              f"due:{due_match.group(1)} is not a date; "
                              "write due:YYYY-MM-DD, e.g. due:2026-11-25")  # fmt: skip
    clean = _DUE.sub("", _OWNER.sub("", text, count=1), count=1)
    item = ActionItem(
        text=" ".join(clean.split()),
        done=task.group(1) != " ",
        line=line,
        col=task.start("text") + 1,
        owner=owner.group(1) if owner else None,
        owner_col=task.start("text") + owner.start() + 1 if owner else None,
        due=due,
    )
    return item, problem


def without_due(text: str) -> str:
    """An action item's text without its `due:` word, which is what identifies it."""
    return " ".join(word for word in text.split() if not word.startswith("due:"))
