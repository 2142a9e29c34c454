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
from riskdocs.i18n import _, days
from riskdocs.model.entities import Project, Risk, Thresholds
from riskdocs.rules.base import Context, Hit, Option, hit
from riskdocs.words import word

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
                    _(
                        "{id} was to be reviewed by {review_by} ({late} ago): review it, add an "
                        "entry under `reviews:` and set the next `review_by`"
                    ).format(id=risk.id, review_by=risk.review_by, late=days(late)),
                    risk.id,
                    client=_(
                        "Risk \u201c{title}\u201d was due for review on {review_by}; the review "
                        "is {late} late."
                    ).format(
                        title=risk.title, review_by=long_date(risk.review_by), late=days(late)
                    ),
                )
        else:
            yield from _interval_passed(risk, thresholds, ctx)


def _interval_passed(risk: Risk, thresholds: Thresholds, ctx: Context) -> Iterator[Hit]:
    band = thresholds.band(risk.score)
    interval = thresholds.risk_review_days[band]
    if risk.reviews:
        index, last = max(enumerate(risk.reviews), key=lambda pair: pair[1].on)
        path: tuple[str | int, ...] = ("reviews", index, "on")
        since, what = last.on, _("last reviewed {on}").format(on=last.on)
    else:
        path, since, what = (
            ("raised",),
            risk.raised,
            _("raised {raised} and never reviewed").format(raised=risk.raised),
        )
    age = (ctx.today - since).days
    if age > interval:
        yield hit(
            risk.source,
            path,
            _(
                "{id} (score {score}, {band}) was {what}, {age} ago; {band} risks are "
                "reviewed every {interval}: review it and add an entry under `reviews:`"
            ).format(
                id=risk.id,
                score=risk.score,
                band=word(band),
                what=what,
                age=days(age),
                interval=days(interval),
            ),
            risk.id,
            client=_(
                "Risk \u201c{title}\u201d was last looked at {age} ago; {band} risks are reviewed "
                "every {interval}."
            ).format(title=risk.title, age=days(age), band=word(band), interval=days(interval)),
        )
