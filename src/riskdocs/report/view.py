"""Project + findings -> the view model: one plain, JSON-ready dict that every output renders.

`status.json` is this dict; the page, the calendar and the Markdown summary
only render it. The audience filter happens here, once: for `client`, every
entity marked `visibility: internal` is left out, with the findings about it,
review notes and data-quality findings (schema, references), which are the
team's business. Everything is sorted, so the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from typing import Any, NamedTuple

from riskdocs import __version__
from riskdocs.dates import long_date
from riskdocs.finding import Finding, Severity, active, count_by_severity
from riskdocs.history.facts import History, first_signed, risk_records
from riskdocs.i18n import _, listed
from riskdocs.model.acceptance import HANDED_OVER, Standing, standing
from riskdocs.model.authority import AUTHORITIES
from riskdocs.model.earned import earned_value
from riskdocs.model.entities import (
    ActionItem,
    Agreement,
    Budget,
    Cadence,
    Commitment,
    Concern,
    Contract,
    Deliverable,
    FeedbackResponse,
    Meeting,
    Milestone,
    Payment,
    Person,
    Project,
    Rebaseline,
    Risk,
    RiskAcceptance,
    Settings,
    TrainingTopic,
)
from riskdocs.model.meetings import kept_on, rewrite_tasks
from riskdocs.report import people
from riskdocs.report.charts import heat_cell
from riskdocs.report.closure import SILENT, closure_view
from riskdocs.report.health import assess
from riskdocs.report.markup import render_markdown
from riskdocs.report.scope import Scope, commitment_state
from riskdocs.report.trends import monthly
from riskdocs.rules import feedback_unanswered, rule_settings
from riskdocs.rules.base import AREAS

VIEW_VERSION = 4
View = dict[str, Any]


def build_view(
    project: Project,
    findings: Sequence[Finding],
    today: date,
    audience: str = "client",
    commit: str | None = None,
    history: History | None = None,
    render: Callable[[str], str] = render_markdown,
) -> View:
    """The whole view model for one audience; `history` adds the monthly trends and
    `render` turns note Markdown into HTML (report/notes.py caches it)."""
    hidden = internal_ids(project) | _unseen_budget(project) if audience != "team" else set()
    about_visible = [f for f in findings if f.entity not in hidden]
    team = audience == "team"
    # The client sees what a health rule says to them, not what was agreed to be silenced
    shown = [f for f in about_visible if team or (f.client and not f.ignored)]
    said = _finding if team else _client_finding
    by_entity: dict[str, list[dict[str, Any]]] = {}
    for finding in shown:
        if finding.entity:
            by_entity.setdefault(finding.entity, []).append(said(finding))
    soon = rule_settings(project.settings.rules)["commitment-due-soon"].options["days"]
    scope = Scope(audience, today, by_entity, render, int(soon))
    areas = [a for a in AREAS if a != "cost" or _shows_cost(project, team)]
    health = assess(
        about_visible, audience, {"risks": _exposure(project, hidden, team)}, areas=areas
    )
    view = {
        "version": VIEW_VERSION,
        "generated": {
            "today": str(today),
            "audience": audience,
            "commit": commit,
            "riskdocs": __version__,
            "checks": _checks(findings),
        },
        "project": _project(project),
        "people": {
            key: {
                "name": p.name,
                "side": p.side,
                "role": p.role,
                "timezone": p.timezone,
                "decides": sorted(p.decides, key=AUTHORITIES.index),
            }
            for key, p in sorted(project.settings.people.items())
        },
        "communication": _communication(project, scope),
        "responsibilities": people.responsibilities(project, scope),
        "stakeholders": people.stakeholders(project, scope),
        "training": people.training(project, scope),
        "health": {
            "overall": health.overall.label,
            "reasons": list(health.reasons),
            "areas": [
                {"area": a.area, "status": a.status.label, "reasons": list(a.reasons)}
                for a in health.areas
            ],
        },
        "risks": _risks(project, scope, history),
        "commitments": _commitments(project, scope),
        "action_items": _action_items(project, scope),
        "milestones": [_milestone(m, scope) for m in project.milestones if scope.shows(m)],
        "scope": _scope(project, scope, history),
        "contract": _contract(project, scope),
        "budget": _budget(project, scope),
        "currency": _currency(project),
        "meetings": _meetings(project, scope),
        "concerns": _concerns(project, scope),
        "feedback": _feedback(project, scope),
        "lessons": people.lessons(project, scope),
        "updates": [
            {"date": str(u.date), "audience": u.audience, "sent": u.sent}
            for u in sorted(project.updates, key=lambda u: (u.date, u.id))
            if team or u.audience == "client"
        ],
        "findings": [said(f) for f in sorted(shown, key=_most_urgent_first)],
        "trends": monthly(history, project, today, frozenset(hidden)) if history else [],
    }
    if team:  # the team's own pulse is not even named in a client view
        view["pulse"] = people.pulse(project)
    silent = sum(1 for f in shown if f.rule in SILENT)
    view["closure"] = closure_view(project, view, history, silent)
    return view


def _exposure(project: Project, hidden: set[str], team: bool) -> list[str]:
    """Why the risks are not green even when every rule passes: risks in the top band
    that are still open, and risks that occurred and are not closed. The team reads ids,
    the client the risks' titles."""
    thresholds = project.settings.thresholds
    live = [r for r in project.risks if r.status != "closed" and r.id not in hidden]
    high = sorted(
        (r for r in live if r.status != "occurred" and thresholds.band(r.score) == "high"),
        key=lambda r: (-r.score, r.id),
    )
    occurred = sorted((r for r in live if r.status == "occurred"), key=lambda r: r.id)
    if team:
        reasons = []
        if high:
            scored = listed(_("{id} ({score} of 25)").format(id=r.id, score=r.score) for r in high)
            reasons.append(_("High risks still open: {risks}").format(risks=scored))
        if occurred:
            ids = listed(r.id for r in occurred)
            reasons.append(_("Risks that occurred and are not resolved yet: {ids}").format(ids=ids))
        return reasons
    high_said = _("A high risk is still open: “{title}” (scored {score} of 25)")
    occurred_said = _("A risk has happened and is being dealt with: “{title}”")
    return [high_said.format(title=r.title, score=r.score) for r in high] + [
        occurred_said.format(title=r.title) for r in occurred
    ]


