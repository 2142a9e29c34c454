"""Output formats: pure functions from findings to text, in one name -> function table.

Each formatter takes the sorted findings and the number of files checked and
returns the whole output as a string; none knows anything about checks.
Findings silenced by an entity's `ignore:` are listed by text, github and gitlab
only with `show_ignored`; json always carries them (with the reason) and SARIF
records them as suppressions with the reason as justification.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol
from urllib.parse import quote

from riskdocs import __version__
from riskdocs.finding import Finding, Severity, count_by_severity
from riskdocs.i18n import _, listed, ngettext
from riskdocs.visible import visible


class Formatter(Protocol):
    def __call__(
        self, findings: Sequence[Finding], files_checked: int, *, show_ignored: bool = False
    ) -> str: ...


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# GitLab's scale is info, minor, major, critical, blocker; an error is `major` so that
# the merge request widget ranks it above warnings without calling a typo a blocker.
_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def summary(findings: Sequence[Finding], files_checked: int) -> str:
    """One line: how many files, and how many findings of each severity."""
    counts = count_by_severity(findings)
    ignored = sum(1 for f in findings if f.ignored)
    files = ngettext("{count} file checked", "{count} files checked", files_checked).format(
        count=files_checked
    )
    note = _(" ({count} ignored by `ignore:`)").format(count=ignored) if ignored else ""
    if not counts:
        return _("riskdocs: {files}, no problems found{note}").format(files=files, note=note)
    parts = listed(_count(counts[s], s) for s in Severity if counts[s])
    return _("riskdocs: {files}: {counts}{note}").format(files=files, counts=parts, note=note)


def _count(count: int, severity: Severity) -> str:
    if severity is Severity.ERROR:
        return ngettext("{count} error", "{count} errors", count).format(count=count)
    if severity is Severity.WARNING:
        return ngettext("{count} warning", "{count} warnings", count).format(count=count)
    return ngettext("{count} info", "{count} info", count).format(count=count)


def location(finding: Finding) -> str:
    """`path:line:col`, the path with its control characters escaped."""
    if finding.line is None:
        return visible(finding.path)
    return f"{visible(finding.path)}:{finding.line}:{finding.col or 1}"


def format_text(
    findings: Sequence[Finding], files_checked: int, *, show_ignored: bool = False
) -> str:
    """`path:line:col: severity [rule] message`, one a line, then a summary line."""
    lines = finding_lines(findings, show_ignored=show_ignored)
    lines.append(summary(findings, files_checked))
    return "\n".join(lines) + "\n"


def finding_lines(findings: Sequence[Finding], *, show_ignored: bool = False) -> list[str]:
    """`path:line:col: severity [rule] message` for each finding."""
    return [
        f"{location(f)}: {_label(f)} [{f.rule}] {visible(f.message)}{_reason(f)}"
        for f in findings
        if show_ignored or not f.ignored
    ]


def _label(finding: Finding) -> str:
    return "ignored" if finding.ignored else finding.severity.value


def _reason(finding: Finding) -> str:
    if not finding.ignored:
        return ""
    return _(" (ignored: {reason})").format(reason=visible(finding.ignored))


def format_json(
    findings: Sequence[Finding], files_checked: int, *, show_ignored: bool = False
) -> str:
    """Every finding, ignored ones with their reason under `ignored`."""
    document = {
        "version": 1,
        "files_checked": files_checked,
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity.value,
                "path": f.path,
                "line": f.line,
                "col": f.col,
                "message": f.message,
                "entity": f.entity,
                "ignored": f.ignored,
            }
            for f in findings
        ],
    }
    import json

    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def _escape_data(text: str) -> str:
    """A workflow command's message: `%` and line breaks escaped as GitHub decodes them
    (a raw line break would end the command and start a line GitHub reads as another),
    every other control character visible."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(
    findings: Sequence[Finding], files_checked: int, *, show_ignored: bool = False
) -> str:
    """GitHub Actions workflow commands; a plain summary line follows, since GitHub
    shows only the first 10 annotations of each level per step."""
    lines = []
    for f in findings:
        if f.ignored and not show_ignored:
            continue
        command = "notice" if f.ignored else _GITHUB_COMMAND[f.severity]
        props = [f"file={_escape_property(f.path)}"]
        if f.line is not None:
            props += [f"line={f.line}", f"col={f.col or 1}"]
        props.append(f"title={_escape_property('riskdocs ' + f.rule)}")
        lines.append(f"::{command} {','.join(props)}::{_escape_data(f.message + _reason(f))}")
    lines.append(summary(findings, files_checked))
    return "\n".join(lines) + "\n"


def format_sarif(
    findings: Sequence[Finding], files_checked: int, *, show_ignored: bool = False
) -> str:
    """A SARIF 2.1.0 log with one run; the rules it reports are described in the driver,
    as GitHub code scanning requires (short and full description, help)."""
    from riskdocs.rules.docs import sarif_descriptor

    rule_ids = sorted({f.rule for f in findings})
    rule_index = {rule: index for index, rule in enumerate(rule_ids)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "riskdocs",
                        "version": __version__,
                        "rules": [sarif_descriptor(rule) for rule in rule_ids],
                    }
                },
                "results": [_sarif_result(f, rule_index[f.rule]) for f in findings],
            }
        ],
    }
    import json

    return json.dumps(log, indent=2, sort_keys=True) + "\n"


def _sarif_result(finding: Finding, rule_index: int) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": quote(finding.path)}}
    if finding.line is not None:
        physical["region"] = {"startLine": finding.line, "startColumn": finding.col or 1}
    result: dict[str, object] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
    }
    if finding.entity:
        result["properties"] = {"entity": finding.entity}
    if finding.ignored:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.ignored}]
    return result


def format_gitlab(
    findings: Sequence[Finding], files_checked: int, *, show_ignored: bool = False
) -> str:
    """A GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of
    issues. The fingerprint is the rule, the file and the entity (and which of their
    findings it is): no line, so an issue keeps its identity when lines above it move,
    and no message, which counts days; the merge request widget then shows only what is
    new or fixed."""
    import hashlib
    import json

    seen: dict[str, int] = {}
    issues = []
    for f in findings:
        if f.ignored and not show_ignored:
            continue
        identity = "\0".join((f.rule, f.path, f.entity or ""))
        occurrence = seen[identity] = seen.get(identity, 0) + 1
        digest = hashlib.sha256(f"{identity}\0{occurrence}".encode()).hexdigest()[:32]
        issues.append(
            {
                "description": f.message + _reason(f),
                "check_name": f.rule,
                "fingerprint": digest,
                "severity": "info" if f.ignored else _GITLAB_SEVERITY[f.severity],
                "location": {"path": f.path, "lines": {"begin": f.line or 1}},
            }
        )
    return json.dumps(issues, indent=2) + "\n"  # ASCII: no raw bidi or control character


FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
    "gitlab": format_gitlab,
}
