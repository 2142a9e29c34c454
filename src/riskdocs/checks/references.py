"""Cross-file checks: ids unique and matching file names, every reference resolves.

References are declared in one table, `REFERENCES`: for each kind, the JSON
paths (with `*` for any list item) whose values must name a person, a
cadence, a meeting note or an entity id. Only schema-valid documents are
checked, so a value is never reported twice.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import cache
from typing import Any

from riskdocs.dates import day_or_none
from riskdocs.finding import Finding, Severity
from riskdocs.i18n import N_, _, current
from riskdocs.load import kinds
from riskdocs.load.documents import Document
from riskdocs.load.yamlsrc import JsonPath
from riskdocs.model.entities import Meeting, Project
from riskdocs.structs import replace
from riskdocs.suggest import did_you_mean, person_hint, person_key
from riskdocs.words import word


def _named(kind: kinds.Kind) -> str:
    assert kind.reference is not None
    return kind.reference


PERSON, CADENCE, TRAINING = "person", "cadence", "training topic"
ANY_ID = "<id>"  # a reference to an entity of whichever kind its id's prefix names
CHANGE, MILESTONE = _named(kinds.CHANGE_REQUEST), _named(kinds.MILESTONE)
DELIVERABLE, MEETING_NOTE = _named(kinds.DELIVERABLE), _named(kinds.MEETING)
COMMITMENT = _named(kinds.COMMITMENT)

Reference = tuple[tuple[str, ...], str]
KEYS = "<keys>"  # in a reference's path: each key of the mapping there
_LINKS: tuple[Reference, ...] = tuple(
    (("links", kind.links_key, "*"), _named(kind)) for kind in kinds.TABLE if kind.links_key
)
REFERENCES: dict[str, tuple[Reference, ...]] = {
    kinds.CONFIG.name: (
        (("responsibilities", KEYS), DELIVERABLE),
        *(
            (("responsibilities", "*", role, "*"), PERSON)
            for role in ("responsible", "consulted", "informed")
        ),
        (("responsibilities", "*", "accountable"), PERSON),
        (("communication", "*", "required", "*"), PERSON),
        (("training", "*", "people", "*"), PERSON),
        (("training", "*", "before"), MILESTONE),
    ),
    kinds.RISK.name: (
        (("owner",), PERSON),
        (("prevention", "*", "owner"), PERSON),
        (("reviews", "*", "by"), PERSON),
        (("contingency_agreed", "by"), PERSON),
        (("acceptance", "by"), PERSON),
        *_LINKS,
    ),
    kinds.COMMITMENT.name: (
        (("owner",), PERSON),
        (("to",), PERSON),
        (("source",), MEETING_NOTE),
        (("renegotiated", "*", "agreed_by"), PERSON),
        *_LINKS,
    ),
    kinds.SCOPE.name: (
        (("signed_off_by",), PERSON),
        (("resigned", "*", "by"), PERSON),
        (("resigned", "*", "change_requests", "*"), CHANGE),
        (("deliverables", "*", "owner"), PERSON),
        (("deliverables", "*", "milestone"), MILESTONE),
        (("deliverables", "*", "change_request"), CHANGE),
        (("deliverables", "*", "submitted", "by"), PERSON),
        (("deliverables", "*", "accepted", "by"), PERSON),
        (("deliverables", "*", "rejected", "*", "by"), PERSON),
        (("deliverables", "*", "rejected", "*", "commitment"), COMMITMENT),
        (("deliverables", "*", "rejected", "*", "change_request"), CHANGE),
    ),
    kinds.CONTRACT.name: (
        (("signed_by", "*"), PERSON),
        (("payments", "*", "on_acceptance", "*"), DELIVERABLE),
        (("obligations", "*", "owner"), PERSON),
        (("obligations", "*", "to"), PERSON),
        (("obligations", "*", "renegotiated", "*", "agreed_by"), PERSON),
        (("obligations", "*", "after", "deliverable"), DELIVERABLE),
        (("obligations", "*", "after", "milestone"), MILESTONE),
    ),
    kinds.CHANGE_REQUEST.name: (
        (("raised_by",), PERSON),
        (("decided_by",), PERSON),
        (("deliverables", "*"), DELIVERABLE),
        *_LINKS,
    ),
    kinds.MEETING.name: (
        (("attendees", "*"), PERSON),
        (("cadence",), CADENCE),
        (("training", "*"), TRAINING),
    ),
    kinds.CONCERN.name: ((("raised_by",), PERSON), (("owner",), PERSON), *_LINKS),
    kinds.FEEDBACK.name: (
        (("responses", "*", "from"), PERSON),
        (("responses", "*", "follow_up", "*"), ANY_ID),
    ),
    kinds.PULSE.name: ((("responses", "*", "from"), PERSON),),
    kinds.UPDATE.name: ((("to", "*"), PERSON), (("from",), PERSON), (("cadence",), CADENCE)),
    kinds.MILESTONE.name: (
        (("owner",), PERSON),
        (("deliverables", "*"), DELIVERABLE),
        (("rebaselined", "*", "agreed_by"), PERSON),
        (("rebaselined", "*", "change_request"), CHANGE),
        *_LINKS,
    ),
    kinds.LESSON.name: (
        (("raised_by",), PERSON),
        (("source",), MEETING_NOTE),
        (("actions", "*", "owner"), PERSON),
        *_LINKS,
    ),
    kinds.BUDGET.name: ((("planned", KEYS), MILESTONE),),
    kinds.CLOSURE.name: (
        (("accepted_by",), PERSON),
        (("handover", "*", "to"), PERSON),
        (("transferred", "commitments", "*", "id"), COMMITMENT),
        (("transferred", "commitments", "*", "to"), PERSON),
        (("transferred", "concerns", "*", "id"), _named(kinds.CONCERN)),
        (("transferred", "concerns", "*", "to"), PERSON),
        (("transferred", "risks", "*", "id"), _named(kinds.RISK)),
        (("transferred", "risks", "*", "to"), PERSON),
    ),
}
ID_TARGETS = {k.name: k.reference for k in kinds.KINDS.values() if k.id_prefix and k.reference}
"""File kinds whose ids references name: kind name -> reference name."""
_WHERE = {
    PERSON: N_("`people:` in riskdocs.yaml"),
    CADENCE: N_("`communication:` in riskdocs.yaml"),
    TRAINING: N_("`training:` in riskdocs.yaml"),
    DELIVERABLE: "scope/baseline.yaml",
}

Namespaces = Mapping[str, AbstractSet[str]]
_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")  # feedback.schema.json's `period`


def check_references(
    documents: Sequence[Document],
    schema_valid: Sequence[Document],
    project: Project,
    names: Namespaces | None = None,
) -> list[Finding]:
    """Duplicate ids, ids that disagree with file names, and dangling references.

    Ids come from every readable document, so one file's schema error does not
    make references to it dangle, and from the names of files that could not be
    read, so one broken file is one finding, not one more at every reference to it;
    references are followed in schema-valid documents.
    `names` replaces what `namespaces` would find in `documents` (the hook passes
    names taken from file names, having read only the changed files).
    """
    findings = list(_duplicate_ids(documents))
    findings.extend(_filename_mismatches(documents))
    names = namespaces(documents, project) if names is None else names
    people = display_names(project)
    for document in schema_valid:
        for pattern, target in REFERENCES.get(document.kind.name, ()):
            for path, value in _values_at(document.data, pattern):
                if not isinstance(value, str):
                    continue
                named = _target_of(value, pattern, target)
                if named is not None and value not in names[named]:
                    findings.append(_dangling(document, path, value, named, names[named], people))
    findings.extend(_action_item_references(project, names))
    return findings


_BY_PREFIX = {k.id_prefix: k for k in kinds.TABLE if k.id_prefix and k.reference}


def _target_of(value: str, pattern: tuple[str, ...], target: str) -> str | None:
    """What `value` refers to: `target`; for ANY_ID the kind its prefix names; None when
    the value is not a reference (a mapping key naming an area, not an id)."""
    if target == ANY_ID:
        kind = _BY_PREFIX.get(value.rsplit("-", 1)[0] + "-")
        return kind.reference if kind else None
    kind = kinds.BY_REFERENCE.get(target)
    if pattern[-1] == KEYS and kind is not None and not kind.is_id(value):
        return None
    return target


def namespaces(documents: Sequence[Document], project: Project) -> Namespaces:
    """Every name a reference can resolve to, by target."""
    names: defaultdict[str, set[str]] = defaultdict(set)
    names[PERSON] = set(project.settings.people)
    names[CADENCE] = set(project.settings.cadences)
    names[TRAINING] = set(project.settings.training)
    names[DELIVERABLE] = {d.id for d in project.deliverables}
    if project.contract is not None:  # an obligation is a commitment written in the contract
        names[COMMITMENT].update(o.id for o in project.contract.obligations)
    for document in documents:
        if document.kind is kinds.MEETING:
            names[MEETING_NOTE].add(document.path)
        elif document.kind.name in ID_TARGETS and (entity_id := _claimed_id(document)):
            names[ID_TARGETS[document.kind.name]].add(entity_id)
    return names


def _values_at(
    data: Any, pattern: tuple[str, ...], path: JsonPath = ()
) -> Iterator[tuple[JsonPath, Any]]:
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == KEYS and isinstance(data, dict):  # the keys of a mapping name things
        for key in data:
            yield (*path, key), key
    elif head == "*" and isinstance(data, list):
        for index, item in enumerate(data):
            yield from _values_at(item, rest, (*path, index))
    elif isinstance(data, dict) and head in data:
        yield from _values_at(data[head], rest, (*path, head))


def display_names(project: Project) -> dict[str, str]:
    """Each person's key -> display name, for did-you-mean on a name written instead."""
    return {key: person.name for key, person in project.settings.people.items()}


