"""Renegotiations that do not chain up to the commitment's current due date.

Why it matters: `renegotiated:` is the record of every date the client agreed
to. Each entry's `from` must be the previous entry's `to` (or the original
date), and the last `to` must be the `due` date. A `due` that differs from the
last agreed date is a move nobody agreed to: record it, or put the date back.

Passes:

    due: 2026-11-25
    renegotiated:
      - {on: 2026-11-18, from: 2026-11-20, to: 2026-11-25, agreed_by: dana}

Fails (due moved again without an entry):

    due: 2026-12-02
    renegotiated:
      - {on: 2026-11-18, from: 2026-11-20, to: 2026-11-25, agreed_by: dana}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Commitment, Project
from riskdocs.rules.base import Context, Hit, Option, chain_breaks, hit

ID = "commitment-renegotiation-mismatch"
SEVERITY = Severity.ERROR
AREA = "commitments"
DATE_DRIVEN = False
BLOCKS_COMMITS = True
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    for commitment in project.commitments:
        yield from _broken_links(commitment)
        moves = commitment.renegotiated
        if moves and moves[-1].new_due != commitment.due:
            yield hit(
                commitment.source,
                ("due",),
                _(
                    "{id} is due {due}, but the last agreed date under `renegotiated:` is "
                    "{new_due}: record who agreed to the move, or put the agreed date back"
                ).format(id=commitment.id, due=commitment.due, new_due=moves[-1].new_due),
                commitment.id,
                client=_(
                    "The date of \u201c{title}\u201d has no record of who agreed to it yet; the "
                    "team is completing the record."
                ).format(title=commitment.title),
            )


def _broken_links(commitment: Commitment) -> Iterator[Hit]:
    moves = commitment.renegotiated
    for index, old, previous in chain_breaks([(m.old_due, m.new_due) for m in moves]):
        yield hit(
            commitment.source,
            ("renegotiated", index, "from"),
            _(
                "this renegotiation moves the date from {old}, but the one before moved "
                "it to {previous}: entries are oldest first and each `from` is the "
                "previous `to`"
            ).format(old=old, previous=previous),
            commitment.id,
            client=_(
                "The record of agreed dates of \u201c{title}\u201d does not add up; the team is "
                "correcting it."
            ).format(title=commitment.title),
        )
    for index in range(1, len(moves)):
        if moves[index].on < moves[index - 1].on:
            yield hit(
                commitment.source,
                ("renegotiated", index, "on"),
                _(
                    "renegotiated on {on}, before the entry above it ({previous}): list entries "
                    "oldest first"
                ).format(on=moves[index].on, previous=moves[index - 1].on),
                commitment.id,
                client=_(
                    "The record of agreed dates of \u201c{title}\u201d is out of order; the team "
                    "is correcting it."
                ).format(title=commitment.title),
            )
