"""When riskdocs spreads work over processes: big jobs, more than one core, and a
platform that can fork (spawning fresh interpreters costs more than it saves).

`RISKDOCS_PARALLEL=0` keeps everything in one process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
MAX_PROCESSES = 8


def processes_for(items: int, minimum: int) -> int:
    """How many processes should share `items` pieces of work that pay off in parallel
    from `minimum` pieces: 1 means "do it here"."""
    if items < minimum or os.environ.get("RISKDOCS_PARALLEL") == "0":
        return 1
    import multiprocessing  # only for big jobs: the hook never pays for it

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, MAX_PROCESSES))


def split(items: Sequence[Item], parts: int) -> list[Sequence[Item]]:
    """`items` in at most `parts` consecutive slices of nearly equal size, in order."""
    size = max(1, -(-len(items) // parts))
    return [items[i : i + size] for i in range(0, len(items), size)]


def fork_map(work: Callable[[Item], Result], jobs: Sequence[Item], processes: int) -> list[Result]:
    """`[work(job) for job in jobs]`, computed by `processes` forked workers."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return pool.map(work, jobs)


class Forked(Generic[Result]):
    """`work(*args)` computed in one forked process while this one goes on; `result()`
    waits for it (and raises what it raised), `cancel()` ends it unheard. Arguments and
    result travel pickled."""

    def __init__(self, work: Callable[..., Result], *args: object) -> None:
        import multiprocessing

        self._pool = multiprocessing.get_context("fork").Pool(1)
        self._pending = self._pool.apply_async(work, args)

    def result(self) -> Result:
        try:
            return self._pending.get()
        finally:
            self._pool.close()
            self._pool.join()

    def cancel(self) -> None:
        self._pool.terminate()
        self._pool.join()
