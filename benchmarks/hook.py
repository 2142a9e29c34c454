"""How long the pre-commit hook takes on 5 changed files, in a 1k and a 10k project.

    pip install check-jsonschema yamllint     # optional peers
    python benchmarks/hook.py --rounds 15

Builds two projects with benchmarks/corpus.py (committed to git, as pre-commit
sees them), picks 5 files in each and times whole processes, interleaved, each
run checked (see timing.py):

* floor: a Python process that imports click and PyYAML (what any riskdocs
  command loads) and parses the 5 files with CSafeLoader;
* `riskdocs validate --hook FILES` (pre-commit's `pass_filenames`) in each project;
* `riskdocs validate --hook` without files: the whole project;
* yamllint and check-jsonschema on the same 5 files, when installed.

Prints medians and each command's ratio to the floor; compare ratios, since
machines here are noisy.
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
    corpus,
    files_checked,
    machine,
    measure,
    table,
    tool,
    with_baseline,
)

SCHEMAS = Path(__file__).parent.parent / "schemas"
FLOOR = (
    "import sys, click, yaml\n"
    "for p in sys.argv[1:]:\n"
    "    yaml.load(open(p, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n"
    "print(len(sys.argv) - 1, 'files parsed')\n"
)
SIZES = {"1k": (600, 400), "10k": (6000, 4000)}
NO_TRACEBACK = r"\A(?![\s\S]*Traceback)"


def changed_files(commitments: int, risks: int) -> list[str]:
    """Five files spread over the project, as corpus.py names them."""
    picks = [("C", 1), ("C", commitments // 2), ("C", commitments - 1), ("R", 2), ("R", risks - 1)]
    folder = {"C": "commitments", "R": "risks"}
    return [f"{folder[p]}/{n // 100:04d}/{p}-{n}.yaml" for p, n in picks]


def make(base: Path, name: str) -> Path:
    commitments, risks = SIZES[name]
    return corpus(base / name, "--commits", "1", "--commitments", str(commitments),
                  "--risks", str(risks))  # fmt: skip


def commands(projects: dict[str, Path]) -> list[Command]:
    hook = [*RISKDOCS, "validate", "--hook", "--today", "2026-11-26"]
    small = projects["1k"]
    files = changed_files(*SIZES["1k"])
    found = [Command("floor: import click+yaml, parse 5", [sys.executable, "-c", FLOOR, *files],
                     small, r"^5 files parsed")]  # fmt: skip
    for name, root in projects.items():
        found.append(
            Command(
                f"riskdocs hook, 5 files of {name}",
                [*hook, *changed_files(*SIZES[name])],
                root,
                files_checked(6),
            )
        )
    found.append(Command("riskdocs hook, whole 1k project", hook, small, files_checked(1001)))
    if linter := tool("yamllint"):
        found.append(
            Command(
                "yamllint -d relaxed, 5 files",
                [linter, "-d", "relaxed", *files],
                small,
                NO_TRACEBACK,
            )
        )
    if checker := tool("check-jsonschema"):
        argv = [checker, "--schemafile", str(SCHEMAS / "commitment.schema.json"), *files[:3]]
        found.append(Command("check-jsonschema, 3 files", argv, small, "validation done"))
    return found  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    add_baseline_option(parser)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="riskdocs-hook-"))
    timed = commands({name: make(base, name) for name in SIZES})
    median = measure(with_baseline(timed, args.baseline), args.rounds)
    print(f"projects in {base}; {args.rounds} rounds, medians")
    print(machine())
    print(table(median, "floor: import click+yaml, parse 5", unit="ms"))
    small, big = median["riskdocs hook, 5 files of 1k"], median["riskdocs hook, 5 files of 10k"]
    print(f"10k / 1k = {big / small:.2f} (the hook should not grow with the project)")
    if "yamllint -d relaxed, 5 files" in median:
        print(f"hook (1k) / yamllint = {small / median['yamllint -d relaxed, 5 files']:.2f}")
    print(baseline_ratios(median, args.baseline))


if __name__ == "__main__":
    main()
