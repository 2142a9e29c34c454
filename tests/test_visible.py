"""Control characters as visible escapes, the one way every output shows user text."""

from __future__ import annotations

import pytest

from riskdocs.visible import visible, visible_keeping_lines


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text, café, 中文", "plain text, café, 中文"),
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("\x1b[2Jred\x07", "\\x1b[2Jred\\x07"),
        ("\x00\x7f\x9b", "\\x00\\x7f\\x9b"),
        ("abc\u202edef\u2066\u200f", "abc\\u202edef\\u2066\\u200f"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
        ("\u200d\ufe0f emoji joiners stay", "\u200d\ufe0f emoji joiners stay"),
    ],
)
def test_visible_escapes_every_control_and_bidirectional_character(raw: str, shown: str) -> None:
    assert visible(raw) == shown
    assert "\n" not in visible(raw)


def test_visible_keeping_lines_keeps_only_layout() -> None:
    assert visible_keeping_lines("a\nb\r\n\tc\x1b[31m\u202e") == "a\nb\r\n\tc\\x1b[31m\\u202e"


def test_visible_is_stable() -> None:
    once = visible("x\n\x1b\u202e")
    assert visible(once) == once
