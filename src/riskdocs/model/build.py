"""Schema-valid documents -> typed entities -> one `Project`.

Dates are parsed here, once. Documents that failed to load or broke their
schema never reach this module, so field access trusts the schema (see
fields.py). Every entity is built with keyword arguments, so a field added to
a record cannot shift the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol, TypeVar

from riskdocs.errors import ConfigError, RiskdocsError
from riskdocs.finding import Finding, Severity, sort_findings
from riskdocs.i18n import _
from riskdocs.load import kinds
from riskdocs.load.documents import Document
from riskdocs.model import fields as f
from riskdocs.model.entities import (
    Acceptance,
    AcceptanceWindow,
    Agreement,
    Budget,
    ChangeRequest,
    Closure,
    Commitment,
    Concern,
    Contract,
    CriterionResult,
    Deliverable,
    Feedback,
    FeedbackResponse,
    Handover,
    Lesson,
    LessonAction,
    Meeting,
    Milestone,
    MonthActual,
    Obligation,
    Payment,
    PreventionAction,
    Project,
    Pulse,
    PulseResponse,
    Rebaseline,
    Rejection,
    Renegotiation,
    Resign,
    Risk,
    RiskAcceptance,
    RiskReview,
    ScopeBaseline,
    Settings,
    Source,
    Transfer,
    Update,
)
from riskdocs.model.meetings import counts_for, parse_body
from riskdocs.model.settings import (
    build_settings,
    known_timezone,
    settings_problems,
    timezone_hint,
)
from riskdocs.model.workdays import WorkCalendar
from riskdocs.structs import replace


def _source(document: Document) -> Source:
    return Source(path=document.path, positions=document.positions)


def _data(document: Document) -> f.Data:
    assert isinstance(document.data, dict), document.path  # the schema says it is
    return document.data


def build_risk(document: Document) -> Risk:
    d = _data(document)
    prevention = tuple(
        PreventionAction(
            action=f.text(p, "action"),
            owner=f.text(p, "owner"),
            due=f.day(p, "due"),
            done=f.maybe_day(p, "done"),
        )
        for p in f.records(d, "prevention")
    )
    reviews = tuple(
        RiskReview(
            on=f.day(r, "on"),
            by=f.text(r, "by"),
            probability=f.maybe_whole(r, "probability"),
            impact=f.maybe_whole(r, "impact"),
            note=f.maybe_text(r, "note"),
        )
        for r in f.records(d, "reviews")
    )
    return Risk(
        id=f.text(d, "id"),
        title=f.text(d, "title"),
        owner=f.maybe_text(d, "owner"),
        raised=f.day(d, "raised"),
        probability=f.whole(d, "probability"),
        impact=f.whole(d, "impact"),
        status=f.text(d, "status"),
        source=_source(document),
        category=f.maybe_text(d, "category"),
        response=f.maybe_text(d, "response"),
        trigger=f.maybe_text(d, "trigger"),
        prevention=prevention,
        contingency=f.maybe_text(d, "contingency"),
        review_by=f.maybe_day(d, "review_by"),
        reviews=reviews,
        closed=f.maybe_day(d, "closed"),
        residual=_residual(d),
        contingency_agreed=_agreement(d, "contingency_agreed"),
        acceptance=_acceptance(d),
        visibility=f.visibility(d),
        ignore=f.text_map(d, "ignore"),
        links=f.links(d),
    )


def _residual(d: f.Data) -> tuple[int, int] | None:
    if "residual" not in d:
        return None
    residual = f.record(d, "residual")
    return f.whole(residual, "probability"), f.whole(residual, "impact")


def _agreement(d: f.Data, key: str) -> Agreement | None:
    if d.get(key) is None:
        return None
    agreed = f.record(d, key)
    return Agreement(on=f.day(agreed, "on"), by=f.text(agreed, "by"))


def _acceptance(d: f.Data) -> RiskAcceptance | None:
    if "acceptance" not in d:
        return None
    a = f.record(d, "acceptance")
    return RiskAcceptance(on=f.day(a, "on"), by=f.text(a, "by"), reason=f.text(a, "reason"),
                          until=f.day(a, "until"))  # fmt: skip


def _renegotiations(d: f.Data) -> tuple[Renegotiation, ...]:
    return tuple(
        Renegotiation(
            on=f.day(r, "on"),
            old_due=f.day(r, "from"),
            new_due=f.day(r, "to"),
            agreed_by=f.text(r, "agreed_by"),
            reason=f.maybe_text(r, "reason"),
        )
        for r in f.records(d, "renegotiated")
    )


def build_commitment(document: Document) -> Commitment:
    d = _data(document)
    moves = _renegotiations(d)
    return Commitment(
        id=f.text(d, "id"),
        title=f.text(d, "title"),
        owner=f.text(d, "owner"),
        to=f.text(d, "to"),
        made=f.day(d, "made"),
        due=f.day(d, "due"),
        status=f.text(d, "status"),
        source=_source(document),
        done=f.maybe_day(d, "done"),
        renegotiated=moves,
        source_meeting=f.maybe_text(d, "source"),
        visibility=f.visibility(d),
        ignore=f.text_map(d, "ignore"),
        links=f.links(d),
    )


def _deliverable(document: Document, index: int, x: f.Data) -> Deliverable:
    return Deliverable(
        id=f.text(x, "id"),
        title=f.text(x, "title"),
        acceptance=f.texts(x, "acceptance"),
        source=Source(
            path=document.path, positions=document.positions, prefix=("deliverables", index)
        ),
        owner=f.maybe_text(x, "owner"),
        due=f.maybe_day(x, "due"),
        state=f.maybe_text(x, "state") or "planned",
        submitted=_agreement(x, "submitted"),
        accepted=_accepted(x),
        rejected=tuple(
            Rejection(
                on=f.day(r, "on"),
                by=f.text(r, "by"),
                reason=f.text(r, "reason"),
                results=_results(r),
                commitment=f.maybe_text(r, "commitment"),
                change_request=f.maybe_text(r, "change_request"),
            )
            for r in f.records(x, "rejected")
        ),
        milestone=f.maybe_text(x, "milestone"),
        added=f.maybe_day(x, "added"),
        change_request=f.maybe_text(x, "change_request"),
        visibility=f.visibility(x),
        ignore=f.text_map(x, "ignore"),
    )


def _accepted(x: f.Data) -> Acceptance | None:
    if x.get("accepted") is None:
        return None
    a = f.record(x, "accepted")
    return Acceptance(
        on=f.day(a, "on"), by=f.text(a, "by"), results=_results(a), note=f.maybe_text(a, "note")
    )


def _results(x: f.Data) -> tuple[CriterionResult, ...]:
    return tuple(
        CriterionResult(passed=f.flag(r, "passed"), evidence=f.text(r, "evidence"))
        for r in f.records(x, "results")
    )


def build_scope(document: Document) -> ScopeBaseline:
    d = _data(document)
    deliverables = tuple(
        _deliverable(document, index, x) for index, x in enumerate(f.records(d, "deliverables"))
    )
    return ScopeBaseline(
        deliverables=deliverables,
        source=_source(document),
        signed_off=f.maybe_day(d, "signed_off"),
        signed_off_by=f.maybe_text(d, "signed_off_by"),
        resigned=tuple(
            Resign(
                on=f.day(r, "on"),
                by=f.text(r, "by"),
                change_requests=f.texts(r, "change_requests"),
                note=f.maybe_text(r, "note"),
            )
            for r in f.records(d, "resigned")
        ),
        out_of_scope=f.texts(d, "out_of_scope"),
        assumptions=f.texts(d, "assumptions"),
    )


def build_contract(document: Document) -> Contract:
    d = _data(document)
    window = d.get("acceptance")
    return Contract(
        signed=f.day(d, "signed"),
        type=f.text(d, "type"),
        currency=f.text(d, "currency"),
        source=_source(document),
        title=f.maybe_text(d, "title"),
        signed_by=f.texts(d, "signed_by"),
        value=f.maybe_money(d, "value"),
        acceptance=None
        if window is None
        else AcceptanceWindow(
            days=f.whole(f.as_record(window), "window_days"),
            deemed=f.as_record(window).get("deemed") is True,
        ),
        warranty_days=f.maybe_whole(d, "warranty_days"),
        payments=tuple(
            Payment(
                title=f.text(p, "title"),
                amount=f.maybe_money(p, "amount") or Decimal(0),
                due=f.maybe_day(p, "due"),
                on_acceptance=f.texts(p, "on_acceptance"),
                invoiced=f.maybe_day(p, "invoiced"),
                paid=f.maybe_day(p, "paid"),
            )
            for p in f.records(d, "payments")
        ),
        obligations=tuple(_obligation(o) for o in f.records(d, "obligations")),
        client_sees=frozenset(f.texts(d, "client_sees")),
        note=f.maybe_text(d, "note"),
    )


def _obligation(o: f.Data) -> Obligation:
    after = f.as_record(o["after"]) if o.get("after") is not None else None
    return Obligation(
        id=f.text(o, "id"),
        title=f.text(o, "title"),
        owner=f.text(o, "owner"),
        to=f.text(o, "to"),
        status=f.text(o, "status"),
        due=f.maybe_day(o, "due"),
        after_days=None if after is None else f.whole(after, "days"),
        after=None
        if after is None
        else f.maybe_text(after, "deliverable") or f.maybe_text(after, "milestone"),
        done=f.maybe_day(o, "done"),
        note=f.maybe_text(o, "note"),
    )


def obligation_commitments(
    document: Document,
    contract: Contract,
    scope: ScopeBaseline | None,
    milestones: Sequence[Milestone],
    calendar: WorkCalendar,
) -> tuple[Commitment, ...]:
    """The contract's obligations whose due date is known, as commitments: written, or
    counted from an event that has happened (the signing, a deliverable's recorded
    acceptance, a milestone's `done:`). Internal unless `client_sees` names them."""
    events: dict[str | None, date] = {None: contract.signed}
    for d in scope.deliverables if scope else ():
        if d.state == "accepted" and d.accepted:
            events[d.id] = d.accepted.on
    events.update((m.id, m.done) for m in milestones if m.done)
    visibility = "client" if "obligations" in contract.client_sees else "internal"
    records = f.records(_data(document), "obligations")
    found = []
    for index, (obligation, data) in enumerate(zip(contract.obligations, records, strict=True)):
        moves = _renegotiations(data)
        due = moves[-1].new_due if moves and obligation.due is None else obligation.due
        if due is None and obligation.after_days is not None:
            event = events.get(obligation.after)
            due = None if event is None else calendar.after(event, obligation.after_days)
        if due is None:
            continue
        found.append(
            Commitment(
                id=obligation.id,
                title=obligation.title,
                owner=obligation.owner,
                to=obligation.to,
                made=contract.signed,
                due=due,
                status=obligation.status,
                source=Source(
                    path=document.path, positions=document.positions,
                    prefix=("obligations", index),
                ),
                done=obligation.done,
                renegotiated=moves,
                visibility=visibility,
            )
        )  # fmt: skip
    return tuple(found)


def build_budget(document: Document) -> Budget:
    d = _data(document)
    return Budget(
        currency=f.text(d, "currency"),
        total=f.maybe_money(d, "total") or Decimal(0),
        source=_source(document),
        contingency=f.maybe_money(d, "contingency") or Decimal(0),
        planned={m: f.maybe_money(f.record(d, "planned"), m) or Decimal(0)
                 for m in f.record(d, "planned")},
        months=tuple(_month(m) for m in f.records(d, "months")),
        client_sees=frozenset(f.texts(d, "client_sees")),
    )  # fmt: skip


def _month(m: f.Data) -> MonthActual:
    defects = f.record(m, "defects")
    tests = f.record(m, "tests")
    return MonthActual(
        month=f.text(m, "month"),
        spent=f.maybe_money(m, "spent"),
        effort_days=f.maybe_number(m, "effort_days"),
        opened=f.whole_map(defects, "opened"),
        closed=f.whole_map(defects, "closed"),
        tests_run=f.maybe_whole(tests, "run"),
        tests_passed=f.maybe_whole(tests, "passed"),
        note=f.maybe_text(m, "note"),
    )


def build_closure(document: Document) -> Closure:
    d = _data(document)
    transferred = f.record(d, "transferred")
    return Closure(
        closed=f.day(d, "closed"),
        accepted_by=f.text(d, "accepted_by"),
        source=_source(document),
        summary=f.maybe_text(d, "summary"),
        handover=tuple(
            Handover(item=f.text(h, "item"), to=f.text(h, "to"), on=f.maybe_day(h, "on"))
            for h in f.records(d, "handover")
        ),
        transfers=tuple(
            Transfer(
                kind=kind, id=f.text(t, "id"), to=f.text(t, "to"), note=f.maybe_text(t, "note")
            )
            for kind in ("commitments", "concerns", "risks")
            for t in f.records(transferred, kind)
        ),
    )


def build_change(document: Document) -> ChangeRequest:
    d = _data(document)
    impact = f.record(d, "impact")
    return ChangeRequest(
        id=f.text(d, "id"),
        title=f.text(d, "title"),
        raised=f.day(d, "raised"),
        raised_by=f.text(d, "raised_by"),
        status=f.text(d, "status"),
        source=_source(document),
        deliverables=f.texts(d, "deliverables"),
        schedule_days=f.maybe_whole(impact, "schedule_days"),
        cost=f.maybe_money(impact, "cost"),
        decided=f.maybe_day(d, "decided"),
        decided_by=f.maybe_text(d, "decided_by"),
        visibility=f.visibility(d),
        ignore=f.text_map(d, "ignore"),
        links=f.links(d),
    )


def build_meeting(
    document: Document, aliases: Mapping[str, str] | None = None
) -> tuple[Meeting, list[Finding]]:
    """The meeting, and findings for action items its body writes so riskdocs cannot read;
    `aliases`: other names of people, case-folded, -> their keys."""
    d = _data(document)
    body = parse_body(document.body, document.body_line, aliases)
    problems = [
        Finding(
            path=document.path,
            line=p.line,
            col=p.col,
            rule="action-item-syntax",
            severity=Severity.ERROR,
            message=p.message,
            entity=document.stem,
        )
        for p in body.problems
    ]
    zone = f.maybe_text(d, "timezone")
    if zone is not None and not known_timezone(zone):
        line, col = document.positions.of_value(("timezone",))
        problems.append(
            Finding(
                path=document.path,
                line=line,
                col=col,
                rule="schema",
                severity=Severity.ERROR,
                entity=document.stem,
                message=_(
                    "timezone: {zone!r} is not an IANA time zone name{hint}; write e.g. "
                    "Asia/Shanghai or Europe/Berlin"
                ).format(zone=zone, hint=timezone_hint(zone)),
            )
        )
    meeting = Meeting(
        id=document.stem,
        path=document.path,
        date=f.day(d, "date"),
        title=f.text(d, "title"),
        kind=f.text(d, "kind"),
        attendees=f.texts(d, "attendees"),
        source=_source(document),
        cadence=f.maybe_text(d, "cadence"),
        training=f.texts(d, "training"),
        time=f.maybe_text(d, "time"),
        minutes=f.whole(d, "minutes", 60),
        timezone=f.maybe_text(d, "timezone"),
        action_items=body.action_items,
        decisions=body.decisions,
        headings=body.headings,
        visibility=f.visibility(d),
        ignore=f.text_map(d, "ignore"),
        body=document.body,
    )
    return meeting, problems


def build_concern(document: Document) -> Concern:
    d = _data(document)
    return Concern(
        id=f.text(d, "id"),
        title=f.text(d, "title"),
        raised=f.day(d, "raised"),
        raised_by=f.text(d, "raised_by"),
        severity=f.text(d, "severity"),
        source=_source(document),
        owner=f.maybe_text(d, "owner"),
        acknowledged=f.maybe_day(d, "acknowledged"),
        resolved=f.maybe_day(d, "resolved"),
        visibility=f.visibility(d),
        ignore=f.text_map(d, "ignore"),
        links=f.links(d),
    )


def build_feedback(document: Document) -> Feedback:
    d = _data(document)
    responses = tuple(
        FeedbackResponse(
            date=f.day(r, "date"),
            person=f.text(r, "from"),
            scores=f.whole_map(r, "scores"),
            nps=f.maybe_whole(r, "nps"),
            comment=f.maybe_text(r, "comment"),
            tone=f.maybe_text(r, "tone"),
            follow_up=f.texts(r, "follow_up"),
            index=index,
        )
        for index, r in enumerate(f.records(d, "responses"))
    )
    return Feedback(
        period=f.text(d, "period"),
        responses=responses,
        source=_source(document),
        visibility=f.visibility(d),
    )


def build_milestone(document: Document) -> Milestone:
    d = _data(document)
    moves = tuple(
        Rebaseline(
            on=f.day(r, "on"),
            old_baseline=f.day(r, "from"),
            new_baseline=f.day(r, "to"),
            agreed_by=f.text(r, "agreed_by"),
            reason=f.maybe_text(r, "reason"),
            change_request=f.maybe_text(r, "change_request"),
        )
        for r in f.records(d, "rebaselined")
    )
    return Milestone(
        id=f.text(d, "id"),
        title=f.text(d, "title"),
        baseline=f.day(d, "baseline"),
        forecast=f.day(d, "forecast"),
        source=_source(document),
        buffer_days=f.whole(d, "buffer_days", 0),
        rebaselined=moves,
        done=f.maybe_day(d, "done"),
        owner=f.maybe_text(d, "owner"),
        deliverables=f.texts(d, "deliverables"),
        visibility=f.visibility(d),
        ignore=f.text_map(d, "ignore"),
        links=f.links(d),
    )


def build_lesson(document: Document) -> Lesson:
    d = _data(document)
    actions = tuple(
        LessonAction(
            action=f.text(a, "action"),
            owner=f.text(a, "owner"),
            due=f.day(a, "due"),
            done=f.maybe_day(a, "done"),
            index=index,
        )
        for index, a in enumerate(f.records(d, "actions"))
    )
    return Lesson(
        id=f.text(d, "id"),
        title=f.text(d, "title"),
        date=f.day(d, "date"),
        source=_source(document),
        body=document.body,
        raised_by=f.maybe_text(d, "raised_by"),
        category=f.maybe_text(d, "category"),
        tags=f.texts(d, "tags"),
        meeting=f.maybe_text(d, "source"),
        actions=actions,
        visibility=f.visibility(d),
        links=f.links(d),
        ignore=f.text_map(d, "ignore"),
    )


def build_update(document: Document) -> Update:
    d = _data(document)
    return Update(
        id=document.stem,
        date=f.day(d, "date"),
        audience=f.text(d, "audience"),
        since=f.text(d, "since"),
        commit=f.text(d, "commit"),
        format=f.text(d, "format"),
        sha256=f.text(d, "sha256"),
        source=_source(document),
        language=f.maybe_text(d, "language") or "en",
        cadence=f.maybe_text(d, "cadence"),
        to=f.texts(d, "to"),
        sender=f.maybe_text(d, "from"),
        sent=f.flag(d, "sent"),
        riskdocs=f.maybe_text(d, "riskdocs"),
        ignore=f.text_map(d, "ignore"),
    )


def build_pulse(document: Document) -> Pulse:
    d = _data(document)
    responses = tuple(
        PulseResponse(
            date=f.day(r, "date"),
            person=f.text(r, "from"),
            scores=f.whole_map(r, "scores"),
            comment=f.maybe_text(r, "comment"),
        )
        for r in f.records(d, "responses")
    )
    return Pulse(
        period=f.text(d, "period"),
        responses=responses,
        source=_source(document),
        ignore=f.text_map(d, "ignore"),
    )


class _Identified(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def source(self) -> Source: ...


E = TypeVar("E", bound=_Identified)


def build_project(
    documents: Sequence[Document], problems: Sequence[Finding]
) -> tuple[Project, list[Finding]]:
    """The project from schema-valid `documents`, and findings for unreadable meeting bodies.

    Raises ConfigError when riskdocs.yaml is missing from `documents` (its findings
    among `problems` say why) or holds settings the schema cannot check: without
    people and settings nothing else can be checked meaningfully.
    """
    of_kind: dict[kinds.Kind, list[Document]] = {kind: [] for kind in kinds.KINDS.values()}
    for document in documents:
        of_kind[document.kind].append(document)
    settings = build_settings(_settings_document(of_kind[kinds.CONFIG], problems))
    if found := settings_problems(settings):
        raise ConfigError(sort_findings(found))
    aliases = settings.aliases()
    built = [build_meeting(d, aliases) for d in of_kind[kinds.MEETING]]
    built = [(_of_internal_cadence(m, settings), found) for m, found in built]
    scopes = [build_scope(d) for d in of_kind[kinds.SCOPE]]
    scope = scopes[0] if scopes else None
    milestones = _by_id(of_kind[kinds.MILESTONE], build_milestone)
    budgets = [build_budget(d) for d in of_kind[kinds.BUDGET][:1]]
    closures = [build_closure(d) for d in of_kind[kinds.CLOSURE][:1]]
    contract_files = of_kind[kinds.CONTRACT][:1]
    contract = build_contract(contract_files[0]) if contract_files else None
    obligations = (
        obligation_commitments(contract_files[0], contract, scope, milestones, settings.calendar)
        if contract
        else ()
    )
    project = Project(
        settings=settings,
        risks=_by_id(of_kind[kinds.RISK], build_risk),
        commitments=_by_id(of_kind[kinds.COMMITMENT], build_commitment) + obligations,
        scope=scope,
        changes=_by_id(of_kind[kinds.CHANGE_REQUEST], build_change),
        meetings=tuple(sorted((m for m, _ in built), key=lambda m: (m.date, m.path))),
        concerns=_by_id(of_kind[kinds.CONCERN], build_concern),
        feedback=tuple(
            sorted(map(build_feedback, of_kind[kinds.FEEDBACK]), key=lambda pulse: pulse.period)
        ),
        milestones=milestones,
        lessons=_by_id(of_kind[kinds.LESSON], build_lesson),
        pulse=tuple(sorted(map(build_pulse, of_kind[kinds.PULSE]), key=lambda p: p.period)),
        updates=tuple(
            sorted(map(build_update, of_kind[kinds.UPDATE]), key=lambda u: (u.date, u.id))
        ),
        contract=contract,
        budget=budgets[0] if budgets else None,
        closure=closures[0] if closures else None,
    )
    return project, [finding for _, found in built for finding in found]


def _of_internal_cadence(meeting: Meeting, settings: Settings) -> Meeting:
    """A meeting for an internal cadence (a team retrospective) is internal itself."""
    internal = [c for c in settings.cadences.values() if c.visibility == "internal"]
    if meeting.visibility != "internal" and any(counts_for(meeting, c) for c in internal):
        return replace(meeting, visibility="internal")
    return meeting


def _settings_document(candidates: Sequence[Document], problems: Sequence[Finding]) -> Document:
    if candidates:
        return candidates[0]
    about_config = [
        p for p in problems if p.path == kinds.CONFIG_FILE and p.severity is Severity.ERROR
    ]
    if not about_config:
        raise RiskdocsError(
            _("{config} is missing from the project root").format(config=kinds.CONFIG_FILE)
        )
    raise ConfigError(sort_findings(about_config))


def _by_id(documents: Iterable[Document], build: Callable[[Document], E]) -> tuple[E, ...]:
    entities = [build(document) for document in documents]
    return tuple(sorted(entities, key=lambda e: (id_sort_key(e.id), e.source.path)))


def id_sort_key(entity_id: str) -> tuple[str, int, str]:
    """Natural order of ids: R-9 before R-10."""
    prefix, _, number = entity_id.rpartition("-")
    return (prefix, int(number) if number.isdigit() else 0, entity_id)
