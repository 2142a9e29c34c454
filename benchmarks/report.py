"""How long `riskdocs report` takes against what it must do anyway: validate, plus
rendering every note's Markdown.

    python benchmarks/report.py --entities 10000 --rounds 3

Builds a project (50% commitments, 30% risks, 20% weekly meeting notes with
decisions, action items and a table) with benchmarks/corpus.py and times whole
processes, interleaved:

* `riskdocs validate`;
* a Python process that renders every note with markdown-it-py as riskdocs does;
* `riskdocs report` with caches off (the target: at most 1.2 times validate + render);
* both again with warm caches (git history facts and rendered notes), as on a
  PM's laptop or a CI runner that keeps `~/.cache/riskdocs`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from validate import seconds  # benchmarks/ is on sys.path when run as a script

HERE = Path(__file__).parent
RENDER = (
    "import pathlib, sys\n"
    "from markdown_it import MarkdownIt\n"
    "md = MarkdownIt('commonmark', {'html': False})\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('meetings/**/*.md')):\n"
    "    md.render(p.read_text(encoding='utf-8').split('\\n---\\n', 1)[1])\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="riskdocs-report-"))
    root, cache = base / "project", base / "cache"
    n = args.entities
    subprocess.run([sys.executable, str(HERE / "corpus.py"), str(root), "--commits", "1",
                    "--commitments", str(n // 2), "--risks", str(n * 3 // 10),
                    "--meetings", str(n // 5)], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    riskdocs = [sys.executable, "-m", "riskdocs"]
    day = ["--today", "2026-11-26"]
    warm = f"RISKDOCS_CACHE_DIR={cache}"
    runs = {
        "riskdocs validate": [*riskdocs, "validate", "--root", str(root), *day],
        "render every note (markdown-it)": [sys.executable, "-c", RENDER, str(root)],
        "riskdocs report": [*riskdocs, "report", "--root", str(root), "-o", str(base / "a"), *day],
        "riskdocs validate, warm cache": [warm, *riskdocs, "validate", "--root", str(root), *day],
        "riskdocs report, warm cache": [
            warm,
            *riskdocs,
            "report",
            "--root",
            str(root),
            "-o",
            str(base / "b"),
            *day,
        ],
    }
    seconds(runs["riskdocs report, warm cache"], root)  # fills the cache
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, command in runs.items():
            times[name].append(seconds(command, root))
    median = {name: statistics.median(values) for name, values in times.items()}
    floor = median["riskdocs validate"] + median["render every note (markdown-it)"]
    print(f"{n} entity files in {root}; {args.rounds} rounds, medians")
    print(f"{'':34} {'s':>6} {'x (validate + render)':>22}")
    for name, value in median.items():
        print(f"{name:34} {value:6.2f} {value / floor:22.2f}")
    print(f"report / (validate + render) = {median['riskdocs report'] / floor:.2f} (target 1.2)")


if __name__ == "__main__":
    main()
