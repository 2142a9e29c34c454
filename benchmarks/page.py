"""How long a big project's status page takes to open in Chromium, desktop and phone.

    python benchmarks/page.py --entities 10000 --baseline HEAD~3 --rounds 5

Builds the project of benchmarks/report.py (50% commitments, 30% risks, 20% meeting
notes), writes its client page with this code (and with the baseline's, when given),
then opens each page in Debian's Chromium (`/usr/bin/chromium`, via Playwright),
interleaved, and prints the median time to the page's `load` event and the number of
elements. The pages are checked first: each must hold every commitment.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from timing import RISKDOCS, _code_at, add_baseline_option, machine, report_corpus

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
ELEMENTS = "document.getElementsByTagName('*').length"


def write_page(root: Path, out: Path, code: Path | None) -> Path:
    env = {**os.environ, "RISKDOCS_CACHE_DIR": "off"}
    if code is not None:
        env["PYTHONPATH"] = str(code)
    subprocess.run([*RISKDOCS, "report", "--root", str(root), "-o", str(out), "--today",
                    "2026-11-26"], env=env, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return out / "index.html"


def open_once(browser: Browser, page_file: Path, viewport: dict[str, int]) -> tuple[float, int]:
    page = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
    start = time.perf_counter()
    page.goto(page_file.as_uri(), wait_until="load", timeout=180_000)
    elapsed = time.perf_counter() - start
    elements = int(page.evaluate(ELEMENTS))
    page.close()
    return elapsed, elements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    add_baseline_option(parser)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="riskdocs-page-"))
    n = args.entities
    root = report_corpus(base / "project", n)
    pages = {"now": write_page(root, base / "now", None)}
    if args.baseline:
        pages[f"@{args.baseline}"] = write_page(root, base / "before", _code_at(args.baseline))
    for name, page_file in pages.items():
        text = page_file.read_text(encoding="utf-8")
        missing = [f'id="C-{k}"' for k in (0, n // 2 - 1) if f'id="C-{k}"' not in text]
        if missing:
            raise SystemExit(f"benchmark stopped: the page {name} lacks {missing}")
    times: dict[tuple[str, str], list[float]] = {}
    elements: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for round_number in range(args.rounds):
            order = list(pages.items())
            for name, page_file in order if round_number % 2 == 0 else reversed(order):
                for view, viewport in VIEWPORTS.items():
                    took, elements[name] = open_once(browser, page_file, viewport)
                    times.setdefault((name, view), []).append(took)
        browser.close()
    print(f"{n} entities in {root}; {args.rounds} rounds, medians")
    print(machine())
    for name, page_file in pages.items():
        size = page_file.stat().st_size / 1e6
        shown = ", ".join(f"{view} {statistics.median(times[name, view]):.2f} s"
                          for view in VIEWPORTS)  # fmt: skip
        print(f"page {name}: {size:.1f} MB, {elements[name]} elements; opens in {shown}")
    if args.baseline:
        for view in VIEWPORTS:
            now = statistics.median(times["now", view])
            before = statistics.median(times[f"@{args.baseline}", view])
            print(f"now / @{args.baseline}, {view}: {now / before:.2f}")


if __name__ == "__main__":
    main()
