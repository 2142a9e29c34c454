"""How fast riskdocs reads git history, against git itself on the same repository.

    python benchmarks/history.py --commits 100000       # builds a corpus with fast-import
    python benchmarks/history.py --corpus /tmp/corpus   # or reuses one (benchmarks/corpus.py)

Runs, alternately and three times each, `git log --raw --no-abbrev` over the
project folders (the floor: git's own work) and a whole `python -c` process
that imports riskdocs and reads every history fact; prints medians, the ratio,
the budget from the issue (1.25 x git + 1 s) and riskdocs' peak memory.
Machines here are noisy: compare ratios within one run, not across runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
READ = (
    "from pathlib import Path; from riskdocs.history import read_history; "
    "h = read_history(Path({root!r})); "
    "import resource; "
    "print(h.commits, len(h.due_changes), len(h.risk_points), "
    "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
)


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Wall seconds of the whole process, and what it printed (git's output is discarded,
    as riskdocs discards it once read)."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.PIPE
                          if command[0] != "git" else subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start, (done.stdout or b"").decode().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="an existing corpus repository")
    parser.add_argument("--commits", type=int, default=100000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpus = args.corpus
    if corpus is None:
        corpus = Path(tempfile.mkdtemp(prefix="riskdocs-corpus-")) / "repo"
        subprocess.run([sys.executable, str(HERE / "corpus.py"), str(corpus), "--commits",
                        str(args.commits), "--commitments", "4000", "--risks", "2000"],
                       check=True)  # fmt: skip
    git_log = ["git", "log", "--raw", "--no-abbrev", "--", "commitments", "risks",
               "riskdocs.yaml"]  # fmt: skip
    riskdocs = [sys.executable, "-c", READ.format(root=str(corpus))]
    cold = {**os.environ, "RISKDOCS_CACHE_DIR": "off"}
    floor, ours, facts = [], [], ""
    for _ in range(args.rounds):
        floor.append(timed(git_log, corpus)[0])
        seconds, facts = timed(riskdocs, corpus, cold)
        ours.append(seconds)
    cache = Path(tempfile.mkdtemp(prefix="riskdocs-cache-"))
    warm_env = {**os.environ, "RISKDOCS_CACHE_DIR": str(cache)}
    first, _ = timed(riskdocs, corpus, warm_env)
    warm, _ = timed(riskdocs, corpus, warm_env)
    subprocess.run([sys.executable, str(HERE / "corpus.py"), str(corpus), "--commits",
                    facts.split()[0], "--commitments", "4000", "--append", "1000"],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    after, _ = timed(riskdocs, corpus, warm_env)
    commits, due_changes, risk_points, memory = (int(x) for x in facts.split())
    git_s, ours_s = statistics.median(floor), statistics.median(ours)
    budget = 1.25 * git_s + 1
    print(f"corpus: {corpus}: {commits} commits read, {due_changes} due-date changes, "
          f"{risk_points} risk versions")  # fmt: skip
    print(f"{'':28} {'median s':>9}")
    print(f"{'git log --raw (floor)':28} {git_s:9.2f}")
    print(f"{'riskdocs read_history':28} {ours_s:9.2f}   ratio {ours_s / git_s:.2f}x")
    print(f"budget 1.25 x git + 1 s = {budget:.2f} s: {'within' if ours_s <= budget else 'OVER'}")
    print(
        f"with the cache: first run {first:.2f} s, unchanged repository {warm:.2f} s, "
        f"after 1,000 new commits {after:.2f} s ({after - warm:+.2f} s)"
    )
    print(f"riskdocs peak memory (its own process, git's are separate): {memory} MB "
          f"({'under' if memory < 100 else 'OVER'} 100 MB)")  # fmt: skip


if __name__ == "__main__":
    main()
