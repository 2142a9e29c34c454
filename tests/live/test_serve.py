"""`riskdocs serve` as a person uses it: the real command on a copy of the example, the
page in Chromium changing as a file is edited, a broken file shown on the page, the view
and language switched by the address; loopback only, read only, nothing written."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.chromium import Visit, axe_violations
from tests.conftest import TODAY, run


class Served:
    def __init__(self, root: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "riskdocs", "serve", "--root", str(root), "--port", "0",
             "--today", TODAY, *args],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        found = re.search(r"serving (http://\S+)", line)
        assert found, line
        self.url = found.group(1)

    def get(self, path: str = "") -> tuple[int, str, dict[str, str]]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as answer:
                return answer.status, answer.read().decode(), dict(answer.headers)
        except urllib.error.HTTPError as error:
            with error:
                return error.code, "", dict(error.headers)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()


def fingerprint(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}  # fmt: skip


@pytest.fixture
def served(example: Path) -> Iterator[Served]:
    started = Served(example)
    yield started
    started.close()


def test_the_page_changes_in_the_browser_as_a_file_is_edited(
    browser: Browser, example: Path, served: Served
) -> None:
    before = fingerprint(example)
    visit = Visit(browser, served.url, viewport={"width": 1280, "height": 900})
    expect(visit.page.locator("h1")).to_have_text("Customer portal relaunch")
    risk = example / "risks" / "R-002-sso-approval.yaml"
    text = risk.read_text()
    risk.write_text(text.replace("title: Single sign-on", "title: Federated sign-on"))
    expect(visit.page.locator("#risks")).to_contain_text("Federated sign-on", timeout=15000)
    # a broken file while typing: the page stays, and says so
    risk.write_text(text.replace("probability: 3", "probability: 7"))
    expect(visit.page.locator(".serve-banner")).to_contain_text("1 error", timeout=15000)
    assert "R-002" not in visit.page.locator(".serve-banner").inner_text()  # the client's view
    visit.page.goto(served.url + "?audience=team")
    expect(visit.page.locator(".serve-banner")).to_contain_text("risks/R-002-sso-approval.yaml")
    risk.write_text(text)
    expect(visit.page.locator(".serve-banner")).to_have_count(0, timeout=15000)
    assert visit.errors == [] and visit.requests == []  # the reload is the page's own request
    assert axe_violations(visit.page) == []
    assert fingerprint(example) == before  # riskdocs wrote nothing into the project


def test_a_broken_riskdocs_yaml_shows_its_findings_instead_of_stopping(
    example: Path, served: Served
) -> None:
    config = example / "riskdocs.yaml"
    text = config.read_text()
    config.write_text(text.replace("project:\n", "project: [\n", 1))
    served.get("__riskdocs/version")
    status, page, _ = served.get()
    assert status == 200 and "riskdocs.yaml has errors" in page and "yaml-syntax" not in page
    assert "riskdocs.yaml:" in page
    config.write_text(text)
    served.get("__riskdocs/version")
    assert "Customer portal relaunch" in served.get()[1]
    assert served.process.poll() is None


def test_view_and_language_come_from_the_address_and_every_file_is_served(
    served: Served,
) -> None:
    assert "Team pulse" not in served.get()[1]
    assert "Team pulse" in served.get("?audience=team")[1]
    assert '<html lang="zh-CN">' in served.get("?lang=zh-CN")[1]
    status, body, headers = served.get("status.json")
    assert (
        status == 200 and headers["Content-Type"] == "application/json" and '"version": 4' in body
    )
    assert served.get("calendar.ics")[0] == 200 and served.get("summary.md")[0] == 200
    status, page, headers = served.get()
    assert "connect-src 'self'" in headers["Content-Security-Policy"]
    assert "connect-src 'self'" in page and headers["Cache-Control"] == "no-store"
    assert served.get("?audience=everyone")[0] == 400
    assert served.get("../riskdocs.yaml")[0] == 404
    assert served.get("riskdocs.yaml")[0] == 404  # only the pages, never the project's files


def test_nothing_changes_anything(served: Served) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        request = urllib.request.Request(served.url, method=method, data=b"x")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        with refused.value:
            assert refused.value.code == 405


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.com", "::"])
def test_serve_refuses_any_address_but_this_machine(example: Path, host: str) -> None:
    result = run("serve", "--root", str(example), "--host", host, "--port", "0")
    assert result.exit_code == 2
    assert "listens on this machine only" in result.output
