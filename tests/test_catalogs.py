"""The message catalogs: every message of the code in the template, every message translated
in every shipped language with the same placeholders, and the compiled catalogs riskdocs
reads equal to their sources. `pytest --update-expected` extracts the messages with
`pybabel extract` (babel.cfg), merges them into each catalog (new ones untranslated, so
the translation test fails until a translator fills them in) and compiles the catalogs."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from riskdocs.i18n import DOMAIN, ENGLISH, LANGUAGES
from tests.conftest import REPO

LOCALE = REPO / "src" / "riskdocs" / "locale"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
# Fixed, so that updating the catalogs changes them only where a message changed.
STAMP = datetime(2026, 12, 1)
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TRANSLATED = [code for code in LANGUAGES.values() if code != LANGUAGES[ENGLISH]]


def extracted(tmp_path: Path) -> Catalog:
    """The messages of the code, as `pybabel extract` finds them."""
    out = tmp_path / "extracted.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_", "-k", "ngettext:1,2", "-c", "Translators:", "--no-location",
         "--sort-output", "--omit-header", "-o", str(out), "."],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    with out.open("rb") as pot:
        return read_po(pot)


def catalog_of(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=locale)


def written(catalog: Catalog, omit_header: bool = False) -> bytes:
    catalog.creation_date = catalog.revision_date = STAMP
    out = io.BytesIO()
    write_po(out, catalog, omit_header=omit_header, sort_output=True, width=100)
    return out.getvalue()


def po_path(locale: str) -> Path:
    return LOCALE / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def test_the_template_holds_every_message_of_the_code(
    tmp_path: Path, update_expected: bool
) -> None:
    found = extracted(tmp_path)
    if update_expected:
        TEMPLATE.write_bytes(written(found, omit_header=True))
        for locale in TRANSLATED:
            catalog = catalog_of(po_path(locale), locale)
            catalog.update(found, no_fuzzy_matching=True)
            catalog.obsolete.clear()
            po_path(locale).write_bytes(written(catalog))
    assert sorted(str(m.id) for m in catalog_of(TEMPLATE) if m.id) == sorted(
        str(m.id) for m in found if m.id
    ), "the messages changed: run `pytest --update-expected`, then translate the new ones"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(locale: str) -> None:
    catalog = catalog_of(po_path(locale), locale)
    template = [m for m in catalog_of(TEMPLATE) if m.id]
    missing, wrong = [], []
    for source in template:
        message = catalog.get(source.id)
        strings = (
            []
            if message is None
            else (list(message.string) if isinstance(message.string, tuple) else [message.string])
        )
        if message is None or message.fuzzy or not all(strings):
            missing.append(str(source.id))
            continue
        # A plural's forms all carry the placeholders of its plural source.
        source_text = source.id[-1] if isinstance(source.id, tuple) else source.id
        wanted = set(PLACEHOLDER.findall(source_text))
        wrong += [f"{source_text!r} -> {s!r}" for s in strings
                  if set(PLACEHOLDER.findall(s)) != wanted]  # fmt: skip
    assert missing == [], f"{locale}: {len(missing)} messages have no translation"
    assert wrong == [], f"{locale}: placeholders differ from the source"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_compiled_catalog_is_its_source(locale: str, update_expected: bool) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, catalog_of(po_path(locale), locale))
    mo = po_path(locale).with_suffix(".mo")
    if update_expected:
        mo.write_bytes(compiled.getvalue())
    assert mo.read_bytes() == compiled.getvalue(), "run `pytest --update-expected`"


GETTEXT_IN_FSTRING = re.compile(r"""\bf(["']).*\{[^}]*\b_\((["'])""")


def test_no_message_hides_inside_an_f_string() -> None:
    """pybabel cannot see a `_("...")` written inside an f-string's braces, so its message
    would never reach the catalogs and stay English in every language."""
    hidden = [f"{path.relative_to(REPO)}:{number}"
              for path in sorted((REPO / "src" / "riskdocs").rglob("*.py"))
              for number, line in enumerate(path.read_text().splitlines(), 1)
              if GETTEXT_IN_FSTRING.search(line)]  # fmt: skip
    assert hidden == []
