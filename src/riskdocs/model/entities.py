"""The project's entities as frozen records: the data dictionary of riskdocs.

Entities are built only from documents that passed their schema (see
build.py), so every field here can be trusted to have its documented type.
Dates are `datetime.date`; optional dates are None until they happen.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Protocol

from riskdocs.load.kinds import ENTITY_KINDS
from riskdocs.load.yamlsrc import JsonPath, Positions
from riskdocs.model.workdays import WorkCalendar
from riskdocs.structs import field, struct

# `links:` of an entity: kind (risks, commitments, ...) -> ids it is about.
Links = dict[str, tuple[str, ...]]


@struct
class Source:
    """Where an entity was read from, to point findings at its values."""

    path: str
    positions: Positions = field(default_factory=Positions, compare=False, repr=False)
    prefix: JsonPath = ()

    def position(self, *path: str | int) -> tuple[int, int]:
        return self.positions.of_value((*self.prefix, *path))

    def key_position(self, *path: str | int) -> tuple[int, int]:
        return self.positions.of_key((*self.prefix, *path))


@struct
class Person:
    """Someone who can own, attend or agree. `key` is how files name them."""

    key: str
    name: str
    side: str  # team | client
    role: str | None = None
    email: str | None = None
    aliases: tuple[str, ...] = ()  # other names notes use after @ (`王小明`)
    timezone: str | None = None  # their own, when it is not the project's
    decides: frozenset[str] = frozenset()  # scope, schedule, budget, acceptance, risk
    influence: str | None = None  # high | medium | low
    channel: str | None = None  # how they prefer to be told: meeting | call | email | chat


@struct
class Cadence:
    """A named entry of the communication plan: how often a meeting must happen."""

    name: str
    every_days: int
    kind: str | None = None
    grace_days: int = 0
    required: tuple[str, ...] = ()  # every one of them attends a meeting that counts
    channel: str = "meeting"
    agenda: tuple[str, ...] = ()  # topics each note covers under its own heading
    visibility: str = "client"

    @property
    def id(self) -> str:
        """How findings and the page name a cadence: its key in `communication:`."""
        return self.name


@struct
class Responsibility:
    """One row of the responsibility matrix (`responsibilities:`): for a deliverable or an
    area, who is responsible, the one person accountable, who is consulted and informed."""

    key: str  # a deliverable id (D-01) or an area (data-migration)
    accountable: str
    responsible: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    title: str | None = None
    visibility: str = "client"


@struct
class TrainingTopic:
    """One topic of the training plan (`training:`): who must learn it, before when."""

    key: str
    topic: str
    kind: str  # project | tool
    people: tuple[str, ...]
    before: str | None = None  # a milestone id
    visibility: str = "client"

    @property
    def id(self) -> str:
        """How findings and the page name a topic: its key in `training:`."""
        return self.key


@struct
class ResponseTarget:
    """How fast a client concern of one severity must be answered, in calendar days."""

    acknowledge_days: int
    resolve_days: int


def _default_response_targets() -> dict[str, ResponseTarget]:
    return {
        "critical": ResponseTarget(acknowledge_days=1, resolve_days=5),
        "high": ResponseTarget(acknowledge_days=2, resolve_days=10),
        "medium": ResponseTarget(acknowledge_days=3, resolve_days=20),
        "low": ResponseTarget(acknowledge_days=5, resolve_days=30),
    }


@struct
class Thresholds:
    """The project's agreed limits, from `thresholds:` in riskdocs.yaml.

    Attributes:
        risk_bands: lowest score of the high and medium bands; lower scores are low.
        risk_review_days: longest time between two reviews of an open risk, per band.
        concern_response: response-time target per concern severity.
    """

    risk_bands: dict[str, int] = field(default_factory=lambda: {"high": 15, "medium": 8})
    risk_review_days: dict[str, int] = field(
        default_factory=lambda: {"high": 7, "medium": 14, "low": 30}
    )
    concern_response: dict[str, ResponseTarget] = field(default_factory=_default_response_targets)

    def band(self, score: int) -> str:
        """high, medium or low for a risk score (probability x impact)."""
        if score >= self.risk_bands["high"]:
            return "high"
        return "medium" if score >= self.risk_bands["medium"] else "low"


@struct
class Settings:
    """riskdocs.yaml: the project, its people, its communication plan and its limits.

    Attributes:
        rules: the raw `rules:` section; riskdocs.rules resolves it against the rule table.
        heatmap: `report.heatmap`: inherent, or residual (scores once prevention is done).
    """

    name: str
    client: str
    people: dict[str, Person]
    cadences: dict[str, Cadence]
    start: date | None = None
    end: date | None = None
    timezone: str | None = None
    description: str | None = None
    source: Source = field(default_factory=lambda: Source(path="riskdocs.yaml"))
    thresholds: Thresholds = field(default_factory=Thresholds)
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    rules: Mapping[str, object] = field(default_factory=dict)
    heatmap: str = "inherent"
    responsibilities: dict[str, Responsibility] = field(default_factory=dict)
    training: dict[str, TrainingTopic] = field(default_factory=dict)

    @property
    def authority_declared(self) -> bool:
        """Whether anyone says what they may decide (`decides:`): from then on every
        decision needs someone who may make it."""
        return any(person.decides for person in self.people.values())

    def aliases(self) -> dict[str, str]:
        """The other names notes use for people after @, case-folded, -> their keys: the
        declared `aliases`, and a name of one word (`王小明`) that only one person has."""
        names: dict[str, list[str]] = {}
        for person in self.people.values():
            if person.name and len(person.name.split()) == 1:
                names.setdefault(person.name.casefold(), []).append(person.key)
        aliases = {name: keys[0] for name, keys in names.items() if len(keys) == 1}
        aliases.update((a.casefold(), p.key) for p in self.people.values() for a in p.aliases)
        return aliases


@struct
class PreventionAction:
    """An action that lowers a risk's probability or impact."""

    action: str
    owner: str
    due: date
    done: date | None


