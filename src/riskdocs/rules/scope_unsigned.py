"""A scope baseline the client has not signed off.

Why it matters: until the client signs the baseline, every later argument
about what was agreed is one person's word against another's. Record the
date and who signed with `signed_off:` and `signed_off_by:`.

Passes:

    signed_off: 2026-10-09
    signed_off_by: erik

Fails:

    deliverables:
      - {id: D-001, title: Tracking page, acceptance: [...]}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.finding import Severity
from riskdocs.i18n import _
from riskdocs.model.entities import Project
from riskdocs.rules.base import Context, Hit, Option, hit

ID = "scope-unsigned"
SEVERITY = Severity.WARNING
AREA = "scope"
DATE_DRIVEN = False
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    scope = project.scope
    if scope is not None and scope.signed_off is None:
        yield hit(
            scope.source,
            ("deliverables",),
            _(
                "the scope baseline is not signed off: once the client agrees, record "
                "`signed_off:` (the date) and `signed_off_by:` (who signed)"
            ),
            None,
            client=_(
                "The scope is not signed yet: until it is, what the project delivers is not "
                "agreed in writing."
            ),
            at_key=True,
        )
