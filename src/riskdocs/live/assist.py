"""What the language server knows beyond a schema: completion of people, ids, cadences,
rule names and dates; hover on ids, people and rule names; code actions for the fixes
riskdocs can name. Read from the last full check's project; plain line reading, so a file
half typed (not YAML yet) still completes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from riskdocs.errors import RiskdocsError
from riskdocs.history.facts import History
from riskdocs.i18n import _
from riskdocs.live.positions import character, utf16
from riskdocs.load.kinds import KINDS, classify, id_in_name, next_id
from riskdocs.model.entities import Commitment, Milestone, Project
from riskdocs.rules import RULES
from riskdocs.rules.base import summary_line

if TYPE_CHECKING:
    from riskdocs.live.lsp import RiskdocsServer

PEOPLE_FIELDS = frozenset({
    "owner", "to", "raised_by", "by", "agreed_by", "decided_by", "accountable", "responsible",
    "consulted", "informed", "attendees", "required", "from", "signed_by", "sender",
})  # fmt: skip
DATE_FIELDS = frozenset({
    "due", "made", "done", "raised", "review_by", "date", "baseline", "forecast", "on",
    "acknowledged", "resolved", "decided", "closed", "signed", "signed_off", "added", "until",
})  # fmt: skip
# Which collection of ids a field names (`links:` keys are the collections themselves).
ID_FIELDS = {
    "risks": "risks", "commitments": "commitments", "change_requests": "changes",
    "concerns": "concerns", "milestones": "milestones", "deliverables": "deliverables",
    "commitment": "commitments", "change_request": "changes", "milestone": "milestones",
    "risk": "risks",
}  # fmt: skip
_KEY_VALUE = re.compile(r"^(\s*)(?:- )?([A-Za-z_]+):\s*(?:\[(?:[^\]]*,)?\s*)?([^\s,\[\]]*)$")
_LIST_ITEM = re.compile(r"^(\s*)- ([^\s]*)$")
_BARE_KEY = re.compile(r"^(\s+)([A-Za-z0-9_-]*)$")
_PARENT = re.compile(r"^(\s*)(?:- )?([A-Za-z_]+):\s*(?:#.*)?$")
_MENTION = re.compile(r"@([\w.-]*)$")
_ID = re.compile(r"\b(?:CR|[RCQML]|D)-\d+\b")


def register(server: RiskdocsServer) -> None:
    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=["@", " ", "["])
    )
    def completion(ls: RiskdocsServer, params: types.CompletionParams) -> types.CompletionList:
        relpath = ls.relative(params.text_document.uri)
        project = ls.last.result.project if ls.last and ls.last.result else None
        if relpath is None or project is None:
            return types.CompletionList(is_incomplete=False, items=[])
        lines = ls.text_of(relpath).splitlines()
        line = lines[params.position.line] if params.position.line < len(lines) else ""
        prefix = line[: character(line, params.position.character)]
        items = list(complete(project, lines[: params.position.line], prefix, ls.today()))
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: RiskdocsServer, params: types.HoverParams) -> types.Hover | None:
        relpath = ls.relative(params.text_document.uri)
        project = ls.last.result.project if ls.last and ls.last.result else None
        if relpath is None or project is None:
            return None
        lines = ls.text_of(relpath).splitlines()
        if params.position.line >= len(lines):
            return None
        line = lines[params.position.line]
        text = describe(project, word_at(line, character(line, params.position.character)))
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION)
    def code_action(ls: RiskdocsServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        relpath = ls.relative(params.text_document.uri)
        project = ls.last.result.project if ls.last and ls.last.result else None
        if relpath is None:
            return []
        text = ls.text_of(relpath)
        lines = text.splitlines()
        latest = ls.latest.get(relpath) or ls.last
        history = latest.result.history if latest and latest.result else None
        found = []
        for diagnostic in params.context.diagnostics:
            edit = fix(str(diagnostic.code or ""), diagnostic, lines, relpath, project)
            if edit is None and diagnostic.code in MOVES and project:
                edit = record_move(text, relpath, project, history, ls.today())
            if edit is not None:
                title, change = edit
                found.append(types.CodeAction(
                    title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                    edit=types.WorkspaceEdit(changes={params.text_document.uri: [change]}),
                ))  # fmt: skip
        return found


# -- completion ----------------------------------------------------------------------


def complete(
    project: Project, above: list[str], prefix: str, today: Any
) -> Iterator[types.CompletionItem]:
    """What fits at the end of `prefix` (the line up to the cursor), given the lines above."""
    mention = _MENTION.search(prefix)
    if mention and not _KEY_VALUE.match(prefix):
        yield from _people(project)
        for key, person in project.settings.people.items():  # `@小明` in Chinese notes
            for alias in person.aliases:
                yield types.CompletionItem(label=alias, kind=types.CompletionItemKind.Variable,
                                           detail=f"{person.name} ({key})")  # fmt: skip
        return
    if (bare := _BARE_KEY.match(prefix)) and _parent(above, len(bare.group(1))) == "ignore":
        for name in RULES:
            yield types.CompletionItem(
                label=name, kind=types.CompletionItemKind.Property, insert_text=f"{name}: ",
                detail=summary_line(RULES[name]),
            )  # fmt: skip
        return
    field = None
    if found := _KEY_VALUE.match(prefix):
        field = found.group(2)
    elif found := _LIST_ITEM.match(prefix):
        field = _parent(above, len(found.group(1)))
    if field is None:
        return
    if field in PEOPLE_FIELDS:
        yield from _people(project)
    elif field in ID_FIELDS:
        for entity in getattr(project, ID_FIELDS[field]):
            yield types.CompletionItem(label=entity.id, kind=types.CompletionItemKind.Reference,
                                       detail=entity.title)  # fmt: skip
    elif field == "cadence":
        for name in project.settings.cadences:
            yield types.CompletionItem(label=name, kind=types.CompletionItemKind.EnumMember)
    elif field in ("source", "meeting", "meetings"):
        for meeting in project.meetings:
            yield types.CompletionItem(label=meeting.source.path, detail=meeting.title,
                                       kind=types.CompletionItemKind.File)  # fmt: skip
    elif field in DATE_FIELDS:
        yield types.CompletionItem(label=str(today), kind=types.CompletionItemKind.Value,
                                   detail=_("today, as YYYY-MM-DD"))  # fmt: skip


def _people(project: Project) -> Iterator[types.CompletionItem]:
    for key, person in project.settings.people.items():
        side = _("team") if person.side == "team" else _("client")
        detail = (
            f"{person.name} · {person.role} · {side}" if person.role else f"{person.name} · {side}"
        )
        yield types.CompletionItem(label=key, kind=types.CompletionItemKind.Variable, detail=detail)


def _parent(above: list[str], indent: int) -> str | None:
    """The key of the mapping or list the line indented by `indent` belongs to."""
    for line in reversed(above):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        found = _PARENT.match(line)
        width = len(line) - len(line.lstrip())
        if found and width < indent:
            return found.group(2)
        if width < indent:
            return None
    return None


# -- hover ---------------------------------------------------------------------------


def word_at(line: str, index: int) -> str:
    start = index
    while start > 0 and (line[start - 1].isalnum() or line[start - 1] in "-_"):
        start -= 1
    end = index
    while end < len(line) and (line[end].isalnum() or line[end] in "-_"):
        end += 1
    return line[start:end]


def describe(project: Project, word: str) -> str | None:
    """Markdown for an id, a person or a rule name; None for anything else."""
    if word in RULES:
        return rule_text(word)
    person = project.settings.people.get(word)
    if person is not None:
        side = _("team") if person.side == "team" else _("client")
        return f"**{person.name}** ({side}{', ' + person.role if person.role else ''})"
    if not _ID.fullmatch(word):
        return None
    for entity in [*project.entities(), *project.deliverables]:
        if entity.id == word:
            return _entity_text(entity)
    return None


def rule_text(name: str) -> str:
    """A rule's name, severity and area, what it checks (in the current language), and
    its whole documentation (written in English)."""
    import inspect

    from riskdocs.i18n import ENGLISH, current
    from riskdocs.words import word

    rule = RULES[name]
    head = f"**{name}** · {word(rule.SEVERITY.value)} · {word(rule.AREA)}: {_(summary_line(rule))}"
    body = inspect.cleandoc(rule.__doc__ or "").split("\n", 1)[1:] if current() == ENGLISH else []
    more = _("`riskdocs rules {name}` explains it").format(name=name)
    return "\n\n".join([head, *(b.strip() for b in body if b.strip()), more])


def _entity_text(entity: Any) -> str:
    parts = [f"**{entity.id}** {entity.title}"]
    state = getattr(entity, "status", None) or getattr(entity, "state", None)
    if state:
        parts.append(_("state: {state}").format(state=state))
    due = getattr(entity, "due", None) or getattr(entity, "forecast", None)
    if due:
        parts.append(_("due {day}").format(day=due))
    return " · ".join(parts)


# -- code actions --------------------------------------------------------------------


def fix(
    rule: str,
    diagnostic: types.Diagnostic,
    lines: list[str],
    relpath: str,
    project: Project | None,
) -> tuple[str, types.TextEdit] | None:
    """The edit that fixes a finding riskdocs can fix, and what it is called."""
    line_no = diagnostic.range.start.line
    line = lines[line_no] if line_no < len(lines) else ""
    if rule == "yaml-comment-in-value":
        found = re.match(r"^(\s*(?:- )?[^:#]+:\s*)(.*?)\s*$", line)
        if found and '"' not in found.group(2):
            quoted = f'{found.group(1)}"{found.group(2)}"'
            return _("Quote the value, so ' #' is part of it"), _replace_line(line_no, line, quoted)
    if rule in ("duplicate-id", "id-filename-mismatch") and project is not None:
        kind = classify(relpath)
        found = re.match(r"^(id:\s*)(\S+)", line)
        if kind is not None and kind.id_prefix and found:
            taken = [e.id for e in project.entities() if e.source.path != relpath]
            taken += [i for p in _kind_paths(project, kind.name) if (i := id_in_name(p))]
            fresh = next_id(kind, taken)
            title = _("Use the next free id, {id}").format(id=fresh)
            return title, _replace_line(line_no, line, f"{found.group(1)}{fresh}")
    return None


def _kind_paths(project: Project, kind_name: str) -> list[str]:
    kind = KINDS[kind_name]
    return [e.source.path for e in getattr(project, kind.collection or "", ())]


def _replace_line(line_no: int, old: str, new: str) -> types.TextEdit:
    return types.TextEdit(
        range=types.Range(start=types.Position(line=line_no, character=0),
                          end=types.Position(line=line_no, character=utf16(old, len(old)))),
        new_text=new,
    )  # fmt: skip


MOVES = ("commitment-silent-slip", "milestone-silent-rebaseline")


def record_move(
    text: str, relpath: str, project: Project, history: History | None, today: date
) -> tuple[str, types.TextEdit] | None:
    """The record an unrecorded move of a date the client relies on needs, as `riskdocs
    move` writes it, dated today: a promise's `renegotiated:` entry agreed by the one it
    was made to, a milestone's `rebaselined:` entry agreed by the client's first person
    who decides the schedule."""
    from riskdocs.edit import Scalar, YamlText

    dated: list[Commitment | Milestone] = [*project.commitments, *project.milestones]
    moved = next((e for e in dated if e.source.path == relpath), None)
    if moved is None or history is None:
        return None
    moves = [m for m in history.due_changes
             if m.entity == moved.id and m.commit is None and m.item is None]  # fmt: skip
    agreed_by = getattr(moved, "to", None) or _schedule_decider(project)
    if not moves or agreed_by is None:
        return None
    move, yaml = moves[-1], YamlText(text, relpath)
    entry: dict[str, Scalar] = {
        "on": today,
        "from": move.old,
        "to": move.new,
        "agreed_by": agreed_by,
        "reason": None,
    }
    key, after = (("renegotiated", ("done", "status", "due")) if hasattr(moved, "to")
                  else ("rebaselined", ("buffer_days", "forecast", "baseline")))  # fmt: skip
    try:
        yaml.append(key, entry, after=after)
    except RiskdocsError:
        return None
    person = project.settings.people.get(agreed_by)
    title = _("Record the move from {old} to {new} as agreed by {name} ({key}:)").format(
        old=move.old, new=move.new, name=person.name if person else agreed_by, key=key
    )
    end = types.Position(line=len(text.splitlines()), character=0)
    whole = types.Range(start=types.Position(line=0, character=0), end=end)
    return title, types.TextEdit(range=whole, new_text=yaml.text)


def _schedule_decider(project: Project) -> str | None:
    client = [p for p in project.settings.people.values() if p.side == "client"]
    deciding = [p for p in client if "schedule" in p.decides] or client
    return deciding[0].key if deciding else None
