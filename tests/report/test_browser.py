"""The status page in a real headless Chromium (Debian's /usr/bin/chromium via Playwright),
opened from file://: sections, heat map, links, sorting, no console errors and no
network request. Screenshots land in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.chromium import (
    ARTIFACTS,
    PHONE,
    Visit,
    axe_violations,
    printed_pages,
)
from tests.conftest import REPO
from tests.report.conftest import Report

SECTIONS = [
    "Health by area", "Risks", "Commitments", "Schedule", "Scope", "Contract",
    "Who's who and how we meet", "Training",
    "Client concerns", "Client satisfaction", "Meetings", "Lessons learned",
    "What needs attention",
]  # fmt: skip


def test_the_page_renders_every_section_without_errors_or_network(
    browser: Browser, example: Path, report: Report
) -> None:
    out = report(example)
    visit = Visit(browser, out / "index.html", viewport={"width": 1280, "height": 900})
    page = visit.page
    assert page.title() == "Customer portal relaunch · status 26 Nov 2026"
    assert page.locator("h2").all_inner_texts() == SECTIONS
    assert page.locator(".overall").inner_text().startswith("Overall health: AMBER")
    assert page.locator(".card").count() == 6
    assert page.locator("details").count() == 9  # 8 meetings, 1 lesson
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "status-page.png"), full_page=True)
    assert visit.errors == [] and visit.requests == []


def test_heat_map_cells_show_the_counts_and_link_to_the_risks(
    browser: Browser, example: Path, report: Report
) -> None:
    out = report(example)
    heatmap = json.loads((out / "status.json").read_text())["risks"]["heatmap"]
    page = Visit(browser, out / "index.html").page
    cells = page.locator(".heat-cell")
    assert cells.count() == 25
    shown = {
        (int(c.get_attribute("data-p") or 0), int(c.get_attribute("data-i") or 0)): int(
            c.get_attribute("data-count") or 0
        )
        for c in cells.all()
    }
    assert shown == {(p + 1, 5 - row): n for row, r in enumerate(heatmap) for p, n in enumerate(r)}
    assert sum(shown.values()) == 3  # the internal risk is left out of the client page
    assert [c.text_content() for c in page.locator(".heat-cell .count").all()].count("1") == 3
    page.locator(".heatmap a").first.click()
    target = page.evaluate("location.hash")
    assert target.startswith("#R-") and page.locator(target).is_visible()


def test_tables_sort_and_links_open_collapsed_notes(
    browser: Browser, example: Path, report: Report
) -> None:
    out = report(example)
    page = Visit(browser, out / "index.html").page
    header = page.locator("#commitments table.sortable th").nth(3)
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    dues = page.locator("#commitments table.sortable tbody tr td:nth-child(4)").all_inner_texts()
    assert dues[0] == "9 Oct 2026"
    page.locator("#commitments a[href^='#m-']").first.click()
    assert page.locator("details[open]").count() == 1


def test_the_page_works_on_a_phone_in_dark_mode(
    browser: Browser, example: Path, report: Report
) -> None:
    out = report(example)
    visit = Visit(browser, out / "index.html", viewport={"width": 390, "height": 844},
                  color_scheme="dark", device_scale_factor=2)  # fmt: skip
    page = visit.page
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, "the page scrolls sideways on a phone"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(15, 20, 26)"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "status-page-phone-dark.png"), full_page=True)
    assert visit.errors == [] and visit.requests == []


def test_hostile_notes_cannot_run_script(
    browser: Browser, project: object, report: Report, tmp_path: Path
) -> None:
    from tests.report.test_outputs import HOSTILE_MEETING

    root = project({"meetings/2026-11-19-weekly.md": HOSTILE_MEETING})  # type: ignore[operator]
    out = report(root)
    visit = Visit(browser, out / "index.html")
    dialogs: list[str] = []
    visit.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for details in visit.page.locator("details").all():
        details.locator("summary").click()
    visit.page.locator("#meetings").hover()
    assert dialogs == [] and visit.errors == [] and visit.requests == []
    shutil.rmtree(out)


CELLS_ON_SCREEN = """() => Array.from(document.querySelectorAll('main td')).map(td => {
  const r = td.getBoundingClientRect();
  return {label: td.dataset.label || '', left: r.left, right: r.right, width: r.width,
          text: td.innerText.slice(0, 30), spills: td.scrollHeight > td.clientHeight + 1};
})"""
# On a phone the column headers are hidden on purpose (each cell says its column), so
# only captions and cells are checked.
CLIPPING_ANCESTORS = """() => Array.from(
  document.querySelectorAll('caption, tbody td')).flatMap(e => {
  const clipped = [];
  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clipped.push(a.tagName);
  }
  return clipped;
})"""


@pytest.mark.parametrize("audience", ["client", "team"])
def test_tables_reflow_on_a_phone_with_every_cell_on_screen(
    browser: Browser, example: Path, report: Report, audience: str
) -> None:
    """Found in use: at 390 px the state column of commitments and milestones started
    off-screen and the findings' "what to do" column was three characters wide."""
    out = report(example, "--audience", audience)
    page = Visit(browser, out / "index.html", viewport=PHONE).page
    cells = page.evaluate(CELLS_ON_SCREEN)
    assert len(cells) > 60
    width = PHONE["width"]
    off = [c for c in cells if c["left"] < 0 or c["right"] > width]
    assert off == []
    assert min(c["width"] for c in cells) > width * 0.75  # one cell per line, not a column
    # a column name that wraps ("Schedule impact") stays in its cell, above the next one
    assert [c for c in cells if c["spills"]] == []
    labels = {c["label"] for c in cells}
    assert {"State", "Due", "Buffer used"} <= labels
    if audience == "team":
        assert "What to do" in labels
    # found in use: a long setting name in code (`thresholds.concern_response.high`) in a
    # team finding pushed the page 11 px wider than the phone
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.locator("main thead").first.is_hidden() is False  # kept for screen readers
    assert page.locator("caption").first.bounding_box()["width"] > width * 0.75  # type: ignore[index]


