"""What the organisation learns across its projects, from their summaries (pure).

- risk calibration: of the risks ever scored at each probability, the share that
  occurred among those whose outcome is known, against the share that probability
  predicts, and what the occurred ones cost (approved change requests linked to them);
- promise reliability: each side's on-time record per project and over time, and how
  often promises were renegotiated or dates moved silently;
- client responsiveness: how long each client takes to decide change requests and to
  answer a deliverable handed over for acceptance;
- the lessons index: every project's lessons with their tags.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from statistics import median
from typing import Any

PROBABILITIES = (1, 2, 3, 4, 5)
Z_95 = 1.96  # the observed share's 95% interval (Wilson), against the predicted share
MONTHS_SHOWN = 6
NO_CURRENCY = "XXX"  # ISO 4217's code for "no currency": a project that names none

Summary = Mapping[str, Any]


def calibration(
    summaries: Sequence[tuple[str, Summary]], scale: Mapping[int, float]
) -> list[dict[str, Any]]:
    """One row per probability. A risk counts once at every probability it was ever
    scored at; only risks that occurred or were closed without occurring have an
    outcome, so open ones are counted apart and never taken for "did not occur"."""
    rows = []
    for probability in PROBABILITIES:
        counts = {"occurred": 0, "closed": 0, "open": 0}
        days = 0
        money: dict[str, Decimal] = {}
        for _key, summary in summaries:
            for risk in summary["risks"]:
                if probability not in risk["scored"]:
                    continue
                counts[risk["outcome"]] += 1
                if risk["outcome"] == "occurred":
                    days += risk["days"]
                    cost = Decimal(risk["cost"])
                    if cost:
                        currency = summary["currency"] or NO_CURRENCY
                        money[currency] = money.get(currency, Decimal(0)) + cost
        resolved = counts["occurred"] + counts["closed"]
        observed = counts["occurred"] / resolved if resolved else None
        predicted = scale[probability]
        rows.append({
            "probability": probability,
            "predicted": predicted,
            "risks": sum(counts.values()),
            **counts,
            "resolved": resolved,
            "observed": None if observed is None else round(observed, 3),
            "interval": _wilson(counts["occurred"], resolved),
            "verdict": _verdict(counts["occurred"], resolved, predicted),
            "cost_days": days,
            "cost": {c: str(v.quantize(Decimal("0.01"))) for c, v in sorted(money.items())},
        })  # fmt: skip
    return rows


def _wilson(hits: int, n: int) -> list[float] | None:
    """The 95% Wilson score interval of a share of `hits` in `n`."""
    if n == 0:
        return None
    share = hits / n
    centre = (share + Z_95**2 / (2 * n)) / (1 + Z_95**2 / n)
    half = Z_95 * math.sqrt(share * (1 - share) / n + Z_95**2 / (4 * n * n)) / (1 + Z_95**2 / n)
    return [round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3)]


def _verdict(hits: int, n: int, predicted: float) -> str:
    """unknown (no outcome yet), lower or higher (the predicted share lies outside the
    observed share's 95% interval), or consistent."""
    interval = _wilson(hits, n)
    if interval is None:
        return "unknown"
    low, high = interval
    if predicted > high:
        return "lower"  # occurred less often than scored: scored too high
    if predicted < low:
        return "higher"
    return "consistent"


def reliability(summaries: Sequence[tuple[str, Summary]]) -> dict[str, Any]:
    """Each project's record per side, the last months of it, and the totals."""
    projects = []
    totals = {side: {"delivered": 0, "on_time": 0, "promises": 0, "renegotiated": 0}
              for side in ("team", "client")}  # fmt: skip
    for key, summary in summaries:
        record = summary["reliability"]
        for side, counts in record["sides"].items():
            for name in totals[side]:
                totals[side][name] += counts[name]
        projects.append({
            "key": key,
            "name": summary["name"],
            "sides": {side: {**c, "rate": _rate(c["on_time"], c["delivered"])}
                      for side, c in record["sides"].items()},
            "silent_slips": record["silent_slips"],
            "months": record["months"][-MONTHS_SHOWN:],
        })  # fmt: skip
    return {
        "projects": projects,
        "totals": {
            s: {**c, "rate": _rate(c["on_time"], c["delivered"])} for s, c in totals.items()
        },
    }


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def responsiveness(summaries: Sequence[tuple[str, Summary]]) -> list[dict[str, Any]]:
    """Per client (by the name its projects give), across its projects: change requests
    decided and how long each took, those waiting and the longest wait; the same for
    deliverables handed over for acceptance, and how many were deemed accepted because
    nobody answered in the contract's window."""
    clients: dict[str, dict[str, Any]] = {}
    for key, summary in summaries:
        client = clients.setdefault(
            summary["client"],
            {"client": summary["client"], "projects": [], "changes": [], "acceptances": []},
        )
        client["projects"].append(key)
        client["changes"] += summary["decisions"]["changes"]
        client["acceptances"] += summary["decisions"]["acceptances"]
    return [
        {
            "client": c["client"],
            "projects": c["projects"],
            "change_requests": _timings(c["changes"]),
            "acceptances": {
                **_timings(c["acceptances"]),
                "deemed": sum(1 for a in c["acceptances"] if a.get("deemed")),
            },
        }
        for c in sorted(clients.values(), key=lambda c: c["client"].casefold())
    ]


def _timings(items: list[dict[str, Any]]) -> dict[str, Any]:
    taken = sorted(i["days"] for i in items if "days" in i)
    waiting = [i["waiting"] for i in items if "waiting" in i]
    return {
        "answered": len(taken),
        "median_days": median(taken) if taken else None,
        "longest_days": taken[-1] if taken else None,
        "waiting": len(waiting),
        "longest_wait_days": max(waiting, default=None),
    }


def lessons(summaries: Sequence[tuple[str, Summary]]) -> dict[str, Any]:
    """Every lesson of every project, newest first, and how many carry each tag."""
    found = [
        {"project": key, "project_name": summary["name"], **lesson}
        for key, summary in summaries
        for lesson in summary["lessons"]
    ]
    found.sort(key=lambda x: (x["date"], x["project"], x["id"]), reverse=True)
    tags: dict[str, int] = {}
    for lesson in found:
        for tag in lesson["tags"]:
            tags[tag] = tags.get(tag, 0) + 1
    return {"items": found, "tags": dict(sorted(tags.items(), key=lambda t: (-t[1], t[0])))}
