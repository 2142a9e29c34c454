"""The portfolio page: the view rendered through the status page's template environment
(autoescape, every value made visible), its style sheet and script, and a calibration
chart drawn as inline SVG, so `index.html` is one self-contained file."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from riskdocs.i18n import N_, _, current, listed
from riskdocs.report.html import environment
from riskdocs.report.markup import html_text
from riskdocs.resources import report_template

HEALTH_ORDER = {"red": 0, "amber": 1, "green": 2}
PROBABILITY_WORDS = {1: N_("rare"), 2: N_("unlikely"), 3: N_("possible"), 4: N_("likely"),
                     5: N_("almost certain")}  # fmt: skip
VERDICT_WORDS = {
    "unknown": N_("no outcome yet"),
    "consistent": N_("consistent with the scores"),
    "lower": N_("occurred less often than scored"),
    "higher": N_("occurred more often than scored"),
}
STATE_WORDS = {
    "current": N_("current"),
    "stale": N_("stale"),
    "missing": N_("missing"),
    "unreadable": N_("unreadable"),
    "version": N_("other version"),
    "wrong-view": N_("wrong view"),
    "not-yet": N_("not yet"),
    "failed": N_("not built"),
}


def render_portfolio_page(view: dict[str, Any]) -> str:
    names = {p["key"]: p["name"] for p in view["projects"]}
    return (
        environment()
        .get_template("portfolio.html.j2")
        .render(
            v=view,
            title=view["title"] or _("Portfolio"),
            language=current(),
            named=lambda keys: listed(names[k] for k in keys),
            urls={p["key"]: p["url"] for p in view["projects"]},
            health_order=HEALTH_ORDER,
            probability_words={k: _(w) for k, w in PROBABILITY_WORDS.items()},
            verdict_words={k: _(w) for k, w in VERDICT_WORDS.items()},
            state_words={k: _(w) for k, w in STATE_WORDS.items()},
            css=Markup(report_template("style.css")),
            portfolio_css=Markup(report_template("portfolio.css")),
            script=Markup(report_template("page.js")),
            portfolio_script=Markup(report_template("portfolio.js")),
            calibration_chart=Markup(calibration_chart(view["calibration"]["rows"])),
        )
    )


SIZE, PAD = 320, 48  # a square plot: the diagonal is the honest score


def calibration_chart(rows: list[dict[str, Any]]) -> str:
    """Predicted (x) against observed (y) share per probability, with the 95% interval."""
    span = SIZE - 2 * PAD

    def x(share: float) -> float:
        return round(PAD + share * span, 1)

    def y(share: float) -> float:
        return round(SIZE - PAD - share * span, 1)

    parts = [
        f'<rect class="frame" x="{PAD}" y="{PAD}" width="{span}" height="{span}"/>',
        f'<line class="diagonal" x1="{x(0)}" y1="{y(0)}" x2="{x(1)}" y2="{y(1)}"/>',
    ]
    for tick in (0, 0.5, 1):
        label = f"{round(tick * 100)}%"
        parts.append(f'<text x="{x(tick)}" y="{SIZE - PAD + 16}">{label}</text>')
        parts.append(
            f'<text x="{PAD - 8}" y="{y(tick) + 4}" style="text-anchor:end">{label}</text>'
        )
    predicted, observed = html_text(_("Predicted")), html_text(_("Observed"))
    parts.append(f'<text class="axis-title" x="{SIZE / 2}" y="{SIZE - 6}">{predicted}</text>')
    parts.append(
        f'<text class="axis-title" x="10" y="{SIZE / 2}" '
        f'transform="rotate(-90 10 {SIZE / 2})">{observed}</text>'
    )
    described = []
    for row in rows:
        if row["observed"] is None:
            continue
        px, py = x(row["predicted"]), y(row["observed"])
        low, high = row["interval"]
        parts.append(f'<line class="whisker" x1="{px}" y1="{y(low)}" x2="{px}" y2="{y(high)}"/>')
        parts.append(f'<circle class="point {row["verdict"]}" cx="{px}" cy="{py}" r="6"/>')
        parts.append(f'<text class="label" x="{px + 12}" y="{py + 4}" style="text-anchor:start">'
                     f'{row["probability"]}</text>')  # fmt: skip
        described.append(
            _("probability {probability}: predicted {predicted}, observed {observed}").format(
                probability=row["probability"],
                predicted=f"{round(row['predicted'] * 100)}%",
                observed=f"{round(row['observed'] * 100)}%",
            )
        )
    label = (
        _("Risk calibration: {points}").format(points=listed(described))
        if described
        else _("Risk calibration: no risk has an outcome yet")
    )
    return (
        f'<svg class="calibration-chart" viewBox="0 0 {SIZE} {SIZE}" role="img" '
        f'aria-label="{html_text(label)}">' + "".join(parts) + "</svg>"
    )
