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

Notes are read the same written the way a Chinese team writes them: `截止:` or
`截止：` (full-width colon; also `截止日期:`), straight after the text, is the due marker,
decisions sit under `## 决议` or `## 决定`, and `@王小明` names the person whose
alias (or one-word name) it is (`Settings.aliases`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from riskdocs.dates import day_or_none
from riskdocs.i18n import _
from riskdocs.load.kinds import COMMITMENT
from riskdocs.model.entities import ActionItem, Cadence, Meeting, Project
from riskdocs.structs import struct

_TASK = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s+(?P<text>.*?)\s*$")
# `@bob`, `@王小明`: up to a space or punctuation, ASCII or full-width
# (comma, full stop, semicolon, colon, enumeration comma, parentheses).
_OWNER = re.compile(r"(?<!\S)@([^\s@,;:()\[\]\uff0c\u3002\uff1b\uff1a\u3001\uff08\uff09]+)")
FULL_WIDTH_COLON = "\uff1a"
_COLON = f"[:{FULL_WIDTH_COLON}]"  # an ASCII or a full-width colon
# `due:` (`截止:` in Chinese notes, written straight after the text), `was:` and
# `agreed:`, in any case, a space or tab allowed after the colon.
_DUE_WORD = r"(?:(?<!\S)due|(?<![A-Za-z0-9])截止(?:日期|时间)?)"
_DUE = re.compile(rf"{_DUE_WORD}{_COLON}[ \t]*(\S*)", re.IGNORECASE)
# A due marker without its colon, before something shaped like a date: read as plain
# text it would leave the item undated, so it is a problem to fix.
_DUE_NO_COLON = re.compile(
    rf"{_DUE_WORD}(?P<gap>[ \t]*)(?P<day>\d{{4}}-\d{{1,2}}-\d{{1,2}})", re.IGNORECASE
)
_WAS = re.compile(rf"(?<!\S)was{_COLON}[ \t]*(\S*)", re.IGNORECASE)
_AGREED = re.compile(rf"(?<!\S)agreed{_COLON}[ \t]*@?(\S*)", re.IGNORECASE)
DECISION_HEADINGS = frozenset({"decisions", "decision", "决议", "决定"})
# The agenda topics a cadence can ask for (`agenda:`), and the heading words, English or
# Chinese, that cover each: a heading covers a topic when it starts with one of them
# (`## Progress this week`, `## 进展`, `## 本周进展`).
AGENDA_HEADINGS: dict[str, tuple[str, ...]] = {
    "progress": ("progress", "status", "update", "进展", "进度", "工作进展", "本周进展"),
    "challenges": ("challenges", "challenge", "issues", "problems", "blockers", "挑战", "问题",
                   "困难", "风险与问题"),
    "next_steps": ("next steps", "next step", "next", "下一步", "后续", "下周计划", "计划"),
    "risks": ("risks", "risk", "风险", "风险与问题"),
    "decisions": (*sorted(DECISION_HEADINGS), "决策"),
}  # fmt: skip
AGENDA_SUGGESTED = {"progress": ("Progress", "进展"), "challenges": ("Challenges", "问题"),
                    "next_steps": ("Next steps", "下一步"), "risks": ("Risks", "风险"),
                    "decisions": ("Decisions", "决定")}  # fmt: skip
"""The heading riskdocs suggests for each topic, in English and in Chinese."""
_SCHEDULE = (_DUE, _WAS, _AGREED)
_COMMITMENT = re.compile(rf"(?<![\w-]){COMMITMENT.id_prefix}[0-9]+(?![\w-])")
RESCHEDULED = "due:NEW-DATE was:OLD-DATE agreed:PERSON"
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?P<text>.+?)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@struct(kw_only=False)
class BodyProblem:
    """A line of the body riskdocs cannot read as the author meant."""

    line: int
    col: int
    message: str


@struct(kw_only=False)
class MeetingBody:
    action_items: tuple[ActionItem, ...]
    decisions: tuple[str, ...]
    problems: tuple[BodyProblem, ...]
    headings: tuple[str, ...] = ()  # each heading's text, case-folded, without a colon


def parse_body(body: str, first_line: int, aliases: Mapping[str, str] | None = None) -> MeetingBody:
    """Action items, decisions and problems of a meeting body starting at `first_line`;
    `aliases` maps other names of people (case-folded) to their keys."""
    items: list[ActionItem] = []
    decisions: list[str] = []
    problems: list[BodyProblem] = []
    headings: list[str] = []
    in_fence = in_decisions = False
    for number, line in enumerate(body.splitlines(), start=first_line):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = _HEADING.match(line)
        if heading:
            headings.append(heading.group(2).strip().rstrip(":" + FULL_WIDTH_COLON).casefold())
            in_decisions = headings[-1] in DECISION_HEADINGS
            continue
        task = _TASK.match(line)
        if task:
            action, found = _action_item(task, number, aliases or {})
            items.append(action)
            problems.extend(found)
        elif in_decisions and (item := _LIST_ITEM.match(line)):
            decisions.append(item.group("text"))
    return MeetingBody(tuple(items), tuple(decisions), tuple(problems), tuple(headings))


