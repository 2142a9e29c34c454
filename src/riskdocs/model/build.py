"""Schema-valid documents -> typed entities -> one `Project`.

Dates are parsed here, once. Documents that failed to load or broke their
schema never reach this module, so field access can trust the schema.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from riskdocs.dates import optional_day, parse_day
from riskdocs.finding import Finding, Severity
from riskdocs.load import kinds
from riskdocs.load.documents import Document
from riskdocs.model.entities import (
    ChangeRequest,
    Commitment,
    Concern,
    Deliverable,
    Feedback,
    FeedbackResponse,
    Lesson,
    Meeting,
    Milestone,
    PreventionAction,
    Project,
    Renegotiation,
    Risk,
    RiskReview,
    ScopeBaseline,
    Source,
)
from riskdocs.model.meetings import parse_body
from riskdocs.model.settings import build_settings

Data = dict[str, Any]


def _source(document: Document) -> Source:
    return Source(document.path, document.positions)


def _common(data: Data) -> Data:
    return {"visibility": data.get("visibility", "client"), "ignore": dict(data.get("ignore", {}))}


def _linked(data: Data) -> Data:
    links = {kind: tuple(ids) for kind, ids in data.get("links", {}).items()}
    return {**_common(data), "links": links}


def build_risk(document: Document) -> Risk:
    d = document.data
    prevention = tuple(
        PreventionAction(p["action"], p["owner"], parse_day(p["due"]), optional_day(p.get("done")))
        for p in d.get("prevention", [])
    )
    reviews = tuple(
        RiskReview(
            parse_day(r["on"]), r["by"], r.get("probability"), r.get("impact"), r.get("note")
        )
        for r in d.get("reviews", [])
    )
    return Risk(
        d["id"],
        d["title"],
        d.get("owner"),
        parse_day(d["raised"]),
        d["probability"],
        d["impact"],
        d["status"],
        _source(document),
        d.get("category"),
        d.get("response"),
        d.get("trigger"),
        prevention,
        d.get("contingency"),
        optional_day(d.get("review_by")),
        reviews,
        optional_day(d.get("closed")),
        **_linked(d),
    )


def build_commitment(document: Document) -> Commitment:
    d = document.data
    moves = tuple(
        Renegotiation(
            parse_day(r["on"]),
            parse_day(r["from"]),
            parse_day(r["to"]),
            r["agreed_by"],
            r.get("reason"),
        )
        for r in d.get("renegotiated", [])
    )
    return Commitment(
        d["id"],
        d["title"],
        d["owner"],
        d["to"],
        parse_day(d["made"]),
        parse_day(d["due"]),
        d["status"],
        _source(document),
        optional_day(d.get("done")),
        moves,
        d.get("source"),
        **_linked(d),
    )


def build_scope(document: Document) -> ScopeBaseline:
    d = document.data
    deliverables = tuple(
        Deliverable(
            x["id"],
            x["title"],
            tuple(x["acceptance"]),
            Source(document.path, document.positions, ("deliverables", index)),
            x.get("owner"),
            optional_day(x.get("due")),
            x.get("milestone"),
            optional_day(x.get("added")),
            x.get("change_request"),
            **_common(x),
        )
        for index, x in enumerate(d["deliverables"])
    )
    return ScopeBaseline(
        deliverables,
        _source(document),
        optional_day(d.get("signed_off")),
        d.get("signed_off_by"),
        tuple(d.get("out_of_scope", [])),
        tuple(d.get("assumptions", [])),
    )


def build_change(document: Document) -> ChangeRequest:
    d = document.data
    impact = d.get("impact", {})
    return ChangeRequest(
        d["id"],
        d["title"],
        parse_day(d["raised"]),
        d["raised_by"],
        d["status"],
        _source(document),
        tuple(d.get("deliverables", [])),
        impact.get("schedule_days"),
        impact.get("cost"),
        optional_day(d.get("decided")),
        d.get("decided_by"),
        **_linked(d),
    )


def build_meeting(document: Document, findings: list[Finding]) -> Meeting:
    d = document.data
    body = parse_body(document.body, document.body_line)
    findings.extend(
        Finding(
            document.path,
            p.line,
            p.col,
            "action-item-syntax",
            Severity.ERROR,
            p.message,
            document.stem,
        )
        for p in body.problems
    )
    return Meeting(
        document.stem,
        document.path,
        parse_day(d["date"]),
        d["title"],
        d["kind"],
        tuple(d["attendees"]),
        _source(document),
        d.get("cadence"),
        body.action_items,
        body.decisions,
        **_common(d),
        body=document.body,
    )


def build_concern(document: Document) -> Concern:
    d = document.data
    return Concern(
        d["id"],
        d["title"],
        parse_day(d["raised"]),
        d["raised_by"],
        d["severity"],
        _source(document),
        d.get("owner"),
        optional_day(d.get("acknowledged")),
        optional_day(d.get("resolved")),
        **_linked(d),
    )


def build_feedback(document: Document) -> Feedback:
    d = document.data
    responses = tuple(
        FeedbackResponse(
            parse_day(r["date"]),
            r["from"],
            dict(r.get("scores", {})),
            r.get("nps"),
            r.get("comment"),
        )
        for r in d["responses"]
    )
    return Feedback(d["period"], responses, _source(document), d.get("visibility", "client"))


def build_milestone(document: Document) -> Milestone:
    d = document.data
    return Milestone(
        d["id"],
        d["title"],
        parse_day(d["baseline"]),
        parse_day(d["forecast"]),
        _source(document),
        d.get("buffer_days", 0),
        optional_day(d.get("done")),
        d.get("owner"),
        tuple(d.get("deliverables", [])),
        **_linked(d),
    )


def build_lesson(document: Document) -> Lesson:
    d = document.data
    return Lesson(
        d["id"],
        d["title"],
        parse_day(d["date"]),
        _source(document),
        document.body,
        d.get("visibility", "client"),
        {kind: tuple(ids) for kind, ids in d.get("links", {}).items()},
    )


_SIMPLE_BUILDERS: dict[str, Callable[[Document], Any]] = {
    kinds.RISK.name: build_risk,
    kinds.COMMITMENT.name: build_commitment,
    kinds.CHANGE_REQUEST.name: build_change,
    kinds.CONCERN.name: build_concern,
    kinds.FEEDBACK.name: build_feedback,
    kinds.MILESTONE.name: build_milestone,
    kinds.LESSON.name: build_lesson,
}


def build_project(
    settings_document: Document, documents: Sequence[Document]
) -> tuple[Project, list[Finding]]:
    """Entities from schema-valid documents; findings for unreadable meeting bodies."""
    findings: list[Finding] = []
    built: dict[str, list[Any]] = {name: [] for name in kinds.KINDS}
    for document in documents:
        name = document.kind.name
        if name == kinds.MEETING.name:
            built[name].append(build_meeting(document, findings))
        elif name in _SIMPLE_BUILDERS:
            built[name].append(_SIMPLE_BUILDERS[name](document))
    scopes = [build_scope(d) for d in documents if d.kind is kinds.SCOPE]
    project = Project(
        settings=build_settings(settings_document),
        risks=_by_id(built[kinds.RISK.name]),
        commitments=_by_id(built[kinds.COMMITMENT.name]),
        scope=scopes[0] if scopes else None,
        changes=_by_id(built[kinds.CHANGE_REQUEST.name]),
        meetings=tuple(sorted(built[kinds.MEETING.name], key=lambda m: (m.date, m.path))),
        concerns=_by_id(built[kinds.CONCERN.name]),
        feedback=tuple(sorted(built[kinds.FEEDBACK.name], key=lambda f: f.period)),
        milestones=_by_id(built[kinds.MILESTONE.name]),
        lessons=_by_id(built[kinds.LESSON.name]),
    )
    return project, findings


def _by_id(entities: list[Any]) -> tuple[Any, ...]:
    return tuple(sorted(entities, key=lambda e: (id_sort_key(e.id), e.source.path)))


def id_sort_key(entity_id: str) -> tuple[str, int, str]:
    """Natural order of ids: R-9 before R-10."""
    prefix, _, number = entity_id.rpartition("-")
    return (prefix, int(number) if number.isdigit() else 0, entity_id)
