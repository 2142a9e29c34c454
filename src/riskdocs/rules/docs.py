"""Documentation generated from the rule modules: `riskdocs rules`, docs/rules.md and
the `rules:` part of schemas/config.schema.json all come from here, so the
docstrings are the single source of what each rule does.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any

from riskdocs.i18n import _
from riskdocs.rules import LEVELS, RULES
from riskdocs.rules.base import Option, Rule, rule_summary, summary_line
from riskdocs.words import word

_JSON_TYPES = {bool: "boolean", int: "integer", float: "number"}


def rule_listing() -> str:
    """One line per rule: name, severity, area, date-driven and blocking marks, summary."""
    width = max(len(rule_id) for rule_id in RULES)
    lines = [
        f"{rule_id:<{width}}  {rule.SEVERITY.value:<7}  {rule.AREA:<13}  "
        f"{'date' if rule.DATE_DRIVEN else '    '}  {'blocks' if rule.BLOCKS_COMMITS else '      '}"
        f"  {rule_summary(rule)}"
        for rule_id, rule in RULES.items()
    ]
    return "\n".join(lines) + "\n"


def hook_behaviour(rule: Rule) -> str:
    """What the pre-commit hook does with the rule's findings, in one sentence."""
    where = (
        _(
            " It weighs files the hook does not read, so the hook runs it only when a commit "
            "changes riskdocs.yaml, the scope baseline, the contract or the closure record, "
            "or deletes a file; CI runs it always."
        )
        if rule.WHOLE_PROJECT
        else ""
    )
    if rule.BLOCKS_COMMITS:
        return _(
            "Pre-commit hook: blocks the commit (a broken or dishonest record).{where}"
        ).format(where=where)
    return _(
        "Pre-commit hook: shown as a warning, never blocks (it records the state of the "
        "project), unless `block_commits: true`.{where}"
    ).format(where=where)


RULES_PAGE = "docs/rules.md"


def sarif_descriptor(rule_id: str) -> dict[str, Any]:
    """A SARIF `reportingDescriptor` for a rule or built-in check: the short and full
    descriptions and help that GitHub code scanning shows with each alert."""
    from riskdocs.checks.catalog import BUILTIN_CHECKS

    rule = RULES.get(rule_id)
    if rule is None:
        summary = BUILTIN_CHECKS.get(rule_id, rule_id)
        why = "A built-in check: the project's files must be readable and consistent."
        text = f"{summary}\n\n{why} `riskdocs rules {rule_id}` explains it."
        return {"id": rule_id, "shortDescription": {"text": summary},
                "fullDescription": {"text": f"{summary} {why}"},
                "help": {"text": text, "markdown": text}}  # fmt: skip
    doc = inspect.cleandoc(rule.__doc__ or "")
    paragraphs = doc.split("\n\n")
    why = " ".join(paragraphs[1].split()) if len(paragraphs) > 1 else summary_line(rule)
    help_text = f"{doc}\n\n{hook_behaviour(rule)}\n\nSee {RULES_PAGE}#{rule_id}."
    return {
        "id": rule_id,
        "shortDescription": {"text": summary_line(rule)},
        "fullDescription": {"text": why},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": {"error": "error", "warning": "warning",
                                           "info": "note"}[rule.SEVERITY.value]},
        "properties": {"area": rule.AREA, "blocks-commits": rule.BLOCKS_COMMITS},
    }  # fmt: skip


def rule_help(rule: Rule) -> str:
    """The whole documentation of one rule, as plain text: its summary, the hook's policy
    and the options in the language of the command; why it matters and its examples as
    the rule's docstring writes them."""
    marks = (_(", date-driven") if rule.DATE_DRIVEN else "") + (
        _(", whole-project") if rule.WHOLE_PROJECT else ""
    )
    _summary, *body = inspect.cleandoc(rule.__doc__ or "").split("\n")
    head = [
        _("{rule} (default {severity}, area {area}{marks})").format(
            rule=rule.ID, severity=word(rule.SEVERITY.value), area=word(rule.AREA), marks=marks
        ),
        hook_behaviour(rule),
        "",
        rule_summary(rule),
        *body,
    ]
    if rule.OPTIONS:
        head += ["", _("Options (under `rules:` in riskdocs.yaml):")]
        head += [
            "  "
            + _("{name}: {description} Default: {default}.").format(
                name=name, description=_(o.description), default=o.default
            )
            for name, o in rule.OPTIONS.items()
        ]
    return "\n".join(head) + "\n"


