"""Live risks not reviewed on time.

Why it matters: a risk register is only as honest as its last review. A risk
whose `review_by` date has passed, or (without `review_by`) whose last review
is older than the interval for its band in `thresholds.risk_review_days`, may
be scored on facts that no longer hold. Closed risks are not checked.

Passes (today 2026-11-26, high risks reviewed every 7 days):

    probability: 4
    impact: 5
    reviews:
      - {on: 2026-11-23, by: alice}

Fails (last reviewed 25 days ago):

    probability: 4
    impact: 5
    reviews:
      - {on: 2026-11-01, by: alice}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from riskdocs.dates import long_date
from riskdocs.finding import Severity
from riskdocs.model.entities import Project, Risk, Thresholds
from riskdocs.rules.base import Context, Hit, Option, days, hit

ID = "risk-review-overdue"
SEVERITY = Severity.WARNING
AREA = "risks"
DATE_DRIVEN = True
BLOCKS_COMMITS = False
NEEDS_HISTORY = False
WHOLE_PROJECT = False
OPTIONS: dict[str, Option] = {}
LIVE = ("open", "watching", "occurred")


def check(project: Project, opts: Mapping[str, Any], ctx: Context) -> Iterator[Hit]:
    thresholds = project.settings.thresholds
    for risk in project.risks:
        if risk.status not in LIVE:
            continue
        if risk.review_by is not None:
            late = (ctx.today - risk.review_by).days
            if late > 0:
                yield hit(
                    risk.source,
                    ("review_by",),
                    f"{risk.id} was to be reviewed by {risk.review_by} ({days(late)} ago): "
                    "review it, add an entry under `reviews:` and set the next `review_by`",
                    risk.id,
                    client=f"Risk \u201c{risk.title}\u201d was due for review on "
                    f"{long_date(risk.review_by)}; the review is {days(late)} late.",
                )
        else:
            yield from _interval_passed(risk, thresholds, ctx)


def _interval_passed(risk: Risk, thresholds: Thresholds, ctx: Context) -> Iterator[Hit]:
    band = thresholds.band(risk.score)
    interval = thresholds.risk_review_days[band]
    if risk.reviews:
        index, last = max(enumerate(risk.reviews), key=lambda pair: pair[1].on)
        path: tuple[str | int, ...] = ("reviews", index, "on")
        since, what = last.on, f"last reviewed {last.on}"
    else:
        path, since, what = ("raised",), risk.raised, f"raised {risk.raised} and never reviewed"
    age = (ctx.today - since).days
    if age > interval:
        yield hit(
            risk.source,
            path,
            f"{risk.id} (score {risk.score}, {band}) was {what}, {days(age)} ago; {band} risks "
            f"are reviewed every {days(interval)}: review it and add an entry under `reviews:`",
            risk.id,
            client=f"Risk \u201c{risk.title}\u201d was last looked at {days(age)} ago; "
            f"{band} risks are reviewed every {days(interval)}.",
        )
