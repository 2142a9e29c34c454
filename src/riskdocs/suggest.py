"""Did-you-mean suggestions for misspelt names (fields, rules, people, ids)."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(word: str, options: Iterable[str], n: int = 1) -> list[str]:
    """The options closest to `word` (difflib's ratio ≥ 0.6), best first."""
    import difflib  # only when a name is wrong: a clean run never pays for it

    return difflib.get_close_matches(word, list(options), n=n)
