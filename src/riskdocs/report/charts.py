"""Inline SVG for the status page: the risk heat map, the milestone timeline and the
feedback trend. Pure functions from view-model parts to SVG text; every label
is escaped, and nothing refers to anything outside the page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from riskdocs.dates import parse_day
from riskdocs.i18n import N_, _, ngettext
from riskdocs.report.markup import html_text
from riskdocs.structs import struct

CELL, GAP, LABEL = 56, 4, 34


@struct(kw_only=False)
class Frame:
    """How wide a chart is drawn, in SVG units, and how many months it shows. The page
    draws each chart twice, for a desktop and for a phone, and shows one: an SVG scales
    as a whole, so a chart 1000 units wide on a 390 px phone has 4 px text, while one
    drawn 340 units wide keeps its text at the page's size."""

    width: int
    months: int
    narrow: bool


WIDE = Frame(1000, 12, narrow=False)
NARROW = Frame(340, 6, narrow=True)


def band_of(score: int, bands: dict[str, int]) -> str:
    if score >= bands["high"]:
        return "high"
    return "medium" if score >= bands["medium"] else "low"


def heat_cell(
    probability: int, impact: int, residual: tuple[int, int] | None, scores: str
) -> tuple[int, int]:
    """The heat map cell of a risk: (probability, impact), residual ones when the page
    shows residual scores and the risk records them."""
    return residual if scores == "residual" and residual else (probability, impact)


def heatmap(risks: dict[str, Any]) -> str:
    """5 x 5 grid, impact up, probability across; each cell shows its count and,
    when it has risks, links to the first of them."""
    first: dict[tuple[int, int], str] = {}
    for risk in risks["items"]:
        if risk["status"] != "closed":
            residual = risk["residual"]
            kept = (residual["probability"], residual["impact"]) if residual else None
            cell = heat_cell(risk["probability"], risk["impact"], kept, risks["scores"])
            first.setdefault(cell, risk["id"])
    size = LABEL + 5 * (CELL + GAP)
    cells = [_cell(p, i, risks, first.get((p, i))) for i in range(5, 0, -1) for p in range(1, 6)]
    middle = CELL / 2
    axis = [
        f'<text class="axis" x="{LABEL + (n - 1) * (CELL + GAP) + middle}" '
        f'y="{size + 16}">{n}</text>'
        f'<text class="axis" x="{LABEL - 12}" y="{(5 - n) * (CELL + GAP) + middle + 5}">{n}</text>'
        for n in range(1, 6)
    ]
    probability, impact = html_text(_("Probability")), html_text(_("Impact"))
    titles = (
        f'<text class="axis-title" x="{LABEL + 5 * (CELL + GAP) / 2}" y="{size + 36}">'
        f"{probability}</text>"
        f'<text class="axis-title" transform="rotate(-90)" x="{-(5 * (CELL + GAP)) / 2}" y="12">'
        f"{impact}</text>"
    )
    open_count = sum(sum(row) for row in risks["heatmap"])
    title = _("Risk heat map: {count} open risks by probability and impact").format(
        count=open_count
    )
    return (
        # a group, not an image: an image's parts are hidden, and these are links
        f'<svg class="heatmap" viewBox="0 0 {size + 4} {size + 44}" role="group" '
        f'aria-labelledby="heatmap-title"><title id="heatmap-title">{html_text(title)}</title>'
        f"{''.join(cells)}{''.join(axis)}{titles}</svg>"
    )


def _cell(probability: int, impact: int, risks: dict[str, Any], target: str | None) -> str:
    count = risks["heatmap"][5 - impact][probability - 1]
    band = band_of(probability * impact, risks["bands"])
    x = LABEL + (probability - 1) * (CELL + GAP)
    y = (5 - impact) * (CELL + GAP)
    label = ngettext(
        "probability {probability}, impact {impact}: {count} risk",
        "probability {probability}, impact {impact}: {count} risks",
        count,
    ).format(probability=probability, impact=impact, count=count)
    rect = (
        f'<rect class="cell {band}{" empty" if not count else ""}" x="{x}" y="{y}" '
        f'width="{CELL}" height="{CELL}" rx="6"/>'
        f'<text class="count" x="{x + CELL / 2}" y="{y + CELL / 2 + 7}">{count or ""}</text>'
    )
    body = f'<g class="heat-cell" data-p="{probability}" data-i="{impact}" data-count="{count}">'
    body += f"<title>{html_text(label)}</title>{rect}</g>"
    if target:
        return f'<a href="#{html_text(target)}" aria-label="{html_text(label)}">{body}</a>'
    return body


