"""The health rules: one module each, listed in `RULES`, run by `run_rules`.

The engine, not the rule, decides each finding's rule name and severity: it
applies the `rules:` section of riskdocs.yaml (level, options, `off`), marks
findings an entity silenced with `ignore:` (keeping the reason), and in hook
mode keeps rules that record the state of the project (overdue, beyond buffer, a
high risk without a plan yet) from failing a commit: only `BLOCKS_COMMITS`
rules, which find broken or dishonest records, may.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from types import MappingProxyType
from typing import Any

from riskdocs.finding import Finding, Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Entity, Project
from riskdocs.rules import (
    action_item_commitment_mismatch,
    action_item_overdue,
    action_item_undated,
    action_item_unowned,
    budget_plan_mismatch,
    change_request_pending,
    change_request_schedule_unexplained,
    closure_items_untransferred,
    closure_missing,
    closure_no_retrospective,
    commitment_done_late,
    commitment_due_soon,
    commitment_overdue,
    commitment_renegotiation_mismatch,
    commitment_silent_slip,
    concern_resolved_late,
    concern_response_late,
    cost_actuals_missing,
    cost_overrun_forecast,
    decision_by_team,
    decision_without_authority,
    defects_rising,
    deliverable_acceptance_incomplete,
    deliverable_acceptance_invalidated,
    deliverable_acceptance_waiting,
    deliverable_accepted_by_team,
    deliverable_milestone_mismatch,
    deliverable_overdue,
    deliverable_rejected_unfollowed,
    feedback_dropping,
    feedback_low,
    feedback_stale,
    feedback_unanswered,
    lesson_action_overdue,
    meeting_agenda_incomplete,
    meeting_cadence_missed,
    milestone_beyond_buffer,
    milestone_buffer_low,
    milestone_done_unaccepted,
    milestone_overdue,
    milestone_rebaseline_mismatch,
    milestone_silent_rebaseline,
    promise_moved_by_promiser,
    risk_acceptance_expired,
    risk_contingency_unagreed,
    risk_high_unplanned,
    risk_occurred_unlinked,
    risk_prevention_overdue,
    risk_review_overdue,
    risk_review_rubber_stamp,
    risk_review_score_mismatch,
    risk_score_rising,
    scope_change_unapproved,
    scope_resign_unapproved,
    scope_silent_resign,
    scope_unsigned,
    stakeholder_unheard,
    team_pulse_low,
    training_not_held,
)
from riskdocs.rules.base import Context, OptionValue, Rule
from riskdocs.structs import struct
from riskdocs.suggest import did_you_mean

_MODULES: tuple[Rule, ...] = (
    commitment_overdue,
    commitment_due_soon,
    commitment_done_late,
    commitment_renegotiation_mismatch,
    commitment_silent_slip,
    promise_moved_by_promiser,
    action_item_overdue,
    action_item_unowned,
    action_item_undated,
    action_item_commitment_mismatch,
    risk_review_overdue,
    risk_acceptance_expired,
    risk_contingency_unagreed,
    risk_high_unplanned,
    risk_prevention_overdue,
    risk_occurred_unlinked,
    risk_score_rising,
    risk_review_rubber_stamp,
    risk_review_score_mismatch,
    scope_change_unapproved,
    scope_silent_resign,
    scope_resign_unapproved,
    scope_unsigned,
    decision_by_team,
    decision_without_authority,
    change_request_pending,
    change_request_schedule_unexplained,
    deliverable_overdue,
    deliverable_acceptance_waiting,
    deliverable_accepted_by_team,
    deliverable_acceptance_incomplete,
    deliverable_acceptance_invalidated,
    deliverable_rejected_unfollowed,
    deliverable_milestone_mismatch,
    milestone_beyond_buffer,
    milestone_buffer_low,
    milestone_done_unaccepted,
    milestone_overdue,
    milestone_rebaseline_mismatch,
    milestone_silent_rebaseline,
    training_not_held,
    cost_overrun_forecast,
    cost_actuals_missing,
    budget_plan_mismatch,
    defects_rising,
    closure_missing,
    closure_items_untransferred,
    closure_no_retrospective,
    lesson_action_overdue,
    meeting_cadence_missed,
    meeting_agenda_incomplete,
    stakeholder_unheard,
    concern_response_late,
    concern_resolved_late,
    feedback_stale,
    feedback_dropping,
    feedback_low,
    feedback_unanswered,
    team_pulse_low,
)
RULES: Mapping[str, Rule] = MappingProxyType({rule.ID: rule for rule in _MODULES})
LEVELS = ("error", "warning", "info", "off")


@struct(kw_only=False)
class RuleSetting:
    """A rule as configured: severity (None when off), options, and whether it may
    fail the pre-commit hook."""

    severity: Severity | None
    options: Mapping[str, OptionValue]
    block_commits: bool


def rule_settings(section: Mapping[str, Any]) -> dict[str, RuleSetting]:
    """The `rules:` section (already schema-checked) merged over each rule's defaults."""
    return {rule_id: _setting(rule, section.get(rule_id)) for rule_id, rule in RULES.items()}