def _checks(findings: Sequence[Finding]) -> dict[str, Any]:
    """Whether `riskdocs validate` passes on these files: its errors and warnings."""
    counts = count_by_severity(active(findings))
    errors = counts[Severity.ERROR]
    return {"passed": errors == 0, "errors": errors, "warnings": counts[Severity.WARNING]}


def internal_ids(project: Project) -> set[str]:
    """Ids of every entity marked `visibility: internal`, and the names of internal
    cadences and training topics, which findings are about too."""
    settings = project.settings
    plans: list[Cadence | TrainingTopic] = [
        *settings.cadences.values(),
        *settings.training.values(),
    ]
    return {e.id for e in project.entities() if e.visibility == "internal"} | {
        plan.id for plan in plans if plan.visibility == "internal"
    }


def _unseen_budget(project: Project) -> set[str]:
    """What the cost and quality rules report about (`budget`, `quality`) when the
    budget does not show that part to the client."""
    shown = project.budget.client_sees if project.budget else frozenset()
    return {name for part, name in (("cost", "budget"), ("quality", "quality"))
            if part not in shown}  # fmt: skip


def _shows_cost(project: Project, team: bool) -> bool:
    """The cost area is there when the project has a budget, for the client only when
    the budget shows its cost."""
    budget = project.budget
    return budget is not None and (team or "cost" in budget.client_sees)


def _currency(project: Project) -> str | None:
    """The project's one currency: the budget's, else the contract's."""
    if project.budget:
        return project.budget.currency
    return project.contract.currency if project.contract else None


_URGENCY = {"error": 0, "warning": 1, "info": 2}


def _most_urgent_first(finding: Finding) -> tuple[bool, int, tuple[str, int, int, str, str]]:
    return (finding.ignored is not None, _URGENCY[finding.severity.value], finding.sort_key())