@struct
class RiskReview:
    """One review of a risk, with the scores it left."""

    on: date
    by: str
    probability: int | None = None
    impact: int | None = None
    note: str | None = None


@struct
class Agreement:
    """Someone's agreement to a part of a risk's plan, and when it was given."""

    on: date
    by: str


@struct
class RiskAcceptance:
    """`response: accept` on record: who accepted living with the risk, why, until when."""

    on: date
    by: str
    reason: str
    until: date


@struct
class Risk:
    """A risk: probability and impact 1..5; score = probability x impact.

    Attributes:
        status: open | watching | occurred | closed.
        response: avoid | mitigate | transfer | accept | escalate, or None if undecided.
        visibility: client | internal.
        ignore: rule name -> reason, for rules silenced on this risk.
        links: other entities this risk is about, by kind.
        residual: (probability, impact) once the prevention actions are done.
        contingency_agreed: who on the client's side agreed the contingency plan.
        acceptance: for `response: accept`, who accepted the risk, why and until when.
    """

    id: str
    title: str
    owner: str | None
    raised: date
    probability: int
    impact: int
    status: str
    source: Source
    category: str | None = None
    response: str | None = None
    trigger: str | None = None
    prevention: tuple[PreventionAction, ...] = ()
    contingency: str | None = None
    review_by: date | None = None
    reviews: tuple[RiskReview, ...] = ()
    closed: date | None = None
    residual: tuple[int, int] | None = None
    contingency_agreed: Agreement | None = None
    acceptance: RiskAcceptance | None = None
    visibility: str = "client"
    ignore: dict[str, str] = field(default_factory=dict)
    links: Links = field(default_factory=dict)

    @property
    def score(self) -> int:
        return self.probability * self.impact

    @property
    def residual_score(self) -> int | None:
        """Probability x impact once the prevention actions are done, when recorded."""
        return self.residual[0] * self.residual[1] if self.residual else None


@struct
class Renegotiation:
    """A due date moved with the other side's agreement."""

    on: date
    old_due: date
    new_due: date
    agreed_by: str
    reason: str | None = None


@struct
class Commitment:
    """A promise: `owner` delivers `title` to `to` by `due`.

    Attributes:
        status: open | done | dropped.
        done: when it was delivered (status done).
        renegotiated: every agreed move of the due date, oldest first.
        source_meeting: path of the meeting note where it was promised, if any.
    """

    id: str
    title: str
    owner: str
    to: str
    made: date
    due: date
    status: str
    source: Source
    done: date | None = None
    renegotiated: tuple[Renegotiation, ...] = ()
    source_meeting: str | None = None
    visibility: str = "client"
    ignore: dict[str, str] = field(default_factory=dict)
    links: Links = field(default_factory=dict)

    @property
    def original_due(self) -> date:
        """The due date first promised, before any renegotiation."""
        return self.renegotiated[0].old_due if self.renegotiated else self.due

    def due_on(self, day: date) -> date:
        """The due date in force on `day`: renegotiations agreed later do not count."""
        due = self.original_due
        for move in self.renegotiated:
            if move.on <= day:
                due = move.new_due
        return due


