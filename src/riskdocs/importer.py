"""`riskdocs import KIND FILE.csv`: the rows of a tracker's CSV export as new entity files.

A mapping says which of the export's columns hold which riskdocs field; riskdocs
ships one for Jira, Trello and Asana (`mappings/*.yaml`), and a project can write
its own in the same shape. Every row becomes one new file with the next free id
and an `external:` link (system, key, url) back to where it came from. Nothing is
overwritten: a row whose key the project already holds is left out and named.
The import is all or nothing: a row that cannot be read (no title, a date or a
person riskdocs cannot tell) stops it before any file is written, and the new
files are checked with the project before they are kept.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from riskdocs.checks.pipeline import read_model
from riskdocs.dates import parse_day
from riskdocs.errors import RiskdocsError
from riskdocs.history.repo import Repository
from riskdocs.i18n import _
from riskdocs.load.documents import Document
from riskdocs.load.kinds import KINDS
from riskdocs.load.project import load_project
from riskdocs.load.tree import DiskTree
from riskdocs.load.yamlsrc import parse_yaml
from riskdocs.model.entities import Person
from riskdocs.newfile import KIND_NAMES, NEEDED, NewFile, Value, draft, fields_of, keep
from riskdocs.structs import field, struct
from riskdocs.suggest import person_hint

FIELDS = (
    "key",
    "url",
    "title",
    "description",
    "owner",
    "to",
    "raised_by",
    "raised",
    "made",
    "due",
    "done",
    "complete",
    "priority",
    "baseline",
)
PEOPLE_FIELDS = ("owner", "to", "raised_by")
DATE_FIELDS = ("raised", "made", "due", "done", "baseline")
SHIPPED = ("jira", "trello", "asana")
_TRUE = frozenset({"true", "yes", "y", "1", "done", "complete", "completed", "x"})
_SEVERITY = {5: "critical", 4: "high", 3: "medium", 2: "low", 1: "low"}


class RowsRefusedError(RiskdocsError):
    """Rows of the export that cannot be read; nothing was written."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(
            _("nothing imported: {problems} problems in the rows").format(problems=len(problems))
        )
        self.problems = list(problems)


@struct(kw_only=False)
class ColumnMapping:
    """Which columns of an export hold which riskdocs field."""

    system: str
    columns: dict[str, tuple[str, ...]]
    dates: tuple[str, ...] = ()
    priority: dict[str, int] = field(default_factory=dict)
    url: str | None = None  # an address made from the key: "https://…/{key}"


RISKDOCS = ColumnMapping("riskdocs", {n: (n,) for n in FIELDS if n not in ("key", "url")})
"""The default, for a spreadsheet: columns named as the fields (`title`, `owner`, `due`,
...); its rows come from no tracker, so they get no `external:` link."""


@struct(kw_only=False)
class Plan:
    """What an import would do: the files to write, and the rows left out and why."""

    made: list[NewFile]
    skipped: list[str]
    notes: list[str]


