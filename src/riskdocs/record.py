"""The authoring commands: record what happened the way the rules ask for it.

Each command changes one entity's file the way a careful PM would by hand: a
delivery sets `status: done` and `done:`, an agreed move of a date appends the
record of who agreed (`renegotiated:`, `rebaselined:`) and sets the new date, a
review appends to `reviews:` and sets the new score. The file must pass its
checks before (riskdocs never builds on a broken file) and after: when the edit
would leave a new error in it (a move agreed by the promiser's own side, say),
nothing is written and the errors say why. The policy is the hook's: broken or
dishonest records are refused, bad news is recorded and shown (a date moved into
the past is overdue, and that is the truth). Edits are surgical
(riskdocs/edit.py): everything else in the file stays byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from riskdocs.checks.pipeline import read_model, run
from riskdocs.checks.sources import ChangedFiles, files_alone, whole_project
from riskdocs.dates import parse_day
from riskdocs.edit import Flow, Scalar, YamlText
from riskdocs.errors import RiskdocsError
from riskdocs.finding import Finding, Severity
from riskdocs.history.repo import Repository
from riskdocs.i18n import _
from riskdocs.load import kinds as table
from riskdocs.load.documents import Document, load_file
from riskdocs.load.kinds import DELIVERABLE, KINDS, MEETING, Kind, classify, id_in_name
from riskdocs.load.project import load_project, named
from riskdocs.load.tree import DiskTree, walk
from riskdocs.load.yamlsrc import JsonPath
from riskdocs.model.entities import Project
from riskdocs.rules import RULES
from riskdocs.structs import struct


@struct(kw_only=False)
class Recorded:
    """What a command wrote: the file, its text before and after, and each change said
    in a line."""

    path: str
    before: str
    after: str
    changes: tuple[str, ...]
    news: tuple[Finding, ...] = ()  # bad news the change brought out, recorded anyway


@struct(kw_only=False)
class Target:
    """The entity a command edits: its file, its kind and its fields as read."""

    path: str
    kind: Kind
    fields: dict[str, object]
    within: JsonPath = ()  # where in the file: a deliverable is one item of the scope's list


def find_entity(root: Path, entity: str, kinds: tuple[str, ...]) -> Target:
    """The file of the entity whose id is `entity` (any case), of one of `kinds`: found by
    its file name, which starts with its id, else by reading every file."""
    wanted = entity.strip().casefold()
    tree = DiskTree(root)
    if "deliverable" in kinds and (found := _deliverable(tree, wanted)):
        return found
    if "commitment" in kinds and wanted.startswith("o-") and (found := _obligation(tree, wanted)):
        return found
    for kind in (KINDS[name] for name in kinds if name in KINDS):
        for path in walk(root, kind.folder or ""):
            if (id_in_name(path) or "").casefold() == wanted and classify(path) is kind:
                document, _problems = load_file(tree, path, kind)
                if named([document], entity):
                    return _target(document, kinds)
    documents, _problems = load_project(tree)
    for document in named(documents, entity):
        return _target(document, kinds)
    raise RiskdocsError(
        _("no {kinds} '{entity}' in the project").format(kinds=_either(kinds), entity=entity)
    )


def _deliverable(tree: DiskTree, wanted: str) -> Target | None:
    """The deliverable whose id is `wanted` (case-folded), in the scope baseline."""
    for path in table.SCOPE_FILES:
        if not (tree.root / path).is_file():
            continue
        document, _problems = load_file(tree, path, table.SCOPE)
        items = document.data.get("deliverables") if isinstance(document.data, dict) else None
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and str(item.get("id", "")).casefold() == wanted:
                return Target(path, DELIVERABLE, item, ("deliverables", index))
    return None


def _obligation(tree: DiskTree, wanted: str) -> Target | None:
    """The contract's obligation whose id is `wanted` (case-folded): it is recorded as a
    commitment is, in its item of the contract."""
    for path in table.CONTRACT_FILES:
        if not (tree.root / path).is_file():
            continue
        document, _problems = load_file(tree, path, table.CONTRACT)
        items = document.data.get("obligations") if isinstance(document.data, dict) else None
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and str(item.get("id", "")).casefold() == wanted:
                return Target(path, table.COMMITMENT, item, ("obligations", index))
    return None


def _either(kinds: tuple[str, ...]) -> str:
    """`commitment, milestone or deliverable`."""
    names = [k.replace("-", " ") for k in kinds]
    return " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def _target(document: Document, kinds: tuple[str, ...]) -> Target:
    data = document.data if isinstance(document.data, dict) else {}
    if document.kind.name not in kinds:
        raise RiskdocsError(
            _("{value} is a {label}; this command records a {kinds}").format(
                value=data.get("id", document.stem), label=document.kind.label, kinds=_either(kinds)
            )
        )
    return Target(document.path, document.kind, data)


class Change:
    """The edits of one command: its entity's file, and any other line it must keep in
    step (the ticked action item of a delivered commitment), each said in a line."""

    def __init__(self, root: Path, target: Target, project: Project | None = None) -> None:
        self.root, self.target, self.project = root, target, project
        self.before = _read(root / target.path)
        self.yaml = YamlText(self.before, target.path)
        self.said: list[str] = []
        self.others: dict[str, tuple[str, str]] = {}  # path -> (before, after)

    def set(self, key: str, value: Scalar | Flow, after: tuple[str, ...] = ()) -> None:
        old = self.target.fields.get(key)
        if old == value or (old is not None and str(old) == str(value)):
            return
        if isinstance(value, Flow) and value.matches(old):
            return
        self.yaml.set(key, value, after, within=self.target.within)
        self.said.append(f"{key}: {old} -> {value}" if old is not None else f"{key}: {value}")

    def append(self, key: str, item: dict[str, Scalar], after: tuple[str, ...] = ()) -> None:
        self.yaml.append(key, item, after, within=self.target.within)
        shown = ", ".join(f"{k}: {v}" for k, v in item.items() if v is not None)
        self.said.append(f"{key}: added {{{shown}}}")

    def tick(self, path: str, line: int) -> None:
        """Tick the task-list item on `line` of the Markdown file at `path`."""
        before, text = self.others.get(path) or (_read(self.root / path),) * 2
        lines = text.splitlines(keepends=True)
        ticked = re.sub(r"^(\s*[-*+] )\[ \]", r"\1[x]", lines[line - 1], count=1)
        if ticked != lines[line - 1]:
            lines[line - 1] = ticked
            self.others[path] = (before, "".join(lines))
            self.said.append(_("{path}:{line}: action item ticked").format(path=path, line=line))

    def writes(self) -> dict[str, tuple[str, str]]:
        """Every file this change writes: path -> (before, after)."""
        return {self.target.path: (self.before, self.yaml.text), **self.others}


def apply(
    root: Path,
    repository: Repository | None,
    today: date,
    target: Target,
    edit: Callable[[Change], None],
) -> Recorded:
    """Check the file, make the edits, check the project again, and keep them only when
    no file has a new error that would block a commit (see `blocks`)."""
    checked = run(files_alone(root, repository, [target.path]), today)
    before = errors(checked.findings)
    broken = [f for f in before if f.path == target.path and f.rule not in RULES]
    if broken:
        raise RiskdocsError(
            _("{path} does not pass its checks ({broken}); fix it first, then record").format(
                path=target.path, broken=_said(broken[0])
            )
        )
    change = Change(root, target, _meetings(root) if target.kind.name == "commitment" else None)
    edit(change)
    if not change.said:
        return Recorded(target.path, change.before, change.before, ())
    writes = change.writes()
    try:
        for path, (_old, text) in writes.items():
            _write(root / path, text)
        after = errors(run(whole_project(root, repository, list(writes)), today).findings)
    except BaseException:
        _restore(root, writes)
        raise
    known = {(f.path, f.rule, f.message) for f in before}
    new = [f for f in after if (f.path, f.rule, f.message) not in known]
    if refused := [f for f in new if blocks(f)]:
        _restore(root, writes)
        raise RiskdocsError(
            _("not recorded: it would leave ")
            + "; ".join(_said(f) for f in refused)
            + _(" (no file was changed)")
        )
    news = tuple(f for f in new if not blocks(f))
    return Recorded(target.path, change.before, change.yaml.text, tuple(change.said), news)


def _meetings(root: Path) -> Project:
    """The project's settings and meeting notes: what a delivery needs to tick the action
    items that stand for its commitment."""
    meetings = [p for p in walk(root, MEETING.folder or "") if classify(p) is MEETING]
    return read_model(ChangedFiles(root, tuple(meetings)))


def blocks(finding: Finding) -> bool:
    """Whether a new error stops a record: a file's own checks and the rules that block
    commits do; the state of the project (overdue, beyond buffer) does not."""
    rule = RULES.get(finding.rule)
    return rule is None or bool(rule.BLOCKS_COMMITS)


def _restore(root: Path, writes: dict[str, tuple[str, str]]) -> None:
    for path, (text, _old) in writes.items():
        _write(root / path, text)


def _read(path: Path) -> str:
    """A file's text as it is on disk: `\\r\\n` kept (`read_text` would turn it to `\\n`)."""
    return path.read_bytes().decode("utf-8")


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


