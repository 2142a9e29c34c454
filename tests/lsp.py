"""A minimal Language Server Protocol client for the editor tests, as an editor speaks
it over stdio: the real yaml-language-server (npm, pinned in tests/js) or `riskdocs lsp`;
opens and changes files, and reads the diagnostics, completions, hovers and code actions
an editor would show."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

SERVER = REPO / "tests" / "js" / "node_modules" / ".bin" / "yaml-language-server"


class LanguageClient:
    def __init__(self, argv: list[str], root: Path) -> None:
        self.process = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.next_id = 0
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.versions: dict[str, int] = {}  # open documents and their versions
        self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(), "capabilities": {
                "textDocument": {"completion": {"completionItem": {"snippetSupport": True}},
                                 "publishDiagnostics": {}}},
        })  # fmt: skip
        self.notify("initialized", {})

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
        finally:
            self.process.kill()
            self.process.wait()
            for pipe in (self.process.stdin, self.process.stdout):
                if pipe is not None:
                    pipe.close()

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while (line := self.process.stdout.readline().strip()) != b"":
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        message: dict[str, Any] = json.loads(self.process.stdout.read(length))
        if message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            self.diagnostics[params["uri"]] = params["diagnostics"]
        elif "method" in message and "id" in message:  # a request from the server
            self._send({"id": message["id"], "result": None})
        return message

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self._send({"id": wanted, "method": method, "params": params})
        while True:
            message = self._read()
            if message.get("id") == wanted and "method" not in message:
                return message.get("result")

    def open(self, path: Path, language: str = "yaml") -> str:
        """Open `path` as it is on disk now; a document opened before gets its new text
        (an editor sends a change, and a second `didOpen` would be ignored)."""
        uri = path.as_uri()
        text = path.read_text()
        if uri in self.versions:
            self.versions[uri] += 1
            self.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": self.versions[uri]},
                "contentChanges": [{"text": text}]})  # fmt: skip
        else:
            self.versions[uri] = 1
            self.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": language, "version": 1, "text": text}})  # fmt: skip
        return uri

    def diagnostics_of(self, path: Path, timeout: float = 20.0) -> list[dict[str, Any]]:
        """The diagnostics the server publishes for `path` once it has read its schema."""
        uri = self.open(path)
        self.diagnostics.pop(uri, None)
        deadline = time.monotonic() + timeout
        while uri not in self.diagnostics and time.monotonic() < deadline:
            start = {"line": 0, "character": 0}
            self.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": start})
        assert uri in self.diagnostics, f"no diagnostics for {path}"
        return self.diagnostics[uri]

    def completion(self, path: Path, line: int, character: int) -> list[dict[str, Any]]:
        uri = self.open(path)
        at = {"line": line, "character": character}
        result = self.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                          "position": at})  # fmt: skip
        items = result.get("items", []) if isinstance(result, dict) else (result or [])
        return list(items)


class YamlLanguageServer(LanguageClient):
    def __init__(self, root: Path) -> None:
        if not SERVER.exists():
            pytest.fail("yaml-language-server is missing: ./scripts/install-browser installs it")
        super().__init__([str(SERVER), "--stdio"], root)
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": {
            "validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False},
        }}})  # fmt: skip