def load_mapping(name: str | None) -> ColumnMapping:
    """A shipped mapping by name (jira, trello, asana), or one from a YAML file."""
    if name is None:
        return RISKDOCS
    if name in SHIPPED:
        text = files("riskdocs").joinpath("mappings", f"{name}.yaml").read_text("utf-8")
        return _mapping(text, _("the shipped {name} mapping").format(name=name))
    path = Path(name)
    if not path.is_file():
        raise RiskdocsError(
            _(
                "no mapping named '{name}': give jira, trello, asana or the path of a "
                "YAML file shaped like them (README, Import)"
            ).format(name=name)
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RiskdocsError(
            _("{path}: cannot read the mapping ({error})").format(path=path, error=error)
        ) from None
    return _mapping(text, str(path))


def _mapping(text: str, where: str) -> ColumnMapping:
    parsed = parse_yaml(text)
    if not parsed.ok or not isinstance(parsed.data, dict):
        problem = parsed.problems[0] if parsed.problems else None
        said = f" (line {problem.line}: {problem.message})" if problem else ""
        raise RiskdocsError(
            _("{where} is not a YAML mapping{said}: see the shipped jira.yaml").format(
                where=where, said=said
            )
        )
    data = parsed.data
    unknown = sorted(set(data) - {"system", "columns", "dates", "priority", "url"})
    if unknown:
        raise RiskdocsError(
            _(
                "{where}: unknown key {unknown!r}; a mapping has system, columns, dates, "
                "priority and url"
            ).format(where=where, unknown=unknown[0])
        )
    system, columns = data.get("system"), data.get("columns")
    if not isinstance(system, str) or not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", system):
        raise RiskdocsError(
            _("{where}: `system:` names the tool in lower case, e.g. jira").format(where=where)
        )
    if not isinstance(columns, dict) or not columns:
        raise RiskdocsError(
            _(
                "{where}: `columns:` maps riskdocs fields to column names, e.g. title: [Summary]"
            ).format(where=where)
        )
    wrong = sorted(set(columns) - set(FIELDS))
    if wrong:
        raise RiskdocsError(
            _(
                "{where}: `columns:` has {wrong!r}, which is no field riskdocs imports; "
                "the fields are {fields}"
            ).format(where=where, wrong=wrong[0], fields=", ".join(FIELDS))
        )
    return ColumnMapping(
        system=system,
        columns={k: _names(v, where, k) for k, v in columns.items()},
        dates=_names(data.get("dates") or [], where, "dates"),
        priority=_priorities(data.get("priority") or {}, where),
        url=data.get("url") if isinstance(data.get("url"), str) else None,
    )


def _names(value: object, where: str, key: str) -> tuple[str, ...]:
    listed = [value] if isinstance(value, str) else value
    if not isinstance(listed, list) or not all(isinstance(v, str) for v in listed):
        raise RiskdocsError(
            _("{where}: `{key}` is a column name or a list of them").format(where=where, key=key)
        )
    return tuple(listed)


def _priorities(value: object, where: str) -> dict[str, int]:
    if not isinstance(value, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 5 for v in value.values()
    ):
        raise RiskdocsError(
            _("{where}: `priority:` maps each priority to 1 (lowest) .. 5").format(where=where)
        )
    return {str(k).casefold(): v for k, v in value.items()}


def read_rows(data: bytes, where: str) -> list[dict[str, str]]:
    """The rows of a CSV export (UTF-8, with or without a byte order mark)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RiskdocsError(
            _("{where} is not UTF-8 (byte {start}): export it again as UTF-8 CSV").format(
                where=where, start=error.start
            )
        ) from None
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header, *rows = list(reader)
    except ValueError:
        raise RiskdocsError(
            _("{where} has no header row: the first line names the columns").format(where=where)
        ) from None
    except csv.Error as error:
        raise RiskdocsError(
            _("{where}: not a CSV file ({error})").format(where=where, error=error)
        ) from None
    names = [h.strip() for h in header]
    return [_row(names, row) for row in rows if any(c.strip() for c in row)]


def _row(names: Sequence[str], cells: Sequence[str]) -> dict[str, str]:
    """A row by column name; a name the export repeats (Jira writes one `Labels` column
    per label) keeps its first non-empty cell."""
    row: dict[str, str] = {}
    for name, cell in zip(names, cells, strict=False):
        if cell.strip() and not row.get(name):
            row[name] = cell.strip()
        row.setdefault(name, "")
    return row


def plan(
    kind_name: str,
    rows: Sequence[Mapping[str, str]],
    mapping: ColumnMapping,
    *,
    where: str,
    root: Path,
    documents: Sequence[Document],
    people: Mapping[str, Person],
    aliases: Mapping[str, str],
    defaults: Mapping[str, str],
    today: date,
) -> Plan:
    """The files an import of `rows` would write; raises with every row that cannot be
    read, so nothing is written unless all of them can."""
    if kind_name not in KIND_NAMES:
        raise RiskdocsError(
            _("riskdocs imports {kinds}, not {kind}").format(
                kinds=", ".join(KIND_NAMES), kind=kind_name
            )
        )
    _check_columns(rows, mapping, where)
    kind = KINDS[kind_name]
    held = _held_keys(documents, mapping.system)
    mine = [d for d in documents if d.kind is kind]
    siblings = [d.path for d in mine]
    ids = [str(d.data["id"]) for d in mine if isinstance(d.data, dict) and "id" in d.data]
    made: list[NewFile] = []
    skipped: list[str] = []
    notes: list[str] = []
    problems: list[str] = []
    for number, row in enumerate(rows, start=2):
        fields, said, note = _row_fields(kind_name, row, mapping, people, aliases, defaults, today)
        problems.extend(f"{where}:{number}: {p}" for p in said)
        if said:
            continue
        external = fields.get("external")
        key = str(external.get("key", "")) if isinstance(external, Mapping) else ""
        if key and key in held:
            skipped.append(
                _("row {number} ({system} {key}) is already {held}").format(
                    number=number, system=mapping.system, key=key, held=held[key]
                )
            )
            continue
        new = draft(root, kind, fields, [*ids, *(m.id for m in made)], siblings)
        held[key] = _("{id} (imported above)").format(id=new.id)
        made.append(new)
        if note:
            notes.append(
                f"{new.id} ({mapping.system} {key}): {note}" if key else f"{new.id}: {note}"
            )
    if problems:
        raise RowsRefusedError(problems)
    return Plan(made, skipped, notes)


def _check_columns(rows: Sequence[Mapping[str, str]], mapping: ColumnMapping, where: str) -> None:
    header = set(rows[0]) if rows else set()
    for needed in ("title",) if mapping is RISKDOCS else ("key", "title"):
        names = mapping.columns.get(needed, ())
        if rows and not header.intersection(names):
            raise RiskdocsError(
                _(
                    "{where} has no column for {needed} (looked for {names}); its columns "
                    "are {header}: choose another --mapping"
                ).format(
                    where=where,
                    needed=needed,
                    names=", ".join(names) or _("none"),
                    header=", ".join(sorted(header)),
                )
            )


def _held_keys(documents: Sequence[Document], system: str) -> dict[str, str]:
    """Keys of `system` the project already holds -> which entity holds them."""
    held: dict[str, str] = {}
    for document in documents:
        data = document.data if isinstance(document.data, dict) else {}
        external = data.get("external")
        if isinstance(external, dict) and external.get("system") == system:
            held[str(external.get("key"))] = f"{data.get('id', document.path)} ({document.path})"
    return held


def _row_fields(
    kind_name: str,
    row: Mapping[str, str],
    mapping: ColumnMapping,
    people: Mapping[str, Person],
    aliases: Mapping[str, str],
    defaults: Mapping[str, str],
    today: date,
) -> tuple[dict[str, Value], list[str], str | None]:
    """One row's fields, the problems that stop it, and a note for the person importing."""
    cells = {name: _cell(row, mapping.columns.get(name, ())) for name in FIELDS}
    problems: list[str] = []
    given: dict[str, str | int | date | None] = {"title": cells["title"] or None}
    if not cells["title"]:
        problems.append(_("no title: fill in the title column"))
    if not cells["key"] and mapping is not RISKDOCS:
        problems.append(_("no {system} key: fill in the key column").format(system=mapping.system))
    for name in PEOPLE_FIELDS:
        written = cells[name] or defaults.get(name, "")
        given[name], problem = _person(written, name, people, aliases)
        problems.extend([problem] if problem else [])
    for name in DATE_FIELDS:
        given[name], problem = _date(cells[name], name, mapping.dates)
        problems.extend([problem] if problem else [])
    if kind_name == "commitment" and not given["made"]:
        given["made"] = given["raised"]  # promised when the ticket was opened
    level = _priority(cells["priority"], mapping, problems)
    if kind_name == "risk" and level:
        given["impact"] = level
    if kind_name == "concern" and level:
        given["severity"] = _SEVERITY[level]
    problems.extend(_missing(kind_name, given, mapping) if not problems else [])
    if problems:
        return {}, problems, None
    fields: dict[str, Value] = dict(fields_of(kind_name, given, today))
    note = _completed(kind_name, fields, given.get("done"), cells["complete"])
    if cells["description"]:
        fields = _after_title(fields, "description", cells["description"].replace("\r\n", "\n"))
    if mapping is not RISKDOCS:
        url = cells["url"] or (
            mapping.url.replace("{key}", quote(cells["key"], safe="")) if mapping.url else None
        )
        fields["external"] = {"system": mapping.system, "key": cells["key"], "url": url}
    return fields, [], note


def _missing(kind_name: str, given: Mapping[str, object], mapping: ColumnMapping) -> list[str]:
    """What a new entity of the kind needs that the row does not give, and how to give it."""
    said = []
    for needed in NEEDED[kind_name]:
        if given.get(needed) not in (None, ""):
            continue
        columns = " or ".join(mapping.columns.get(needed, ()))
        if needed in PEOPLE_FIELDS:
            how = _("pass --{option} KEY for rows that name nobody").format(
                option=needed.replace("_", "-")
            )
        else:
            how = _("add a column for it and name it under the mapping's `columns:`")
        fix = (
            _("the {columns} column is empty in this row: fill it in, or {how}").format(
                columns=columns, how=how
            )
            if columns
            else how
        )
        said.append(f"a {KINDS[kind_name].label} needs `{needed}`; {fix}")
    return said


def _cell(row: Mapping[str, str], columns: Sequence[str]) -> str:
    return next((row[c] for c in columns if row.get(c)), "")


def _person(
    written: str, field_name: str, people: Mapping[str, Person], aliases: Mapping[str, str]
) -> tuple[str | None, str | None]:
    """A key of `people:` for a name, e-mail or key as the export writes it (the first of
    several, as Trello lists members)."""
    first = written.split(",")[0].strip()
    if not first:
        return None, None
    if first in aliases:
        return aliases[first], None
    wanted = first.casefold()
    for key, person in people.items():
        if wanted in (key.casefold(), person.name.casefold(), (person.email or "").casefold()):
            return key, None
    hint = person_hint(first, {k: p.name for k, p in people.items()})
    return None, (
        _(
            "{field_name} {first!r} is nobody in people:{hint}; add them to "
            "riskdocs.yaml or say who they are with --person '{first}=KEY'"
        ).format(field_name=field_name, first=first, hint=hint)
    )


def _date(written: str, field_name: str, formats: Sequence[str]) -> tuple[date | None, str | None]:
    if not written:
        return None, None
    if re.match(r"\d{4}-\d{2}-\d{2}", written):
        try:
            return parse_day(written[:10]), None
        except ValueError:
            pass
    for form in formats:
        try:
            return datetime.strptime(written, form).date(), None
        except ValueError:
            continue
    expected = ", ".join(["YYYY-MM-DD", *formats])
    return None, _(
        "{field_name} {written!r} is not a date riskdocs reads ({expected}): add "
        "its format to the mapping's `dates:`"
    ).format(field_name=field_name, written=written, expected=expected)


def _priority(written: str, mapping: ColumnMapping, problems: list[str]) -> int | None:
    if not written:
        return None
    level = mapping.priority.get(written.casefold())
    if level is None:
        known = ", ".join(mapping.priority) or "none"
        problems.append(
            _(
                "priority {written!r} is not in the mapping's `priority:` ({known}): add "
                "it with a level from 1 to 5"
            ).format(written=written, known=known)
        )
    return level


def _completed(kind_name: str, fields: dict[str, Value], done: object, complete: str) -> str | None:
    """Mark a row done in the tracker as done here when the day is known; say so when not."""
    if isinstance(done, date):
        if kind_name == "commitment":
            fields.update(status="done", done=done)
        elif kind_name == "milestone":
            fields["done"] = done
        else:
            return _("done in the tracker on {done}; record how it ended here").format(done=done)
        return None
    if complete.casefold() in _TRUE:
        return _("complete in the tracker, with no day it was done: record it here with its day")
    return None


def _after_title(fields: Mapping[str, Value], key: str, value: Value) -> dict[str, Value]:
    placed: dict[str, Value] = {}
    for name, existing in fields.items():
        placed[name] = existing
        if name == "title":
            placed[key] = value
    return placed


def import_csv(
    root: Path,
    repository: Repository | None,
    kind_name: str,
    csv_file: Path,
    mapping_name: str | None,
    aliases: Sequence[str],
    defaults: Mapping[str, str],
    today: date,
    *,
    only: Sequence[str] = (),
    dry_run: bool = False,
) -> list[str]:
    """Import `csv_file`'s rows as new `kind_name` files; returns what to tell the user."""
    mapping = load_mapping(mapping_name)
    every = read_rows(csv_file.read_bytes(), csv_file.name)
    rows = [row for row in every if _matches(row, only, csv_file.name)]
    tree = DiskTree(root)
    documents, loaded = load_project(tree)
    settings = read_model(tree, (documents, loaded)).settings
    planned = plan(
        kind_name,
        rows,
        mapping,
        where=csv_file.name,
        root=root,
        documents=documents,
        people=settings.people,
        aliases=_aliases(aliases, settings.people),
        defaults=defaults,
        today=today,
    )
    news = keep(root, repository, planned.made, today) if not dry_run and planned.made else []
    chosen = (
        _(" ({rows} of {every} match {only})").format(
            rows=len(rows), every=len(every), only=", ".join(only)
        )
        if only
        else ""
    )
    said = [
        (
            _("riskdocs: would import {made} of {rows} rows of {name}{chosen}")
            if dry_run
            else _("riskdocs: imported {made} of {rows} rows of {name}{chosen}")
        ).format(made=len(planned.made), rows=len(rows), name=csv_file.name, chosen=chosen)
    ]
    said += [f"  {m.path}" for m in planned.made]
    said += [_("  left out: {reason}").format(reason=s) for s in planned.skipped]
    said += [f"  note: {n}" for n in planned.notes]
    said += [
        _("  now reported: {path}: {rule}: {message}").format(
            path=f.path, rule=f.rule, message=f.message
        )
        for f in news
    ]
    return said


def _matches(row: Mapping[str, str], only: Sequence[str], where: str) -> bool:
    """Whether `row` has every `COLUMN=VALUE` of `only` (values compared in any case)."""
    for condition in only:
        column, sep, value = condition.partition("=")
        if not sep or not column.strip():
            raise RiskdocsError(
                _(
                    "--only {condition!r}: write it as 'COLUMN=VALUE', e.g. 'Issue Type=Risk'"
                ).format(condition=condition)
            )
        if column.strip() not in row:
            raise RiskdocsError(
                _(
                    "--only {condition!r}: {where} has no column {column!r}; its columns are {row}"
                ).format(
                    condition=condition, where=where, column=column.strip(), row=", ".join(row)
                )
            )
        if row[column.strip()].casefold() != value.strip().casefold():
            return False
    return True


def _aliases(given: Sequence[str], people: Mapping[str, Person]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for alias in given:
        name, sep, key = alias.rpartition("=")
        if not sep or not name.strip() or key.strip() not in people:
            raise RiskdocsError(
                _(
                    "--person {alias!r}: write it as 'Name in the export=KEY', KEY one of {people}"
                ).format(alias=alias, people=", ".join(people))
            )
        aliases[name.strip()] = key.strip()
    return aliases
