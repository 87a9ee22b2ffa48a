"""The preview's state: what was built from which files, and what to do when they change.

A small site is rebuilt whole on every change: one reload, and the preview always equals a
clean build (never stale).  A large site first gets an edited article's own page re-rendered at
once (`readsite.fastrender`), then the full build in a background thread, staged beside the
served folder and swapped in by the server's loop, so a page re-rendered meanwhile is never
overwritten by an older build; a newer change cancels a running build, and a failed one puts
the re-rendered pages back, leaving the last good site whole.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from dataclasses import dataclass, field
from pathlib import Path

from readsite.cache import RenderCache
from readsite.config import SiteConfig, load_config
from readsite.errors import ReadsiteError
from readsite.fastrender import Snapshot, rerender
from readsite.pipeline import BuildReport, Staged, build_site, input_paths, stage_site
from readsite.progress import Tick
from readsite.watch import Signature, differs, signature

FAST_RENDER_AFTER = 1.0
"""A site whose full build takes this long or longer gets an edited article's page
re-rendered at once, and the full build in the background."""
BUILD_NICENESS = 10
"""How much lower the background build's CPU priority is than the server's."""
SEARCH_KEPT_AFTER = 5.0
"""A site whose search index takes this long or longer (about 1,000 articles) keeps the index
of its first build in the background builds while it is edited: making it anew each time would
cost a minute and gigabytes of memory per save at 10,000 articles.  `readsite build` and
`publish` always make it anew."""
BUILD_DELAY = 1.0
"""Seconds after a fast re-render before the background build starts: the browser's reload
(and a quick second save) meet an idle server, not one busy building."""


class Cancelled(Exception):
    """A background build given up because newer changes came in."""


class Cancelling:
    """Build progress that stops the build at its next step once `event` is set."""

    def __init__(self, event: threading.Event) -> None:
        self.event = event

    def stage(self, name: str, total: int, unit: str) -> Tick:
        self.check(0)
        return self.check

    def check(self, done: int) -> None:
        """Raise Cancelled if the build is no longer wanted."""
        if self.event.is_set():
            raise Cancelled


@dataclass(frozen=True, slots=True)
class Change:
    """What a poll did about the files that changed."""

    files: list[str]
    """The changed files."""
    fast: float | None = None
    """Seconds taken to re-render the edited articles' pages at once; None if not done."""
    building: bool = False
    """Whether the full rebuild runs in the background (its outcome comes from `finish`)."""