def rules_markdown() -> str:
    """docs/rules.md: every rule's documentation, in table order."""
    parts = [
        "# Health rules",
        "",
        "Generated from the rule modules by `pytest --update-expected`; do not edit by hand.",
        "Configure them under `rules:` in riskdocs.yaml (see the README). The pre-commit hook",
        "*blocks* a commit only on rules that find a broken or dishonest record (a silent",
        "slip, a self-agreed move); rules that record the state of the project, however bad",
        "(overdue, beyond buffer, a high risk without a plan yet), are shown as warnings and",
        "never block unless you set `block_commits: true`. *Date-driven* rules fire only",
        "because time passed. *Whole-project* rules weigh other files or the",
        "committed history too (a cadence, a trend, links pointing at an entity), so the",
        "pre-commit hook, which reads only the changed files and what is staged, leaves",
        "them to full runs such as CI.",
        "",
        "| rule | default | area | date-driven | hook blocks | checks |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    parts += [
        f"| [`{i}`](#{i}) | {r.SEVERITY.value} | {r.AREA} | {'yes' if r.DATE_DRIVEN else ''} "
        f"| {'yes' if r.BLOCKS_COMMITS else ''} | {summary_line(r)} |"
        for i, r in RULES.items()
    ]
    for rule_id, rule in RULES.items():
        parts += ["", f"## {rule_id}", "", _markdown_body(rule)]
    return "\n".join(parts) + "\n"


def _markdown_body(rule: Rule) -> str:
    doc = inspect.cleandoc(rule.__doc__ or "")
    meta = (
        f"Default severity **{rule.SEVERITY.value}**, area *{rule.AREA}*"
        f"{', date-driven' if rule.DATE_DRIVEN else ''}"
        f"{', whole-project' if rule.WHOLE_PROJECT else ''}. {hook_behaviour(rule)}"
    )
    lines = [meta, "", doc]
    if rule.OPTIONS:
        lines += ["", "| option | default | meaning |", "| --- | --- | --- |"]
        lines += [f"| `{n}` | {o.default} | {o.description} |" for n, o in rule.OPTIONS.items()]
    return "\n".join(lines)


def rules_schema() -> dict[str, Any]:
    """The JSON Schema of the `rules:` section: every rule, its levels and its options."""
    return {
        "type": "object",
        "description": "Health rule settings: rule name -> a level (error, warning, info, "
        "off) or a mapping of `level`, `block_commits` and the rule's options.",
        "additionalProperties": False,
        "properties": {rule_id: _rule_schema(rule) for rule_id, rule in RULES.items()},
        "examples": [{"commitment-due-soon": {"days": 5}, "feedback-low": "off"}],
    }


def _rule_schema(rule: Rule) -> dict[str, Any]:
    setting: dict[str, Any] = {
        "level": {"$ref": "#/definitions/ruleLevel"},
        "block_commits": {
            "type": "boolean",
            "default": rule.BLOCKS_COMMITS,
            "description": "Whether this rule's errors may fail the pre-commit hook.",
        },
    }
    setting.update({name: _option_schema(option) for name, option in rule.OPTIONS.items()})
    date_note = " Date-driven." if rule.DATE_DRIVEN else ""
    date_note += "" if rule.BLOCKS_COMMITS else " Never blocks a commit by default."
    return {
        "description": f"{summary_line(rule)} Default: {rule.SEVERITY.value}.{date_note}",
        "type": ["string", "object"],
        # editors complete values from `examples` (they read no `then`): the levels
        "examples": list(LEVELS),
        "if": {"type": "string"},
        "then": {"$ref": "#/definitions/ruleLevel"},
        "else": {"type": "object", "additionalProperties": False, "properties": setting},
    }


def _option_schema(option: Option) -> Mapping[str, Any]:
    schema: dict[str, Any] = {
        "type": _JSON_TYPES[type(option.default)],
        "default": option.default,
        "description": option.description,
    }
    if option.minimum is not None and not isinstance(option.default, bool):
        schema["minimum"] = option.minimum
    return schema


def level_schema() -> dict[str, Any]:
    meanings = {
        "error": "Report it and fail the run (exit 1).",
        "warning": "Report it; the run still passes.",
        "info": "Report it as information.",
        "off": "Do not run the rule.",
    }
    return {
        "description": "How a rule's findings count.",
        "type": "string",
        "oneOf": [{"const": level, "description": meanings[level]} for level in LEVELS],
    }
