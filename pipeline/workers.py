"""Read, normalize and extract documents on several cores, in input order.

``tongban run`` spends nearly all its time in pure-Python normalization and
extraction, one core's worth. Here that work goes to worker processes while
the parent reads files and writes DuckDB (the only writer, as DuckDB needs).

- Results come back in input order, with at most ``AHEAD`` chunks of ``CHUNK``
  documents in flight, so memory stays flat however large the source is.
- A small run stays in this process: starting workers costs about a second,
  more than a few documents take.
- Workers come from a fork server, not from a fork of this process: this
  process holds a DuckDB connection and its threads, and forking a process
  with threads can deadlock the child.
- A worker that dies (a native reader crashing on a hostile PDF, the OOM
  killer) breaks the pool. The documents in flight are then retried one at a
  time in a worker with nothing else to do, so the one that kills its process
  is recorded as an error and every other document is still processed.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from pipeline.work import process
from sources import IngestError, RawDocument
from warehouse import DocumentRows

Work = RawDocument | IngestError
Result = DocumentRows | IngestError
Task = Callable[[Work], Result]  # a module-level function: workers import it by name

CHUNK = 8  # documents per task: fewer round trips, still fine-grained on 2 cores
AHEAD = 32  # tasks in flight (CHUNK × AHEAD documents held at most)
POOL_MIN = 64  # fewer documents than this are processed here, without workers
MAX_DEFAULT_WORKERS = 3


def default_workers() -> int:
    """One worker per core but one, and at most ``MAX_DEFAULT_WORKERS``.

    This process is busy too: it reads the files and writes DuckDB (about
    2 ms per notice against a worker's 6 ms), and each worker holds about
    100 MB of its own. Measured on 2 cores (bench/RESULTS.md), 10k notices:
    in this process 73 s at 760 MB for all processes; one worker 65 s at
    830 MB; two workers 50 s at 920-1030 MB. The default keeps clear of the
    1 GB the benchmark allows; ``--workers 2`` is there when memory is not
    the limit. On one core, no worker at all."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(0, min(cores - 1, MAX_DEFAULT_WORKERS))


def rows_of(entry: Work) -> Result:
    """One document's warehouse rows, or the error that stopped it (never raises)."""
    if isinstance(entry, IngestError):
        return entry
    result = process(entry)
    if isinstance(result, IngestError):
        return result
    try:
        return result.rows()
    except Exception as exc:  # a row that cannot be built must not stop the run
        return IngestError(entry.uri, "load", type(exc).__name__, str(exc), sha256=entry.sha256)


def _run_chunk(task: Task, chunk: list[Work]) -> list[Result]:
    return [task(entry) for entry in chunk]


def process_all(entries: Iterable[Work], workers: int, task: Task = rows_of) -> Iterator[Result]:
    """``task`` (by default :func:`rows_of`) over ``entries``, in order, in ``workers`` processes
    (0: in this one).

    Run it under ``if __name__ == "__main__":`` in a script of your own: a
    worker imports the main module, as every multiprocessing worker does."""
    stream = iter(entries)
    head = list(islice(stream, POOL_MIN))
    if workers < 1 or len(head) < POOL_MIN:
        yield from map(task, chain(head, stream))
        return
    yield from _Pool(workers, task).run(_chunks(chain(head, stream)))


def _chunks(stream: Iterator[Work]) -> Iterator[list[Work]]:
    while chunk := list(islice(stream, CHUNK)):
        yield chunk


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["pipeline.preload"])  # workers fork with code and data loaded
    return context


class _Pool:
    """A process pool that survives its workers dying."""

    def __init__(self, workers: int, task: Task) -> None:
        self.workers = workers
        self.task = task
        self.generation = 0
        self.executor = _executor(workers)
        self.careful: ProcessPoolExecutor | None = None

    def run(self, chunks: Iterator[list[Work]]) -> Iterator[Result]:
        pending: deque[tuple[list[Work], Future, int]] = deque()
        try:
            for chunk in chunks:
                pending.append((chunk, self._submit(chunk), self.generation))
                if len(pending) >= AHEAD:
                    yield from self._collect(*pending.popleft())
            while pending:
                yield from self._collect(*pending.popleft())
        finally:
            self.executor.shutdown(cancel_futures=True)
            if self.careful is not None:
                self.careful.shutdown()

    def _submit(self, chunk: list[Work]) -> Future:
        try:
            return self.executor.submit(_run_chunk, self.task, chunk)
        except BrokenProcessPool:
            self._restart()
            return self.executor.submit(_run_chunk, self.task, chunk)

    def _collect(self, chunk: list[Work], future: Future, generation: int) -> list[Result]:
        try:
            return future.result()
        except BrokenProcessPool:
            if generation == self.generation:  # the first chunk to report the break restarts the pool
                self._restart()
            return [self._alone(entry) for entry in chunk]

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = _executor(self.workers)
        self.generation += 1

    def _alone(self, entry: Work) -> Result:
        """One document with nothing else in flight: if its worker dies, it was this document."""
        if self.careful is None:
            self.careful = _executor(1)
        try:
            return self.careful.submit(self.task, entry).result()
        except BrokenProcessPool:
            self.careful.shutdown(wait=False)
            self.careful = None
            return _crashed(entry)


def _executor(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context())


def _crashed(entry: Work) -> IngestError:
    sha = entry.sha256 if isinstance(entry, RawDocument) else None
    message = "the worker process died on this document (a crash in a native reader, or out of memory)"
    # The worker reads, normalizes and extracts: which of them it died in is not known.
    return IngestError(entry.uri, "process", "worker_crashed", message, sha256=sha)
