"""Means of 1-5 scores, for client feedback and the team's pulse alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol


class Scored(Protocol):
    @property
    def scores(self) -> Mapping[str, int]: ...


def mean_score(responses: Iterable[Scored]) -> float | None:
    """Mean of every aspect score of every response, or None without scores."""
    scores = [score for response in responses for score in response.scores.values()]
    return sum(scores) / len(scores) if scores else None


def aspect_means(responses: Iterable[Scored]) -> dict[str, float]:
    """Each aspect's mean over the responses that score it, by aspect name."""
    by_aspect: dict[str, list[int]] = {}
    for response in responses:
        for aspect, score in response.scores.items():
            by_aspect.setdefault(aspect, []).append(score)
    return {aspect: sum(s) / len(s) for aspect, s in sorted(by_aspect.items())}
