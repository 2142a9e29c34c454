"""Did-you-mean suggestions for misspelt names (fields, rules, people, ids)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from riskdocs.i18n import _


def did_you_mean(word: str, options: Iterable[str], n: int = 1) -> list[str]:
    """The options closest to `word` (difflib's ratio ≥ 0.6), best first."""
    import difflib  # only when a name is wrong: a clean run never pays for it

    return difflib.get_close_matches(word, list(options), n=n)


def person_key(written: str, names: Mapping[str, str]) -> str | None:
    """The key of `people:` that `written` most likely means, given key -> display name:
    the key in another case, the display name (`Raj Patel`), a first name that only one
    person has (`Dana`), else the closest key or display name."""
    wanted = written.strip().casefold()
    for key, name in names.items():
        if wanted in (key.casefold(), name.casefold()):
            return key
    first = [key for key, name in names.items() if name.split()[:1] == [written.strip()]]
    if len(first) == 1:
        return first[0]
    by_name = {name: key for key, name in names.items()}
    close = did_you_mean(written, [*names, *by_name], n=1)
    return (by_name.get(close[0], close[0])) if close else None


def person_hint(written: str, names: Mapping[str, str]) -> str:
    """` (did you mean 'dana', Dana Kowalski?)`, or "" when nobody is close."""
    key = person_key(written, names)
    if not key:
        return ""
    return _(" (did you mean '{key}', {name}?)").format(key=key, name=names[key])
