"""What the weekly update costs: `riskdocs digest --since REV` against the two
`riskdocs report --as-of` runs whose difference it is.

    python benchmarks/digest.py --entities 10000 --commits 100000 --rounds 3

Builds a project of N entity files (60% commitments, 40% risks) whose files then
change over C commits (benchmarks/corpus.py), and times whole processes,
interleaved, each run checked (see timing.py), history cache off:

* `riskdocs digest --since HEAD~200` (the project read twice: that commit from git
  objects, and the work tree; two views compared; target: no more than the two
  reports below);
* `riskdocs report --as-of HEAD~200` and `riskdocs report --as-of HEAD`, summed.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timing import RISKDOCS, Command, corpus, machine, measure, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10000)
    parser.add_argument("--commits", type=int, default=100000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    commitments = args.entities * 6 // 10
    work = Path(tempfile.mkdtemp(prefix="riskdocs-digest-"))
    root = corpus(work / "project",
                  "--commits", str(args.commits), "--commitments", str(commitments),
                  "--risks", str(args.entities - commitments))  # fmt: skip
    since = "HEAD~200"
    today = ["--today", "2026-11-26"]
    report = [*RISKDOCS, "report", "--root", str(root), *today]
    median = measure([
        Command("riskdocs digest", [*RISKDOCS, "digest", "--root", str(root), "--since", since,
                                    *today], root, r"(?m)^# "),
        Command("report --as-of then", [*report, "-o", str(work / "then"), "--as-of", since],
                root, r"wrote"),
        Command("report --as-of now", [*report, "-o", str(work / "now"), "--as-of", "HEAD"],
                root, r"wrote"),
    ], args.rounds)  # fmt: skip
    both = median["report --as-of then"] + median["report --as-of now"]
    median["two reports"] = both
    print(f"{args.entities} entity files, {args.commits} commits in {root}; "
          f"{args.rounds} rounds, medians")  # fmt: skip
    print(machine())
    print(table(median, "two reports"))
    print(f"digest / two reports = {median['riskdocs digest'] / both:.2f} (target 1.0)")


if __name__ == "__main__":
    main()