@struct
class CriterionResult:
    """How one acceptance criterion was tested: passed or not, and what shows it."""

    passed: bool
    evidence: str


@struct
class Acceptance:
    """The client accepted a deliverable: when, who, and one result per criterion."""

    on: date
    by: str
    results: tuple[CriterionResult, ...] = ()
    note: str | None = None


@struct
class Rejection:
    """The client rejected a deliverable, and what follows: a commitment or a change."""

    on: date
    by: str
    reason: str
    results: tuple[CriterionResult, ...] = ()
    commitment: str | None = None
    change_request: str | None = None


@struct
class Deliverable:
    """Something the project delivers, with its acceptance criteria.

    Attributes:
        state: planned | in_progress | submitted | accepted | rejected.
        submitted: the latest hand-over for acceptance (after a rejection, the new one).
        accepted: the client's acceptance, when given.
        rejected: every rejection, oldest first.
    """

    id: str
    title: str
    acceptance: tuple[str, ...]
    source: Source
    owner: str | None = None
    due: date | None = None
    state: str = "planned"
    submitted: Agreement | None = None
    accepted: Acceptance | None = None
    rejected: tuple[Rejection, ...] = ()
    milestone: str | None = None
    added: date | None = None
    change_request: str | None = None
    visibility: str = "client"
    ignore: dict[str, str] = field(default_factory=dict)


@struct
class Resign:
    """The client signed the scope baseline again (`resigned:`), covering change requests."""

    on: date
    by: str
    change_requests: tuple[str, ...] = ()
    note: str | None = None


@struct
class ScopeBaseline:
    """The agreed scope: deliverables, what is out of scope, assumptions.

    Attributes:
        signed_off: when the client first signed; it never moves (git proves it).
        resigned: every later sign-off, oldest first.
    """

    deliverables: tuple[Deliverable, ...]
    source: Source
    signed_off: date | None = None
    signed_off_by: str | None = None
    resigned: tuple[Resign, ...] = ()
    out_of_scope: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()


@struct
class ChangeRequest:
    """A proposed change and its decision (status proposed|approved|rejected|withdrawn)."""

    id: str
    title: str
    raised: date
    raised_by: str
    status: str
    source: Source
    deliverables: tuple[str, ...] = ()
    schedule_days: int | None = None
    cost: Decimal | None = None
    decided: date | None = None
    decided_by: str | None = None
    visibility: str = "client"
    ignore: dict[str, str] = field(default_factory=dict)
    links: Links = field(default_factory=dict)


@struct
class ActionItem:
    """A task-list line in a meeting note: `- [ ] @owner text due:YYYY-MM-DD`.

    Attributes:
        text: what is to be done, without the owner and the schedule markers.
        line, col: where the item's text starts in the meeting file.
        owner: person key after `@` (lower-cased), or None when the item names nobody.
        owner_col: column of the `@` before the owner's key.
        due: the date it is due, None when it has none (or it cannot be read).
        due_written: a `due:` marker is there, read or not (an unreadable one is an
            `action-item-syntax` error, not an undated item).
        moved_from: for a rescheduled item (`was:`), the due date the new one replaces.
        agreed_by: for a rescheduled item (`agreed:`), the person who agreed the new date.
        agreed_col: column of the `agreed:` marker.
        commitment: the commitment the item stands for (`C-004` in its text), which then
            holds its date and state; `commitment_col` is where the id is written.
    """

    text: str
    done: bool
    line: int
    col: int
    owner: str | None = None
    owner_col: int | None = None
    due: date | None = None
    due_written: bool = False
    moved_from: date | None = None
    agreed_by: str | None = None
    agreed_col: int | None = None
    commitment: str | None = None
    commitment_col: int | None = None


@struct
class Meeting:
    """A meeting note. Its id is the file name without `.md`."""

    id: str
    path: str
    date: date
    title: str
    kind: str
    attendees: tuple[str, ...]
    source: Source
    cadence: str | None = None
    training: tuple[str, ...] = ()  # topics of the training plan taught
    time: str | None = None  # HH:MM, in `timezone`
    minutes: int = 60
    timezone: str | None = None
    action_items: tuple[ActionItem, ...] = ()
    decisions: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()  # the body's headings, case-folded
    visibility: str = "client"
    ignore: dict[str, str] = field(default_factory=dict)
    body: str = ""


