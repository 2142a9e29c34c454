"""What one rendering of the view may show: the audience, the day, the visible findings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from riskdocs.model.entities import Commitment
from riskdocs.report.markup import render_markdown
from riskdocs.structs import struct


@struct(kw_only=False)
class Scope:
    """What one rendering may show: the audience, the day, and the visible findings."""

    audience: str
    today: date
    by_entity: dict[str, list[dict[str, Any]]]
    render: Callable[[str], str] = render_markdown
    due_soon_days: int = 3

    @property
    def team(self) -> bool:
        return self.audience == "team"

    def shows(self, entity: Any) -> bool:
        return self.team or getattr(entity, "visibility", "client") != "internal"

    def about(self, entity_id: str) -> list[dict[str, Any]]:
        return self.by_entity.get(entity_id, [])


def commitment_state(commitment: Commitment, today: date, soon_days: int = 3) -> str:
    """overdue | due-soon | open | done | dropped; due soon within `soon_days`, the
    `days` of `commitment-due-soon` as configured."""
    if commitment.status != "open":
        return commitment.status
    if commitment.due < today:
        return "overdue"
    return "due-soon" if (commitment.due - today).days <= soon_days else "open"
