"""summary.md of a portfolio: the projects worst first and the risk calibration, as
Markdown for a chat message, a wiki or an e-mail (user text escaped)."""

from __future__ import annotations

from typing import Any

from riskdocs.dates import long_date, parse_day
from riskdocs.i18n import _, ngettext
from riskdocs.portfolio.html import STATE_WORDS, VERDICT_WORDS
from riskdocs.report.html import percent
from riskdocs.report.markdown import md
from riskdocs.words import word

_ICON = {"green": "🟢", "amber": "🟠", "red": "🔴"}


def render_portfolio_summary(view: dict[str, Any]) -> str:
    generated, counts = view["generated"], view["counts"]
    day = generated["as_of"] or generated["today"]
    title = md(view["title"] or _("Portfolio"))
    lines = [
        _("# {title}: {day}").format(title=title, day=long_date(parse_day(day))),
        "",
        _("Internal: for the delivery organisation, never for a client."),
        "",
        ngettext(
            "{count} project: {red} red, {amber} amber, {green} green; {stale} with stale "
            "data, {none} without data.",
            "{count} projects: {red} red, {amber} amber, {green} green; {stale} with stale "
            "data, {none} without data.",
            counts["projects"],
        ).format(
            count=counts["projects"],
            red=counts["red"],
            amber=counts["amber"],
            green=counts["green"],
            stale=counts["stale"],
            none=counts["no_data"],
        ),
        "",
        "| {} | {} | {} | {} | {} |".format(
            _("Project"), _("Health"), _("Why"), _("Overdue promises"), _("Data")
        ),
        "| --- | --- | --- | --- | --- |",
    ]
    for p in view["projects"]:
        lines.append(_project_line(p))
    lines += [
        "",
        "## " + _("Risk calibration"),
        "",
        "| {} | {} | {} | {} |".format(
            _("Probability"), _("Predicted"), _("Observed"), _("Verdict")
        ),
        "| --- | --- | --- | --- |",
    ]
    for r in view["calibration"]["rows"]:
        observed = (
            _("{share} ({occurred} of {resolved})").format(
                share=percent(r["observed"]), occurred=r["occurred"], resolved=r["resolved"]
            )
            if r["observed"] is not None
            else "—"
        )
        lines.append(
            f"| {r['probability']} | {percent(r['predicted'])} | {observed} | "
            f"{_(VERDICT_WORDS[r['verdict']])} |"
        )
    return "\n".join(lines) + "\n"


def _project_line(p: dict[str, Any]) -> str:
    name = f"[{md(p['name'])}]({_link(p['url'])})" if p["url"] else md(p["name"])
    health = f"{_ICON[p['health']['overall']]} {word(p['health']['overall'])}"
    why = md(p["health"]["reason"]) if p["health"]["reason"] else ""
    if p["promises"] is None:
        overdue = "—"
    else:
        overdue = _("team {team} · client {client}").format(
            team=p["promises"]["overdue"]["team"], client=p["promises"]["overdue"]["client"]
        )
    data = _(STATE_WORDS[p["data"]["state"]])
    if p["data"]["day"]:
        data += " · " + long_date(parse_day(p["data"]["day"]))
    if p["data"]["message"]:
        data += ": " + md(p["data"]["message"])
    return f"| {name} | {health} | {why} | {overdue} | {data} |"


def _link(url: str) -> str:
    """A link target that cannot end the Markdown link early."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