def timeline(milestones: list[dict[str, Any]], today: str, frame: Frame = WIDE) -> str:
    """One row per milestone: the buffer as a band after the baseline, the forecast as a
    dot, today as a line. Narrow, each milestone's name sits above its track."""
    if not milestones:
        return ""
    days = [parse_day(today)]
    for m in milestones:
        base = parse_day(m["baseline"])
        days += [base, parse_day(m["forecast"]), base + timedelta(m["buffer_days"])]
    start, end = min(days).toordinal() - 3, max(days).toordinal() + 3
    width = frame.width
    left, row, first = (0, 46, 44) if frame.narrow else (180, 34, 30)

    def x(day: str | date) -> float:
        ordinal = (parse_day(day) if isinstance(day, str) else day).toordinal()
        return round(left + (ordinal - start) / (end - start) * (width - left - 10), 1)

    rows = [_milestone_row(m, first + index * row, x, left, frame)
            for index, m in enumerate(milestones)]  # fmt: skip
    height = first + (len(milestones) - 1) * row + (14 if frame.narrow else row)
    today_x = x(today)
    title = html_text(
        _("Milestones: baseline, buffer and forecast against today ({day})").format(day=today)
    )
    today_word = html_text(_("today"))
    return (
        f'<svg class="timeline" viewBox="0 0 {width} {height + 10}" role="img" '
        f'aria-label="{title}"><title>{title}</title>'
        f'<line class="today" x1="{today_x}" x2="{today_x}" y1="8" y2="{height}"/>'
        f'<text class="today-label" x="{today_x}" y="8">{today_word}</text>'
        f"{''.join(rows)}</svg>"
    )


def _milestone_row(
    m: dict[str, Any], y: int, x: Callable[[str | date], float], left: int, frame: Frame
) -> str:
    base = parse_day(m["baseline"])
    buffer_width = max(x(base + timedelta(m["buffer_days"])) - x(base), 2)
    name = f"{m['id']} · {_short(m['title'], 44 if frame.narrow else 26)}"
    name_y = y - 14 if frame.narrow else y + 5
    label = ngettext(
        "{id} {title}: baseline {baseline}, forecast {forecast}, buffer {count} day",
        "{id} {title}: baseline {baseline}, forecast {forecast}, buffer {count} days",
        m["buffer_days"],
    ).format(id=m["id"], title=m["title"], baseline=m["baseline"], forecast=m["forecast"],
             count=m["buffer_days"])  # fmt: skip
    return (
        f'<g class="milestone {html_text(m["state"])}"><title>{html_text(label)}</title>'
        f'<text class="ms-label" x="0" y="{name_y}">{html_text(name)}</text>'
        f'<line class="track" x1="{left}" x2="{frame.width - 10}" y1="{y}" '
        f'y2="{y}"/><rect class="buffer" x="{x(base)}" y="{y - 7}" width="{buffer_width}" '
        f'height="14" rx="3"/><line class="baseline" x1="{x(base)}" x2="{x(base)}" '
        f'y1="{y - 10}" y2="{y + 10}"/>'
        f'<circle class="forecast" cx="{x(m["forecast"])}" cy="{y}" r="6"/></g>'
    )


