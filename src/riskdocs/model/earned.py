"""Earned value on a day, in Decimal: what was planned to be spent by then, what the
accepted work is worth, what was spent, and what the whole will cost at this rate.

The budget plans a cost to each milestone (`planned:`); approved change requests add
their cost to the milestones of the deliverables they name (else to the last one). So:

- planned value (PV): each milestone's planned cost spread evenly from the baseline of
  the milestone before it (the first one: from the project's start) to its own, up to
  the day;
- earned value (EV), by the 50/50 technique: each deliverable earns its share of its
  milestone's planned cost, half once work on it has started (in progress, submitted,
  rejected) and the whole once the client accepts it (a deemed acceptance counts); a
  milestone without deliverables is earned when it is done;
- actual cost (AC): what the months up to the day's month cost;
- CPI = EV / AC and SPI = EV / PV;
- the estimate at completion EAC = AC + (BAC - EV): what was spent, plus the work not
  yet earned at its planned cost, where the budget at completion BAC is the total plus
  the approved changes. (BAC / CPI would assume every later month overruns as the past
  did; with value earned only at acceptance, that overstates every long milestone in
  progress. The CPI is shown beside it, so a reader sees both.)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from riskdocs.model.acceptance import standing
from riskdocs.model.entities import Budget, ChangeRequest, Milestone, Project
from riskdocs.structs import struct

CENT = Decimal("0.01")


@struct
class MilestoneValue:
    """A milestone's planned cost (changes included) and the share of it earned."""

    id: str
    planned: Decimal
    earned_share: Decimal
    planned_share: Decimal  # of its planned cost, what the plan meant to spend by the day
    due: bool  # its baseline is on or before the day

    @property
    def earned(self) -> Decimal:
        return cents(self.planned * self.earned_share)


@struct
class EarnedValue:
    """The earned-value figures of a budget on one day (amounts to the cent, indices to
    two decimals; an index is None when what it divides by is zero)."""

    bac: Decimal
    changes: Decimal
    contingency: Decimal
    pv: Decimal
    ev: Decimal
    ac: Decimal
    milestones: tuple[MilestoneValue, ...]

    @property
    def cpi(self) -> Decimal | None:
        return _ratio(self.ev, self.ac)

    @property
    def spi(self) -> Decimal | None:
        return _ratio(self.ev, self.pv)

    @property
    def eac(self) -> Decimal:
        return cents(self.ac + self.bac - self.ev)

    @property
    def vac(self) -> Decimal:
        return self.bac - self.eac


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _ratio(top: Decimal, bottom: Decimal) -> Decimal | None:
    return None if not bottom else (top / bottom).quantize(CENT, rounding=ROUND_HALF_UP)


def earned_value(project: Project, today: date) -> EarnedValue | None:
    """The figures of the project's budget on `today`; None without a budget."""
    budget = project.budget
    if budget is None:
        return None
    milestones = {m.id: m for m in project.milestones}
    approved = [c for c in project.changes if c.status == "approved" and c.cost]
    planned = _planned_with_changes(project, budget, approved, milestones)
    spans = _spans(project, milestones)
    values = tuple(
        MilestoneValue(
            id=key,
            planned=amount,
            earned_share=_earned_share(project, milestones.get(key), today),
            planned_share=_planned_share(spans.get(key), today),
            due=key in milestones and milestones[key].baseline <= today,
        )
        for key, amount in planned.items()
    )
    month = f"{today:%Y-%m}"
    changes = sum((c.cost or Decimal(0) for c in approved), Decimal(0))
    return EarnedValue(
        bac=budget.total + changes,
        changes=changes,
        contingency=budget.contingency,
        pv=sum((cents(v.planned * v.planned_share) for v in values), Decimal(0)),
        ev=sum((v.earned for v in values), Decimal(0)),
        ac=sum((m.spent or Decimal(0) for m in budget.months if m.month <= month), Decimal(0)),
        milestones=values,
    )


def _planned_with_changes(
    project: Project,
    budget: Budget,
    approved: list[ChangeRequest],
    milestones: Mapping[str, Milestone],
) -> dict[str, Decimal]:
    """Each milestone's planned cost, with each approved change's cost split evenly over
    the milestones of the deliverables it names (the last milestone when it names none)."""
    planned = dict(budget.planned)
    of_deliverable = {d.id: d.milestone for d in project.deliverables if d.milestone}
    for m in project.milestones:
        for deliverable in m.deliverables:
            of_deliverable.setdefault(deliverable, m.id)
    last = max(milestones.values(), key=lambda m: (m.baseline, m.id), default=None)
    for change in approved:
        targets = sorted({of_deliverable[d] for d in change.deliverables if d in of_deliverable})
        if not targets and last is not None:
            targets = [last.id]
        for target in targets:
            share = (change.cost or Decimal(0)) / len(targets)
            planned[target] = planned.get(target, Decimal(0)) + share
    return {key: cents(amount) for key, amount in sorted(planned.items())}


STARTED = frozenset(("in_progress", "submitted", "rejected"))


def _earned_share(project: Project, milestone: Milestone | None, today: date) -> Decimal:
    if milestone is None:
        return Decimal(0)
    named = set(milestone.deliverables)
    own = [d for d in project.deliverables if d.id in named or d.milestone == milestone.id]
    if not own:
        return Decimal(1) if milestone.done else Decimal(0)
    window, calendar = project.acceptance_window, project.settings.calendar
    halves = 0
    for deliverable in own:
        if standing(deliverable, window, calendar, today).accepted:
            halves += 2
        elif deliverable.state in STARTED:
            halves += 1
    return Decimal(halves) / Decimal(2 * len(own))


def _spans(project: Project, milestones: Mapping[str, Milestone]) -> dict[str, tuple[date, date]]:
    """Each milestone's planned span: from the baseline of the one before it (the first:
    from the project's start, when that is earlier) to its own baseline."""
    spans, previous = {}, project.settings.start
    for m in sorted(milestones.values(), key=lambda m: (m.baseline, m.id)):
        start = previous if previous is not None and previous < m.baseline else m.baseline
        spans[m.id] = (start, m.baseline)
        previous = m.baseline
    return spans


def _planned_share(span: tuple[date, date] | None, today: date) -> Decimal:
    if span is None:
        return Decimal(0)
    start, end = span
    if today >= end:
        return Decimal(1)
    if today <= start:
        return Decimal(0)
    return Decimal((today - start).days) / Decimal((end - start).days)