@dataclass(slots=True)
class Preview:
    """The preview's state: what was built from which files, and the last error, if any.

    A small site is rebuilt whole on every change, in the server's loop: one reload, and the
    preview always equals a clean build.  Once a full build takes FAST_RENDER_AFTER seconds or
    more, a plain edit first re-renders the edited article's own page (`readsite.fastrender`)
    and reloads; the full build then runs in a background thread and is swapped in by the
    loop (`finish`), so a page re-rendered meanwhile is never overwritten by an older build.
    A newer change cancels a running build; a failed one puts the re-rendered pages back."""

    root: Path
    """The site folder (holding site.yaml)."""
    output: Path
    """Where the preview is built (a temporary folder outside the site)."""
    base_url: str
    """The server's own address, used as the preview's base_url."""
    scan: Callable[[list[Path]], Signature] = signature
    """Fingerprints the watched files (the server passes a `watch.Scanner`'s)."""
    notify: Callable[[], None] = lambda: None
    """Called from the build thread when a background build ends (the loop then `finish`es)."""
    built: Signature | None = None
    """Signature of the files the current output (or error, or running build) came from."""
    pending: Signature | None = None
    """Signature seen at the last poll while files were still changing."""
    error: ReadsiteError | None = None
    """Why the last build failed (the previous good site is still served); None when fine."""
    good: bool = False
    """Whether a good build exists in `output`."""
    snapshot: Snapshot | None = None
    """The last good build's collection, for re-rendering an edited page at once."""
    seconds: float = 0.0
    """How long the last full build took."""
    search_seconds: float = 0.0
    """How long the search index took, the last time it was made."""
    running: Future[Staged] | None = None
    """The background build, if one runs."""
    cancel: threading.Event = field(default_factory=threading.Event)
    """Set to stop the running background build."""
    again: bool = False
    """Files changed after the running build started: build again once it stops."""
    start_at: float | None = None
    """When (`time.monotonic()`) to start the next background build; None if none waits."""
    undo: dict[Path, bytes | None] = field(default_factory=dict)
    """Output files re-rendered at once → their bytes before (None: did not exist), put back
    if the full build fails."""
    cache: RenderCache | None = None
    """Bodies rendered so far, kept in memory across builds (decoding `.readsite-cache/` at
    each build would hold Python's lock for half a second at 10,000 articles); written back
    when the preview closes."""
    thread: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="readsite-build"))
    """Runs background builds, one at a time."""

    def build(self) -> BuildReport | None:
        """Build the whole site afresh, here; on failure keep the last good one and remember
        why."""
        self.built = self.scan(input_paths(self.root))
        try:
            report = build_site(self._config(), self.output, drafts=True, use_cache=False,
                                render_cache=self._cache())
        except ReadsiteError as exc:
            self._failed(exc)
            return None
        self._succeeded(report)
        return report

    def poll(self) -> Change | None:
        """Act on watched files that changed and have been quiet since the last poll: rebuild
        (small site), or re-render edited pages and start a background build (large site)."""
        now = self.scan(input_paths(self.root))
        changed = differs(self.built or {}, now)
        if not changed:
            self.pending = None
            return None
        if self.pending is None or differs(self.pending, now):
            self.pending = now  # still changing: wait for one quiet poll
            return None
        self.pending = None
        if self.running is None and (self.seconds < FAST_RENDER_AFTER or not self.good):
            self.build()
            return Change(changed)
        self.built = now
        fast = self._rerender([Path(name) for name in changed])
        if self.running is not None:
            self.cancel.set()
            self.again = True
        else:
            self.start_at = time.monotonic() + BUILD_DELAY
        return Change(changed, fast, building=True)

    def finish(self) -> BuildReport | ReadsiteError | None:
        """From the loop: swap in a background build that ended and return its report, or its
        error (the re-rendered pages are put back); start the next build when it is due.
        None when nothing ended, or what ended was superseded by newer changes."""
        outcome: BuildReport | ReadsiteError | None = None
        if self.running is not None and self.running.done():
            ended, self.running = self.running, None
            outcome = self._ended(ended)
        if (self.running is None and self.start_at is not None
                and time.monotonic() >= self.start_at):
            self.start_at = None
            self._start()
        return outcome

    def _ended(self, future: Future[Staged]) -> BuildReport | ReadsiteError | None:
        """The outcome of a finished background build (see `finish`)."""
        try:
            staged = future.result()
        except Cancelled:
            staged = None
        except ReadsiteError as exc:
            if not self.again:
                self._restore()
                self._failed(exc)
                return exc
            staged = None
        if self.again or staged is None:
            if staged is not None:
                staged.discard()
            self.again = False
            self.start_at = time.monotonic() + BUILD_DELAY
            return None
        report = staged.swap()
        self._succeeded(report)
        return report

    def wait(self) -> BuildReport | ReadsiteError | None:
        """Block until no background build runs or waits; the last outcome (None if none)."""
        outcome = None
        while self.running is not None or self.start_at is not None:
            running = self.running
            if running is None:
                self.start_at = None
                running = self._start()
            futures_wait([running])
            outcome = self.finish() or outcome
        return outcome

    def close(self) -> None:
        """Stop a running background build, remove what it staged, save the render cache."""
        self.start_at = None
        self.cancel.set()
        if self.running is not None:
            futures_wait([self.running])
            with contextlib.suppress(Exception):
                self.running.result().discard()
            self.running = None
        self.thread.shutdown(wait=True)
        if self.cache is not None:
            self.cache.save()

    def _cache(self) -> RenderCache:
        """The render cache, read from the site's `.readsite-cache/` the first time."""
        if self.cache is None:
            self.cache = RenderCache.open(self.root)
        return self.cache

    def _config(self) -> SiteConfig:
        return load_config(self.root).with_base_url(self.base_url)

    def _start(self) -> Future[Staged]:
        """Start a full build in the background thread."""
        self.cancel = threading.Event()
        progress = Cancelling(self.cancel)

        def stage() -> Staged:
            _lower_priority()
            keep = self.output if self.search_seconds >= SEARCH_KEPT_AFTER else None
            return stage_site(self._config(), self.output, drafts=True, use_cache=False,
                              progress=progress, render_cache=self._cache(), search_from=keep)

        self.running = self.thread.submit(stage)
        self.running.add_done_callback(lambda _: self.notify())
        return self.running

    def _rerender(self, changed: list[Path]) -> float | None:
        """Re-render the pages of plainly edited articles into the output at once; the
        seconds it took, or None when the change needs the full build to show."""
        if self.snapshot is None or self.error is not None:
            return None
        started = time.perf_counter()
        done = rerender(self.snapshot, changed)
        if done is None:
            return None
        self.snapshot, files = done
        for relpath, data in files.items():
            target = self.output / relpath
            self.undo.setdefault(target, target.read_bytes() if target.is_file() else None)
            _replace_file(target, data)
        return time.perf_counter() - started

    def _restore(self) -> None:
        """Put back the output files re-rendered since the last good build."""
        for target, data in self.undo.items():
            if data is None:
                target.unlink(missing_ok=True)
            else:
                _replace_file(target, data)
        self.undo.clear()

    def _succeeded(self, report: BuildReport) -> None:
        self.error, self.good, self.seconds = None, True, report.seconds
        self.search_seconds = report.stages.get("search", self.search_seconds)
        self.undo.clear()
        if report.collection is not None:
            self.snapshot = Snapshot.of(report.collection)

    def _failed(self, exc: ReadsiteError) -> None:
        self.error = exc


def _lower_priority() -> None:
    """Make the calling thread, and the build workers it forks, yield the CPU to the server:
    a background build uses every core, and the scanner, the re-render of the next edit and
    the browser's requests must not wait behind it (Linux sets priority per thread)."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BUILD_NICENESS)


def _replace_file(target: Path, data: bytes) -> None:
    """Write `target` whole in one step (a reader never sees half a page)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temp.write_bytes(data)
    os.replace(temp, target)
