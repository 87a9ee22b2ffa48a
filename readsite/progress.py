"""Progress of a long build: a bar per stage on a terminal, a plain line per stage elsewhere.

A 10,000-article build takes tens of seconds; silence for that long reads as a hang.  On a
terminal each stage shows a tqdm bar (items, rate, time left) that is cleared when the stage
ends, so only the final summary stays.  Where stderr is not a terminal (CI logs, a pipe) a bar
would be noise, so each stage ends with one line instead.  Small sites (fewer than
`MIN_ITEMS` items in a stage) stay silent either way: their build is over before a bar helps.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from typing import Protocol, TextIO

from tqdm import tqdm

MIN_ITEMS = 300
"""A stage with fewer items than this shows no progress."""

Tick = Callable[[int], None]
"""Called with the number of items just finished."""


class Progress(Protocol):
    """Where build stages report how far they are."""

    def stage(self, name: str, total: int, unit: str) -> Tick:
        """Start showing stage `name` of `total` items; returns the function to tick."""


class Quiet:
    """No progress shown (the library default, and `serve`'s rebuilds)."""

    def stage(self, name: str, total: int, unit: str) -> Tick:
        return _ignore


def _ignore(done: int) -> None:
    """Progress nobody watches."""


class Reporter:
    """Progress on `stream`: bars if it is a terminal, else a line per finished stage."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.terminal = stream.isatty()

    def stage(self, name: str, total: int, unit: str) -> Tick:
        if total < MIN_ITEMS:
            return _ignore
        if self.terminal:
            # A pseudo-terminal may report a 0 × 0 size, where tqdm would hide the bar.
            sized = _sized(self.stream)
            bar = tqdm(total=total, desc=f"{name:<9}", unit=f" {unit}", file=self.stream,
                       leave=False, dynamic_ncols=sized, ncols=None if sized else 80,
                       nrows=None if sized else 24)

            def advance(done: int) -> None:
                bar.update(done)
                if bar.n >= total:
                    bar.close()
            return advance
        started, count = time.perf_counter(), 0

        def line(done: int) -> None:
            nonlocal count
            count += done
            if count >= total:
                print(f"{name}: {total} {unit} in {time.perf_counter() - started:.1f}s",
                      file=self.stream, flush=True)
        return line


def _sized(stream: TextIO) -> bool:
    """Whether the terminal says how many columns and lines it has."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return False
    return size.columns > 0 and size.lines > 0


QUIET = Quiet()
"""The default: show nothing."""