def errors(findings: list[Finding]) -> list[Finding]:
    """The errors among `findings` that count: not silenced by an `ignore:`."""
    return [f for f in findings if f.severity is Severity.ERROR and not f.ignored]


def _said(finding: Finding) -> str:
    where = f"{finding.path}:{finding.line}" if finding.line else finding.path
    return f"{where}: {finding.rule}: {finding.message}"


def deliver(change: Change, on: date, by: str | None = None) -> None:
    """A commitment delivered, a deliverable handed to the client for acceptance (by
    `by`, else its owner), or a milestone reached, on `on`. The open action items that
    stand for a commitment (they name its id) are ticked too."""
    if change.target.kind is DELIVERABLE:
        handed_by = by or change.target.fields.get("owner")
        if not isinstance(handed_by, str):
            raise RiskdocsError(
                _(
                    "{id} has no owner to record as the one who handed it over: give --by "
                    "(a key of `people:`)"
                ).format(id=change.target.fields.get("id"))
            )
        change.set("state", "submitted", after=("due", "owner", "acceptance"))
        change.set("submitted", Flow((("on", on), ("by", handed_by))), after=("state",))
        return
    if change.target.kind.name == "commitment":
        change.set("status", "done", after=("due",))
        change.set("done", on, after=("status",))
        for meeting in change.project.meetings if change.project else ():
            for item in meeting.action_items:
                if item.commitment == change.target.fields.get("id") and not item.done:
                    change.tick(meeting.source.path, item.line)
    else:
        change.set("done", on, after=("forecast", "buffer_days"))


