"""What a portfolio costs: `riskdocs portfolio` over published status.json files, against
reading them, and over checkouts, against building each project's report one by one.

    python benchmarks/portfolio.py --projects 500 --checkouts 8 --rounds 3

Generates a portfolio of N published status.json folders, copies of the bundled
example's team view (about 90 KB each: 5 deliverables, 4 risks, 7 promises, 8
meetings, a lesson) under N names and clients, every fifth one stale, and a second
portfolio of C checkouts (copies of the example, each its own git repository). Times
whole processes, interleaved, each run checked (see timing.py):

* `riskdocs portfolio` of the N status.json files (target: seconds), against the floor
  of a Python process that only reads and parses them (`json.loads` of each file);
* `riskdocs portfolio` of the C checkouts, built in parallel across cores, against
  `riskdocs report` of each checkout run one after another (C processes).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import RISKDOCS, Command, machine, measure, table

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "northwind-portal"
TODAY = "2026-11-26"
READ_ALL = (
    "import json, pathlib, sys\n"
    "found = sorted(pathlib.Path(sys.argv[1]).glob('*/status.json'))\n"
    "print(sum(1 for p in found if json.loads(p.read_bytes())), 'files read')\n"
)


def published(work: Path, count: int) -> Path:
    """N status.json folders and the portfolio.yaml naming them."""
    out = work / "example-site"
    subprocess.run([*RISKDOCS, "report", "--root", str(EXAMPLE), "-o", str(out), "--audience",
                    "team", "--today", TODAY], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    status = json.loads((out / "status.json").read_text())
    lines = ["projects:"]
    for number in range(count):
        key = f"project-{number:04d}"
        status["project"]["name"] = f"Client portal {number}"
        status["project"]["client"] = f"Client {number % 37}"
        status["generated"]["today"] = "2026-11-01" if number % 5 == 0 else TODAY
        folder = work / "published" / key
        folder.mkdir(parents=True)
        (folder / "status.json").write_text(json.dumps(status, ensure_ascii=False))
        lines.append(f"  {key}: {{status: published/{key}, view: team}}")
    (work / "portfolio.yaml").write_text("\n".join(lines) + "\n")
    return work / "portfolio.yaml"


def checkouts(work: Path, count: int) -> Path:
    """C checkouts of the example, each a git repository with one commit."""
    lines = ["projects:"]
    for number in range(count):
        root = work / "checkouts" / f"project-{number:02d}"
        shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        env = ["-c", "user.name=Bench", "-c", "user.email=b@example.com"]
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
        subprocess.run(["git", *env, "-C", str(root), "commit", "-q", "-m", "start"], check=True)
        lines.append(f"  project-{number:02d}: {{checkout: checkouts/project-{number:02d}}}")
    (work / "checkouts.yaml").write_text("\n".join(lines) + "\n")
    return work / "checkouts.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=500)
    parser.add_argument("--checkouts", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="riskdocs-portfolio-"))
    many = published(work, args.projects)
    built = checkouts(work, args.checkouts)
    size = sum(p.stat().st_size for p in (work / "published").glob("*/status.json"))
    portfolio = [*RISKDOCS, "portfolio", "--today", TODAY]
    stale = args.projects // 5
    commands = [
        Command("riskdocs portfolio (status.json)", [*portfolio, str(many), "-o", str(work / "a")],
                work, rf"{stale} stale, 0 without data"),
        Command("read and parse every status.json",
                [sys.executable, "-c", READ_ALL, str(work / "published")], work, "files read"),
        Command("riskdocs portfolio (checkouts)", [*portfolio, str(built), "-o", str(work / "b")],
                work, r"0 stale, 0 without data"),
    ]  # fmt: skip
    reports = [
        Command(f"report {n}", [*RISKDOCS, "report", "--root", str(root), "-o",
                                str(work / "reports" / root.name), "--today", TODAY],
                work, "wrote")
        for n, root in enumerate(sorted((work / "checkouts").iterdir()))
    ]  # fmt: skip
    median = measure([*commands, *reports], args.rounds)
    median["each report in turn"] = sum(median.pop(c.name) for c in reports)
    print(f"{args.projects} published status.json ({size / 1e6:.1f} MB) and {args.checkouts} "
          f"checkouts in {work}; {args.rounds} rounds, medians")  # fmt: skip
    print(machine())
    print(table(median, "read and parse every status.json"))
    floor = median["read and parse every status.json"]
    print(f"portfolio of {args.projects} / reading them = "
          f"{median['riskdocs portfolio (status.json)'] / floor:.2f}")  # fmt: skip
    in_turn = median["each report in turn"]
    print(f"portfolio of {args.checkouts} checkouts / their reports in turn = "
          f"{median['riskdocs portfolio (checkouts)'] / in_turn:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
