"""Map a pure function over chunks of a job, in this process or in a forked process pool.

Every per-item stage of a build (loading, analysing, relating, rendering) is a pure function of
some read-only state and one item.  The state is handed to the pool's initializer and the pool
is forked *after* it exists, so workers inherit it copy-on-write instead of having it pickled;
only the chunks' small results travel back.  Small jobs, an explicit `jobs=1`, and platforms
without `fork` run in the calling process, chunk by chunk with the very same function, so
results are identical whatever the number of workers.

`_STATE` holds what this worker process's initializer handed it (one pool, one stage): that
is the only module state here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

AUTO_MIN_ITEMS = 300
"""Below this many items, `jobs=None` stays in one process (a pool costs ~50 ms)."""
CHUNK = 64
"""Items per task: large enough that task overhead vanishes, small enough to balance."""

S = TypeVar("S")
R = TypeVar("R")

_STATE: dict[str, Any] = {}


def available_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count(jobs: int | None, items: int) -> int:
    """How many processes to use: `jobs` if given, else all CPUs for a big enough job."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if jobs is not None:
        return max(1, min(jobs, items))
    return available_cpus() if items >= AUTO_MIN_ITEMS else 1


def chunks(count: int) -> Iterator[range]:
    """range(count) in consecutive slices of `CHUNK` items."""
    for start in range(0, count, CHUNK):
        yield range(start, min(start + CHUNK, count))


def map_chunks(work: Callable[[S, range], list[R]], state: S, count: int,
               jobs: int | None = None, tick: Callable[[int], None] | None = None) -> list[R]:
    """`work(state, chunk)` over the chunks of range(count), results concatenated in order;
    `tick(n)` after each chunk of n items (for a progress bar).

    `work` must be a module-level function; `state` is inherited by forked workers, never
    pickled, so it may be large.  An exception raised in a worker is raised here."""
    if worker_count(jobs, count) == 1:
        return _gather((work(state, chunk) for chunk in chunks(count)), count, tick)
    with ProcessPoolExecutor(worker_count(jobs, count),
                             mp_context=multiprocessing.get_context("fork"),
                             initializer=_initialise, initargs=(work, state)) as pool:
        return _gather(pool.map(_run, chunks(count)), count, tick)


def _gather(batches: Iterator[list[R]], count: int,
            tick: Callable[[int], None] | None) -> list[R]:
    """The batches' results in order, ticking as each chunk of range(count) is done."""
    results: list[R] = []
    for chunk, batch in zip(chunks(count), batches, strict=True):
        results.extend(batch)
        if tick is not None:
            tick(len(chunk))
    return results


def _initialise(work: Callable[[Any, range], list[Any]], state: Any) -> None:
    _STATE.clear()
    _STATE.update(work=work, state=state)


def _run(chunk: range) -> list[Any]:
    return _STATE["work"](_STATE["state"], chunk)  # type: ignore[no-any-return]
