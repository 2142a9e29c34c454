"""`riskdocs serve`: the status page on this machine, rebuilt when a project file changes
and reloaded in the open browser.

The page is built in memory by the one pipeline and the report's renderers, for the
audience and language the address asks for (`?audience=team`, `?lang=zh-CN`); nothing is
written into the project and no endpoint changes anything (GET and HEAD only). The served
copy alone gets a few lines of script that ask `/__riskdocs/version` whether the files
changed and reload the page, and its Content-Security-Policy allows exactly that request
(`connect-src 'self'`). A broken riskdocs.yaml gives a page of its findings; a broken file
gives the page with a banner, so typing never stops the server.
"""

from __future__ import annotations

import ipaddress
import os
import threading
import time
from collections.abc import Callable
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from markupsafe import escape

from riskdocs import i18n
from riskdocs.errors import ConfigError, RiskdocsError
from riskdocs.finding import Finding, Severity
from riskdocs.history.repo import Repository
from riskdocs.i18n import _, ngettext
from riskdocs.load.tree import DiskTree

VERSION_PATH = "/__riskdocs/version"
POLL_SECONDS = 0.3
CSP_META = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
)
SERVED_CSP = CSP_META + "; connect-src 'self'"
RELOAD = """<script>
(function () {  // riskdocs serve: reload when the project's files change
  var seen = null;
  function poll() {
    fetch("VERSION", {cache: "no-store"}).then(function (r) { return r.text(); })
    .then(function (v) {
      if (seen !== null && v !== seen) { location.reload(); }
      seen = v;
    }).catch(function () {}).then(function () { setTimeout(poll, 400); });
  }
  poll();
})();
</script>""".replace("VERSION", VERSION_PATH)
TYPES = {".html": "text/html; charset=utf-8", ".json": "application/json",
         ".ics": "text/calendar; charset=utf-8", ".md": "text/markdown; charset=utf-8"}  # fmt: skip


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Site:
    """The project's pages, built in memory once per version of its files and per
    (audience, language) asked for; `version` changes whenever a file does."""

    def __init__(
        self, root: Path, repository: Repository | None, refused: str | None,
        today: Callable[[], date], language: str,
    ) -> None:  # fmt: skip
        self.root, self.repository, self.refused = root, repository, refused
        self.today, self.language = today, language
        self.version = 0
        self.lock = threading.Lock()
        self._built: dict[tuple[int, str, str], dict[str, str]] = {}
        self._seen = self.snapshot()

    def snapshot(self) -> dict[str, tuple[int, int]]:
        seen = {}
        for relpath in DiskTree(self.root).files():
            try:
                found = os.stat(self.root / relpath)
            except OSError:
                continue
            seen[relpath] = (found.st_mtime_ns, found.st_size)
        return seen

    def changed(self) -> bool:
        now = self.snapshot()
        if now == self._seen:
            return False
        with self.lock:
            self._seen, self.version = now, self.version + 1
            self._built = {}
        return True

    def files(self, audience: str, language: str) -> dict[str, str]:
        with self.lock:  # one build at a time: the language is the process's
            key = (self.version, audience, language)
            if key not in self._built:
                self._built[key] = self._build(audience, language)
            return self._built[key]

    def _build(self, audience: str, language: str) -> dict[str, str]:
        from riskdocs.checks.pipeline import run
        from riskdocs.checks.sources import revision, whole_project
        from riskdocs.report.publish import rendered
        from riskdocs.report.view import build_view

        i18n.use(language)
        source = whole_project(self.root, self.repository, refused=self.refused)
        try:
            result = run(source, self.today())
        except ConfigError as exc:
            return {"index.html": config_page(exc.findings)}
        view = build_view(result.project, result.findings, result.today, audience,
                          revision(source), result.history)  # fmt: skip
        built = rendered(view)
        errors = [f for f in result.findings if f.severity is Severity.ERROR and not f.ignored]
        built["index.html"] = served(built["index.html"], banner(errors, audience))
        return built


