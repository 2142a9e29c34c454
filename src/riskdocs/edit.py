"""Surgical edits of a YAML file's text: set a top-level field, append to a top-level list.

The authoring commands (riskdocs/record.py) change one or two fields of a file a
person wrote and keep everything else byte for byte: comments, key order, quoting,
blank lines, line endings. So edits work on the text, at the positions the loader
already keeps, instead of loading and dumping the YAML (a round-trip library would
still re-indent lists, re-quote values and move comments). A value that cannot be
replaced safely in place (a block scalar, a value over several lines, a non-empty
flow list) is refused with what to do, never rewritten.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from riskdocs.errors import RiskdocsError
from riskdocs.i18n import _
from riskdocs.load.yamlsrc import JsonPath, ParsedYaml, parse_yaml, resolve_plain
from riskdocs.structs import struct

Scalar = str | int | float | bool | date | None


@struct(kw_only=False)
class Flow:
    """A small mapping written on one line as a value: `{on: 2026-11-19, by: bob}`; a
    value may be a list of such mappings (`results: [{passed: true, ...}]`). Pairs whose
    value is None are left out."""

    pairs: tuple[tuple[str, Scalar | Flow | tuple[Flow, ...]], ...]

    def __str__(self) -> str:
        return (
            "{" + ", ".join(f"{k}: {_flow_value(v)}" for k, v in self.pairs if v is not None) + "}"
        )

    def matches(self, data: object) -> bool:
        """Whether `data`, as read from the file, already holds these (scalar) pairs."""
        if not isinstance(data, dict):
            return False
        pairs = {k: v for k, v in self.pairs if v is not None}
        return data.keys() == pairs.keys() and all(_same(data[k], v) for k, v in pairs.items())


def _same(data: object, value: Scalar | Flow | tuple[Flow, ...]) -> bool:
    if isinstance(value, Flow):
        return value.matches(data)
    if isinstance(value, tuple):
        return (
            isinstance(data, list)
            and len(data) == len(value)
            and all(f.matches(d) for f, d in zip(value, data, strict=True))
        )
    return data == value or str(data) == str(value)


def _flow_value(value: Scalar | Flow | tuple[Flow, ...]) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return scalar(value)


_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._/@()+,'-]*")
# Plain words riskdocs reads as text but other YAML readers (YAML 1.1) as booleans or null
_OTHER_READERS_CHANGE = frozenset(
    ["yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"]
)
# What a double-quoted scalar may hold raw: YAML's printable characters but its line breaks
# (NEL, LS, PS), which a quoted scalar folds into a space.
_NOT_PRINTABLE = re.compile(
    r"[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_LINE = re.compile(r"[^\r\n\x85\u2028\u2029]*(?:\r\n|[\r\n\x85\u2028\u2029]|$)")


def scalar(value: Scalar | Flow) -> str:
    """`value` as a YAML scalar (or a one-line mapping) that reads back as exactly it."""
    if isinstance(value, Flow):
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, date)):
        return str(value)
    text = str(value)
    plain = _PLAIN.fullmatch(text) and not text.endswith(" ") and ": " not in text
    if plain and resolve_plain(text) == text and text.lower() not in _OTHER_READERS_CHANGE:
        return text
    # A JSON string is a YAML double-quoted one, once the characters YAML does not allow
    # raw (a DEL, C1 controls, lone surrogates) are escaped too.
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


@struct(kw_only=False, frozen=False)
class YamlText:
    """A YAML file's text being edited; each edit re-reads the positions it needs."""

    text: str
    path: str  # for messages

    def parsed(self) -> ParsedYaml:
        parsed = parse_yaml(self.text)
        if not parsed.ok or not isinstance(parsed.data, dict):
            raise RiskdocsError(
                _("{path} cannot be read as a mapping; fix it first").format(path=self.path)
            )
        return parsed

    @property
    def lines(self) -> list[str]:
        """The lines as YAML counts them (`str.splitlines` also breaks at characters YAML
        does not, which would put an edit on the wrong line), each with its ending."""
        return [line for line in _LINE.findall(self.text) if line]

    @property
    def newline(self) -> str:
        return "\r\n" if "\r\n" in self.text else "\n"

    def set(
        self, key: str, value: Scalar | Flow, after: Sequence[str] = (), within: JsonPath = ()
    ) -> None:
        """Set `key` to `value`: in place when it is there, else on a new line after the
        first of `after` that the mapping has (else at its end). The mapping is the
        file's top level, or the one at `within` (`("deliverables", 2)`), which must be
        a block mapping."""
        parsed = self.parsed()
        if within:
            self._set_within(parsed, within, key, scalar(value), after)
        elif key in parsed.data:
            self._replace_value(parsed, (key,), scalar(value))
        else:
            self._insert_after(parsed, after, f"{key}: {scalar(value)}")

    def _set_within(
        self, parsed: ParsedYaml, within: JsonPath, key: str, shown: str, after: Sequence[str]
    ) -> None:
        mapping = _at(parsed.data, within)
        if not isinstance(mapping, dict) or not mapping:
            raise RiskdocsError(
                _("{path}: {within} is not a mapping; fix it first").format(
                    path=self.path, within=_dotted(within)
                )
            )
        lines = {parsed.positions.of_key((*within, k))[0] for k in mapping}
        if len(lines) < len(mapping):
            line = parsed.positions.of_value(within)[0]
            raise RiskdocsError(
                _(
                    "{path}:{line}: {within} is written as a {{flow: mapping}}; write it one "
                    "key per line and run the command again"
                ).format(path=self.path, line=line, within=_dotted(within))
            )
        if key in mapping:
            self._replace_value(parsed, (*within, key), shown)
            return
        anchor = next((a for a in after if a in mapping), list(mapping)[-1])
        line, col = parsed.positions.of_key((*within, anchor))
        self._insert_lines(self._block_end(line, col), [" " * (col - 1) + f"{key}: {shown}"])

    def append(
        self,
        key: str,
        item: Mapping[str, Scalar],
        after: Sequence[str] = (),
        within: JsonPath = (),
    ) -> None:
        """Append `item` to the block list `key` of the top-level mapping, or of the one at
        `within`, indented as the list's items are. A missing (or `[]`) list is made: a
        block list at the top level, a one-line `[{...}]` in a nested mapping."""
        parsed = self.parsed()
        mapping = _at(parsed.data, within)
        current = mapping.get(key) if isinstance(mapping, dict) else None
        if within and (current is None or current == []):
            self._new_list_within(parsed, within, key, item, after)
            return
        if not within and (key not in parsed.data or current is None or current == []):
            if key in parsed.data:
                self._drop_key_line(parsed, key)
                parsed = self.parsed()
            block = [f"{key}:", *self._item_lines(item, "  ")]
            self._insert_after(parsed, after, *block)
            return
        if not isinstance(current, list):
            raise RiskdocsError(
                _("{path}: `{key}` is not a list; fix it first").format(path=self.path, key=key)
            )
        key_line, key_col = parsed.positions.of_key((*within, key))
        first_line, _col = parsed.positions.of_value((*within, key, 0))
        if first_line == key_line:
            raise RiskdocsError(
                _(
                    "{path}:{key_line}: `{key}` is written as a [flow, list]; write it as a "
                    "block list (one `- ` item per line) and run the command again"
                ).format(path=self.path, key_line=key_line, key=key)
            )
        item_line = self.lines[first_line - 1]
        indent = item_line[: len(item_line) - len(item_line.lstrip(" "))]  # up to the `-`
        end = self._block_end(key_line, key_col)
        self._insert_lines(end, self._item_lines(item, indent))

    def _new_list_within(
        self,
        parsed: ParsedYaml,
        within: JsonPath,
        key: str,
        item: Mapping[str, Scalar],
        after: Sequence[str],
    ) -> None:
        """A block list `key` holding `item`, in the block mapping at `within`: after the
        first of `after` that it has, else at its end (an empty `key: []` is replaced)."""
        if key in _at(parsed.data, within):
            line, _col = parsed.positions.of_key((*within, key))
            lines = self.lines
            lines.pop(line - 1)
            self.text = "".join(lines)
            parsed = self.parsed()
        self._set_within(parsed, within, key, "", after)  # checks it is a block mapping
        parsed = self.parsed()
        line, col = parsed.positions.of_key((*within, key))
        lines = self.lines
        indent = " " * (col - 1)
        lines[line - 1] = f"{indent}{key}:{self.newline}"
        block = self._item_lines(item, indent + "  ")
        lines[line:line] = [text + self.newline for text in block]
        self.text = "".join(lines)

    def _item_lines(self, item: Mapping[str, Scalar], indent: str) -> list[str]:
        pairs = [f"{k}: {scalar(v)}" for k, v in item.items() if v is not None]
        return [f"{indent}- {pairs[0]}", *(f"{indent}  {p}" for p in pairs[1:])]

    def _replace_value(self, parsed: ParsedYaml, path: JsonPath, shown: str) -> None:
        line, col = parsed.positions.of_value(path)
        key_line, key_col = parsed.positions.of_key(path)
        value = _at(parsed.data, path)
        spans = self._spans_lines(key_line, key_col)
        if isinstance(value, (list, dict)) or line != key_line or spans:
            raise RiskdocsError(
                _("{path}:{key_line}: `{field}` is not a one-line value; set it by hand").format(
                    path=self.path, key_line=key_line, field=path[-1]
                )
            )
        lines = self.lines
        text = lines[line - 1]
        body, ending = _split_ending(text)
        start = col - 1
        end = _value_end(body, start)
        lines[line - 1] = body[:start] + shown + body[end:] + ending
        self.text = "".join(lines)

    def _spans_lines(self, key_line: int, key_col: int = 1) -> bool:
        """Whether the value of the key at `key_col` on `key_line` goes on below it (a
        block scalar, a plain scalar folded over lines): the next line is indented
        further than the key."""
        lines = self.lines
        for below in lines[key_line:]:
            stripped = below.strip()
            if not stripped or stripped.startswith("#"):
                continue
            return len(below) - len(below.lstrip(" \t")) >= key_col
        return False

    def _drop_key_line(self, parsed: ParsedYaml, key: str) -> None:
        key_line, _col = parsed.positions.of_key((key,))
        lines = self.lines
        del lines[key_line - 1]
        self.text = "".join(lines)

    def _insert_after(self, parsed: ParsedYaml, after: Sequence[str], *new: str) -> None:
        for anchor in after:
            if anchor in parsed.data:
                key_line, _col = parsed.positions.of_key((anchor,))
                self._insert_lines(self._block_end(key_line), list(new))
                return
        self._insert_lines(len(self.lines), list(new))

    def _block_end(self, key_line: int, col: int = 1) -> int:
        """The index (0-based) after the last line of the entry whose key starts at `col`
        on `key_line` (a top-level one by default): the lines below it indented further,
        and the items of a block list written at the key's own indentation, not the
        blank lines or comments that follow it."""
        lines = self.lines
        last = key_line
        for number in range(key_line + 1, len(lines) + 1):
            text = lines[number - 1]
            stripped = text.strip()
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(text) - len(text.lstrip(" "))
            if indent < col - 1 or (indent == col - 1 and not stripped.startswith("-")):
                break
            last = number
        return last

    def _insert_lines(self, index: int, new: list[str]) -> None:
        lines = self.lines
        newline = self.newline
        if lines and not lines[-1].endswith(("\n", "\r")) and index >= len(lines):
            lines[-1] += newline
        lines[index:index] = [line + newline for line in new]
        self.text = "".join(lines)


def _at(data: Any, path: JsonPath) -> Any:
    for step in path:
        data = data[step]
    return data


def _dotted(path: JsonPath) -> str:
    return "".join(
        f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(path)
    )


def _split_ending(line: str) -> tuple[str, str]:
    body = line.rstrip("\r\n")
    return body, line[len(body) :]


def _value_end(body: str, start: int) -> int:
    """Where the scalar starting at `start` ends: its closing quote, or before a ` #`
    comment and trailing spaces."""
    if body[start : start + 1] in ("'", '"'):
        quote = body[start]
        index = start + 1
        while index < len(body):
            if body[index] == "\\" and quote == '"':
                index += 2
                continue
            if body[index] == quote:
                if quote == "'" and body[index + 1 : index + 2] == "'":
                    index += 2
                    continue
                return index + 1
            index += 1
        return len(body)
    comment = body.find(" #", start)
    end = comment if comment != -1 else len(body)
    return len(body[:end].rstrip()) if end > start else end