def _dangling(
    document: Document,
    path: JsonPath,
    value: str,
    target: str,
    known: AbstractSet[str],
    people: Mapping[str, str] | None = None,
) -> Finding:
    if target == PERSON and people:
        hint = person_hint(value, people)
    else:
        close = did_you_mean(value, sorted(known), n=1)
        hint = _(" (did you mean '{close}'?)").format(close=close[0]) if close else ""
    where = _(_WHERE[target]) if target in _WHERE else None
    missing = (
        _("'{value}' is not in {where}").format(value=value, where=where)
        if where
        else _("there is no {target} {value}").format(target=word(target), value=value)
    )
    field = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
    line, col = document.positions.of_value(path)
    return Finding(
        path=document.path,
        line=line,
        col=col,
        rule="unknown-reference",
        severity=Severity.ERROR,
        message=_("{field}: {missing}{hint}; add it or fix the reference").format(
            field=field, missing=missing, hint=hint
        ),
        entity=_id_of(document),
    )


def _action_item_references(project: Project, names: Namespaces) -> Iterator[Finding]:
    """Every person an action item names (`@owner`, `agreed:`) is in `people:`, and the
    commitment it stands for exists."""
    people = names[PERSON]
    commitments = names[COMMITMENT]
    for meeting in project.meetings:
        for item in meeting.action_items:
            named = (
                (item.owner, item.owner_col, _("owner '@{}'"), "@"),
                (item.agreed_by, item.agreed_col, "agreed:{}", ""),
            )
            for person, col, written, mark in named:
                if person is None or person in people:
                    continue
                key = person_key(person, display_names(project))
                hint = _(" (did you mean '{mark}{key}'?)").format(mark=mark, key=key) if key else ""
                yield _item_finding(
                    meeting,
                    item.line,
                    col,
                    (
                        _(
                            "action item {person} is not in `people:` in riskdocs.yaml{hint}: "
                            "write "
                            "the key of someone who is, or add them there (`aliases:` lists other "
                            "names notes use for a person)"
                        ).format(person=written.format(person), hint=hint)
                    ),
                )
            if item.commitment is not None and item.commitment not in commitments:
                close = did_you_mean(item.commitment, sorted(commitments), n=1)
                hint = _(" (did you mean {close}?)").format(close=close[0]) if close else ""
                yield _item_finding(
                    meeting,
                    item.line,
                    item.commitment_col,
                    (
                        _(
                            "action item names commitment {commitment}, and there is none{hint}: "
                            "fix the id, or add the commitment under commitments/"
                        ).format(commitment=item.commitment, hint=hint)
                    ),
                )


