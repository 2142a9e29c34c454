"""Reading one project file into a `Document`: its data, where each value is, its body.

A document keeps the file's path relative to the root, its kind, its data
(JSON-shaped, dates as strings), the positions of its values and, for
Markdown files, the body after the front matter. A file that cannot be read
becomes findings and a document without data, never an exception.
"""

from __future__ import annotations

from typing import Any

from riskdocs.finding import Finding, Severity
from riskdocs.i18n import _
from riskdocs.load.kinds import Kind
from riskdocs.load.tree import MAX_FILE_BYTES, FileTooLargeError, OutsideProjectError, Tree
from riskdocs.load.yamlsrc import ParsedYaml, Positions, YamlProblem, parse_yaml
from riskdocs.structs import field, replace, struct


@struct
class Document:
    """One project file as read from disk.

    Attributes:
        path: path relative to the project root, `/`-separated.
        kind: what the file holds.
        data: the YAML data (front matter for Markdown); None if it could not be read.
        positions: where each value starts in the file.
        body: Markdown text after the front matter ("" for YAML files).
        body_line: line number of the first line of `body` in the file.
    """

    path: str
    kind: Kind
    data: Any
    positions: Positions = field(default_factory=Positions)
    body: str = ""
    body_line: int = 1

    @property
    def readable(self) -> bool:
        return self.data is not None

    @property
    def stem(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0]


def load_file(source: Tree, relpath: str, kind: Kind) -> tuple[Document, list[Finding]]:
    """Read one file; problems come back as findings and leave `data` as None."""
    try:
        raw = source.read(relpath)
        if len(raw) > MAX_FILE_BYTES:
            raise FileTooLargeError(len(raw))
    except OutsideProjectError as exc:
        return _unread(
            relpath,
            kind,
            "file-unreadable",
            1,
            (
                _(
                    "this is a symlink to {exc}, outside the project: riskdocs does not "
                    "follow it (its content could end up on the status page); copy the file "
                    "in instead"
                ).format(exc=exc)
            ),
        )
    except FileTooLargeError as exc:
        return _unread(
            relpath,
            kind,
            "file-too-large",
            1,
            (
                _(
                    "file is {size:.1f} MB; riskdocs reads project files up to "
                    "{limit} MB: split it (one entity per file) or move it out"
                ).format(size=exc.size / 1_000_000, limit=MAX_FILE_BYTES // 1_000_000)
            ),
        )
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return _unread(
            relpath,
            kind,
            "file-unreadable",
            1,
            _("cannot read the file ({reason}); fix or remove it").format(reason=reason),
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _unread(
            relpath,
            kind,
            "file-encoding",
            raw.count(b"\n", 0, exc.start) + 1,
            _("file is not UTF-8 (byte 0x{raw:02x}); save it with UTF-8 encoding").format(
                raw=raw[exc.start]
            ),
        )
    if kind.markdown:
        return _load_markdown(relpath, kind, text)
    parsed = parse_yaml(text)
    document = Document(path=relpath, kind=kind, data=parsed.data, positions=parsed.positions)
    return document, _parse_findings(relpath, kind, parsed)


def _unread(
    relpath: str, kind: Kind, rule: str, line: int, message: str
) -> tuple[Document, list[Finding]]:
    return Document(path=relpath, kind=kind, data=None), [_error(relpath, rule, line, 1, message)]


def _load_markdown(relpath: str, kind: Kind, text: str) -> tuple[Document, list[Finding]]:
    split = split_front_matter(text)
    if isinstance(split, YamlProblem):
        return Document(path=relpath, kind=kind, data=None), [_problem_finding(relpath, split)]
    front, offset, body, body_line = split
    parsed = parse_yaml(front, line_offset=offset)
    document = Document(
        path=relpath,
        kind=kind,
        data=parsed.data,
        positions=parsed.positions,
        body=body,
        body_line=body_line,
    )
    return document, _parse_findings(relpath, kind, parsed)


def _parse_findings(relpath: str, kind: Kind, parsed: ParsedYaml) -> list[Finding]:
    """The errors that kept the YAML from being read (or that it is empty), then the
    warnings about values read as written but maybe not as meant."""
    errors = [_problem_finding(relpath, p) for p in parsed.problems]
    warnings = [
        replace(_problem_finding(relpath, p), severity=Severity.WARNING) for p in parsed.warnings
    ]
    return [*(errors or _empty(relpath, kind, parsed.data)), *warnings]


def split_front_matter(text: str) -> tuple[str, int, str, int] | YamlProblem:
    """Split Markdown into (front matter, its line offset, body, body's first line).

    Front matter is YAML between a first line `---` and the next `---` or `...` line.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return YamlProblem(
            "front-matter",
            1,
            1,
            _(
                "file must start with YAML front matter: a '---' line, the fields (date, "
                "title, ...), then another '---' line"
            ),
        )
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            front = "".join(lines[1:index])
            return front, 1, "".join(lines[index + 1 :]), index + 2
    return YamlProblem(
        "front-matter", 1, 1, _("front matter is not closed: add a '---' line after the last field")
    )


def _empty(relpath: str, kind: Kind, data: Any) -> list[Finding]:
    if data is not None:
        return []
    where = "front matter" if kind.markdown else "file"
    return [
        _error(
            relpath,
            "empty-file",
            1,
            1,
            _(
                "the {where} is empty: write the {label}'s fields here (`riskdocs schema "
                "{name}` lists them)"
            ).format(where=where, label=kind.label, name=kind.name),
        )
    ]


def _problem_finding(relpath: str, problem: YamlProblem) -> Finding:
    return _error(relpath, problem.rule, problem.line, problem.col, problem.message)


def _error(relpath: str, rule: str, line: int, col: int, message: str) -> Finding:
    return Finding(
        path=relpath, line=line, col=col, rule=rule, severity=Severity.ERROR, message=message
    )
