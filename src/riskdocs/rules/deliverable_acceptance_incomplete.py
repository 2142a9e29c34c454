"""Acceptances that do not say how each acceptance criterion was met.

Why it matters: an acceptance is only as good as its criteria. Recording a
result for each criterion (passed or not, with evidence: a link to the test run
or a note of how it was checked) lets anyone see later what the client agreed
to, and an accepted criterion that did not pass is a reservation both sides
should see. `accepted: results:` lists one result per criterion, in the order
`acceptance:` lists them.

Passes (two criteria, two results):

    acceptance: [Finds any shipment by number, Updates within 5 minutes]
    accepted:
      on: 2026-11-26
      by: dana
      results:
        - {passed: true, evidence: https://ci.example.com/run/812}
        - {passed: true, evidence: Shown in the weekly status}

Fails (no results recorded):

    acceptance: [Finds any shipment by number, Updates within 5 minutes]
    accepted: {on: 2026-11-26, by: dana}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _, ngettext
from riskdocs.model.entities import Deliverable, Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "deliverable-acceptance-incomplete"
SEVERITY = Severity.WARNING
AREA = "scope"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for deliverable in project.deliverables:
        if deliverable.state == "accepted" and deliverable.accepted is not None:
            yield from _incomplete(deliverable)


def _incomplete(deliverable: Deliverable) -> Iterator[Hit]:
    assert deliverable.accepted is not None
    results, criteria = deliverable.accepted.results, len(deliverable.acceptance)
    if len(results) != criteria:
        count = ngettext(
            "{count} acceptance criterion", "{count} acceptance criteria", criteria
        ).format(count=criteria)
        yield hit(
            deliverable.source,
            ("accepted", "results") if results else ("accepted",),
            _(
                "{id} has {count} and its acceptance records {results} results: give one "
                "result per criterion under `accepted: results:` (passed, evidence), in the "
                "order `acceptance:` lists them"
            ).format(id=deliverable.id, count=count, results=len(results)),
            deliverable.id,
            client=_(
                "The acceptance of \u201c{title}\u201d does not yet say how each acceptance "
                "criterion was met."
            ).format(title=deliverable.title),
        )
        return
    for index, result in enumerate(results):
        if not result.passed:
            yield hit(
                deliverable.source,
                ("accepted", "results", index, "passed"),
                _(
                    "{id} was accepted with criterion {number} not met (\u201c{criterion}\u201d): "
                    "record the reservation and its follow-up (a commitment or a change request) "
                    "in `accepted: note:`, or reject the deliverable"
                ).format(
                    id=deliverable.id,
                    number=index + 1,
                    criterion=deliverable.acceptance[index],
                ),
                deliverable.id,
                client=_(
                    "\u201c{title}\u201d was accepted although \u201c{criterion}\u201d was not met."
                ).format(title=deliverable.title, criterion=deliverable.acceptance[index]),
            )