# Translators: a month's short name under a chart's bar (Nov; 11月 in Chinese).
MONTHS = [N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
          N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec")]  # fmt: skip


def _month(month: str, frame: Frame) -> str:
    """A month label: `2026-11` wide, `Nov` narrow (the title and tooltip keep the year)."""
    year, _dash, number = month.partition("-")
    if frame.narrow and year.isdigit() and number.isdigit() and 1 <= int(number) <= 12:
        return _(MONTHS[int(number) - 1])
    return html_text(month)


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def trend(periods: list[dict[str, Any]], frame: Frame = WIDE) -> str:
    """Average score (1-5) per feedback period as a line with labelled points."""
    points = [(p["period"], p["average"]) for p in periods if p["average"] is not None]
    points = points[-frame.months :]
    if not points:
        return ""
    width, height, top = frame.width, 200, 20
    left, inset = (26, 24) if frame.narrow else (40, 40)
    step = (width - left - 2 * inset - 20) / max(len(points) - 1, 1)

    def y(score: float) -> float:
        return round(top + (5 - score) / 4 * (height - top - 30), 1)

    coords = [(round(left + inset + i * step, 1), y(score)) for i, (_p, score) in enumerate(points)]
    grid = "".join(
        f'<line class="grid" x1="{left}" x2="{width - 10}" y1="{y(s)}" y2="{y(s)}"/>'
        f'<text class="axis" x="{left - 10}" y="{y(s) + 4}">{s}</text>'
        for s in range(1, 6)
    )
    path = " ".join(f"{cx},{cy}" for cx, cy in coords)
    dots = "".join(
        f"<g><title>{html_text(period)}: {score:.1f}</title>"
        f'<circle class="point" cx="{cx}" cy="{cy}" r="5"/>'
        f'<text class="value" x="{cx}" y="{cy - 10}">{score:.1f}</text>'
        f'<text class="axis" x="{cx}" y="{height - 6}">{_month(period, frame)}</text></g>'
        for (period, score), (cx, cy) in zip(points, coords, strict=True)
    )
    title = html_text(_("Client satisfaction: average score per month, 1 to 5"))
    return (
        f'<svg class="trend" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{title}"><title>{title}</title>{grid}'
        f'<polyline class="line" points="{path}"/>{dots}</svg>'
    )


SIDES = (("team", N_("Our promises kept on time")), ("client", N_("Your deliveries on time")))


def kept_by_side(rows: list[dict[str, Any]], frame: Frame = WIDE) -> str:
    """Each side's on-time record so far, at the end of every month: one line per side,
    0 to 100%, with its rate on each point; empty until a side has delivered. Narrow,
    the legend's two entries are stacked."""
    shown = rows[-frame.months :]
    if not any(r["kept"][side]["on_time_rate"] is not None for r in shown for side, _said in SIDES):
        return ""
    width, height, left = frame.width, 230, 60
    top = 76 if frame.narrow else 56
    step = (width - left - 60) / max(len(shown) - 1, 1)

    def y(rate: float) -> float:
        return round(top + (1 - rate) * (height - top - 34), 1)

    def x(index: int) -> float:
        return round(left + 20 + index * step, 1)

    grid = "".join(
        f'<line class="grid" x1="{left}" x2="{width - 10}" y1="{y(r)}" y2="{y(r)}"/>'
        f'<text class="axis" x="{left - 24}" y="{y(r) + 4}">{round(r * 100)}%</text>'
        for r in (0, 0.5, 1)
    )
    months = "".join(
        f'<text class="axis" x="{x(i)}" y="{height - 6}">{_month(r["month"], frame)}</text>'
        for i, r in enumerate(shown)
    )
    lines, legend = [], []
    for n, (side, said) in enumerate(SIDES):
        label = _(said)
        points = [(i, r["month"], r["kept"][side]) for i, r in enumerate(shown)
                  if r["kept"][side]["on_time_rate"] is not None]  # fmt: skip
        path = " ".join(f"{x(i)},{y(k['on_time_rate'])}" for i, _month, k in points)
        dots = "".join(
            f"<g><title>{html_text(label)}, {html_text(month)}: "
            f"{html_text(_of(k))}</title>"
            f'<circle class="point {side}" cx="{x(i)}" cy="{y(k["on_time_rate"])}" r="5"/>'
            f'<text class="value" x="{x(i) + (22 if n else -22)}" y="{y(k["on_time_rate"]) - 8}">'
            f"{round(k['on_time_rate'] * 100)}%</text></g>"
            for i, month, k in points
        )
        lines.append(f'<polyline class="line {side}" points="{path}"/>{dots}')
        lx, ly = (6, 12 + 24 * n) if frame.narrow else (left + 6 + 300 * n, 12)
        legend.append(
            f'<circle class="point {side}" cx="{lx}" cy="{ly}" r="5"/>'
            f'<text class="legend" x="{lx + 12}" y="{ly + 4}">{html_text(label)}</text>'
        )
    title = html_text(_("On-time record of each side at the end of every month"))
    return (
        f'<svg class="trend sides" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{title}"><title>{title}</title>'
        f"{grid}{months}{''.join(legend)}{''.join(lines)}</svg>"
    )


def bars(
    rows: list[dict[str, Any]],
    key: str,
    title: str,
    marks: str | None = None,
    frame: Frame = WIDE,
) -> str:
    """One bar per month for `key`, its value above it; `marks` adds a red count below
    each month (e.g. silent slips)."""
    shown = [r for r in rows if r.get(key) is not None][-frame.months :]
    if not shown:
        return ""
    width, height, left, bottom = frame.width, 170, 10 if frame.narrow else 20, 40
    top = max(max(r[key] for r in shown), 1)
    slot = (width - left * 2) / len(shown)
    parts = []
    bar = min(slot * 0.6, 56)
    for index, row in enumerate(shown):
        middle = left + index * slot + slot / 2
        x = middle - bar / 2
        h = round(row[key] / top * (height - bottom - 24), 1)
        y = height - bottom - h
        parts.append(
            f"<g><title>{html_text(row['month'])}: {row[key]}</title>"
            f'<rect class="bar" x="{x:.1f}" y="{y}" width="{bar:.1f}" height="{h}" rx="3"/>'
            f'<text class="value" x="{middle:.1f}" y="{y - 6}">{row[key]}</text>'
            f'<text class="axis" x="{middle:.1f}" y="{height - bottom + 16}">'
            f"{_month(row['month'], frame)}</text>"
        )
        if marks and row.get(marks):
            parts.append(
                f'<text class="mark" x="{middle:.1f}" y="{height - 6}">'
                f"{html_text(_slips(row[marks], frame))}</text>"
            )
        parts.append("</g>")
    return (
        f'<svg class="bars" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{html_text(title)}"><title>{html_text(title)}</title>{"".join(parts)}</svg>'
    )


def _slips(count: int, frame: Frame) -> str:
    if frame.narrow:
        return ngettext("{count} slip", "{count} slips", count).format(count=count)
    return ngettext("{count} silent slip", "{count} silent slips", count).format(count=count)


def _of(kept: dict[str, Any]) -> str:
    """`3 of 4`: a side's deliveries on time of all it delivered."""
    return _("{kept} of {delivered}").format(kept=kept["delivered_on_time"],
                                             delivered=kept["delivered"])  # fmt: skip
