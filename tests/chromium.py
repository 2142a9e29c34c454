"""Chromium for the page tests: Debian's /usr/bin/chromium driven by Playwright (no
browser is downloaded), a page opened from file:// with its console errors and outside
requests, the page printed to PDF and read back, and axe-core's violations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

REPO = Path(__file__).parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
# Without the background-networking flags Chromium tries to reach Google at start.
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium (.ci/run does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=FLAGS
        )
        yield launched
        launched.close()


class Visit:
    """A page opened from file:// (or the address `riskdocs serve` gave), with every
    console error and every request elsewhere."""

    def __init__(self, browser: Browser, path: Path | str, **options: object) -> None:
        self.page: Page = browser.new_page(**options)  # type: ignore[arg-type]
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else 0)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", self._request)
        self.home = path if isinstance(path, str) else "file://"
        self.page.goto(path if isinstance(path, str) else path.as_uri())

    def _request(self, request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        if not url.startswith(self.home):
            self.requests.append(url)


def printed_pages(page: Page, path: Path) -> list[list[tuple[float, str]]]:
    """The page printed to an A4 PDF by Chromium, read back with pypdf: per printed page,
    its lines as (distance from the top as a fraction of the page, text)."""
    from pypdf import PdfReader

    page.emulate_media(media="print")
    # Chromium's print-to-PDF does not fire `beforeprint`, which a person's print does
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.pdf(path=str(path), format="A4", print_background=True, prefer_css_page_size=True)
    printed = []
    for sheet in PdfReader(path).pages:
        height = float(sheet.mediabox.height)
        lines: list[tuple[float, str]] = []

        def keep(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if text.strip():
                lines.append(((height - (cm[5] + cm[3] * tm[5])) / height, text.strip()))  # noqa: B023

        sheet.extract_text(visitor_text=keep)
        printed.append(sorted(lines))
    return printed


AXE = REPO / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact,
    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
}"""


def axe_violations(page: Page) -> list[dict[str, object]]:
    if not AXE.exists():
        pytest.fail("axe-core is missing: ./scripts/install-browser installs it from npm")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN)  # type: ignore[no-any-return]
