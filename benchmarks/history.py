"""How fast riskdocs reads git history, against git itself on the same repository.

    python benchmarks/history.py --commits 100000       # builds a corpus with fast-import
    python benchmarks/history.py --corpus /tmp/corpus   # or reuses one (benchmarks/corpus.py)

Times, interleaved and checked (see timing.py), `git log --raw --no-abbrev` over the
project folders (the floor: git's own work) and a whole `python -c` process that
imports riskdocs and reads every history fact; prints medians, the ratio, the budget
(1.25 x git + 1 s) and riskdocs' peak memory, then the history cache's first,
unchanged and incremental runs. Compare ratios within one run, not across runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from timing import Command, corpus, machine, measure, run_once, table

READ = (  # every fact of the commits up to HEAD, as a full run reads them
    "import resource, sys\n"
    "from pathlib import Path\n"
    "from riskdocs.history.reader import committed_history\n"
    "from riskdocs.history.repo import find_repository\n"
    "from riskdocs.load.tree import DiskTree\n"
    "root = Path(sys.argv[1])\n"
    "repository = find_repository(root)\n"
    "h = committed_history(repository, repository.head(), DiskTree(root))\n"
    "print('facts', h.commits, len(h.due_changes), len(h.risk_points),\n"
    "      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
)
FACTS = r"^facts (\d+) (\d+) (\d+) (\d+)$"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="an existing corpus repository")
    parser.add_argument("--commits", type=int, default=100000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    repo = args.corpus or corpus(Path(tempfile.mkdtemp(prefix="riskdocs-corpus-")) / "repo",
                                 "--commits", str(args.commits), "--commitments", "4000",
                                 "--risks", "2000")  # fmt: skip
    git_log = ["git", "log", "--raw", "--no-abbrev", "--", "commitments", "risks", "riskdocs.yaml"]
    read = [sys.executable, "-P", "-c", READ, str(repo)]
    median = measure([Command("git log --raw (floor)", git_log, repo, r"^commit [0-9a-f]{40}"),
                      Command("riskdocs read_history", read, repo, FACTS)],
                     args.rounds)  # fmt: skip
    _, facts = run_once(Command("facts", read, repo, FACTS))
    commits, due_changes, risk_points, memory = (int(x) for x in facts.split()[-4:])
    cache = {"RISKDOCS_CACHE_DIR": tempfile.mkdtemp(prefix="riskdocs-cache-")}
    cached = Command("riskdocs read_history, cache", read, repo, FACTS, env=cache)
    first, warm = run_once(cached)[0], run_once(cached)[0]
    corpus(repo, "--commits", str(commits), "--commitments", "4000", "--append", "1000")
    after = run_once(cached)[0]
    git_s, ours_s = median["git log --raw (floor)"], median["riskdocs read_history"]
    print(f"corpus: {repo}: {commits} commits read, {due_changes} due-date changes, "
          f"{risk_points} risk versions; {args.rounds} rounds, medians")  # fmt: skip
    print(machine())
    print(table(median, "git log --raw (floor)"))
    budget = 1.25 * git_s + 1
    print(f"budget 1.25 x git + 1 s = {budget:.2f} s: {'within' if ours_s <= budget else 'OVER'}")
    print(f"with the cache: first run {first:.2f} s, unchanged repository {warm:.2f} s, "
          f"after 1,000 new commits {after:.2f} s ({after - warm:+.2f} s)")  # fmt: skip
    print(f"riskdocs peak memory (its own process, git's are separate): {memory} MB "
          f"({'under' if memory < 100 else 'OVER'} 100 MB)")  # fmt: skip


if __name__ == "__main__":
    main()
