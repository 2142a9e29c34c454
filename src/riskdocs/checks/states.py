"""Dates in one entity that contradict each other or today: a record that cannot be true.

The schemas refuse a state that contradicts the entity's own fields (an open
commitment with a `done:` date, a closed risk without `closed:`, a decision on a
proposed change request). What a schema cannot do is compare dates, so this
check does: an event recorded before the one it follows (delivered before it was
promised, closed before it was raised) and an event recorded on a day that has
not come yet (`done:` next week). Each is an error at the contradicting date,
since the page would otherwise show it to the client as a fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, NamedTuple

from riskdocs.finding import Finding, Severity
from riskdocs.i18n import N_, _
from riskdocs.load.yamlsrc import JsonPath, dotted
from riskdocs.model.entities import Project, Source

RULE = "contradiction"


class DateField(NamedTuple):
    """A date field of an entity (`done`), of a record it holds (`accepted.on`), or of
    each record in one of its lists (`renegotiated[].on`); entity attributes are named as
    the YAML keys are."""

    items: str | None
    name: str

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.name.split("."))

    def of_record(self, record: Any) -> date | None:
        """The date in `record` (an entity or an item of its list), None when unset."""
        for part in self.path:
            record = getattr(record, part)
            if record is None:
                return None
        return record  # type: ignore[no-any-return]

    @classmethod
    def of(cls, spec: str) -> DateField:
        items, _, name = spec.rpartition("[].")
        return cls(items or None, name)


# (collection, earlier, later, why): the later date cannot come before the earlier one.
ORDERS: tuple[tuple[str, str, DateField, str], ...] = tuple(
    (collection, earlier, DateField.of(later), why)
    for collection, earlier, later, why in (
        ("commitments", "made", "due", N_("a promise cannot fall due before it was made")),
        ("commitments", "made", "done", N_("a promise cannot be delivered before it was made")),
        (
            "commitments",
            "made",
            "renegotiated[].on",
            N_("a due date cannot be renegotiated before the promise was made"),
        ),
        ("risks", "raised", "closed", N_("a risk cannot be closed before it was raised")),
        ("risks", "raised", "reviews[].on", N_("a risk cannot be reviewed before it was raised")),
        (
            "changes",
            "raised",
            "decided",
            N_("a change request cannot be decided before it was raised"),
        ),
        (
            "concerns",
            "raised",
            "acknowledged",
            N_("a concern cannot be acknowledged before it was raised"),
        ),
        ("concerns", "raised", "resolved", N_("a concern cannot be resolved before it was raised")),
        (
            "concerns",
            "acknowledged",
            "resolved",
            N_("a concern is acknowledged before it is resolved"),
        ),
    )
)
# Dates that record something that happened, so they cannot be after today.
HAPPENED: dict[str, tuple[DateField, ...]] = {
    collection: tuple(map(DateField.of, specs))
    for collection, specs in {
        "commitments": ("made", "done", "renegotiated[].on"),
        "risks": ("raised", "closed", "reviews[].on", "prevention[].done"),
        "changes": ("raised", "decided"),
        "concerns": ("raised", "acknowledged", "resolved"),
        "milestones": ("done", "rebaselined[].on"),
        "feedback": ("responses[].date",),
    }.items()
}
SCOPE_HAPPENED = tuple(
    map(
        DateField.of,
        (
            "signed_off",
            "resigned[].on",
            "deliverables[].added",
            "deliverables[].submitted.on",
            "deliverables[].accepted.on",
            "deliverables[].rejected[].on",
        ),
    )
)
# (earlier, later, why) within each deliverable.
DELIVERABLE_ORDERS = (
    (
        DateField.of("submitted.on"),
        DateField.of("accepted.on"),
        N_("a deliverable is accepted after it was handed over"),
    ),
)
SCOPE_ORDERS = (
    (
        "signed_off",
        DateField.of("resigned[].on"),
        N_("the baseline is signed again after it was first signed"),
    ),
)


def check_states(project: Project, today: date) -> list[Finding]:
    """A finding for every date that comes before what it follows, or after `today`:
    one per date, the first contradiction it makes."""
    findings: list[Finding] = []
    for collection, happened in HAPPENED.items():
        orders = [(e, later, why) for c, e, later, why in ORDERS if c == collection]
        for entity in getattr(project, collection):
            findings.extend(_contradictions(entity, entity.source, orders, happened, today))
    if project.scope is not None:
        findings.extend(
            _contradictions(
                project.scope, project.scope.source, SCOPE_ORDERS, SCOPE_HAPPENED, today
            )
        )
        for deliverable in project.scope.deliverables:
            findings.extend(_out_of_order(deliverable, deliverable.source))
    return findings


def _out_of_order(record: Any, source: Source) -> Iterator[Finding]:
    """A finding for each date of `record` before the one it follows (paths relative to
    the record's own `source`)."""
    for earlier, later, why in DELIVERABLE_ORDERS:
        first, then = earlier.of_record(record), later.of_record(record)
        if first is not None and then is not None and then < first:
            yield _finding(
                source,
                later.path,
                getattr(record, "id", None),
                _(
                    "{path} {day} is before {earlier_name} {earlier}: {why}; correct "
                    "whichever date is wrong"
                ).format(
                    path=later.name,
                    day=then,
                    earlier_name=earlier.name,
                    earlier=first,
                    why=_(why),
                ),
            )


def _contradictions(
    entity: Any,
    source: Source,
    orders: Iterable[tuple[str, DateField, str]],
    happened: Iterable[DateField],
    today: date,
) -> Iterator[Finding]:
    told: set[JsonPath] = set()
    entity_id = getattr(entity, "id", None)
    for earlier_name, later, why in orders:
        earlier = getattr(entity, earlier_name)
        for path, day in _dates(entity, later):
            if earlier is not None and day < earlier and path not in told:
                told.add(path)
                yield _finding(
                    source,
                    path,
                    entity_id,
                    (
                        _(
                            "{path} {day} is before {earlier_name} {earlier}: {why}; correct "
                            "whichever date is wrong"
                        ).format(
                            path=dotted(path),
                            day=day,
                            earlier_name=earlier_name,
                            earlier=earlier,
                            why=_(why),
                        )
                    ),
                )
    for field in happened:
        for path, day in _dates(entity, field):
            if day > today and path not in told:
                yield _finding(
                    source,
                    path,
                    entity_id,
                    (
                        _(
                            "{path} {day} is after today ({today}): record what happened on the "
                            "day it happens, not before"
                        ).format(path=dotted(path), day=day, today=today)
                    ),
                )


def _dates(entity: Any, field: DateField) -> Iterable[tuple[JsonPath, date]]:
    """(where, day) of every date `field` names in `entity` that is set (a tuple, not a
    generator: this runs several times for each of thousands of entities)."""
    if field.items is None:
        day = field.of_record(entity)
        return () if day is None else ((field.path, day),)
    items, _, within = field.items.partition("[].")
    if within:  # a list in each item of a list: `deliverables[].rejected[].on`
        return [
            ((items, index, *path), day)
            for index, item in enumerate(getattr(entity, items))
            for path, day in _dates(item, DateField(within, field.name))
        ]
    return [
        ((field.items, index, *field.path), day)
        for index, item in enumerate(getattr(entity, field.items))
        if (day := field.of_record(item)) is not None
    ]


def _finding(source: Source, path: JsonPath, entity: str | None, message: str) -> Finding:
    line, col = source.position(*path)
    return Finding(
        path=source.path,
        line=line,
        col=col,
        rule=RULE,
        severity=Severity.ERROR,
        message=message,
        entity=entity,
    )