def _item_finding(meeting: Meeting, line: int, col: int | None, message: str) -> Finding:
    return Finding(
        path=meeting.path,
        line=line,
        col=col,
        rule="unknown-reference",
        severity=Severity.ERROR,
        message=message,
        entity=meeting.id,
    )


def _claimed_id(document: Document) -> str | None:
    """The document's id; for a file that could not be read, or whose id is malformed
    (the schema reports it), the id its name starts with."""
    entity_id = _id_of(document)
    if entity_id is not None and document.kind.is_id(entity_id):
        return entity_id
    return kinds.id_in_name(document.path)


def _id_of(document: Document) -> str | None:
    data = document.data
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


# Entities listed inside another kind's file: kind -> the list holding them.
_LISTED_IDS = {kinds.SCOPE.name: "deliverables", kinds.CONTRACT.name: "obligations"}


def _duplicate_ids(documents: Sequence[Document]) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list[tuple[Document, JsonPath]]] = defaultdict(list)
    for document in documents:
        if (entity_id := _id_of(document)) and document.kind.id_prefix:
            groups[(document.kind.name, entity_id)].append((document, ("id",)))
        listed = _LISTED_IDS.get(document.kind.name)
        if listed and isinstance(document.data, dict):
            for path, value in _values_at(document.data, (listed, "*", "id")):
                if isinstance(value, str):
                    groups[(listed, value)].append((document, path))
    for (_kind, entity_id), places in sorted(groups.items()):
        if len(places) > 1:
            yield from _duplicate_findings(entity_id, places)


