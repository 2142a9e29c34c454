"""`riskdocs lsp`: riskdocs' own findings in any editor, over the Language Server Protocol
(pygls, on stdio).

The diagnostics are exactly `validate`'s findings, for every project file, YAML and
Markdown alike: the rule as the code, the team's message (in the project's language) as
the text, at the finding's line and column. A save checks the whole project; a keystroke
checks the edited file alone (`live/checks.py`) and keeps the last full check's findings
of the rules only a whole project can run, so nothing flickers while you type.
Completion, hover and code actions come from `live/assist.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from riskdocs import __version__, i18n
from riskdocs.errors import ProjectNotFoundError
from riskdocs.finding import Finding, Severity
from riskdocs.live import assist
from riskdocs.live.checks import Checked, Project
from riskdocs.live.positions import utf16
from riskdocs.load.kinds import CONFIG_FILE, classify
from riskdocs.load.tree import find_root
from riskdocs.rules import RULES

WHOLE_PROJECT_ONLY = frozenset(
    {name for name, rule in RULES.items() if rule.WHOLE_PROJECT} | {"editor-schemas"}
)
SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
log = logging.getLogger(__name__)


class RiskdocsServer(LanguageServer):
    """The editor's project, its open files, and what was last published."""

    def __init__(self, clock: Callable[[str | None], date]) -> None:
        super().__init__("riskdocs", __version__)
        self.clock = clock
        self.timezone: str | None = None
        self.project: Project | None = None
        self.last: Checked | None = None
        self.published: set[str] = set()
        self.latest: dict[str, Checked] = {}  # each file's last keystroke check

    def today(self) -> date:
        return self.clock(self.timezone)

    # -- where things are ------------------------------------------------------------

    def relative(self, uri: str) -> str | None:
        """The project path of a document, when it is one of the project's files."""
        if self.project is None or not uri.startswith("file:"):
            return None
        path = Path(unquote(urlparse(uri).path))
        try:
            relpath = path.resolve().relative_to(self.project.root).as_posix()
        except ValueError:
            return None
        return relpath if relpath == CONFIG_FILE or classify(relpath) else None

    def uri_of(self, relpath: str) -> str:
        assert self.project is not None
        return (self.project.root / relpath).as_uri()

    def open_files(self) -> dict[str, str]:
        held = {}
        for uri, document in self.workspace.text_documents.items():
            relpath = self.relative(uri)
            if relpath is not None:
                held[relpath] = document.source
        return held

    def text_of(self, relpath: str) -> str:
        held = self.open_files().get(relpath)
        if held is not None:
            return held
        assert self.project is not None
        try:
            return (self.project.root / relpath).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    # -- checking ----------------------------------------------------------------------

    def check_all(self) -> None:
        if self.project is None:
            return
        self.last = self.project.check_all(self.open_files())
        self.latest = {}
        by_path = self.last.by_path()
        shown = {self.uri_of(p): f for p, f in by_path.items()}
        for uri in self.published - shown.keys():
            self.publish(uri, [])
        for uri, findings in shown.items():
            self.publish(uri, findings)
        self.published = set(shown)

    def check_one(self, relpath: str) -> None:
        if self.project is None:
            return
        if relpath == CONFIG_FILE:  # people, cadences and rules of every file: check all
            self.check_all()
            return
        checked = self.project.check_file(relpath, self.open_files())
        self.latest[relpath] = checked
        found = list(checked.by_path().get(relpath, []))
        if self.last is not None:  # what only a whole project tells stays until the save
            found += [f for f in self.last.by_path().get(relpath, [])
                      if f.rule in WHOLE_PROJECT_ONLY]  # fmt: skip
        uri = self.uri_of(relpath)
        self.publish(uri, sorted(found, key=Finding.sort_key))
        if found:
            self.published.add(uri)

    def publish(self, uri: str, findings: list[Finding]) -> None:
        lines = self.text_of(self.relative(uri) or "").splitlines()
        diagnostics = [diagnostic(f, lines) for f in findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
        )


def diagnostic(finding: Finding, lines: list[str]) -> types.Diagnostic:
    """A finding at its line and column, up to the end of the word it points at; columns
    in UTF-16 code units, as LSP counts them."""
    line = max((finding.line or 1) - 1, 0)
    text = lines[line] if line < len(lines) else ""
    start = min(max((finding.col or 1) - 1, 0), len(text))
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    if end == start:
        end = len(text)
    return types.Diagnostic(
        range=types.Range(
            start=types.Position(line=line, character=utf16(text, start)),
            end=types.Position(line=line, character=utf16(text, end)),
        ),
        message=finding.message,
        severity=SEVERITY[finding.severity],
        code=finding.rule,
        source="riskdocs",
    )


def make_server(
    clock: Callable[[str | None], date], root: Path | None, language: str | None = None
) -> RiskdocsServer:
    """The server with its handlers; `clock` gives today in a time zone (the CLI's),
    `root` overrides the editor's workspace folder and `language` the project's."""
    server = RiskdocsServer(clock)

    @server.feature(types.INITIALIZED)
    def initialized(ls: RiskdocsServer, _params: types.InitializedParams) -> None:
        found = root or project_root(ls.workspace.root_path)
        if found is None:
            ls.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Warning,
                message="riskdocs: no riskdocs.yaml in this workspace; nothing to check",
            ))  # fmt: skip
            return
        from riskdocs.history.repo import repository_or_refusal
        from riskdocs.load.tree import DiskTree
        from riskdocs.model.settings import language_in, timezone_in

        spoken = language or language_in(DiskTree(found))
        i18n.use(spoken if spoken in i18n.LANGUAGES else i18n.ENGLISH)
        ls.timezone = timezone_in(DiskTree(found))
        repository, refused = repository_or_refusal(found)  # the full check reports a refusal
        ls.project = Project(found, repository, ls.today, refused)
        ls.check_all()

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: RiskdocsServer, params: types.DidChangeTextDocumentParams) -> None:
        relpath = ls.relative(params.text_document.uri)
        if relpath is not None:
            ls.check_one(relpath)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: RiskdocsServer, params: types.DidOpenTextDocumentParams) -> None:
        relpath = ls.relative(params.text_document.uri)
        if relpath is not None and ls.last is not None and relpath not in ls.last.by_path():
            ls.check_one(relpath)  # a file the last full check did not see (a new one)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: RiskdocsServer, _params: types.DidSaveTextDocumentParams) -> None:
        ls.check_all()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: RiskdocsServer, params: types.DidCloseTextDocumentParams) -> None:
        relpath = ls.relative(params.text_document.uri)
        if relpath is not None:
            ls.check_all()  # the file is read from disk again: what is saved is what counts

    assist.register(server)
    return server


def project_root(workspace: str | None) -> Path | None:
    """The folder holding riskdocs.yaml: the workspace folder or one above it, else the
    nearest one below it (a project in a sub-folder of its repository)."""
    if workspace is None:
        return None
    start = Path(workspace).resolve()
    try:
        return find_root(start)
    except ProjectNotFoundError:
        pass
    below = sorted(start.glob(f"*/{CONFIG_FILE}")) + sorted(start.glob(f"*/*/{CONFIG_FILE}"))
    return below[0].parent if below else None


def serve_stdio(
    clock: Callable[[str | None], date], root: Path | None, language: str | None
) -> None:
    make_server(clock, root, language).start_io()