def _action_item(
    task: re.Match[str], line: int, aliases: Mapping[str, str]
) -> tuple[ActionItem, list[BodyProblem]]:
    """The action item of a task-list line, and what in it cannot be read."""
    text, start = task.group("text"), task.start("text")
    owner = _OWNER.search(text)
    problems: list[BodyProblem] = []

    def day(pattern: re.Pattern[str]) -> date | None:
        found = pattern.search(text)
        if found is None:
            return None
        marker = text[found.start() : found.start(1)].rstrip(" \t")
        value = day_or_none(found.group(1))
        if value is None:
            problems.append(
                BodyProblem(
                    line,
                    start + found.start(1) + 1,
                    (
                        _(
                            "{marker}{value} is not a date; write {marker}YYYY-MM-DD, e.g. "
                            "{marker}2026-11-25"
                        ).format(marker=marker, value=found.group(1) or _(" (nothing)"))
                    ),
                )
            )
        return value

    due, moved_from = day(_DUE), day(_WAS)
    if due is None and (bare := _DUE_NO_COLON.search(text)):
        marker = bare.group()[: bare.start("gap") - bare.start()]
        problems.append(
            BodyProblem(
                line,
                start + bare.start() + 1,
                (
                    _(
                        "{written} looks like a due date but has no colon: write {marker}:{day}"
                    ).format(written=bare.group(), marker=marker, day=bare.group("day"))
                ),
            )
        )
    agreed = _AGREED.search(text)
    commitment = _COMMITMENT.search(text)
    agreed_by = (agreed.group(1).rstrip(".,;").lower() or None) if agreed else None
    if (_WAS.search(text) is None) != (agreed is None):
        where = agreed or _WAS.search(text)
        assert where is not None  # one of the two is there
        problems.append(
            BodyProblem(
                line,
                start + where.start() + 1,
                (
                    _(
                        "a rescheduled item says both the date it replaces and who agreed: {form}"
                    ).format(form=RESCHEDULED)
                ),
            )
        )
    item = ActionItem(
        text=without_schedule(_OWNER.sub("", text, count=1)),
        done=task.group(1) != " ",
        line=line,
        col=start + 1,
        owner=_owner(owner.group(1), aliases) if owner else None,
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


def _owner(written: str, aliases: Mapping[str, str]) -> str:
    name = written.rstrip(".")
    return aliases.get(name.casefold(), name.lower())


def rewrite_tasks(
    body: str, say: Callable[[ActionItem], str], aliases: Mapping[str, str] | None = None
) -> str:
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
        item, _ = _action_item(task, 0, aliases or {})
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
    """A meeting is for the cadence it names, or for one of its kind if it names none."""
    if meeting.cadence is not None:
        return meeting.cadence == cadence.name
    return cadence.kind is not None and meeting.kind == cadence.kind


def absent(meeting: Meeting, cadence: Cadence) -> tuple[str, ...]:
    """Who the cadence requires and the meeting was held without."""
    return tuple(key for key in cadence.required if key not in meeting.attendees)


def keeps(meeting: Meeting, cadence: Cadence) -> bool:
    """A meeting keeps a cadence when it is for it and every required person attended."""
    return counts_for(meeting, cadence) and not absent(meeting, cadence)


def kept_on(project: Project, cadence: Cadence) -> list[date]:
    """The days the cadence was kept: meetings every required person attended, and the
    recorded updates (updates/) that name it or, naming none, an e-mail cadence."""
    days = [m.date for m in project.meetings if keeps(m, cadence)]
    days += [
        u.date
        for u in project.updates
        if u.cadence == cadence.name or (u.cadence is None and cadence.channel == "email")
    ]
    return sorted(days)  # fmt: skip


def covers(heading: str, topic: str) -> bool:
    """Whether a heading (case-folded) covers an agenda topic."""
    return any(heading.startswith(word) for word in AGENDA_HEADINGS[topic])


def topics_missing(meeting: Meeting, cadence: Cadence) -> tuple[str, ...]:
    """The cadence's agenda topics no heading of the meeting's note covers."""
    return tuple(
        topic for topic in cadence.agenda if not any(covers(h, topic) for h in meeting.headings)
    )
