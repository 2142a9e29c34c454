"""How fast `riskdocs validate` checks a project, against the floor and against peers.

    pip install check-jsonschema yamllint     # the peers (not riskdocs dependencies)
    python benchmarks/validate.py --entities 10000 [--no-peers]

Builds a project of N entity files (60% commitments, 40% risks, sharded, one
commit) with benchmarks/corpus.py, then times whole processes, interleaved, each
run checked (exit status and output, see timing.py): the floor (Python reading
every file with PyYAML's CSafeLoader and nothing else), `riskdocs validate`
(history cache off, so git history is read cold), the same with a warm history
cache, reading files in one process (`RISKDOCS_PARALLEL=0`) and without git,
`check-jsonschema` with the same schemas, and `yamllint`. Prints medians and
ratios; compare ratios within one run, since machines here are noisy.
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
    "import sys, yaml, pathlib\n"
    "paths = sorted(pathlib.Path(sys.argv[1]).glob('**/*.yaml'))\n"
    "for p in paths:\n"
    "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
    "print(len(paths), 'files parsed')\n"
)
NO_TRACEBACK = r"\A(?![\s\S]*Traceback)"


def commands(root: Path, files: int, peers: bool) -> list[Command]:
    validate = [*RISKDOCS, "validate", "--root", str(root), "--today", "2026-11-26"]
    expect = files_checked(files)
    found = [
        Command("floor: CSafeLoader parse", [sys.executable, "-c", FLOOR, str(root)], root,
                rf"^{files} files parsed"),
        Command("riskdocs validate", validate, root, expect, (1,)),
        Command("riskdocs validate, warm history cache", validate, root, expect, (1,),
                {"RISKDOCS_CACHE_DIR": str(root.parent / "cache")}),
        Command("riskdocs validate, one process", validate, root, expect, (1,),
                {"RISKDOCS_PARALLEL": "0"}),
        Command("riskdocs validate, no git", validate, root, expect, (1,),
                {"GIT_DIR": "/nonexistent"}),
    ]  # fmt: skip
    if not peers:
        return found
    if checker := tool("check-jsonschema"):
        # one process per schema, as a user would wire it; summed below
        for kind, folder in (("commitment", "commitments"), ("risk", "risks")):
            paths = [str(p) for p in sorted((root / folder).glob("**/*.yaml"))]
            argv = [checker, "--schemafile", str(SCHEMAS / f"{kind}.schema.json"), *paths]
            found.append(Command(f"check-jsonschema ({folder})", argv, root, "validation done"))
    if linter := tool("yamllint"):
        argv = [linter, "-d", "relaxed", str(root / "commitments"), str(root / "risks")]
        found.append(Command("yamllint -d relaxed", argv, root, NO_TRACEBACK))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-peers", action="store_true", help="skip check-jsonschema, yamllint")
    add_baseline_option(parser)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="riskdocs-validate-")) / "project"
    commitments = args.entities * 6 // 10
    corpus(root, "--commits", "1", "--commitments", str(commitments),
           "--risks", str(args.entities - commitments))  # fmt: skip
    timed = with_baseline(commands(root, args.entities + 1, not args.no_peers), args.baseline)
    median = measure(timed, args.rounds)
    print(f"{args.entities} entity files in {root}; {args.rounds} rounds, medians")
    print(machine())
    print(table(median, "floor: CSafeLoader parse"))
    ours = median["riskdocs validate"]
    checker = sum(v for k, v in median.items() if k.startswith("check-jsonschema"))
    if checker:
        print(f"check-jsonschema, both kinds: {checker:.2f} s; riskdocs is "
              f"{checker / ours:.1f}x faster")  # fmt: skip
    print(f"riskdocs / floor = {ours / median['floor: CSafeLoader parse']:.2f} (target 1.25)")
    print(baseline_ratios(median, args.baseline))


if __name__ == "__main__":
    main()