def _setting(rule: Rule, raw: Any) -> RuleSetting:
    config: dict[str, Any] = {"level": raw} if isinstance(raw, str) else dict(raw or {})
    level = config.pop("level", rule.SEVERITY.value)
    block = config.pop("block_commits", rule.BLOCKS_COMMITS)
    options = {name: config.get(name, option.default) for name, option in rule.OPTIONS.items()}
    severity = None if level == "off" else Severity(level)
    return RuleSetting(severity, MappingProxyType(options), block)


def wants_history(only: Collection[str] | None, section: Mapping[str, Any]) -> bool:
    """Whether any enabled rule (of `only`, if given) reads git history."""
    settings = rule_settings(section)
    return any(
        rule.NEEDS_HISTORY
        and settings[rule_id].severity is not None
        and (only is None or rule_id in only)
        for rule_id, rule in RULES.items()
    )


def run_rules(
    project: Project,
    ctx: Context,
    *,
    only: Collection[str] | None = None,
    hook: bool = False,
    whole_project: bool = True,
) -> list[Finding]:
    """Every enabled rule's findings, stamped with rule name, severity and ignore reason.

    `only` limits the rules run; `hook` caps rules that may not block commits at warning;
    `whole_project=False` (a project of the changed files only) skips rules that weigh
    other files.
    """
    settings = rule_settings(project.settings.rules)
    ignores = entity_ignores(project)
    findings: list[Finding] = []
    for rule_id, rule in RULES.items():
        setting = settings[rule_id]
        if setting.severity is None or (only is not None and rule_id not in only):
            continue
        if rule.WHOLE_PROJECT and not whole_project:
            continue
        severity = setting.severity
        if hook and not setting.block_commits and severity is Severity.ERROR:
            severity = Severity.WARNING
        try:
            hits = list(rule.check(project, setting.options, ctx))
        except Exception as exc:  # one broken rule must not hide the others' results
            findings.append(_crashed(rule, project, exc))
            continue
        findings.extend(
            Finding(
                path=h.path,
                line=h.line,
                col=h.col,
                rule=rule_id,
                severity=severity,
                message=h.message,
                entity=h.entity,
                client=h.client,
                ignored=ignores.get(h.entity or "", {}).get(rule_id),
            )
            for h in hits
        )
    return findings


def _crashed(rule: Rule, project: Project, exc: Exception) -> Finding:
    """An `internal-error` finding naming the rule whose `check` raised."""
    return Finding(
        path=project.settings.source.path,
        line=None,
        col=None,
        rule="internal-error",
        severity=Severity.ERROR,
        message=_(
            "rule {rule} crashed ({error}: {exc}); its results are missing. Please "
            "report this with the file that triggers it"
        ).format(rule=rule.ID, error=type(exc).__name__, exc=exc),
    )


def _ignorable(project: Project) -> Iterator[Entity]:
    return (entity for entity in project.entities() if entity.ignore)


def entity_ignores(project: Project) -> dict[str, Mapping[str, str]]:
    """Entity id -> {rule name: reason} for every entity with an `ignore:` map."""
    return {entity.id: entity.ignore for entity in _ignorable(project)}


def unknown_ignores(project: Project) -> Iterator[Finding]:
    """`ignore:` keys that name no health rule: a typo would silence nothing."""
    for entity in _ignorable(project):
        source = entity.source
        for name in entity.ignore:
            if name in RULES:
                continue
            close = did_you_mean(name, sorted(RULES), n=1)
            hint = _(" (did you mean '{close}'?)").format(close=close[0]) if close else ""
            line, col = source.positions.of_key((*source.prefix, "ignore", name))
            yield Finding(
                path=source.path,
                line=line,
                col=col,
                rule="unknown-rule",
                severity=Severity.ERROR,
                message=_(
                    "'{name}' is not a health rule{hint}; `riskdocs rules` lists them"
                ).format(name=name, hint=hint),
                entity=entity.id,
            )