def _finding(finding: Finding) -> dict[str, Any]:
    """A finding for the team: what to fix and where, and what the client is told."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "path": finding.path,
        "line": finding.line,
        "message": finding.message,
        "client": finding.client,
        "entity": finding.entity,
        "ignored": finding.ignored,
    }


def _client_finding(finding: Finding) -> dict[str, Any]:
    """A finding as the client reads it: what it means, in plain words; no rule, file,
    line or ignore reason."""
    return {"severity": finding.severity.value, "message": finding.client,
            "entity": finding.entity}  # fmt: skip


def _project(project: Project) -> dict[str, Any]:
    s = project.settings
    return {
        "name": s.name,
        "client": s.client,
        "start": _iso(s.start),
        "end": _iso(s.end),
        "timezone": s.timezone,
        "description": s.description,
    }


def _communication(project: Project, scope: Scope) -> list[dict[str, Any]]:
    """Each cadence of the communication plan: how often, how, who must attend, what it
    covers, the last meeting that kept it and the day the next one is due (`late` once
    the grace days are past)."""
    settings, today = project.settings, scope.today
    plan = []
    for name, cadence in sorted(settings.cadences.items()):
        if not scope.shows(cadence):
            continue
        held = [day for day in kept_on(project, cadence) if day <= today]
        last = max(held) if held else None
        since = last or settings.start
        due = since + timedelta(days=cadence.every_days) if since else None
        late = due is not None and (today - due).days > cadence.grace_days
        plan.append({"name": name, "kind": cadence.kind, "every_days": cadence.every_days,
                     "channel": cadence.channel, "required": list(cadence.required),
                     "agenda": list(cadence.agenda), "internal": cadence.visibility == "internal",
                     "last": _iso(last), "next_due": _iso(due), "late": late})  # fmt: skip
    return plan


def _iso(day: date | None) -> str | None:
    return str(day) if day else None


def _residual(risk: Risk, band_of: Callable[[int], str]) -> dict[str, Any] | None:
    """The risk once its prevention actions are done, when the file says so."""
    if risk.residual is None or risk.residual_score is None:
        return None
    probability, impact = risk.residual
    score = risk.residual_score
    return {"probability": probability, "impact": impact, "score": score, "band": band_of(score)}


def _agreed(agreement: Agreement | None) -> dict[str, str] | None:
    return None if agreement is None else {"on": str(agreement.on), "by": agreement.by}


def _accepted(acceptance: RiskAcceptance | None) -> dict[str, str] | None:
    if acceptance is None:
        return None
    return {"on": str(acceptance.on), "by": acceptance.by, "reason": acceptance.reason,
            "until": str(acceptance.until)}  # fmt: skip


def _risks(project: Project, scope: Scope, history: History | None) -> dict[str, Any]:
    thresholds = project.settings.thresholds
    live = [r for r in project.risks if scope.shows(r)]
    scores = project.settings.heatmap
    heatmap = [[0] * 5 for _ in range(5)]  # [impact 5..1][probability 1..5]
    for risk in live:
        if risk.status != "closed":
            probability, impact = heat_cell(risk.probability, risk.impact, risk.residual, scores)
            heatmap[5 - impact][probability - 1] += 1
    ordered = sorted(live, key=lambda r: (r.status == "closed", -r.score, r.id))
    record = risk_records(project.risks, history)
    linked = _linked_change_requests(project, scope)
    return {
        "bands": dict(thresholds.risk_bands),
        "scores": scores,
        "heatmap": heatmap,
        "items": [
            {
                **_risk(r, thresholds.band, scope),
                "scored": list(record[r.id].probabilities),
                "occurred": record[r.id].occurred,
                "change_requests": linked.get(r.id, []),
            }
            for r in ordered
        ],
    }


def _linked_change_requests(project: Project, scope: Scope) -> dict[str, list[str]]:
    """The change requests shown in this view that a risk names or that name it: what
    the risk cost once it occurred (the portfolio's calibration adds them up)."""
    shown = {c.id: c for c in project.changes if scope.shows(c)}
    linked: dict[str, set[str]] = {}
    for risk in project.risks:
        linked[risk.id] = {c for c in risk.links.get("change_requests", ()) if c in shown}
    for change in shown.values():
        for risk_id in change.links.get("risks", ()):
            if risk_id in linked:
                linked[risk_id].add(change.id)
    return {risk_id: sorted(ids) for risk_id, ids in linked.items() if ids}


def _risk(risk: Risk, band_of: Callable[[int], str], scope: Scope) -> dict[str, Any]:
    band = band_of(risk.score)
    return {
        "id": risk.id,
        "title": risk.title,
        "owner": risk.owner,
        "status": risk.status,
        "category": risk.category,
        "probability": risk.probability,
        "impact": risk.impact,
        "score": risk.score,
        "band": band,
        "response": risk.response,
        "trigger": risk.trigger,
        "contingency": risk.contingency,
        "residual": _residual(risk, band_of),
        "contingency_agreed": _agreed(risk.contingency_agreed),
        "acceptance": _accepted(risk.acceptance),
        "review_by": _iso(risk.review_by),
        "last_review": _iso(max((r.on for r in risk.reviews), default=None)),
        "prevention": [
            {
                "action": p.action,
                "owner": p.owner,
                "due": str(p.due),
                "done": _iso(p.done),
                "overdue": p.done is None and p.due < scope.today,
            }
            for p in risk.prevention
        ],
        "reviews": [
            {
                "on": str(r.on),
                "by": r.by,
                "probability": r.probability,
                "impact": r.impact,
                **({"note": r.note} if scope.team else {}),
            }
            for r in risk.reviews
        ],
        "findings": scope.about(risk.id),
    }


_STATE_ORDER = {"overdue": 0, "due-soon": 1, "open": 2, "done": 3, "dropped": 4}


def _commitments(project: Project, scope: Scope) -> dict[str, Any]:
    """The commitments, and the on-time record of each side: the team's promises and the
    client's own (a client's late delivery is never part of the team's record)."""
    visible = [c for c in project.commitments if scope.shows(c)]
    people = project.settings.people
    items = sorted(
        (_commitment(c, scope) for c in visible),
        key=lambda item: (_STATE_ORDER[item["state"]], item["due"], item["id"]),
    )
    by_side = {
        side: _on_time([c for c in visible if c.owner in people and people[c.owner].side == side])
        for side in ("team", "client")
    }
    return {**_on_time(visible), "by_side": by_side, "due_soon_days": scope.due_soon_days,
            "items": items}  # fmt: skip


def _on_time(commitments: list[Commitment]) -> dict[str, Any]:
    delivered = [c for c in commitments if c.status == "done" and c.done is not None]
    on_time = [c for c in delivered if c.done and c.done <= c.due_on(c.done)]
    return {
        "on_time_rate": round(len(on_time) / len(delivered), 3) if delivered else None,
        "delivered": len(delivered),
        "delivered_on_time": len(on_time),
    }


def _commitment(c: Commitment, scope: Scope) -> dict[str, Any]:
    state = commitment_state(c, scope.today, scope.due_soon_days)
    return {
        "id": c.id,
        "title": c.title,
        "owner": c.owner,
        "to": c.to,
        "made": str(c.made),
        "due": str(c.due),
        "original_due": str(c.original_due),
        "status": c.status,
        "done": _iso(c.done),
        "state": state,
        "days_overdue": (scope.today - c.due).days if state == "overdue" else 0,
        "renegotiated": [
            {
                "on": str(r.on),
                "from": str(r.old_due),
                "to": str(r.new_due),
                "agreed_by": r.agreed_by,
                "reason": r.reason,
            }
            for r in c.renegotiated
        ],
        "findings": scope.about(c.id),
    }


def _action_items(project: Project, scope: Scope) -> list[dict[str, Any]]:
    items = [
        {
            "meeting": m.id,
            "meeting_title": m.title,
            "key": key,
            "text": i.text,
            "owner": i.owner,
            "due": _iso(i.due),
            "moved_from": _iso(i.moved_from) if i.agreed_by else None,
            "agreed_by": i.agreed_by,
            "done": i.done,
            "overdue": not i.done and i.due is not None and i.due < scope.today,
        }
        for m in project.meetings
        if scope.shows(m)
        for key, i in _keyed(m.action_items)
        if i.commitment is None  # shown once, as its commitment
    ]
    return sorted(items, key=lambda x: (x["done"], x["due"] or "9999", x["meeting"], x["text"]))


def _keyed(items: Sequence[ActionItem]) -> Iterator[tuple[str, ActionItem]]:
    """Each item with a key made of what it is (its owner and text, without the dates and
    the tick), so a calendar event keeps its identity when items are added, reordered,
    ticked or rescheduled; the same item twice in one note gets `-2`, `-3`."""
    seen: dict[str, int] = {}
    for item in items:
        digest = hashlib.blake2b(f"{item.owner}\0{item.text}".encode(), digest_size=6).hexdigest()
        seen[digest] = seen.get(digest, 0) + 1
        yield (digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"), item


def _milestone(m: Milestone, scope: Scope) -> dict[str, Any]:
    slip = (m.forecast - m.baseline).days
    if m.done:
        state = "done"
    elif slip > m.buffer_days:
        state = "beyond-buffer"
    else:
        state = "late" if m.forecast < scope.today else "on-track"
    return {
        "id": m.id,
        "title": m.title,
        "baseline": str(m.baseline),
        "original_baseline": str(m.original_baseline),
        "rebaselined": [_rebaseline(r) for r in m.rebaselined],
        "forecast": str(m.forecast),
        "buffer_days": m.buffer_days,
        "slip_days": slip,
        "slip_from_original_days": (m.forecast - m.original_baseline).days,
        "done": _iso(m.done),
        "state": state,
        "findings": scope.about(m.id),
    }


def _rebaseline(move: Rebaseline) -> dict[str, Any]:
    return {"on": str(move.on), "from": str(move.old_baseline), "to": str(move.new_baseline),
            "agreed_by": move.agreed_by, "reason": move.reason,
            "change_request": move.change_request}  # fmt: skip


def _scope(project: Project, scope: Scope, history: History | None) -> dict[str, Any] | None:
    baseline = project.scope
    changes = [
        {
            "id": c.id,
            "title": c.title,
            "status": c.status,
            "raised": str(c.raised),
            "decided": _iso(c.decided),
            "decided_by": c.decided_by,
            "deliverables": list(c.deliverables),
            "schedule_days": c.schedule_days,
            "cost": _amount(c.cost),
            "findings": scope.about(c.id),
        }
        for c in project.changes
        if scope.shows(c)
    ]
    if baseline is None:
        return {"baseline": None, "changes": changes} if changes else None
    first_signed = _first_signed(history)
    approved = _approved_requests(project)
    deliverables = [
        {
            "id": d.id,
            "title": d.title,
            "acceptance": list(d.acceptance),
            "owner": d.owner,
            "due": _iso(d.due),
            "state": d.state,
            **_acceptance(project, d, scope.today),
            "overdue": d.due is not None and d.state not in HANDED_OVER and d.due < scope.today,
            "milestone": d.milestone,
            **_origin(d, approved, first_signed),
            "findings": scope.about(d.id),
        }
        for d in baseline.deliverables
        if scope.shows(d)
    ]
    return {
        "baseline": {
            "signed_off": _iso(baseline.signed_off),
            "signed_off_by": baseline.signed_off_by,
            "resigned": [
                {"on": str(r.on), "by": r.by, "change_requests": list(r.change_requests)}
                for r in baseline.resigned
            ],
            "deliverables": deliverables,
            "out_of_scope": list(baseline.out_of_scope),
            "assumptions": list(baseline.assumptions),
        },
        "changes": changes,
    }


def _acceptance(project: Project, d: Deliverable, today: date) -> dict[str, Any]:
    """What a deliverable's file records of its hand-over and acceptance, and where its
    acceptance stands today (`deemed` and `waiting` are computed from the contract)."""
    now = standing(d, project.acceptance_window, project.settings.calendar, today)
    accepted = d.accepted
    return {
        "submitted": {"on": str(d.submitted.on), "by": d.submitted.by} if d.submitted else None,
        "accepted": None
        if accepted is None
        else {
            "on": str(accepted.on),
            "by": accepted.by,
            "results": [{"passed": r.passed, "evidence": r.evidence} for r in accepted.results],
            "note": accepted.note,
        },
        "rejected": [
            {
                "on": str(r.on),
                "by": r.by,
                "reason": r.reason,
                "commitment": r.commitment,
                "change_request": r.change_request,
            }
            for r in d.rejected
        ],
        "standing": {
            "state": now.state,
            "on": _iso(now.on),
            "by": now.by,
            "window_ends": _iso(now.window_ends),
        },
    }


def _contract(project: Project, scope: Scope) -> dict[str, Any] | None:
    """The contract for the team; for the client only the parts `client_sees` names."""
    contract = project.contract
    if contract is None:
        return None
    seen = contract.client_sees if not scope.team else CONTRACT_PARTS
    if not seen:
        return None
    standings = {
        d.id: standing(d, contract.acceptance, project.settings.calendar, scope.today)
        for d in project.deliverables
    }
    shown = {d.id for d in project.deliverables if scope.shows(d)}
    window = contract.acceptance
    return {
        "title": contract.title if "terms" in seen else None,
        "signed": str(contract.signed) if "terms" in seen else None,
        "signed_by": list(contract.signed_by) if "terms" in seen else [],
        "type": contract.type if "terms" in seen else None,
        "warranty_days": contract.warranty_days if "terms" in seen else None,
        "currency": contract.currency if seen & {"value", "payments"} else None,
        "value": _amount(contract.value) if "value" in seen else None,
        "acceptance": None
        if window is None or "acceptance" not in seen
        else {
            "window_days": window.days,
            "deemed": window.deemed,
            "working_days": project.settings.calendar.counts_working_days,
        },
        "payments": [_payment(p, standings, shown, scope.today) for p in contract.payments]
        if "payments" in seen
        else None,
        "obligations": _obligations(project, contract, scope) if "obligations" in seen else None,
        "note": contract.note if scope.team else None,
    }


CONTRACT_PARTS = frozenset(("terms", "value", "acceptance", "payments", "obligations"))


def _obligations(project: Project, contract: Contract, scope: Scope) -> list[dict[str, Any]]:
    """Each obligation with its terms and, once known, its due date and state as the
    commitment it is."""
    tracked = {c.id: c for c in project.commitments}
    shown = {d.id for d in project.deliverables if scope.shows(d)}
    shown.update(m.id for m in project.milestones if scope.shows(m))
    return [
        {
            "id": o.id,
            "title": o.title,
            "owner": o.owner,
            "to": o.to,
            "due": _iso(tracked[o.id].due) if o.id in tracked else None,
            "after": None
            if o.after_days is None
            else {
                "days": o.after_days,
                "from": "signing" if o.after is None else "event",
                "of": o.after if o.after in shown else None,
            },
            "status": o.status,
            "state": commitment_state(tracked[o.id], scope.today, scope.due_soon_days)
            if o.id in tracked
            else "undated",
            "done": _iso(o.done),
        }
        for o in contract.obligations
    ]


def _amount(amount: Decimal | None) -> str | None:
    """An amount as exact text with two decimals ("184000.00"): status.json keeps money
    out of floating point."""
    return None if amount is None else str(amount.quantize(Decimal("0.01")))


def _payment(
    payment: Payment, standings: Mapping[str, Standing], shown: set[str], today: date
) -> dict[str, Any]:
    """A payment and its state; the deliverables it waits for that the audience may see."""
    due_on = payment.due
    if payment.on_acceptance:
        known = [standings.get(d) for d in payment.on_acceptance]
        accepted = [s.on for s in known if s is not None and s.accepted and s.on is not None]
        due_on = max(accepted) if len(accepted) == len(known) else None
    if payment.paid:
        state = "paid"
    elif payment.invoiced:
        state = "invoiced"
    elif due_on is not None and due_on <= today:
        state = "due"
    else:
        state = "planned"
    return {
        "title": payment.title,
        "amount": _amount(payment.amount),
        "due": _iso(payment.due),
        "on_acceptance": [d for d in payment.on_acceptance if d in shown],
        "due_on": _iso(due_on),
        "invoiced": _iso(payment.invoiced),
        "paid": _iso(payment.paid),
        "state": state,
    }


def _budget(project: Project, scope: Scope) -> dict[str, Any] | None:
    """The earned-value figures and the monthly quality, each for the client only when
    the budget's `client_sees` names it."""
    budget = project.budget
    if budget is None:
        return None
    seen = frozenset(("cost", "quality")) if scope.team else budget.client_sees
    if not seen:
        return None
    return {
        "currency": budget.currency,
        "cost": _cost(project, budget, scope) if "cost" in seen else None,
        "quality": _quality(budget) if "quality" in seen else None,
    }


def _cost(project: Project, budget: Budget, scope: Scope) -> dict[str, Any]:
    figures = earned_value(project, scope.today)
    assert figures is not None
    titles = {m.id: m.title for m in project.milestones if scope.shows(m)}
    spent, months = Decimal(0), []
    for month in budget.months:
        spent += month.spent or Decimal(0)
        months.append(
            {
                "month": month.month,
                "spent": _amount(month.spent),
                "effort_days": month.effort_days,
                "spent_to_date": _amount(spent),
            }
        )
    return {
        "total": _amount(budget.total),
        "contingency": _amount(figures.contingency),
        "changes": _amount(figures.changes),
        "bac": _amount(figures.bac),
        "pv": _amount(figures.pv),
        "ev": _amount(figures.ev),
        "ac": _amount(figures.ac),
        "cpi": None if figures.cpi is None else float(figures.cpi),
        "spi": None if figures.spi is None else float(figures.spi),
        "eac": _amount(figures.eac),
        "vac": _amount(figures.vac),
        "over": _amount(-figures.vac) if figures.vac < 0 else None,
        "milestones": [
            {
                "id": m.id,
                "title": titles[m.id],
                "planned": _amount(m.planned),
                "earned": _amount(m.earned),
                "earned_share": float(m.earned_share.quantize(Decimal("0.001"))),
                "due": m.due,
            }
            for m in figures.milestones
            if m.id in titles
        ],
        "months": months,
    }


SEVERITIES = ("critical", "high", "medium", "low")


def _by_severity(counts: Mapping[str, int]) -> dict[str, int]:
    return {severity: counts.get(severity, 0) for severity in SEVERITIES}


def _quality(budget: Budget) -> list[dict[str, Any]]:
    """Each month that records defects or tests: found, fixed, open at its end, and the
    acceptance-test pass rate."""
    found, open_now = [], 0
    for month in budget.months:
        if not (month.opened or month.closed or month.tests_run):
            continue
        open_now += sum(month.opened.values()) - sum(month.closed.values())
        rate = (
            round(month.tests_passed / month.tests_run, 3)
            if month.tests_run and month.tests_passed is not None
            else None
        )
        found.append({"month": month.month, "opened": _by_severity(month.opened),
                      "closed": _by_severity(month.closed), "open": open_now,
                      "serious": month.opened.get("critical", 0) + month.opened.get("high", 0),
                      "tests_run": month.tests_run, "tests_passed": month.tests_passed,
                      "pass_rate": rate})  # fmt: skip
    return found


class FirstSigned(NamedTuple):
    """The baseline as git saw it first signed: its deliverables, and the day of that commit."""

    deliverables: frozenset[str]
    day: date


def _first_signed(history: History | None) -> FirstSigned | None:
    if history is None:
        return None
    start = first_signed(history.scope_versions)
    if start is None:
        return None
    signed = history.scope_versions[start]
    return FirstSigned(frozenset(signed.deliverables), signed.day)


class Approved(NamedTuple):
    """Approved change requests: each one's decision day, and the first that lists each
    deliverable (in the order they were decided)."""

    decided: dict[str, date | None]
    first_listing: dict[str, str]


def _approved_requests(project: Project) -> Approved:
    approved = sorted((c for c in project.changes if c.status == "approved"),
                      key=lambda c: (c.decided or c.raised, c.id))  # fmt: skip
    first_listing: dict[str, str] = {}
    for change in approved:
        for deliverable in change.deliverables:
            first_listing.setdefault(deliverable, change.id)
    return Approved({c.id: c.decided for c in approved}, first_listing)


def _origin(d: Deliverable, approved: Approved, first_signed: FirstSigned | None) -> dict[str, Any]:
    """How a deliverable came into the scope: `origin` is "baseline", "added" (after the
    first sign-off) or "changed" (git shows it in the signed baseline before the change
    request that names it was decided); `change_request` is the one written on it, else the
    first approved one that lists it, whose decision day is then the day it was added."""
    by = d.change_request or approved.first_listing.get(d.id)
    decided = approved.decided.get(by) if by else None
    signed_before = (
        first_signed is not None
        and d.id in first_signed.deliverables
        and (decided is None or first_signed.day < decided)
    )
    if d.added is not None or (first_signed is not None and d.id not in first_signed.deliverables):
        origin = "added"
    elif by is None:
        origin = "baseline"
    else:
        origin = "changed" if signed_before else "added"
    return {"origin": origin, "added": _iso(d.added or (decided if origin == "added" else None)),
            "change_request": by}  # fmt: skip


def _meetings(project: Project, scope: Scope) -> list[dict[str, Any]]:
    return [
        {
            "id": m.id,
            "date": str(m.date),
            "time": m.time,
            "minutes": m.minutes,
            "timezone": (m.timezone or project.settings.timezone) if m.time else None,
            "title": m.title,
            "kind": m.kind,
            "attendees": list(m.attendees),
            "decisions": list(m.decisions),
            "open_items": sum(1 for i in m.action_items if not i.done),
            "html": scope.render(readable_body(m, project.settings)),
        }
        for m in sorted(project.meetings, key=lambda m: (m.date, m.id), reverse=True)
        if scope.shows(m)
    ]


def readable_body(meeting: Meeting, settings: Settings) -> str:
    """The Markdown a page renders for a meeting note: its action items in words."""
    return rewrite_tasks(meeting.body, partial(_task, settings.people), settings.aliases())


def _task(people: Mapping[str, Person], item: ActionItem) -> str:
    """An action item in words: `☐ **Alice Martin**: send the plan (due 27 Nov 2026)`."""

    def name(key: str | None) -> str:
        person = people.get(key or "")
        return person.name if person else (key or "")

    box = "\u2611" if item.done else "\u2610"
    who = f"**{_markdown_escaped(name(item.owner))}**: " if item.owner else ""
    when = []
    if item.due:
        when.append(_("due {day}").format(day=long_date(item.due)))
    if item.moved_from and item.agreed_by:
        moved = _("moved from {day}, agreed by {name}")
        when.append(moved.format(day=long_date(item.moved_from), name=name(item.agreed_by)))
    # Translators: between the parts of an action item's dates: "due 27 Nov; moved from ..."
    dated = " ({})".format(_("; ").join(when)) if when else ""
    return f"{box} {who}{item.text}{dated}"


def _markdown_escaped(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def _concerns(project: Project, scope: Scope) -> list[dict[str, Any]]:
    targets = project.settings.thresholds.concern_response
    return [
        _concern(c, targets[c.severity].acknowledge_days, targets[c.severity].resolve_days, scope)
        for c in sorted(project.concerns, key=lambda c: (c.resolved is not None, c.raised, c.id))
        if scope.shows(c)
    ]


def _concern(c: Concern, ack_target: int, resolve_target: int, scope: Scope) -> dict[str, Any]:
    def took(day: date | None) -> int | None:
        return (day - c.raised).days if day else None

    return {
        "id": c.id,
        "title": c.title,
        "severity": c.severity,
        "raised": str(c.raised),
        "raised_by": c.raised_by,
        "owner": c.owner,
        "acknowledged": _iso(c.acknowledged),
        "resolved": _iso(c.resolved),
        "acknowledge_days": took(c.acknowledged),
        "resolve_days": took(c.resolved),
        "open_days": None if c.resolved else (scope.today - c.raised).days,
        "target_acknowledge_days": ack_target,
        "target_resolve_days": resolve_target,
        "findings": scope.about(c.id),
    }


def _feedback(project: Project, scope: Scope) -> list[dict[str, Any]]:
    opts = rule_settings(project.settings.rules)[feedback_unanswered.ID].options
    made = feedback_unanswered.follow_up_days(project)
    titles = {e.id: getattr(e, "title", e.id) for e in project.entities() if scope.shows(e)}
    periods = []
    for pulse in project.feedback:
        if not scope.shows(pulse):
            continue
        scores = [s for r in pulse.responses for s in r.scores.values()]
        nps = [r.nps for r in pulse.responses if r.nps is not None]
        aspects: dict[str, list[int]] = {}
        for response in pulse.responses:
            for aspect, score in response.scores.items():
                aspects.setdefault(aspect, []).append(score)
        periods.append(
            {
                "period": pulse.period,
                "responses": len(pulse.responses),
                "average": _mean(scores),
                "nps": _mean(nps),
                "aspects": {a: _mean(v) for a, v in sorted(aspects.items())},
                "comments": [r.comment for r in pulse.responses if r.comment],
                "low": [
                    _low_answer(r, opts, made, titles)
                    for r in pulse.responses
                    if feedback_unanswered.needs_follow_up(r, opts)
                ],
            }
        )
    return periods


def _low_answer(
    response: FeedbackResponse,
    opts: Mapping[str, Any],
    made: Mapping[str, date],
    titles: Mapping[str, str],
) -> dict[str, Any]:
    """An answer that needs a follow-up, next to what was done about it."""
    within = int(opts["within_days"])
    return {
        "date": str(response.date),
        "person": response.person,
        "low_scores": {a: s for a, s in sorted(response.scores.items()) if s <= opts["low_score"]},
        "nps": response.nps
        if response.nps is not None and response.nps <= opts["low_nps"]
        else None,
        "negative": response.tone == "negative",
        "follow_up": [
            {"id": i, "title": titles[i], "made": str(made[i])}
            for i in response.follow_up
            if i in titles and i in made
        ],
        "answered": feedback_unanswered.answered(response, made, within),
        "due": str(response.date + timedelta(days=within)),
    }


def _mean(values: Sequence[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None
