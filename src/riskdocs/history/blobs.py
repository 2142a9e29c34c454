"""Reading blobs from git: one `git cat-file --batch` process for a whole run.

Every reader of old file versions (history facts, `--as-of`, `riskdocs history`)
goes through `read_blobs`: requests are written to cat-file as they are produced
(a `git log` stream can feed them while it runs), and a thread reads the answers
and hands each blob to a function, so git and Python work at the same time and
only what that function returns is kept. Blobs over the loader's size limit are
never held: the function gets their size and no content.
"""

from __future__ import annotations

import contextlib
import itertools
import queue
import threading
from collections.abc import Callable, Hashable, Iterable
from typing import IO, Generic, NamedTuple, TypeVar

from riskdocs.history.repo import Repository
from riskdocs.load.tree import MAX_FILE_BYTES

Key = TypeVar("Key", bound=Hashable)
Result = TypeVar("Result")
_READ_SIZE = 1 << 16


class Blob(NamedTuple):
    """One blob as cat-file gave it: `content` is None when the blob is missing or over
    MAX_FILE_BYTES (then `size` says how big it is; -1 when missing)."""

    content: bytes | None
    size: int


def read_blobs(
    repository: Repository,
    requests: Iterable[tuple[Key, str]],
    handle: Callable[[Key, Blob], Result],
) -> dict[Key, Result]:
    """`{key: handle(key, blob)}` for every `(key, blob id)` of `requests`, read by one
    cat-file process (started at the first request: none when there is none).
    `requests` is consumed here, lazily, while a reader thread turns answers into
    results; a key asked for twice is read once."""
    pending = iter(requests)
    first = next(pending, None)
    if first is None:
        return {}
    process = repository.pipe("cat-file", "--batch")
    assert process.stdin is not None and process.stdout is not None
    reader = _Reader(process.stdout, handle)
    thread = threading.Thread(target=reader.run, daemon=True)
    thread.start()
    seen: set[Key] = set()
    try:
        for key, blob in itertools.chain((first,), pending):
            if key not in seen:
                seen.add(key)
                process.stdin.write(f"{blob}\n".encode())
                reader.asked.put(key)
    except BrokenPipeError:  # cat-file ended early: what it did not answer has no result
        pass
    finally:
        reader.asked.put(None)
        with contextlib.suppress(BrokenPipeError):  # cat-file gone: its answers are empty
            process.stdin.close()
        thread.join()
        process.stdout.close()
        process.wait()
    if reader.error is not None:
        raise reader.error
    return reader.results


class _Reader(Generic[Key, Result]):
    """The thread's side: one answer per key asked, in order."""

    def __init__(self, stdout: IO[bytes], handle: Callable[[Key, Blob], Result]) -> None:
        self.stdout, self.handle = stdout, handle
        self.asked: queue.SimpleQueue[Key | None] = queue.SimpleQueue()
        self.results: dict[Key, Result] = {}
        self.error: Exception | None = None

    def run(self) -> None:
        """Answer every key asked; a failing `handle` is kept for the caller to raise, and
        the answers are still read, so git never blocks on a full pipe."""
        while (key := self.asked.get()) is not None:
            blob = self._next()
            try:
                self.results[key] = self.handle(key, blob)
            except Exception as exc:  # raised in the caller's thread, after the join
                self.error = self.error or exc

    def _next(self) -> Blob:
        header = self.stdout.readline().split()
        if len(header) != 3:
            return Blob(None, -1)  # "<id> missing"
        size = int(header[2])
        if size > MAX_FILE_BYTES:  # as the loader: never hold a huge blob
            self._skip(size + 1)
            return Blob(None, size)
        return Blob(self.stdout.read(size + 1)[:size], size)

    def _skip(self, count: int) -> None:
        while count > 0:
            count -= len(self.stdout.read(min(count, _READ_SIZE))) or count


def decode(raw: bytes | None) -> str | None:
    """A blob's text as the loader reads files (UTF-8, a BOM dropped); None if not text."""
    if raw is None:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