def accept(
    change: Change, on: date, by: str, evidence: tuple[str, ...], not_met: tuple[int, ...]
) -> None:
    """A deliverable accepted by `by` on `on`: one result per `evidence`, in the order of
    the acceptance criteria, passed unless its number (from 1) is in `not_met`."""
    criteria = change.target.fields.get("acceptance")
    count = len(criteria) if isinstance(criteria, list) else 0
    if evidence and len(evidence) != count:
        raise RiskdocsError(
            _(
                "{id} has {count} acceptance criteria and {given} --evidence were given: give "
                "one per criterion, in the order `acceptance:` lists them"
            ).format(id=change.target.fields.get("id"), count=count, given=len(evidence))
        )
    if wrong := [n for n in not_met if not 1 <= n <= len(evidence)]:
        raise RiskdocsError(
            _("--not-met {number} names no criterion with evidence given: use 1 to {count}").format(
                number=wrong[0], count=len(evidence)
            )
        )
    results = tuple(
        Flow((("passed", n not in not_met), ("evidence", text)))
        for n, text in enumerate(evidence, start=1)
    )
    change.set("state", "accepted", after=("due", "owner", "acceptance"))
    accepted = Flow((("on", on), ("by", by), ("results", results or None)))
    change.set("accepted", accepted, after=("rejected", "submitted", "state"))


