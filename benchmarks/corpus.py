"""Make a benchmark repository with `git fast-import`: a riskdocs project whose files
change commit after commit, plus unrelated commits, like a real client project's repo.

    python benchmarks/corpus.py /tmp/corpus --commits 100000 --commitments 2000 --risks 1000

Files are sharded (commitments/0007/C-0712.yaml, ≤ 100 per folder), as the README
recommends for big projects. Deterministic: the same arguments give the same repository.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

START = date(2022, 1, 3)
CONFIG = """project:
  name: Benchmark project
  client: Benchmark client
  start: 2022-01-03
people:
  alice: {name: Alice Martin, side: team}
  bob: {name: Bob Steiner, side: team}
  dana: {name: Dana Kowalski, side: client}
communication:
  weekly-status: {every_days: 7, grace_days: 2, kind: status}
"""


def commitment(n: int, due: date, status: str) -> str:
    return (f"id: C-{n}\ntitle: Promise number {n}\nowner: alice\nto: dana\n"
            f"made: 2022-01-03\ndue: {due}\nstatus: {status}\n"
            + (f"done: {due}\n" if status == "done" else ""))  # fmt: skip


def risk(n: int, probability: int, review_by: date) -> str:
    return (f"id: R-{n}\ntitle: Risk number {n}\nowner: bob\nraised: 2022-01-03\n"
            f"probability: {probability}\nimpact: 3\nstatus: open\nresponse: mitigate\n"
            f"contingency: Plan B\nreview_by: {review_by}\n")  # fmt: skip


def meeting(n: int) -> tuple[str, str]:
    """A weekly status note with decisions and action items, as teams write them."""
    day = START + timedelta(days=7 * n)
    text = (f"---\ndate: {day}\ntitle: Weekly status {n}\nkind: status\n"
            f"attendees: [alice, bob, dana]\ncadence: weekly-status\n---\n\n"
            f"# Weekly status {n}\n\nWe went through the **open risks** and the plan for "
            f"the next sprint; see the [board](https://example.com/board/{n}).\n\n"
            "## Decisions\n\n- Keep the release date\n- Add a *load test* before go-live\n\n"
            "## Action items\n\n"
            f"- [x] @alice send the minutes due:{day + timedelta(days=1)}\n"
            f"- [ ] @bob update the risk register due:{day + timedelta(days=7)}\n\n"
            "| topic | owner | status |\n| --- | --- | --- |\n"
            "| API | bob | on track |\n")  # fmt: skip
    return f"meetings/{day.year}/{day}-weekly-{n}.md", text


def path_of(prefix: str, n: int) -> str:
    folder = {"C": "commitments", "R": "risks"}[prefix]
    return f"{folder}/{n // 100:04d}/{prefix}-{n}.yaml"


def stream(args: argparse.Namespace) -> bytes:
    rng = random.Random(7 + args.append)
    out: list[bytes] = []
    total = args.commits + args.append

    def commit(n: int, files: dict[str, str], message: str) -> None:
        day = START + timedelta(days=n * 1000 // total)
        stamp = f"{int(day.strftime('%s')) + 43200} +0000"
        out.append(b"commit refs/heads/main\n")
        out.append(f"author Ann Author <a@example.com> {stamp}\n".encode())
        out.append(f"committer Ann Author <a@example.com> {stamp}\n".encode())
        data = message.encode()
        out.append(b"data %d\n%s\n" % (len(data), data))
        if args.append and n == args.commits:
            out.append(b"from refs/heads/main^0\n")
        for path, text in files.items():
            body = text.encode()
            out.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(body), body))

    if args.append:
        for n in range(args.commits, total):
            day = START + timedelta(days=n * 1000 // total)
            c = rng.randrange(args.commitments)
            due = day + timedelta(days=rng.randrange(1, 40))
            commit(n, {path_of("C", c): commitment(c, due, "open")}, f"change {n}")
        return b"".join(out)
    first = {"riskdocs.yaml": CONFIG}
    first.update({path_of("C", n): commitment(n, START + timedelta(days=30), "open")
                  for n in range(args.commitments)})  # fmt: skip
    first.update(
        {path_of("R", n): risk(n, 2, START + timedelta(days=14)) for n in range(args.risks)}
    )
    first.update(dict(meeting(n) for n in range(args.meetings)))
    commit(0, first, "start")
    for n in range(1, args.commits):
        roll = rng.random()
        day = START + timedelta(days=n * 1000 // args.commits)
        if roll < 0.3:
            files = {"src/app.py": f"# unrelated change {n}\n"}
        elif roll < 0.65:
            c = rng.randrange(args.commitments)
            due = day + timedelta(days=rng.randrange(1, 40))
            status = "done" if rng.random() < 0.2 else "open"
            files = {path_of("C", c): commitment(c, due, status)}
        else:
            r = rng.randrange(args.risks)
            files = {path_of("R", r): risk(r, rng.randrange(1, 6), day + timedelta(days=14))}
        commit(n, files, f"change {n}")
    return b"".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--commits", type=int, default=20000)
    parser.add_argument("--commitments", type=int, default=2000)
    parser.add_argument("--risks", type=int, default=1000)
    parser.add_argument("--meetings", type=int, default=0, help="weekly notes, in the first commit")
    parser.add_argument(
        "--append",
        type=int,
        default=0,
        help="add this many commits to an existing corpus made with --commits",
    )
    args = parser.parse_args()
    if not args.append:
        args.target.mkdir(parents=True)
        subprocess.run(["git", "init", "-q", "-b", "main", str(args.target)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=args.target, input=stream(args),
                   check=True)  # fmt: skip
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=args.target, check=True)
    # Files written in the same second as the index are "racily clean": git re-reads
    # every one of them on each `git diff` until the index is written again later, as
    # any `git status` or commit of a real project does. Do that, or every timing
    # below includes hashing the whole work tree.
    time.sleep(1.1)
    subprocess.run(["git", "status", "--short"], cwd=args.target, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    print(f"{args.target}: {args.commits} commits, {args.commitments} commitments, "
          f"{args.risks} risks, {args.meetings} meetings")  # fmt: skip


if __name__ == "__main__":
    main()
