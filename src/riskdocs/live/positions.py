"""Columns as LSP counts them (UTF-16 code units) and as riskdocs does (characters)."""

from __future__ import annotations


def utf16(text: str, index: int) -> int:
    """The UTF-16 offset of the character at `index` of `text`."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def character(text: str, offset: int) -> int:
    """The character index of a UTF-16 `offset` in `text`."""
    units = 0
    for index, ch in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)
