"""Risks that occurred with nothing recording what was done about it.

Why it matters: when a risk becomes a problem the client needs to see the
consequence handled: a concern, a commitment or a change request that links
to the risk (under `links: {risks: [...]}`), or that the risk links to.

Passes:

    # risks/R-002.yaml
    status: occurred
    links:
      change_requests: [CR-001]

Fails (occurred, nothing links to it):

    status: occurred
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Project, Risk
from riskdocs.rules.base import Context, Hit, Linked, Option, hit

ID = "risk-occurred-unlinked"
SEVERITY = Severity.WARNING
AREA = "risks"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = True
OPTIONS: dict[str, Option] = {}
RECORD_KINDS = ("commitments", "concerns", "change_requests")


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    linked = risks_linked_from_records(project)
    for risk in project.risks:
        if risk.status == "occurred" and risk.id not in linked and not _links_a_record(risk):
            yield hit(
                risk.source,
                ("status",),
                _(
                    "{id} has occurred but no commitment, concern or change request records "
                    "what was done about it: link one under `links:` here or in that file"
                ).format(id=risk.id),
                risk.id,
                client=_(
                    "Risk \u201c{title}\u201d has happened; what is being done about it is not "
                    "recorded yet."
                ).format(title=risk.title),
            )


def risks_linked_from_records(project: Project) -> set[str]:
    records: tuple[Linked, ...] = (*project.commitments, *project.concerns, *project.changes)
    return {risk_id for record in records for risk_id in record.links.get("risks", ())}


def _links_a_record(risk: Risk) -> bool:
    return any(risk.links.get(kind) for kind in RECORD_KINDS)
