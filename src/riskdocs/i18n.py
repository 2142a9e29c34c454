"""The languages riskdocs speaks: gettext message catalogs, one per language.

Every string a person reads goes through `_` (or `ngettext` for counts) with
`str.format` placeholders, so a translator works in any PO editor on
`locale/<locale>/LC_MESSAGES/riskdocs.po`; `pytest --update-expected` extracts the
messages (Babel) into `riskdocs.pot`, merges them into every catalog and compiles
the `.mo` files riskdocs reads, and a test fails while any message lacks a
translation or a translation's placeholders differ from the source.

The language is chosen once per command at the edge (`--lang`, else
`project.language`, else English) with `use`; English needs no catalog, so the
hook and every English run read none and import neither gettext nor Babel; a language
with a catalog imports the standard library's gettext, and Babel (CLDR dates) only
when it formats a date.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

DOMAIN = "riskdocs"
ENGLISH = "en"
LANGUAGES = {ENGLISH: "en", "zh-CN": "zh_CN"}
"""Language tag (as riskdocs.yaml and `--lang` write it) -> gettext/CLDR locale."""

_current: ContextVar[str] = ContextVar("language", default=ENGLISH)


def use(language: str) -> None:
    """Speak `language` (a key of LANGUAGES) from now on in this command."""
    if language not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        raise ValueError(f"riskdocs speaks {known}, not {language!r}")
    _current.set(language)


def current() -> str:
    return _current.get()


def locale() -> str:
    """The CLDR locale of the current language (`zh_CN`), for Babel."""
    return LANGUAGES[current()]


@cache
def _catalog(language: str) -> gettext.GNUTranslations:
    import gettext  # only a language with a catalog reads one
    from importlib.resources import files

    folder = files("riskdocs").joinpath("locale")
    with folder.joinpath(LANGUAGES[language], "LC_MESSAGES", f"{DOMAIN}.mo").open("rb") as mo:
        return gettext.GNUTranslations(mo)


def _(message: str) -> str:
    """`message` in the current language."""
    language = _current.get()
    return message if language == ENGLISH else _catalog(language).gettext(message)


def N_(message: str) -> str:
    """Mark `message` for the catalogs where it is defined (a table, a constant); it is
    translated with `_` where it is said."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for `count` (`{count} day`, `{count} days`), in the current
    language's plural rules; format it with `count` afterwards."""
    language = _current.get()
    if language == ENGLISH:
        return singular if count == 1 else plural
    return _catalog(language).ngettext(singular, plural, count)


def days(count: int) -> str:
    """`1 day`, `3 days` (`3 天`); a negative count keeps its sign."""
    return ngettext("{count} day", "{count} days", abs(count)).format(count=count)


def counted(singular: str, plural: str, count: int) -> str:
    """`ngettext` formatted with its count: `3 days` (`3 天`)."""
    return ngettext(singular, plural, count).format(count=count)


def long_date(day: date) -> str:
    """`27 Nov 2026` (`2026年11月27日`): how pages, sentences and notes write a date."""
    if current() == ENGLISH:
        return f"{day.day} {day:%b %Y}"
    return _cldr_long_date(day, locale())


@cache
def _cldr_long_date(day: date, cldr_locale: str) -> str:
    """Babel formats a date in about 20 us; a project repeats its dates thousands of times."""
    from babel.dates import format_date  # CLDR: only for a language that needs it

    return str(format_date(day, "long", locale=cldr_locale))


def money(amount: str | Decimal, currency: str) -> str:
    """`€184,000.00` (`¥480,000.00` for CNY in Chinese): an amount in the language's
    format (CLDR, through Babel), exactly: `amount` is a Decimal or its text."""
    return _cldr_money(str(amount), currency, locale())


@cache
def _cldr_money(amount: str, currency: str, cldr_locale: str) -> str:
    from babel.numbers import format_currency  # CLDR: only when the page shows money

    return str(format_currency(Decimal(amount), currency, locale=cldr_locale))


def listed(items: Iterable[str]) -> str:
    """`a, b, c` (`a、b、c` in Chinese)."""
    # Translators: what goes between the names of a list ("Alice, Bob"); 、 in Chinese.
    return _(", ").join(items)


def clock_time(moment: datetime, with_day: bool = False) -> str:
    """`21:00`, or with the day `2 Dec 21:00` (`12月2日 21:00`)."""
    if not with_day:
        return f"{moment:%H:%M}"
    if current() == ENGLISH:
        return f"{moment.day} {moment:%b %H:%M}"
    from babel.dates import format_skeleton  # CLDR: only for a language that needs it

    return str(format_skeleton("MMMdHm", moment, locale=locale()))
