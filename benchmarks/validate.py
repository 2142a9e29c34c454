"""How fast `riskdocs validate` checks a project, against the floor and against peers.

    pip install check-jsonschema yamllint     # the peers (not riskdocs dependencies)
    python benchmarks/validate.py --entities 10000 [--no-peers]

Builds a project of N entity files (60% commitments, 40% risks, sharded, one
commit) with benchmarks/corpus.py, then times whole processes, alternately,
three times each: the floor (Python reading every file with PyYAML's
CSafeLoader and nothing else), `riskdocs validate` (history cache off, so git
history is read cold), the same with a warm history cache, reading files in
one process (`RISKDOCS_PARALLEL=0`) and without git, `check-jsonschema` with the same
schemas, and `yamllint`. Prints medians and ratios; compare ratios within one
run, since machines here are noisy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
SCHEMAS = HERE.parent / "schemas"
FLOOR = (
    "import sys, yaml, pathlib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('**/*.yaml')):\n"
    "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
)


def seconds(command: list[str], cwd: Path) -> float:
    """Wall time of one run; a leading `NAME=value` word sets that environment variable."""
    env = {**os.environ, "RISKDOCS_CACHE_DIR": "off"}
    while command and "=" in command[0] and not command[0].startswith("/"):
        name, value = command[0].split("=", 1)
        env[name], command = value, command[1:]
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env, check=False)  # fmt: skip
    return time.perf_counter() - start


def tool(name: str) -> str | None:
    """A command on PATH or installed beside this Python (an unactivated venv)."""
    beside = Path(sys.executable).parent / name
    return shutil.which(name) or (str(beside) if beside.exists() else None)


def commands(root: Path, peers: bool) -> dict[str, list[str]]:
    riskdocs = [sys.executable, "-m", "riskdocs", "validate", "--root", str(root),
                "--today", "2026-11-26"]  # fmt: skip
    found = {
        "floor: CSafeLoader parse": [sys.executable, "-c", FLOOR, str(root)],
        "riskdocs validate": riskdocs,
        "riskdocs validate, warm history cache": [
            f"RISKDOCS_CACHE_DIR={root.parent / 'cache'}",
            *riskdocs,
        ],
        "riskdocs validate, one process": ["RISKDOCS_PARALLEL=0", *riskdocs],
        "riskdocs validate, no git": ["GIT_DIR=/nonexistent", *riskdocs],
    }
    if not peers:
        return found
    checker, linter = tool("check-jsonschema"), tool("yamllint")
    if checker:
        # one process per schema, as a user would wire it; summed below
        for kind, folder in (("commitment", "commitments"), ("risk", "risks")):
            files = [str(p) for p in sorted((root / folder).glob("**/*.yaml"))]
            found[f"check-jsonschema ({folder})"] = [
                checker,
                "--schemafile",
                str(SCHEMAS / f"{kind}.schema.json"),
                *files,
            ]
    if linter:
        found["yamllint -d relaxed"] = [linter, "-d", "relaxed", str(root / "commitments"),
                                        str(root / "risks")]  # fmt: skip
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-peers", action="store_true", help="skip check-jsonschema, yamllint")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="riskdocs-validate-")) / "project"
    commitments, risks = args.entities * 6 // 10, args.entities - args.entities * 6 // 10
    subprocess.run([sys.executable, str(HERE / "corpus.py"), str(root), "--commits", "1",
                    "--commitments", str(commitments), "--risks", str(risks)],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    runs = commands(root, peers=not args.no_peers)
    seconds(runs["riskdocs validate, warm history cache"], root)  # fills the cache
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, command in runs.items():
            times[name].append(seconds(command, root))
    median = {name: statistics.median(values) for name, values in times.items()}
    checker = sum(v for k, v in median.items() if k.startswith("check-jsonschema"))
    floor = median["floor: CSafeLoader parse"]
    ours = median["riskdocs validate"]
    print(f"{args.entities} entity files in {root}")
    print(f"{'':40} {'median s':>9} {'x floor':>8}")
    for name, value in median.items():
        print(f"{name:40} {value:9.2f} {value / floor:8.2f}")
    if checker:
        print(f"{'check-jsonschema (both kinds)':40} {checker:9.2f} {checker / floor:8.2f}")
        print(f"riskdocs is {checker / ours:.1f}x faster than check-jsonschema")
    print(f"riskdocs / floor = {ours / floor:.2f} (target 1.25)")


if __name__ == "__main__":
    main()