@struct
class Concern:
    """A concern the client raised; severity low|medium|high|critical."""

    id: str
    title: str
    raised: date
    raised_by: str
    severity: str
    source: Source
    owner: str | None = None
    acknowledged: date | None = None
    resolved: date | None = None
    visibility: str = "client"
    ignore: dict[str, str] = field(default_factory=dict)
    links: Links = field(default_factory=dict)


@struct
class FeedbackResponse:
    """One client answer to a satisfaction pulse."""

    date: date
    person: str
    scores: dict[str, int]
    nps: int | None = None
    comment: str | None = None
    tone: str | None = None  # the team's reading of the comment
    follow_up: tuple[str, ...] = ()  # ids of what was done about it
    index: int = 0  # its place in `responses:`


@struct
class Feedback:
    """Client satisfaction for one month (`period` YYYY-MM)."""

    period: str
    responses: tuple[FeedbackResponse, ...]
    source: Source
    visibility: str = "client"
    ignore: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """A pulse is known by its month."""
        return self.period


@struct
class Rebaseline:
    """A milestone's baseline moved with the client's agreement (`rebaselined:`)."""

    on: date
    old_baseline: date
    new_baseline: date
    agreed_by: str
    reason: str | None = None
    change_request: str | None = None


@struct
class Milestone:
    """A dated point in the plan: forecast later than baseline + buffer is a slip.

    Attributes:
        baseline: the date agreed now; `original_baseline` is the first one agreed.
        rebaselined: every agreed move of the baseline, oldest first.
    """

    id: str
    title: str
    baseline: date
    forecast: date
    source: Source
    buffer_days: int = 0
    rebaselined: tuple[Rebaseline, ...] = ()
    done: date | None = None
    owner: str | None = None
    deliverables: tuple[str, ...] = ()
    visibility: str = "client"
    ignore: dict[str, str] = field(default_factory=dict)
    links: Links = field(default_factory=dict)

    @property
    def original_baseline(self) -> date:
        return self.rebaselined[0].old_baseline if self.rebaselined else self.baseline


@struct
class LessonAction:
    """What will change because of a lesson, tracked like a promise."""

    action: str
    owner: str
    due: date
    done: date | None = None
    index: int = 0  # its place in `actions:`


@struct
class Lesson:
    """A lesson learned; the Markdown body tells the story, `actions` what changes."""

    id: str
    title: str
    date: date
    source: Source
    body: str = ""
    raised_by: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    meeting: str | None = None  # the note (a retrospective) it came from
    actions: tuple[LessonAction, ...] = ()
    visibility: str = "client"
    links: Links = field(default_factory=dict)
    ignore: dict[str, str] = field(default_factory=dict)


@struct
class PulseResponse:
    """One team member's answer to the team pulse."""

    date: date
    person: str
    scores: dict[str, int]
    comment: str | None = None


@struct
class Pulse:
    """The team's own pulse for one month (pulse/YYYY-MM.yaml): always internal."""

    period: str
    responses: tuple[PulseResponse, ...]
    source: Source
    ignore: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"pulse-{self.period}"

    @property
    def visibility(self) -> str:
        """The team's pulse never reaches a client report."""
        return "internal"


@struct
class Update:
    """A record of one update told to the client (updates/YYYY-MM-DD-name.yaml): the
    commits it compared, for whom, and the SHA-256 of what it said."""

    id: str  # the file's stem
    date: date
    audience: str
    since: str
    commit: str
    format: str
    sha256: str
    source: Source
    language: str = "en"
    cadence: str | None = None
    to: tuple[str, ...] = ()
    sender: str | None = None
    sent: bool = False
    riskdocs: str | None = None  # the version that wrote it
    ignore: dict[str, str] = field(default_factory=dict)

    @property
    def visibility(self) -> str:
        return "client"


@struct
class AcceptanceWindow:
    """How long the client has to answer a submission (`days`, counted as the project's
    calendar counts), and whether silence then counts as acceptance (`deemed`)."""

    days: int
    deemed: bool = False


@struct
class Payment:
    """A payment milestone: due on a date, or once deliverables are accepted."""

    title: str
    amount: Decimal
    due: date | None = None
    on_acceptance: tuple[str, ...] = ()
    invoiced: date | None = None
    paid: date | None = None


