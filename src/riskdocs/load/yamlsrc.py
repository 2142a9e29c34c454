"""YAML text -> JSON-shaped data with the source position of every key and value.

The data is built in one pass over libyaml's event stream, so we keep positions
and read scalars the way a person means them (close to YAML 1.2's core schema):

* `2026-11-25` stays the string "2026-11-25" (the model parses dates later);
* `no`, `off`, `yes`, `on` are strings, only `true`/`false` are booleans;
* `10:30` and `0755` are strings, not sexagesimal or octal numbers;
* duplicate keys, anchors/aliases, tags other than the plain core ones and
  more than one document are refused as problems, never silently resolved.

Nothing here raises on bad input: problems are returned with their positions.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from typing import Any, TypeVar

import yaml

from riskdocs.i18n import N_, _
from riskdocs.structs import field, struct

try:
    from yaml import CSafeLoader as _Loader

    HAS_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    HAS_LIBYAML = False

JsonPath = tuple[str | int, ...]


def dotted(path: JsonPath) -> str:
    """A path as people write it: `renegotiated[0].on`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


Position = tuple[int, int]

MAX_DEPTH = 64
_CORE = "tag:yaml.org,2002:"
_NULL = re.compile(r"(?:~|null|Null|NULL|)")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+")
_INT_OCT = re.compile(r"0o[0-7]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
# Every null, bool and number above starts with one of these: other text is just text.
_SPECIAL_START = frozenset("0123456789+-.~nNtTfF")
# ...and every number matches this; a date such as 2026-11-25 fails it at once.
_NUMBER_LIKE = re.compile(r"[-+]?(?:0[xo][0-9a-fA-F]+|[0-9]*\.?[0-9]*(?:[eE][-+]?[0-9]+)?|\..+)")

# A comment that starts right after a plain value, with no space after the '#'.
_COMMENT_CUT = re.compile(r"[ \t]+#(?=\S)")

# The parser's words for an indentation mistake, in plain words: (fragment of the
# problem, of its context) -> what is wrong, given the line the context starts on.
_PLAIN_PROBLEMS = {
    ("did not find expected '-' indicator", "block collection"): N_(
        "this line is not lined up with the items of the list that starts at line {line}"
    ),
    ("did not find expected key", "block mapping"): N_(
        "this line is indented differently from the fields of the block that starts at line {line}"
    ),
    ("expected <block end>", "block mapping"): N_(
        "this line is indented differently from the fields of the block that starts at line {line}"
    ),
    ("expected <block end>", "block collection"): N_(
        "this line is not lined up with the items of the list that starts at line {line}"
    ),
}

# Hints for the libyaml messages people meet most, keyed by a fragment of the message.
_SYNTAX_HINTS = {
    "this line is not lined up with the items": N_(
        "start each item with '- ' at the same indentation as the items above it, and indent "
        "an item's other fields two spaces more"
    ),
    "more text after this line's value": N_(
        "put the whole value in quotes, or remove what follows the closing quote"
    ),
    "this line is indented differently from the fields": N_(
        "give every field of one block the same indentation (spaces, no tabs)"
    ),
    "found a tab character": N_("YAML does not allow tabs for indentation; indent with spaces"),
    "did not find expected ',' or ']'": N_("a [list] is not closed with ']'"),
    "did not find expected ',' or '}'": N_("a {mapping} is not closed with '}'"),
    "a ': ' inside a value": N_(
        "if this line starts a field, indent it as the fields around it; if it is text, put "
        "it in quotes"
    ),
    "could not find expected ':'": N_("a key is missing its ':' or a quoted text is not closed"),
    "found undefined alias": N_("riskdocs files may not use aliases (*name); write the value out"),
    "did not find expected key": N_("check the indentation of this line against the lines above"),
    "found unexpected end of stream": N_(
        "a quoted text or a bracket is not closed: close it, or remove the stray quote"
    ),
    "found incompatible YAML document": N_(
        "the %YAML line asks for a YAML version riskdocs does not read (it reads 1.1 and 1.2): "
        "remove the line, riskdocs files need no directive"
    ),
    "found duplicate %YAML directive": N_("remove the second %YAML line"),
    "while scanning a %YAML directive": N_("write `%YAML 1.2`, or remove the line"),
    "found unknown directive name": N_(
        "a line that starts with '%' is a YAML directive: remove it, or quote the value"
    ),
    "did not find expected <document start>": N_(
        "after a %YAML or %TAG line the document must start with '---'; riskdocs files need "
        "no directive: remove it"
    ),
    "%TAG directive": N_("riskdocs files do not use tags: remove the %TAG line"),
    "tag handle": N_(
        "riskdocs files do not use tags ('!name'): quote a value that starts with '!'"
    ),
    "while scanning a tag": "riskdocs files do not use tags ('!name'): quote a value that starts "
    "with '!'",
    "found character that cannot start any token": N_(
        "a value that starts with '@', '`' or '%' must be quoted: put it in quotes"
    ),
    "escape character": N_(
        "in double quotes a backslash starts an escape such as \\n: write \\\\ for a backslash, "
        "or use single quotes"
    ),
    "hexdecimal number": N_(
        "in double quotes \\x, \\u and \\U need hex digits: write \\\\ for a backslash, or use "
        "single quotes"
    ),
    "found unexpected document indicator": N_(
        "a line '---' or '...' inside a quoted text ends the document: indent that line, or "
        "write the text as a block (key: |)"
    ),
    "indentation indicator equal to 0": N_("after | or > give an indentation from 1 to 9, or none"),
    "while scanning an anchor": N_(
        "riskdocs files may not use anchors (&name): quote a value that starts with '&'"
    ),
    "while scanning an alias": N_(
        "riskdocs files may not use aliases (*name): quote a value that starts with '*'"
    ),
    "did not find expected comment or line break": N_(
        "something follows the value on the same line: quote the whole value, or start a "
        "comment with ' #'"
    ),
    "did not find expected node content": N_("a value is missing: write one, or null"),
    "did not find expected '-' indicator": N_(
        "check the indentation of this list item against the items above"
    ),
    "block sequence entries are not allowed": N_(
        "a '- ' list item must start its own line, indented under its key"
    ),
    "found unexpected ':'": N_("quote a value that contains ':'"),
}
# For a message none of the hints above knows.
_SYNTAX_FALLBACK = N_(
    "fix the YAML at this line: quote a value that holds ': ' or ' #' or starts with a "
    "special character, and indent with spaces"
)


@struct(kw_only=False)
class YamlProblem:
    """Something in the YAML text that stops riskdocs from reading the file."""

    rule: str
    line: int
    col: int
    message: str


@struct(kw_only=False, frozen=False)
class Positions:
    """Where each value and each mapping key starts (1-based line, column).

    `at` maps a path to where its value starts and where its key does (None for an
    item of a list and for the whole document): one dict per file, its pairs shared
    between files. Lookups fall back to the nearest enclosing value, so a finding
    about a missing or unknown part still points somewhere sensible.
    """

    at: dict[JsonPath, tuple[Position, Position | None]] = field(default_factory=dict)

    def of_value(self, path: JsonPath) -> Position:
        at = self.at
        while path not in at and path:
            path = path[:-1]
        found = at.get(path)
        return found[0] if found else (1, 1)

    def of_key(self, path: JsonPath) -> Position:
        found = self.at.get(path)
        if found is not None and found[1] is not None:
            return found[1]
        return self.of_value(path)


@struct(kw_only=False)
class ParsedYaml:
    """The result of reading one YAML text; `data` is None whenever there are problems."""

    data: Any
    positions: Positions
    problems: tuple[YamlProblem, ...]
    warnings: tuple[YamlProblem, ...] = ()  # read as written, but maybe not as meant

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_yaml(text: str, line_offset: int = 0) -> ParsedYaml:
    """Read one YAML document; `line_offset` shifts reported lines (front matter)."""
    builder = _Builder(line_offset, text)
    try:
        data = builder.document(_events(text))
    except yaml.MarkedYAMLError as exc:
        problem = _syntax_problem(exc, text, line_offset)
        return ParsedYaml(None, builder.positions, (problem,))
    except yaml.reader.ReaderError as exc:
        return ParsedYaml(None, builder.positions, (_reader_problem(exc, text, line_offset),))
    except yaml.YAMLError as exc:
        return ParsedYaml(None, builder.positions, (YamlProblem("yaml-syntax", 1, 1, str(exc)),))
    problems = tuple(builder.problems)
    return ParsedYaml(
        None if problems else data, builder.positions, problems, tuple(builder.warnings)
    )


def _events(text: str) -> Iterator[yaml.Event]:
    """The parser's events, pulled by a C-level iterator: `yaml.parse` would resume a
    Python generator for each of them, a third of the time of reading a big project."""
    return iter(_Loader(text).get_event, None)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> YamlProblem:
    """The parser's error at its place, in plain words with a hint. The parser speaks
    English: its words are matched in English, and what riskdocs says is translated."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and "end of stream" in (exc.problem or ""):
        mark = exc.context_mark  # where the unclosed quote or bracket began
    line, col = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1, 1)
    english = exc.problem or "invalid YAML"
    said = english
    if exc.context and exc.context_mark and exc.context_mark is not mark:
        context_line = exc.context_mark.line + 1 + line_offset
        plain = next(
            (
                words
                for (problem, context), words in _PLAIN_PROBLEMS.items()
                if problem in english and context in exc.context
            ),
            None,
        )
        if plain and mark and not _starts_line(text, mark.line, mark.column):
            plain = _MORE_TEXT
        if plain:
            english, said = plain.format(line=context_line), _(plain).format(line=context_line)
        else:
            english = f"{english} ({exc.context} at line {context_line})"
            said = _("{problem} ({context} at line {line})").format(
                problem=said, context=exc.context, line=context_line
            )
    if english.startswith("mapping values are not allowed"):
        english = _VALUE_WITH_COLON
        said = _(english)
    if mark and _char_at(text, mark.line, mark.column) == "\t":
        english = _TAB
        said = _(english)
    hint = next((h for frag, h in _SYNTAX_HINTS.items() if frag in english), _SYNTAX_FALLBACK)
    return YamlProblem(
        "yaml-syntax", line, col, _("{problem}: {hint}").format(problem=said, hint=_(hint))
    )


_MORE_TEXT = N_("more text after this line's value, which YAML cannot read")
_VALUE_WITH_COLON = N_("a ': ' inside a value, where YAML cannot start a new field")
_TAB = N_("found a tab character")


def _starts_line(text: str, line: int, column: int) -> bool:
    """Whether the token at `line`:`column` (0-based) is the first thing on its line."""
    lines = text.split("\n")
    return line < len(lines) and not lines[line][:column].strip(" \t-")


def _reader_problem(exc: yaml.reader.ReaderError, text: str, line_offset: int) -> YamlProblem:
    """A character YAML does not allow (NUL and other control characters), at its place."""
    before = text[: exc.position]
    line = before.count("\n") + 1 + line_offset
    col = exc.position - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    name = unicodedata.name(char, "a control character")
    return YamlProblem(
        "yaml-syntax",
        line,
        col,
        _(
            "the file contains U+{code:04X} ({name}), which YAML does not allow: "
            "remove it (was binary content pasted in?)"
        ).format(code=ord(char), name=name.lower()),
    )


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    return lines[line][column : column + 1] if line < len(lines) else ""


# Paths and positions repeat from file to file (every commitment has a `due` near line
# 6): one shared tuple for each keeps the positions of ten thousand files small. Cleared
# when it grows past _SHARED_MAX, so a long-lived process does not keep every one.
_SHARED: dict[tuple[Any, ...], Any] = {}
_SHARED_MAX = 1 << 17
_T = TypeVar("_T", bound=tuple[Any, ...])


def _shared(value: _T) -> _T:
    return _SHARED.setdefault(value, value)  # type: ignore[no-any-return]


class _Builder:
    """Turns an event stream into data, positions and problems."""

    def __init__(self, line_offset: int, text: str = "") -> None:
        self.line_offset = line_offset
        self.positions = Positions()
        if len(_SHARED) > _SHARED_MAX:
            _SHARED.clear()
        self.problems: list[YamlProblem] = []
        self.warnings: list[YamlProblem] = []
        self.events: Iterator[yaml.Event] = iter(())
        # The lines where a comment might cut a value short (most files have none, so
        # most scalars cost one dict lookup at most).
        self.cut_lines = (
            {n: line for n, line in enumerate(text.splitlines()) if _COMMENT_CUT.search(line)}
            if _COMMENT_CUT.search(text)
            else {}
        )

    def position(self, event: yaml.Event) -> Position:
        mark = event.start_mark
        if mark is None:  # libyaml always sets marks; keep mypy and odd builds happy
            return (1 + self.line_offset, 1)
        return _shared((mark.line + 1 + self.line_offset, mark.column + 1))

    def problem(self, rule: str, event: yaml.Event, message: str) -> None:
        line, col = self.position(event)
        self.problems.append(YamlProblem(rule, line, col, message))

    def document(self, events: Iterator[yaml.Event]) -> Any:
        self.events = events
        data: Any = None
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    self.problem(
                        "yaml-multi-document",
                        event,
                        _(
                            "a second YAML document starts here; keep one document per file "
                            "(remove the '---' line or move the rest to its own file)"
                        ),
                    )
            elif isinstance(event, yaml.NodeEvent | yaml.CollectionStartEvent) and documents == 1:
                data = self.node(event, (), 0)
            elif isinstance(event, yaml.NodeEvent | yaml.CollectionStartEvent):
                self.skip(event)
        return data

    def node(
        self, event: yaml.Event, path: JsonPath, depth: int, key_at: Position | None = None
    ) -> Any:
        self.positions.at[path] = _shared((self.position(event), key_at))
        if isinstance(event, yaml.AliasEvent):
            self.problem(
                "yaml-anchor",
                event,
                _(
                    "alias *{anchor} is not allowed; riskdocs files spell every value out "
                    "(copy the value here)"
                ).format(anchor=event.anchor),
            )
            return None
        if isinstance(event, yaml.NodeEvent) and event.anchor:
            self.problem(
                "yaml-anchor",
                event,
                _(
                    "anchor &{anchor} is not allowed; riskdocs files spell every value out "
                    "(remove the anchor)"
                ).format(anchor=event.anchor),
            )
        if depth > MAX_DEPTH:
            self.problem(
                "yaml-syntax",
                event,
                _("nesting deeper than {depth} levels").format(depth=MAX_DEPTH),
            )
            self.skip(event)
            return None
        if isinstance(event, yaml.ScalarEvent):
            value = self.scalar(event)
            if self.cut_lines and not event.style and isinstance(value, str):
                self.check_comment_cut(event, value)
            return value
        if isinstance(event, yaml.MappingStartEvent):
            self.check_collection_tag(event, "map")
            return self.mapping(path, depth)
        if isinstance(event, yaml.SequenceStartEvent):
            self.check_collection_tag(event, "seq")
            return self.sequence(path, depth)
        raise yaml.YAMLError(
            _("unexpected YAML event {event!r}").format(event=event)
        )  # libyaml never emits this

    def mapping(self, path: JsonPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_event in self.events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return result
            value_event = next(self.events)
            if not isinstance(key_event, yaml.ScalarEvent):
                self.problem(
                    "yaml-syntax", key_event, _("a key must be plain text, not a list or mapping")
                )
                self.skip(key_event)
                self.skip(value_event)
                continue
            if key_event.tag is not None:
                self.scalar(key_event)  # refuses tags on keys as on values
            key = sys.intern(key_event.value)
            child = _shared((*path, key))
            if key in result:
                first_line = self.positions.of_key(child)[0]
                self.problem(
                    "yaml-duplicate-key",
                    key_event,
                    _(
                        "duplicate key '{key}' (first at line {first_line}); YAML keeps only "
                        "one, remove or rename it"
                    ).format(key=key, first_line=first_line),
                )
                self.skip(value_event)
                continue
            result[key] = self.node(value_event, child, depth + 1, self.position(key_event))
        return result

    def sequence(self, path: JsonPath, depth: int) -> list[Any]:
        result: list[Any] = []
        for event in self.events:
            if isinstance(event, yaml.SequenceEndEvent):
                return result
            result.append(self.node(event, _shared((*path, len(result))), depth + 1))
        return result

    def skip(self, event: yaml.Event) -> None:
        """Consume the rest of a node whose value is not kept."""
        if not isinstance(event, yaml.CollectionStartEvent):
            return
        level = 1
        for inner in self.events:
            if isinstance(inner, yaml.CollectionStartEvent):
                level += 1
            elif isinstance(inner, yaml.CollectionEndEvent):
                level -= 1
                if level == 0:
                    return

    def check_comment_cut(self, event: yaml.ScalarEvent, value: str) -> None:
        """Warn when a plain text is followed on its line by `#` and no space, as in
        `title: Share results #2`: YAML reads a comment there and drops `#2 ...`."""
        end = event.end_mark
        assert end is not None
        rest = self.cut_lines.get(end.line, "")[end.column :]
        cut = _COMMENT_CUT.match(rest)
        if cut is None:
            return
        line, col = end.line + 1 + self.line_offset, end.column + cut.end()
        self.warnings.append(
            YamlProblem(
                "yaml-comment-in-value",
                line,
                col,
                (
                    _(
                        "'{comment}' is a YAML comment, so the value is only {value!r}: if the '#' "
                        "belongs to it, quote the whole value"
                    ).format(comment=rest[cut.end() - 2 :].strip(), value=value)
                ),
            )
        )

    def check_collection_tag(self, event: yaml.CollectionStartEvent, core: str) -> None:
        if event.tag is not None and event.tag not in ("!", _CORE + core):
            self.problem("yaml-tag", event, _tag_message(event.tag))

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        tag, text = event.tag, event.value
        if tag is None:
            return resolve_plain(text) if event.implicit[0] else text
        if tag in ("!", _CORE + "str"):
            return text
        name = tag.removeprefix(_CORE)
        if name not in _EXPLICIT_TYPES:
            self.problem("yaml-tag", event, _tag_message(tag))
            return None
        value = resolve_plain(text)
        if isinstance(value, bool) != (name == "bool") or not isinstance(
            value, _EXPLICIT_TYPES[name]
        ):
            self.problem(
                "yaml-tag",
                event,
                _("'{text}' is not a valid !!{name} value").format(text=text, name=name),
            )
            return None
        return float(str(value)) if name == "float" else value


_EXPLICIT_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int,
    "float": (int, float),
    "bool": bool,
    "null": type(None),
}


def _tag_message(tag: str) -> str:
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    return _("tag {shown} is not allowed; riskdocs reads plain YAML only (remove the tag)").format(
        shown=shown
    )


def resolve_plain(text: str) -> Any:
    """The value of an unquoted scalar, close to the YAML 1.2 core schema."""
    if text and text[0] not in _SPECIAL_START:
        return text
    if _NULL.fullmatch(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if not _NUMBER_LIKE.fullmatch(text):
        return text
    if _INT.fullmatch(text):
        return int(text)
    if _INT_HEX.fullmatch(text):
        return int(text, 16)
    if _INT_OCT.fullmatch(text):
        return int(text[2:], 8)
    if _FLOAT.fullmatch(text) and not _leading_zero(text):
        return float(text)
    if _INF.fullmatch(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.fullmatch(text):
        return float("nan")
    return text


def _leading_zero(text: str) -> bool:
    """`0755` or `007.5` look like numbers but are codes people type; keep them as text."""
    digits = text.lstrip("+-")
    return len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()
