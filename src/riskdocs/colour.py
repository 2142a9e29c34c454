"""Colour for the text output on a terminal: the severity of each finding, nothing else.

On only when the output is a terminal, and never when `NO_COLOR` is set to anything
(https://no-color.org); `FORCE_COLOR` turns it on for a pipe (a CI log that shows
colour). Applied after the text is made visible, so a colour code never comes from a
file.
"""

from __future__ import annotations

import os
import re
from typing import TextIO

_SEVERITY = re.compile(r"^(?P<where>\S.*?: )(?P<severity>error|warning|info|ignored)(?= \[)")
_STYLES = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m", "ignored": "\x1b[2m"}
_RESET = "\x1b[0m"


def wanted(stream: TextIO) -> bool:
    """Whether output to `stream` is coloured."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    is_terminal = getattr(stream, "isatty", lambda: False)()
    return bool(is_terminal) and os.environ.get("TERM") != "dumb"


def severities(line: str) -> str:
    """`path:1:2: error [rule] ...` with its severity in colour."""
    found = _SEVERITY.match(line)
    if not found:
        return line
    severity = found.group("severity")
    start, end = found.span("severity")
    return f"{line[:start]}{_STYLES[severity]}{severity}{_RESET}{line[end:]}"