@struct
class Obligation:
    """A promise the contract makes, due on a date or some days after an event (the
    signing, a deliverable's acceptance, a milestone reached). Once its due date is known
    it is also one of the project's commitments (`Project.commitments`), so it is
    tracked exactly as they are.

    Attributes:
        due: the date written in the contract, if any.
        after_days: for one due after an event: how many days after it.
        after: the deliverable or milestone it counts from; None: from the signing.
    """

    id: str
    title: str
    owner: str
    to: str
    status: str
    due: date | None = None
    after_days: int | None = None
    after: str | None = None
    done: date | None = None
    note: str | None = None


@struct
class Contract:
    """The contract with the client (contract/contract.yaml); internal unless
    `client_sees` names a part of it.

    Attributes:
        type: fixed_price | time_and_materials.
        client_sees: the parts a client report shows: terms, value, acceptance, payments.
    """

    signed: date
    type: str
    currency: str
    source: Source
    title: str | None = None
    signed_by: tuple[str, ...] = ()
    value: Decimal | None = None
    acceptance: AcceptanceWindow | None = None
    warranty_days: int | None = None
    payments: tuple[Payment, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    client_sees: frozenset[str] = frozenset()
    note: str | None = None


@struct
class MonthActual:
    """One month's figures: what it cost, the effort, defects and acceptance tests.

    Attributes:
        month: YYYY-MM.
        opened, closed: defects found and closed in the month, by severity.
    """

    month: str
    spent: Decimal | None = None
    effort_days: float | None = None
    opened: dict[str, int] = field(default_factory=dict)
    closed: dict[str, int] = field(default_factory=dict)
    tests_run: int | None = None
    tests_passed: int | None = None
    note: str | None = None


@struct
class Budget:
    """The budget baseline and the monthly actuals (budget/budget.yaml); internal unless
    `client_sees` names a part (cost, quality).

    Attributes:
        total: the baseline, contingency included; approved change requests add to it.
        planned: milestone id -> the cost planned to reach it.
        months: oldest first.
    """

    currency: str
    total: Decimal
    source: Source
    contingency: Decimal = Decimal(0)
    planned: dict[str, Decimal] = field(default_factory=dict)
    months: tuple[MonthActual, ...] = ()
    client_sees: frozenset[str] = frozenset()


@struct
class Handover:
    """Something handed over at the end, and to whom."""

    item: str
    to: str
    on: date | None = None


@struct
class Transfer:
    """An item still open at the end, handed to who takes it over (kind: commitments,
    concerns or risks)."""

    kind: str
    id: str
    to: str
    note: str | None = None


@struct
class Closure:
    """The project's closure (closure/closure.yaml): when, who accepted it for the client,
    what was handed over and who took over each open item."""

    closed: date
    accepted_by: str
    source: Source
    summary: str | None = None
    handover: tuple[Handover, ...] = ()
    transfers: tuple[Transfer, ...] = ()

    @property
    def transferred(self) -> dict[str, str]:
        """Open item id -> who took it over."""
        return {t.id: t.to for t in self.transfers}


class Entity(Protocol):
    """What every entity has, whatever its kind (see `Project.entities`)."""

    @property
    def id(self) -> str: ...
    @property
    def source(self) -> Source: ...
    @property
    def visibility(self) -> str: ...
    @property
    def ignore(self) -> Mapping[str, str]: ...


@struct
class Project:
    """Everything riskdocs knows about one project, sorted by id (meetings by date)."""

    settings: Settings
    risks: tuple[Risk, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    scope: ScopeBaseline | None = None
    changes: tuple[ChangeRequest, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    concerns: tuple[Concern, ...] = ()
    feedback: tuple[Feedback, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    lessons: tuple[Lesson, ...] = ()
    pulse: tuple[Pulse, ...] = ()
    updates: tuple[Update, ...] = ()
    contract: Contract | None = None
    budget: Budget | None = None
    closure: Closure | None = None

    @property
    def acceptance_window(self) -> AcceptanceWindow | None:
        return self.contract.acceptance if self.contract else None

    @property
    def deliverables(self) -> tuple[Deliverable, ...]:
        return self.scope.deliverables if self.scope else ()

    def entities(self) -> Iterator[Entity]:
        """Every entity, kind by kind in the order of the table of kinds."""
        for kind in ENTITY_KINDS:
            yield from getattr(self, kind.collection or "")
