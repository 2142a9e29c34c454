"""Timing that cannot lie: every timed run is checked before its time counts.

Each `Command` says what a correct run looks like: its exit status and a pattern its
output must contain. `measure` runs all commands once to check them (and to warm the
file cache and write bytecode, so no run pays for compiling), then `rounds` times
each, interleaved and every other round in reverse order, so noise on this shared
machine hits every command alike. A run that fails or prints something else stops
the benchmark with the command, its status and the end of its output. Output goes to
a temporary file, not a pipe, so a command that prints megabytes (git log) is timed
doing its own work, not waiting on ours. `machine()` is printed beside every table.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# -P: never take a folder named `riskdocs/` in the current directory for the package.
RISKDOCS = [sys.executable, "-P", "-m", "riskdocs"]
_TAIL = 600


@dataclass(frozen=True)
class Command:
    """One command to time, and what its correct run prints.

    Attributes:
        name: how the table names it.
        argv: the command.
        cwd: where it runs.
        expect: a regular expression its output (stdout and stderr) must match.
        exits: the exit statuses of a correct run.
        env: variables set for it, over this process's environment (the history and
            notes caches are off unless a command sets RISKDOCS_CACHE_DIR).
    """

    name: str
    argv: Sequence[str]
    cwd: Path
    expect: str
    exits: tuple[int, ...] = (0,)
    env: dict[str, str] = field(default_factory=dict)


class BenchmarkError(SystemExit):
    """A timed command did not do what it should: its time would be a lie."""


def run_once(command: Command) -> tuple[float, str]:
    """Wall seconds of one checked run, and the end of its output."""
    env = {**os.environ, "RISKDOCS_CACHE_DIR": "off", **command.env}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # else an editable install compiles every run
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        done = subprocess.run(list(command.argv), cwd=command.cwd, env=env, stdout=out,
                              stderr=subprocess.STDOUT, check=False)  # fmt: skip
        elapsed = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if done.returncode not in command.exits or not re.search(command.expect, text, re.M):
        raise BenchmarkError(
            f"benchmark stopped: {command.name!r} exited {done.returncode} "
            f"(expected {command.exits}) or did not print /{command.expect}/\n"
            f"  command: {' '.join(command.argv)}\n  in: {command.cwd}\n"
            f"  output ends with:\n{text[-_TAIL:]}"
        )
    return elapsed, text[-_TAIL:]


def measure(commands: Sequence[Command], rounds: int) -> dict[str, float]:
    """Median wall seconds per command name, over `rounds` interleaved checked runs."""
    for command in commands:
        run_once(command)  # checked once first, and caches warmed
    times: dict[str, list[float]] = {c.name: [] for c in commands}
    for round_number in range(rounds):
        # Every other round runs backwards, so no command always follows the same one:
        # on this machine the run after a heavy one is measurably slower.
        ordered = commands if round_number % 2 == 0 else list(reversed(commands))
        for command in ordered:
            times[command.name].append(run_once(command)[0])
    return {name: statistics.median(values) for name, values in times.items()}


def machine() -> str:
    """Cores and load average: read the table's ratios with these in mind."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    one, five, fifteen = os.getloadavg()
    return f"machine: {cores} cores, load average {one:.2f} {five:.2f} {fifteen:.2f} (1/5/15 min)"


def table(medians: dict[str, float], base: str, unit: str = "s", label: str = "") -> str:
    """Each median and its ratio to the median named `base`."""
    scale = 1000 if unit == "ms" else 1
    width = max(len(name) for name in medians) + 2
    lines = [f"{'':{width}} {unit:>8} {label or 'x ' + base:>24}"]
    for name, value in medians.items():
        lines.append(f"{name:{width}} {value * scale:8.2f} {value / medians[base]:24.2f}")
    return "\n".join(lines)


def add_baseline_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--baseline", metavar="REV",
        help="also time every riskdocs command with the code of this git revision (e.g. "
        "HEAD~3), in the same interleaved rounds, and print the ratio to it",
    )  # fmt: skip


def with_baseline(commands: Sequence[Command], revision: str | None) -> list[Command]:
    """`commands`, and when `revision` is given each riskdocs command once more, named
    `... @REV`, run from that revision's code (its src/, schemas/ and template, unpacked
    with `git archive`: the repository is not touched)."""
    if revision is None:
        return list(commands)
    code = _code_at(revision)
    again = [
        Command(f"{c.name} @{revision}", c.argv, c.cwd, c.expect, c.exits,
                {**c.env, "PYTHONPATH": str(code)})
        for c in commands if list(c.argv[: len(RISKDOCS)]) == RISKDOCS
    ]  # fmt: skip
    return [*commands, *again]


def baseline_ratios(medians: dict[str, float], revision: str | None) -> str:
    """Each riskdocs command's median over its median at `revision`."""
    if revision is None:
        return ""
    lines = [f"now / {revision} (below 1.00: faster now)"]
    for name, value in medians.items():
        if (before := medians.get(f"{name} @{revision}")) is not None:
            lines.append(f"  {name}: {value / before:.2f}")
    return "\n".join(lines)


def _code_at(revision: str) -> Path:
    repository = Path(__file__).resolve().parent.parent
    target = Path(tempfile.mkdtemp(prefix="riskdocs-baseline-"))
    archive = subprocess.run(["git", "-C", str(repository), "archive", revision, "src",
                              "schemas", "project-template"], check=True,
                             capture_output=True).stdout  # fmt: skip
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    package = target / "src" / "riskdocs"
    (target / "schemas").rename(package / "schemas")  # where package-dir maps them
    (target / "project-template").rename(package / "project_template")
    return target / "src"


def corpus(target: Path, *args: str) -> Path:
    """A benchmark repository made by corpus.py (see there for the arguments)."""
    here = Path(__file__).parent
    subprocess.run([sys.executable, str(here / "corpus.py"), str(target), *args], check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    return target


def report_corpus(target: Path, entities: int) -> Path:
    """The project of report.py and page.py: 50% commitments, 30% risks, 20% weekly
    meeting notes (with decisions, action items and a table), one commit."""
    return corpus(target, "--commits", "1", "--commitments", str(entities // 2),
                  "--risks", str(entities * 3 // 10), "--meetings", str(entities // 5))  # fmt: skip


def tool(name: str) -> str | None:
    """A command on PATH or installed beside this Python (an unactivated venv)."""
    import shutil

    beside = Path(sys.executable).parent / name
    return shutil.which(name) or (str(beside) if beside.exists() else None)


def files_checked(count: int) -> str:
    """The pattern of validate's summary line for a project of `count` files."""
    return rf"^riskdocs: {count} files checked"
