"""What safe output is: no raw control character, no line a CI runner would obey."""

from __future__ import annotations

import re

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                    "\u2066-\u2069]")  # every control but tab and line feed  # fmt: skip


def assert_safe_lines(output: str, *, commands: bool) -> None:
    """No raw control character but line feeds, and no line GitHub would read as a
    workflow command unless the output is made of them (`--format github`)."""
    assert not UNSAFE.search(output.replace("\t", " ")), UNSAFE.findall(output)
    for line in output.splitlines():
        if line.lstrip().startswith("::"):
            assert commands and re.match(r"::(error|warning|notice) file=[^\n]*::", line), line
