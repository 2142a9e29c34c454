"""The status page: the view model rendered through a Jinja2 template with autoescape.

CSS and the small progressive-enhancement script are inlined, charts are inline
SVG, so `index.html` is one self-contained file that works from `file://`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import DictLoader, Environment, StrictUndefined, pass_context, select_autoescape
from markupsafe import Markup, escape

from riskdocs.dates import long_date, parse_day
from riskdocs.i18n import N_, _, current, listed, money, ngettext
from riskdocs.report import charts
from riskdocs.report.markup import html_text
from riskdocs.resources import report_template
from riskdocs.visible import visible_keeping_lines
from riskdocs.words import word

_TEMPLATE_FILES = ("index.html.j2", "closure.html.j2", "portfolio.html.j2", "style.css",
                   "page.js", "portfolio.css", "portfolio.js")  # fmt: skip


def day(iso: str | None) -> str:
    """`2026-11-26` -> `26 Nov 2026`; empty for no date."""
    if not iso:
        return ""
    return long_date(parse_day(iso))


_TICKS = re.compile(r"`([^`]+)`")


def ticks(text: str) -> Markup:
    """Escape a message, then show its `field: value` spans as code."""
    return Markup(_TICKS.sub(r"<code>\1</code>", html_text(text)))


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{round(rate * 100)}%"


def _shown(value: Any) -> Any:
    """Every value the template prints: user text with its control and bidirectional
    characters visible (a right-to-left override would reorder what the client reads).
    Markup is riskdocs' own HTML, whose user text was made visible before rendering."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible_keeping_lines(value)
    return value


@cache
def environment() -> Environment:
    """The templates' environment: autoescape, every value made visible (`_shown`), the
    filters and the messages of the current language."""
    env = Environment(
        loader=DictLoader({name: report_template(name) for name in _TEMPLATE_FILES}),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_shown,
    )
    # `day` and `word` speak the current language: marked as reading the context, so
    # Jinja never folds `"overdue" | word` into the language the template compiled in
    env.filters.update(day=_per_render(day), percent=percent, ticks=ticks, word=_per_render(word))
    env.globals.update(money=money)
    env.globals.update(_=say, ngettext=say_counted)
    return env


def _per_render(speak: Callable[[Any], str]) -> Callable[..., str]:
    @pass_context
    def spoken(_context: Any, value: Any) -> str:
        return speak(value)

    return spoken


def say(message: str, **values: Any) -> Markup:
    """A message of the template in the current language, its `{placeholders}` filled
    with escaped values. The message itself is the template's own HTML."""
    if not values:
        return _said(current(), message)
    return Markup(_(message).format(**_escaped(values)))


def say_counted(singular: str, plural: str, count: int, **values: Any) -> Markup:
    """`say` for a count: the form of the message for `count`, with `{count}` filled."""
    return Markup(ngettext(singular, plural, count).format(count=count, **_escaped(values)))


@cache
def _said(language: str, message: str) -> Markup:
    """A message with no placeholders, once per language: a column name is said in
    every row of a table."""
    return Markup(_(message))


def _escaped(values: dict[str, Any]) -> dict[str, Any]:
    """Values for a message's placeholders: user text made visible, then escaped (as
    Markup.format would, without its slower formatter); numbers stay numbers."""
    return {k: v if isinstance(v, int | float) else escape(_shown(v)) for k, v in values.items()}


EXPOSURE = N_("Risk exposure per month: the sum of the scores of live risks")
OPEN = N_("Open commitments at the end of each month")


def _both(draw: Callable[[charts.Frame], str]) -> Markup:
    """A chart drawn for a desktop and for a phone; the style sheet shows one."""
    wide = draw(charts.WIDE)
    if not wide:
        return Markup("")
    narrow = draw(charts.NARROW)
    return Markup(f'<div class="chart-wide">{wide}</div><div class="chart-narrow">{narrow}</div>')


# A list longer than this waits in a closed <details> with its count ("Show all 5,000
# promises"): the browser lays it out only when it is opened, followed by a link or
# found by a page search (Chromium opens it), and printing opens it (page.js).
LONG_LIST = 100


def render_page(view: dict[str, Any]) -> str:
    env = environment()
    people = view["people"]

    def person(key: str | None) -> str:
        return people[key]["name"] if key in people else (key or "—")

    milestones, today, trends = view["milestones"], view["generated"]["today"], view["trends"]
    return env.get_template("index.html.j2").render(
        v=view,
        long_list=LONG_LIST,
        language=current(),
        person=person,
        listed=listed,
        named=lambda keys: listed(person(key) for key in keys),
        css=Markup(report_template("style.css")),
        script=Markup(report_template("page.js")),
        heatmap=Markup(charts.heatmap(view["risks"])),
        timeline=_both(lambda f: charts.timeline(milestones, today, f)),
        trend=_both(lambda f: charts.trend(view["feedback"], f)),
        exposure=_both(lambda f: charts.bars(trends, "risk_exposure", _(EXPOSURE), frame=f)),
        kept_by_side=_both(lambda f: charts.kept_by_side(trends, f)),
        open_commitments=_both(
            lambda f: charts.bars(trends, "open_commitments", _(OPEN), "silent_slips", f)
        ),
    )


def render_closure(view: dict[str, Any]) -> str:
    """The closing report (closure.html) of a closed project, in the page's style."""
    env = environment()
    people = view["people"]

    def person(key: str | None) -> str:
        return people[key]["name"] if key in people else (key or "—")

    return env.get_template("closure.html.j2").render(
        v=view,
        language=current(),
        person=person,
        listed=listed,
        css=Markup(report_template("style.css")),
    )