def banner(errors: list[Finding], audience: str) -> str:
    """What a broken file says on the served page: the team's view names the files and
    lines, the client's only how many (it never shows a path)."""
    if not errors:
        return ""
    if audience != "team":
        said = ngettext(
            "riskdocs serve: the project's files have {count} error; the team's view "
            "(?audience=team) lists it.",
            "riskdocs serve: the project's files have {count} errors; the team's view "
            "(?audience=team) lists them.",
            len(errors),
        ).format(count=len(errors))
        return f'<div class="serve-banner" role="alert">{escape(said)}</div>'
    items = "".join(
        f"<li><code>{escape(f.path)}:{f.line or 1}</code> {escape(f.message)}</li>"
        for f in errors[:20]
    )
    title = ngettext(
        "{count} error in the project's files", "{count} errors in the project's files", len(errors)
    ).format(count=len(errors))
    heading = f"<strong>{escape(title)}</strong>"
    return f'<div class="serve-banner" role="alert">{heading}<ul>{items}</ul></div>'


STYLE = ("<style>.serve-banner{background:#fde7e4;color:#8a1c15;"
         "padding:8px 16px;border-bottom:2px solid #b3261e;font:14px system-ui,sans-serif}"
         ".serve-banner ul{margin:4px 0 0;padding-left:18px}</style>")  # fmt: skip


def served(page: str, notice: str) -> str:
    """The page as `serve` sends it: the reload script, the one request it makes allowed,
    and the banner of a broken file."""
    page = page.replace(f'content="{CSP_META}"', f'content="{SERVED_CSP}"', 1)
    page = page.replace("</head>", STYLE + "</head>", 1)
    page = page.replace("<body>", "<body>" + notice, 1)
    return page.replace("</body>", RELOAD + "</body>", 1)


def config_page(findings: list[Finding]) -> str:
    items = "".join(
        f"<li><code>{escape(f.path)}:{f.line or 1}:{f.col or 1}</code> {escape(f.message)}</li>"
        for f in findings
    )
    title = escape(_("riskdocs.yaml has errors; fix them before anything else can be checked"))
    return (
        f'<!DOCTYPE html><html lang="{escape(i18n.current())}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{SERVED_CSP}">'
        f"<title>{title}</title>{STYLE}</head><body>"
        f'<div class="serve-banner" role="alert"><strong>{title}</strong><ul>{items}</ul></div>'
        f"</body></html>"
    ).replace("</body>", RELOAD + "</body>")


def handler_for(site: Site, default_audience: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "riskdocs"

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def _refuse(self) -> None:
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED, "riskdocs serve only shows the page")

        do_POST = do_PUT = do_DELETE = do_PATCH = _refuse

        def _answer(self, send_body: bool) -> None:
            url = urlparse(self.path)
            if url.path == VERSION_PATH:
                site.changed()
                self._send(HTTPStatus.OK, "text/plain", str(site.version).encode(), send_body)
                return
            query = parse_qs(url.query)
            audience = query.get("audience", [default_audience])[0]
            language = query.get("lang", [site.language])[0]
            if audience not in ("client", "team") or language not in i18n.LANGUAGES:
                self.send_error(
                    HTTPStatus.BAD_REQUEST, "audience: client or team; lang: en or zh-CN"
                )
                return
            name = url.path.lstrip("/") or "index.html"
            files = site.files(audience, language)
            if name not in files:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            kind = TYPES.get(Path(name).suffix, "application/octet-stream")
            self._send(HTTPStatus.OK, kind, files[name].encode("utf-8"), send_body)

        def _send(self, status: HTTPStatus, kind: str, body: bytes, send_body: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Security-Policy", SERVED_CSP)
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # a request per poll: the terminal stays quiet

    return Handler


def serve(site: Site, host: str, port: int, audience: str, ready: Callable[[str], None]) -> None:
    """Serve `site` on host:port until interrupted; `ready` gets the address."""
    if not loopback(host):
        raise RiskdocsError(
            _(
                "--host {host}: riskdocs serve listens on this machine only (127.0.0.1, ::1 or "
                "localhost): the page may hold internal records; publish a report for others"
            ).format(host=host)
        )
    import socket

    class Server(ThreadingHTTPServer):
        allow_reuse_address = True
        daemon_threads = True
        address_family = socket.AF_INET6 if ":" in host else socket.AF_INET

    httpd = Server((host, port), handler_for(site, audience))
    watcher = threading.Thread(target=_watch, args=(site,), daemon=True)
    watcher.start()
    shown = f"[{host}]" if ":" in host else host
    ready(f"http://{shown}:{httpd.server_address[1]}/")
    try:
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


def _watch(site: Site) -> None:
    while True:
        time.sleep(POLL_SECONDS)
        site.changed()