def _duplicate_findings(
    entity_id: str, places: list[tuple[Document, JsonPath]]
) -> Iterator[Finding]:
    located = [(doc, path, doc.positions.of_value(path)) for doc, path in places]
    for doc, _path, (line, col) in located:
        others = ", ".join(
            f"{o.path}:{ol}" for o, _p, (ol, _c) in located if (o, ol) != (doc, line)
        )
        yield Finding(
            path=doc.path,
            line=line,
            col=col,
            rule="duplicate-id",
            severity=Severity.ERROR,
            message=_(
                "id {entity_id} is also used in {others}; ids must be unique, give one "
                "of them the next free id"
            ).format(entity_id=entity_id, others=others),
            entity=entity_id,
        )


def _filename_mismatches(documents: Sequence[Document]) -> Iterator[Finding]:
    for document in documents:
        if not isinstance(document.data, dict):
            continue
        if document.kind.id_prefix:
            finding = _id_mismatch(document)
        elif document.kind in (kinds.FEEDBACK, kinds.PULSE):
            finding = _period_mismatch(document)
        elif document.kind is kinds.MEETING:
            finding = _meeting_date_mismatch(document)
        else:
            finding = None
        if finding:
            yield finding


def _id_mismatch(document: Document) -> Finding | None:
    entity_id = _id_of(document)
    if not entity_id or not document.kind.is_id(entity_id):  # the schema says what is wrong
        return None
    if document.stem == entity_id or document.stem.startswith(entity_id + "-"):
        return None
    return _mismatch(
        document,
        "id",
        _(
            "id {entity_id} does not match the file name {stem}: a file name starts "
            "with its id, so rename the file (e.g. {entity_id}-short-title) or fix the id"
        ).format(entity_id=entity_id, stem=document.stem),
    )


def _period_mismatch(document: Document) -> Finding | None:
    period = document.data.get("period")
    if not isinstance(period, str) or not _MONTH.fullmatch(period) or document.stem == period:
        return None
    return _mismatch(
        document,
        "period",
        _(
            "period {period} does not match the file name {stem}: name the file "
            "{period}.yaml or fix the period"
        ).format(period=period, stem=document.stem),
    )


def _meeting_date_mismatch(document: Document) -> Finding | None:
    day = document.data.get("date")
    if not isinstance(day, str) or day_or_none(day) is None or document.stem.startswith(day):
        return None
    return _mismatch(
        document,
        "date",
        _(
            "meeting date {day} does not match the file name {stem}: meeting notes "
            "are named after their date (YYYY-MM-DD-name.md); was the note copied "
            "from another?"
        ).format(day=day, stem=document.stem),
        "meeting-date-filename-mismatch",
        Severity.WARNING,
    )


def _mismatch(
    document: Document,
    key: str,
    message: str,
    rule: str = "id-filename-mismatch",
    severity: Severity = Severity.ERROR,
) -> Finding:
    line, col = document.positions.of_value((key,))
    return Finding(
        path=document.path,
        line=line,
        col=col,
        rule=rule,
        severity=severity,
        message=message,
        entity=_id_of(document),
    )


@cache
def _person_refused(language: str) -> re.Pattern[str]:
    """A schema message about a value that is not a person's key, in `language`: the
    person pattern's own words, said after the value (in quotes)."""
    from riskdocs.resources import load_schema  # only when a schema finding needs it

    words = _(load_schema("common")["definitions"]["person"]["patternErrorMessage"])
    return re.compile(r"'(?P<value>[^']*)'.*" + re.escape(words))


def with_person_hints(findings: Sequence[Finding], names: Mapping[str, str]) -> list[Finding]:
    """Schema findings about a person written by name (`owner: Dana Kowalski`) with the
    key meant; the schema
    knows the form of a key, only the settings know the people."""
    hinted = []
    for finding in findings:
        match = (
            _person_refused(current()).search(finding.message) if finding.rule == "schema" else None
        )
        hint = person_hint(match.group("value"), names) if match else ""
        hinted.append(replace(finding, message=finding.message + hint) if hint else finding)
    return hinted