def test_no_caption_or_cell_is_clipped_by_a_rounded_table(
    browser: Browser, example: Path, report: Report
) -> None:
    """Found in use: the caption's first letter was cut off by the table's rounded corner
    (`overflow: hidden`) at every width."""
    out = report(example)
    for viewport in (PHONE, {"width": 1280, "height": 900}):
        page = Visit(browser, out / "index.html", viewport=viewport).page
        assert page.evaluate(CLIPPING_ANCESTORS) == []


CHART_TEXT_PX = """() => Array.from(document.querySelectorAll('main svg text')).filter(
  t => t.getClientRects().length && t.textContent.trim()).map(t => {
  const scale = t.ownerSVGElement.getScreenCTM().a;
  return {size: parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent};
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_chart_text_is_readable_on_a_phone_and_a_desktop(
    browser: Browser, repo: object, report: Report, width: int
) -> None:
    """Found in use: at 390 px the month-by-month charts (drawn 1000 units wide) and the
    timeline had text 4-5 px high."""
    from tests.report.test_trends import build

    build(repo)  # type: ignore[arg-type]
    (repo.root / "milestones").mkdir()  # type: ignore[attr-defined]
    (repo.root / "milestones" / "M-01.yaml").write_text(  # type: ignore[attr-defined]
        "id: M-01\ntitle: Tracking live with migrated data\nbaseline: 2026-12-11\n"
        "forecast: 2026-12-18\nbuffer_days: 10\n"
    )
    out = report(repo.root)  # type: ignore[attr-defined]
    page = Visit(browser, out / "index.html", viewport={"width": width, "height": 900}).page
    shown = page.evaluate(CHART_TEXT_PX)
    charts = page.locator("main figure svg:visible")
    assert charts.count() == 5  # heat map, two trends, the timeline, on-time by side
    said = {t["text"] for t in shown}
    assert "today" in said and any(t.startswith("M-01 · Tracking live") for t in said)
    small = [t for t in shown if t["size"] < 10.5]
    assert small == [], small
    assert axe_violations(page) == []  # the month-by-month charts too
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


@pytest.mark.parametrize("audience", ["client", "team"])
def test_the_printed_page_has_no_empty_pages_or_orphaned_headings(
    browser: Browser, example: Path, report: Report, audience: str
) -> None:
    """Found in use: printed, page 1 was a third empty (every section had to fit on one
    page) and a heading was orphaned at the foot of a page."""
    out = report(example, "--audience", audience)
    visit = Visit(browser, out / "index.html")
    headings = set(visit.page.locator("h2, h3, summary, caption").all_inner_texts())
    pdf = out.parent / f"printed-{audience}.pdf"
    pages = printed_pages(visit.page, pdf)
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(pdf, ARTIFACTS / f"status-page-{audience}.pdf")
    assert len(pages) >= 5
    for number, lines in enumerate(pages[:-1], start=1):
        lowest, last = lines[-1]
        assert lowest > 0.7, f"printed page {number} ends {lowest:.0%} down"
        assert last not in headings, f"printed page {number} ends with the heading {last!r}"
    text = " ".join(t for lines in pages for _, t in lines)
    assert "Trial migration" in text  # collapsed meeting notes are printed open


@pytest.mark.parametrize(
    ("audience", "viewport", "scheme"),
    [("client", PHONE, "light"), ("client", {"width": 1280, "height": 900}, "dark"),
     ("team", {"width": 1280, "height": 900}, "light"), ("team", PHONE, "dark")],
)  # fmt: skip
def test_axe_finds_no_accessibility_violation(
    browser: Browser, example: Path, report: Report, audience: str, viewport: dict[str, int],
    scheme: str,
) -> None:  # fmt: skip
    """Found in use: one serious violation (`nested-interactive`, the heat map's links
    inside an image) and `heading-order` once a meeting note is opened."""
    out = report(example, "--audience", audience)
    page = Visit(browser, out / "index.html", viewport=viewport, color_scheme=scheme).page
    assert axe_violations(page) == []
    for details in page.locator("details").all():
        details.locator("summary").click()
    assert axe_violations(page) == []


CHINESE = {
    "Website relaunch": "华东物流官网改版", "Example Client Ltd": "华东物流有限公司",
    "Pat Morgan": "王小明", "Lee Chen": "李伟", "Casey Novak": "赵丽", "Sam Okafor": "陈建国",
    "Project manager": "项目经理", "Tech lead": "技术负责人", "Product owner": "产品负责人",
}  # fmt: skip
LONG_TITLE = "客户提供的首页内容与品牌色值可能延期交付，影响整体上线时间和后续的验收安排"


@pytest.fixture(scope="module")
def chinese_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project from the template with its names and a long risk title in Chinese."""
    from tests.conftest import run

    root = tmp_path_factory.mktemp("zh") / "p"
    assert run("init", str(root), "--today", "2026-12-01").exit_code == 0
    for path in [*root.rglob("*.yaml"), *root.rglob("*.md")]:
        if ".riskdocs" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for english, chinese in CHINESE.items():
            text = text.replace(english, chinese)
        if path.parent.name == "risks":
            text = "\n".join(f"title: {LONG_TITLE}" if line.startswith("title:") else line
                             for line in text.splitlines()) + "\n"  # fmt: skip
        path.write_text(text, encoding="utf-8")
    out = root.parent / "site"
    built = run("report", "--root", str(root), "-o", str(out), "--today", "2026-12-01")
    assert built.exit_code == 0, built.output
    return out / "index.html"


