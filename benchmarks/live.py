"""What the live tools cost: a keystroke in `riskdocs lsp`, and a rebuild in `riskdocs serve`.

    python benchmarks/live.py --entities 1000 --changes 30

* the language server on a project of N entity files (benchmarks/corpus.py, with git
  history): the time from a `textDocument/didChange` of one commitment to its
  diagnostics, median of C changes (target: under 50 ms), against the pre-commit
  hook's whole process on that file (`riskdocs validate --hook FILE`);
* `riskdocs serve` on the bundled example: the time from a file's change to the page
  answered again (the version poll, then the page, rebuilt in memory; target: under
  half a second), against `riskdocs report` of the example (a whole process).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from timing import RISKDOCS, Command, corpus, machine, measure

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "northwind-portal"
TODAY = "2026-11-26"


class Client:
    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen([*RISKDOCS, "lsp", "--today", TODAY, "--root", str(root)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)  # fmt: skip
        self.next_id = 0
        self.request("initialize", {"processId": None, "rootUri": root.as_uri(),
                                    "capabilities": {}})  # fmt: skip
        self.send({"method": "initialized", "params": {}})
        self.request("textDocument/hover", {"textDocument": {"uri": root.as_uri() + "/none.yaml"},
                                            "position": {"line": 0, "character": 0}})  # fmt: skip

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while (line := self.process.stdout.readline().strip()) != b"":
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        message: dict[str, Any] = json.loads(self.process.stdout.read(length))
        return message

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while (message := self.read()).get("id") != self.next_id or "method" in message:
            pass
        return message.get("result")

    def diagnostics_after_change(self, uri: str, version: int, text: str) -> float:
        start = time.perf_counter()
        self.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]}})  # fmt: skip
        while True:
            message = self.read()
            if message.get("method") == "textDocument/publishDiagnostics" and (
                message["params"]["uri"] == uri
            ):
                return time.perf_counter() - start

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def keystrokes(root: Path, changes: int) -> tuple[float, Path]:
    path = sorted((root / "commitments").rglob("*.yaml"))[5]
    text = path.read_text()
    client = Client(root)
    uri = path.as_uri()
    client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}}})  # fmt: skip
    times = [client.diagnostics_after_change(uri, 2 + n, text + f"# edit {n}\n")
             for n in range(changes)]  # fmt: skip
    client.close()
    return statistics.median(times), path


def rebuilds(work: Path, rounds: int) -> float:
    root = work / "example"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    served = subprocess.Popen([*RISKDOCS, "serve", "--root", str(root), "--port", "0", "--today",
                               TODAY], stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert served.stdout is not None
    url = re.search(r"(http://\S+)", served.stdout.readline())
    assert url
    base = url.group(1)

    def get(path: str) -> str:
        with urllib.request.urlopen(base + path, timeout=60) as answer:
            return str(answer.read().decode())

    get("")
    risk = root / "risks" / "R-002-sso-approval.yaml"
    original = risk.read_text()
    times = []
    for n in range(rounds):
        version = get("__riskdocs/version")
        start = time.perf_counter()
        risk.write_text(original.replace("title: Single sign-on", f"title: Sign-on {n}"))
        while get("__riskdocs/version") == version:
            time.sleep(0.01)
        page = get("")
        times.append(time.perf_counter() - start)
        assert f"Sign-on {n}" in page
    served.terminate()
    served.wait()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="riskdocs-live-"))
    commitments = args.entities * 6 // 10
    root = corpus(work / "project", "--commits", str(args.entities), "--commitments",
                  str(commitments), "--risks", str(args.entities - commitments))  # fmt: skip
    keystroke, path = keystrokes(root, args.changes)
    hook = measure([Command("hook", [*RISKDOCS, "validate", "--hook", "--root", str(root),
                                     "--today", TODAY, str(path)], root, "checked",
                            exits=(0, 1))], 3)["hook"]  # fmt: skip
    rebuild = rebuilds(work, args.rounds)
    report = measure([Command("report", [*RISKDOCS, "report", "--root", str(EXAMPLE), "-o",
                                         str(work / "site"), "--today", TODAY], work, "wrote")],
                     3)["report"]  # fmt: skip
    print(f"{args.entities} entity files in {root}; medians")
    print(machine())
    print(f"lsp: a change to one file -> its diagnostics   {keystroke * 1000:7.1f} ms "
          f"(target 50 ms); the hook's process on it {hook * 1000:.0f} ms "
          f"(x {keystroke / hook:.2f})")  # fmt: skip
    print(f"serve: a file changed -> the page again        {rebuild * 1000:7.1f} ms "
          f"(target 500 ms); riskdocs report of the example {report * 1000:.0f} ms "
          f"(x {rebuild / report:.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
