"""How long the pre-commit hook takes on 5 changed files, in a 1k and a 10k project.

    pip install check-jsonschema yamllint     # optional peers
    python benchmarks/hook.py --rounds 15

Builds two projects with benchmarks/corpus.py (committed to git, as pre-commit
sees them), picks 5 files in each and times whole processes, interleaved, so
noise hits every command alike:

* floor: a Python process that imports click and PyYAML (what any riskdocs
  command loads) and parses the 5 files with CSafeLoader;
* `riskdocs validate --hook FILES` (pre-commit's `pass_filenames`) in each project;
* `riskdocs validate --hook` without files: the whole project, as before;
* yamllint and check-jsonschema on the same 5 files, when installed.

Prints medians and each command's ratio to the floor; compare ratios, since
machines here are noisy.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from validate import seconds, tool  # benchmarks/ is on sys.path when run as a script

HERE = Path(__file__).parent
SCHEMAS = HERE.parent / "schemas"
FLOOR = (
    "import sys, click, yaml\n"
    "for p in sys.argv[1:]:\n"
    "    yaml.load(open(p, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n"
)
SIZES = {"1k": (600, 400), "10k": (6000, 4000)}


def changed_files(commitments: int, risks: int) -> list[str]:
    """Five files spread over the project, as corpus.py names them."""
    picks = [("C", 1), ("C", commitments // 2), ("C", commitments - 1), ("R", 2), ("R", risks - 1)]
    folder = {"C": "commitments", "R": "risks"}
    return [f"{folder[p]}/{n // 100:04d}/{p}-{n}.yaml" for p, n in picks]


def make(base: Path, name: str) -> Path:
    commitments, risks = SIZES[name]
    root = base / name
    subprocess.run([sys.executable, str(HERE / "corpus.py"), str(root), "--commits", "1",
                    "--commitments", str(commitments), "--risks", str(risks)],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return root


def commands(projects: dict[str, Path]) -> dict[str, tuple[list[str], Path]]:
    riskdocs = [sys.executable, "-m", "riskdocs", "validate", "--hook", "--today", "2026-11-26"]
    small = projects["1k"]
    files = changed_files(*SIZES["1k"])
    found: dict[str, tuple[list[str], Path]] = {
        "floor: import click+yaml, parse 5": ([sys.executable, "-c", FLOOR, *files], small),
    }
    for name, root in projects.items():
        found[f"riskdocs hook, 5 files of {name}"] = ([*riskdocs, *changed_files(*SIZES[name])],
                                                      root)  # fmt: skip
    found["riskdocs hook, whole 1k project"] = (riskdocs, small)
    if linter := tool("yamllint"):
        found["yamllint -d relaxed, 5 files"] = ([linter, "-d", "relaxed", *files], small)
    if checker := tool("check-jsonschema"):
        schema = str(SCHEMAS / "commitment.schema.json")
        found["check-jsonschema, 3 files"] = ([checker, "--schemafile", schema, *files[:3]], small)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="riskdocs-hook-"))
    runs = commands({name: make(base, name) for name in SIZES})
    for command, cwd in runs.values():  # warm the file cache and bytecode
        seconds(command, cwd)
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, (command, cwd) in runs.items():
            times[name].append(seconds(command, cwd))
    median = {name: statistics.median(values) * 1000 for name, values in times.items()}
    floor = median["floor: import click+yaml, parse 5"]
    print(f"projects in {base}; {args.rounds} rounds, medians")
    print(f"{'':36} {'ms':>6} {'x floor':>8}")
    for name, value in median.items():
        print(f"{name:36} {value:6.0f} {value / floor:8.2f}")
    small, big = median["riskdocs hook, 5 files of 1k"], median["riskdocs hook, 5 files of 10k"]
    print(f"10k / 1k = {big / small:.2f} (the hook should not grow with the project)")


if __name__ == "__main__":
    main()