def fonts_of(page: Page, selector: str) -> list[str]:
    """The faces Chromium draws `selector`'s text with (DevTools' platform fonts)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return [
        f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    ]


@pytest.mark.parametrize(("name", "viewport"), [("desktop", {"width": 1280, "height": 900}),
                                                ("phone", PHONE)])  # fmt: skip
def test_chinese_text_is_drawn_in_a_simplified_chinese_face_and_wraps(
    browser: Browser, chinese_page: Path, name: str, viewport: dict[str, int]
) -> None:
    """Found in use: Chinese titles were drawn in the Japanese face (Noto Sans CJK JP), whose
    forms of some characters differ, and headings in a synthetic bold."""
    if not [f for f in fonts_available() if "CJK SC" in f or f.endswith(" SC")]:
        pytest.fail("no Simplified Chinese font: ./scripts/install-browser installs one")
    visit = Visit(browser, chinese_page, viewport=viewport)
    page = visit.page
    for selector in ("h1", "#risks h3"):
        faces = fonts_of(page, selector)
        assert faces and all(face.endswith(" SC") for face in faces), (selector, faces)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, "the page scrolls sideways"
    heading = page.locator("#risks h3", has_text=LONG_TITLE).first.bounding_box()
    assert heading is not None and heading["x"] + heading["width"] <= viewport["width"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"status-page-zh-{name}.png"), full_page=True)
    assert visit.errors == [] and visit.requests == []


def fonts_available() -> list[str]:
    import subprocess

    listed = subprocess.run(["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True,
                            check=False)  # fmt: skip
    return [name for line in listed.stdout.splitlines() for name in line.split(",")]


CHINESE_EXAMPLE = REPO / "examples" / "huadong-website"
ZH_SECTIONS = ["各方面健康状况", "风险", "承诺", "进度", "范围", "合同", "成本与质量",
               "人员与沟通方式", "培训", "客户关切",
               "客户满意度", "会议", "经验教训", "需要关注的事项"]  # fmt: skip
# The team's page also has the team's own pulse, and calls the findings what they are.
ZH_TEAM_SECTIONS = [*ZH_SECTIONS[:11], "团队状态", *ZH_SECTIONS[11:-1], "检查结果"]


@pytest.mark.parametrize(
    ("audience", "viewport", "scheme"),
    [("client", {"width": 1280, "height": 900}, "light"), ("client", PHONE, "dark"),
     ("team", {"width": 1280, "height": 900}, "dark"), ("team", PHONE, "light")],
)  # fmt: skip
def test_the_chinese_example_page_in_chinese(
    browser: Browser, report: Report, audience: str, viewport: dict[str, int], scheme: str
) -> None:
    """The zh-CN page of the Chinese example: every section under its Chinese heading, no
    sideways scroll, no accessibility violation (its `lang` is zh-CN), and each date in a
    table cell on one line (found in use: `2026年11月` on one line and `27日` below it)."""
    out = report(CHINESE_EXAMPLE, "--audience", audience, "--lang", "zh-CN")
    visit = Visit(browser, out / "index.html", viewport=viewport, color_scheme=scheme)
    page = visit.page
    headings = page.locator("main h2").all_inner_texts()
    assert headings == (ZH_SECTIONS if audience == "client" else ZH_TEAM_SECTIONS)
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    if viewport["width"] > PHONE["width"]:
        lines = page.evaluate(
            """() => [...document.querySelectorAll('#commitments td[data-sort] .cell')]
                 .map(c => Math.round(c.getBoundingClientRect().height
                                      / parseFloat(getComputedStyle(c).lineHeight)))"""
        )
        assert lines and all(n == 1 for n in lines), lines
    assert axe_violations(page) == []
    name = f"zh-{audience}-{'phone' if viewport is PHONE else 'desktop'}-{scheme}"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"status-page-{name}.png"), full_page=True)
    assert visit.errors == [] and visit.requests == []


@pytest.mark.parametrize(
    ("audience", "viewport"), [("client", PHONE), ("team", {"width": 1280, "height": 900})]
)
def test_the_closing_report_renders_and_is_accessible(
    browser: Browser, tmp_path: Path, report: Report, audience: str, viewport: dict[str, int]
) -> None:
    from tests.closed import AFTER_END, closed_example

    out = report(closed_example(tmp_path), "--audience", audience, today=AFTER_END)
    # the report has no script at all, so axe is injected past its Content-Security-Policy
    visit = Visit(browser, out / "closure.html", viewport=viewport, bypass_csp=True)
    page = visit.page
    assert page.title() == "Customer portal relaunch · closing report"
    assert page.locator("h2").all_inner_texts()[:3] == [
        "Plan against what happened",
        "Promises",
        "Scope changes",
    ]
    assert "12 days later" in page.locator("#plan").inner_text()  # M-02 against 6 Dec
    assert axe_violations(page) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"closure-{audience}.png"), full_page=True)
    assert visit.errors == [] and visit.requests == []
    index = Visit(browser, out / "index.html", viewport=viewport).page
    index.locator('a[href="closure.html"]').click()
    assert index.url.endswith("closure.html")


def long_project(example: Path, commitments: int) -> Path:
    """A copy of the example with `commitments` more open promises: a big project."""
    root = example.with_name("big")
    shutil.copytree(example, root)
    for n in range(100, 100 + commitments):
        (root / "commitments" / f"C-{n}.yaml").write_text(
            f"id: C-{n}\ntitle: Extra promise {n}\nowner: bob\nto: erik\nmade: 2026-11-02\n"
            f"due: 2026-12-{1 + n % 28:02d}\nstatus: open\n",
            encoding="utf-8",
        )
    return root


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["phone", "desk"])
def test_a_long_list_waits_folded_and_opens_for_a_link_a_search_and_print(
    browser: Browser, example: Path, report: Report, viewport: dict[str, int]
) -> None:
    out = report(long_project(example, 450))
    visit = Visit(browser, out / "index.html", viewport=viewport)
    page = visit.page
    folded = page.locator("#commitments details.long").first
    expect(folded.locator("> summary")).to_have_text("Show all 456 promises")
    expect(page.locator("#C-549")).to_be_hidden()  # not laid out until asked for
    assert page.locator("#commitments .stats").inner_text().count("overdue") == 1  # numbers stay
    folded.locator("> summary").click()
    expect(page.locator("#C-549")).to_be_visible()
    page.locator("#commitments thead th").nth(3).press("Enter")  # the folded table sorts
    dues = page.locator("#commitments details.long tbody td[data-sort]").evaluate_all(
        "cells => cells.map(c => c.getAttribute('data-sort'))"
    )
    assert len(dues) == 456 and dues == sorted(dues)
    linked = Visit(browser, out / "index.html", viewport=viewport).page
    linked.goto((out / "index.html").as_uri() + "#C-549")
    expect(linked.locator("#C-549")).to_be_in_viewport()  # Chromium opens what a link targets
    printed = Visit(browser, out / "index.html", viewport=viewport).page
    printed.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert printed.locator("details.long:not([open])").count() == 0
    assert visit.errors == [] and visit.requests == []
    ordinary = Visit(browser, report(example) / "index.html", viewport=viewport).page
    assert ordinary.locator("details.long").count() == 0
