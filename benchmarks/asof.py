"""What reading the project from git objects costs: `validate --as-of HEAD` and a
whole-project `riskdocs history`, each against a plain `validate` of the same project.

    python benchmarks/asof.py --entities 2000 --commits 2000 --rounds 5

Builds a project of N entity files (60% commitments, 40% risks) whose files then
change over C commits (benchmarks/corpus.py), and times whole processes,
interleaved, each run checked (see timing.py), history cache off:

* `riskdocs validate` (the work tree; git history read cold);
* `riskdocs validate --as-of HEAD` (every file read from git objects; target 1.3x);
* `riskdocs history` (every change to every file, old and new versions; target 3x).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timing import RISKDOCS, Command, corpus, files_checked, machine, measure, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    commitments = args.entities * 6 // 10
    root = corpus(Path(tempfile.mkdtemp(prefix="riskdocs-asof-")) / "project",
                  "--commits", str(args.commits), "--commitments", str(commitments),
                  "--risks", str(args.entities - commitments))  # fmt: skip
    validate = [*RISKDOCS, "validate", "--root", str(root), "--today", "2026-11-26"]
    files = files_checked(args.entities + 1)
    median = measure([
        Command("riskdocs validate", validate, root, files, (1,)),
        Command("riskdocs validate --as-of HEAD", [*validate, "--as-of", "HEAD"], root, files,
                (1,)),
        Command("riskdocs history", [*RISKDOCS, "history", "--root", str(root)], root,
                r"^\d{4}-\d\d-\d\d  [0-9a-f]{12}  Ann Author  commitments/"),
    ], args.rounds)  # fmt: skip
    plain = median["riskdocs validate"]
    print(f"{args.entities} entity files, {args.commits} commits in {root}; "
          f"{args.rounds} rounds, medians")  # fmt: skip
    print(machine())
    print(table(median, "riskdocs validate"))
    print(
        f"as-of / plain = {median['riskdocs validate --as-of HEAD'] / plain:.2f} (target 1.3); "
        f"history / plain = {median['riskdocs history'] / plain:.2f} (target 3)"
    )


if __name__ == "__main__":
    main()
