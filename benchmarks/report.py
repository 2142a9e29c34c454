"""How long `riskdocs report` takes against what it must do anyway: validate, plus
rendering every note's Markdown.

    python benchmarks/report.py --entities 10000 --rounds 3

Builds a project (50% commitments, 30% risks, 20% weekly meeting notes with
decisions, action items and a table) with benchmarks/corpus.py and times whole
processes, interleaved, each run checked (see timing.py):

* `riskdocs validate`;
* a Python process that renders every note with markdown-it-py as riskdocs does;
* `riskdocs report` with caches off (the target: at most 1.2 times validate + render);
* both again with warm caches (git history facts and rendered notes), as on a
  PM's laptop or a CI runner that keeps `~/.cache/riskdocs`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from timing import (
    RISKDOCS,
    Command,
    add_baseline_option,
    baseline_ratios,
    files_checked,
    machine,
    measure,
    report_corpus,
    table,
    with_baseline,
)

RENDER = (
    "import pathlib, sys\n"
    "from markdown_it import MarkdownIt\n"
    "md = MarkdownIt('commonmark', {'html': False})\n"
    "paths = sorted(pathlib.Path(sys.argv[1]).glob('meetings/**/*.md'))\n"
    "for p in paths:\n"
    "    md.render(p.read_text(encoding='utf-8').split('\\n---\\n', 1)[1])\n"
    "print(len(paths), 'notes rendered')\n"
)
# the schema beside status.json is new: a baseline before it writes one file fewer
WROTE = r"^riskdocs: wrote calendar.ics, index.html, status.json, (status.schema.json, )?summary.md"


def commands(root: Path, base: Path, n: int) -> list[Command]:
    day = ["--today", "2026-11-26"]
    validate = [*RISKDOCS, "validate", "--root", str(root), *day]
    warm = {"RISKDOCS_CACHE_DIR": str(base / "cache")}
    files = files_checked(n + 1)

    def report(out: str) -> list[str]:
        return [*RISKDOCS, "report", "--root", str(root), "-o", str(base / out), *day]

    return [
        Command("riskdocs validate", validate, root, files, (1,)),
        Command("render every note (markdown-it)", [sys.executable, "-c", RENDER, str(root)],
                root, rf"^{n // 5} notes rendered"),
        Command("riskdocs report", report("a"), root, WROTE),
        Command("riskdocs validate, warm cache", validate, root, files, (1,), warm),
        Command("riskdocs report, warm cache", report("b"), root, WROTE, env=warm),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    add_baseline_option(parser)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="riskdocs-report-"))
    n = args.entities
    root = report_corpus(base / "project", n)
    median = measure(with_baseline(commands(root, base, n), args.baseline), args.rounds)
    floor = median["riskdocs validate"] + median["render every note (markdown-it)"]
    print(f"{n} entity files in {root}; {args.rounds} rounds, medians")
    print(machine())
    print(table({**median, "validate + render": floor}, "validate + render"))
    print(f"report / (validate + render) = {median['riskdocs report'] / floor:.2f} (target 1.2)")
    print(baseline_ratios(median, args.baseline))


if __name__ == "__main__":
    main()
