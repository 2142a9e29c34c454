"""The portfolio page in real headless Chromium: every section, no console error and no
network, the filters, sorting and lesson search, every cell on screen on a phone, the
printed PDF, and axe-core in both languages. Screenshots land in test-artifacts/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from tests.chromium import ARTIFACTS, PHONE, Visit, axe_violations, printed_pages
from tests.conftest import run
from tests.portfolio.conftest import DAY

DESKTOP = {"width": 1280, "height": 900}
SECTIONS = ["Projects", "Risk calibration", "Promise reliability", "Client responsiveness",
            "Lessons"]  # fmt: skip
ZH_SECTIONS = ["项目", "风险校准", "承诺可靠性", "客户响应速度", "经验"]
# the column names of a phone's cards are visually hidden (thead is clipped to 1 px)
OFF_SCREEN = """() => Array.from(document.querySelectorAll('main td, main tfoot th')).filter(c => {
  const box = c.getBoundingClientRect();
  return box.width > 0 && (box.left < -1 || box.right > window.innerWidth + 1);
}).length"""


def page_of(portfolio: Path, *args: str) -> Path:
    out = portfolio.parent / "site"
    result = run("portfolio", str(portfolio), "-o", str(out), "--today", DAY, *args)
    assert result.exit_code == 1, result.output  # some projects have no data
    return out / "index.html"


def rows_shown(visit: Visit) -> list[str]:
    return [
        r.get_attribute("id") or ""
        for r in visit.page.locator("#projects-table tbody tr:visible").all()
    ]


def test_the_page_renders_every_section_without_errors_or_network(
    browser: Browser, portfolio: Path
) -> None:
    visit = Visit(browser, page_of(portfolio), viewport=DESKTOP)
    headings = visit.page.locator("main h2").all_inner_texts()
    assert headings == SECTIONS
    assert visit.errors == [] and visit.requests == []
    expect(visit.page.locator(".internal")).to_contain_text("never for a client")
    link = visit.page.locator("#p-alpha a").first
    assert link.get_attribute("href") == "https://status.example.com/alpha/"
    expect(visit.page.locator("#p-never")).to_contain_text("No data to show.")
    expect(visit.page.locator("#p-gamma .data-stale")).to_have_text("stale")
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / "portfolio-desktop.png"), full_page=True)


def test_filters_sort_and_lesson_search_work(browser: Browser, portfolio: Path) -> None:
    visit = Visit(browser, page_of(portfolio), viewport=DESKTOP)
    page = visit.page
    page.select_option("form[data-filter=projects-table] select[name=health]", "red")
    assert rows_shown(visit) == ["p-alpha", "p-beta", "p-gamma"]
    page.select_option("form[data-filter=projects-table] select[name=state]", "stale")
    assert rows_shown(visit) == ["p-gamma"]
    expect(page.locator("form[data-filter=projects-table] output")).to_have_text("1 / 6")
    page.select_option("form[data-filter=projects-table] select[name=health]", "")
    page.select_option("form[data-filter=projects-table] select[name=state]", "none")
    assert rows_shown(visit) == ["p-never", "p-newer", "p-older"]
    page.select_option("form[data-filter=projects-table] select[name=state]", "")
    page.fill("form[data-filter=projects-table] input[name=text]", "globex")
    assert rows_shown(visit) == ["p-beta"]
    page.fill("form[data-filter=projects-table] input[name=text]", "")
    page.locator("#projects-table th", has_text="High risks").click()
    page.locator("#projects-table th", has_text="High risks").click()  # most first
    assert rows_shown(visit)[0] == "p-beta"
    lessons = page.locator("#lesson-list > li:visible")
    assert lessons.count() == 1
    page.fill("form[data-filter=lesson-list] input[name=text]", "nothing like it")
    assert lessons.count() == 0
    page.fill("form[data-filter=lesson-list] input[name=text]", "")
    page.locator(".tags .tag", has_text="migration").click()
    assert lessons.count() == 1
    expect(page.locator(".tags .tag", has_text="migration")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert visit.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_every_cell_is_on_screen(browser: Browser, portfolio: Path, scheme: str) -> None:
    visit = Visit(browser, page_of(portfolio), viewport=PHONE, color_scheme=scheme)
    assert visit.page.evaluate(OFF_SCREEN) == 0
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    visit.page.screenshot(path=str(ARTIFACTS / f"portfolio-phone-{scheme}.png"), full_page=True)


def test_the_printed_portfolio_shows_every_row_and_no_filter(
    browser: Browser, portfolio: Path
) -> None:
    visit = Visit(browser, page_of(portfolio), viewport=DESKTOP)
    visit.page.select_option("form[data-filter=projects-table] select[name=health]", "green")
    pdf = portfolio.parent / "portfolio.pdf"
    pages = printed_pages(visit.page, pdf)
    shutil.copy(pdf, ARTIFACTS / "portfolio.pdf")
    text = " ".join(t for lines in pages for _, t in lines)
    for name in ("Alpha portal", "Beta billing", "Gamma app", "never", "older"):
        assert name in text  # the filter chose green: printing shows them all the same
    assert "Find" not in text
    # no page left half empty (a landscape page is short: the calibration chart, which is
    # never cut in two, may start the next one)
    for number, lines in enumerate(pages[:-1], start=1):
        assert lines[-1][0] > 0.55, f"printed page {number} ends {lines[-1][0]:.0%} down"
    # landscape, and no column cut off at the paper's edge
    assert all(sheet.mediabox.width > sheet.mediabox.height for sheet in PdfReader(pdf).pages)
    assert "built 30 Nov 2026" in text and "its checks fail: 1 error" in text
    assert "Migrate a sample early" in text


@pytest.mark.parametrize(
    ("lang", "viewport", "scheme"),
    [("en", DESKTOP, "light"), ("en", PHONE, "dark"), ("zh-CN", DESKTOP, "dark"),
     ("zh-CN", PHONE, "light")],
)  # fmt: skip
def test_axe_finds_no_violation_in_either_language(
    browser: Browser, portfolio: Path, lang: str, viewport: dict[str, int], scheme: str
) -> None:
    visit = Visit(
        browser, page_of(portfolio, "--lang", lang), viewport=viewport, color_scheme=scheme
    )
    if lang == "zh-CN":
        assert visit.page.locator("main h2").all_inner_texts() == ZH_SECTIONS
        if viewport is DESKTOP:
            visit.page.screenshot(path=str(ARTIFACTS / "portfolio-zh.png"), full_page=True)
    assert axe_violations(visit.page) == []