def reject(
    change: Change,
    on: date,
    by: str,
    reason: str,
    commitment: str | None,
    change_request: str | None,
) -> None:
    """A deliverable rejected by `by` on `on`, with what follows it up."""
    accepted = change.target.fields.get("accepted")
    if isinstance(accepted, dict):
        raise RiskdocsError(
            _(
                "{id} is recorded as accepted on {on}: a rejection does not take an acceptance "
                "back; if it was recorded by mistake, remove `accepted:` and run the command "
                "again"
            ).format(id=change.target.fields.get("id"), on=accepted.get("on"))
        )
    change.set("state", "rejected", after=("due", "owner", "acceptance"))
    change.append(
        "rejected",
        {"on": on, "by": by, "reason": reason, "commitment": commitment,
         "change_request": change_request},
        after=("submitted", "state"),
    )  # fmt: skip


def move(
    change: Change,
    to: date,
    agreed_by: str,
    on: date,
    reason: str | None,
    change_request: str | None,
) -> None:
    """An agreed move of a commitment's due date or a milestone's baseline: the record
    of who agreed, then the new date."""
    fields = change.target.fields
    if change.target.kind.name == "commitment" and fields.get("due") is None:
        raise RiskdocsError(
            _(
                "{id} falls due some days after an event (`after:`), so it has no date to "
                "move: write the date in force under `due:` first, then run the command again"
            ).format(id=fields.get("id"))
        )
    if change.target.kind.name == "commitment":
        change.append(
            "renegotiated",
            {
                "on": on,
                "from": parse_day(str(fields["due"])),
                "to": to,
                "agreed_by": agreed_by,
                "reason": reason,
            },
            after=("done", "status", "due"),
        )
        change.set("due", to)
        return
    change.append(
        "rebaselined",
        {
            "on": on,
            "from": parse_day(str(fields["baseline"])),
            "to": to,
            "agreed_by": agreed_by,
            "reason": reason,
            "change_request": change_request,
        },
        after=("buffer_days", "forecast", "baseline"),
    )
    change.set("baseline", to)


def review(
    change: Change,
    on: date,
    by: str,
    probability: int | None,
    impact: int | None,
    note: str | None,
    next_review: date | None,
) -> None:
    """A risk reviewed: the review recorded with the score it found, the score set, the
    next review date set."""
    fields = change.target.fields
    found_p = probability if probability is not None else fields.get("probability")
    found_i = impact if impact is not None else fields.get("impact")
    change.append(
        "reviews",
        {"on": on, "by": by, "probability": _int(found_p), "impact": _int(found_i), "note": note},
        after=("review_by", "contingency", "prevention"),
    )
    change.set("probability", _int(found_p))
    change.set("impact", _int(found_i))
    if next_review is not None:
        change.set("review_by", next_review, after=("contingency", "status"))


def decide(change: Change, status: str, by: str, on: date, note: str | None) -> None:
    """A change request approved, rejected or withdrawn."""
    change.set("status", status)
    if status in ("approved", "rejected"):
        change.set("decided", on, after=("status",))
        change.set("decided_by", by, after=("decided", "status"))
    if note:
        change.set("decision_note", note, after=("decided_by", "decided", "status"))


def answer(change: Change, on: date, resolution: str | None) -> None:
    """A client concern acknowledged on `on`, and resolved too when `resolution` says how."""
    if change.target.fields.get("acknowledged") is None:
        change.set("acknowledged", on, after=("owner", "channel", "severity"))
    if resolution:
        change.set("resolved", on, after=("acknowledged",))
        change.set("resolution", resolution, after=("resolved",))


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
