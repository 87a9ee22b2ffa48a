"""Preview server: build, serve on 127.0.0.1, watch the site's files, rebuild, reload the browser.

The browser side is livereload's: its `LiveReloadHandler` (the websocket that livereload.js
talks to), `LiveReloadJSHandler` (the client script) and `reload_waiters()`.  Its `Server`
and `Watcher` are not used, because of what they do (read in livereload 2.7 and 6.x):
  * `Watcher.examine` stops at the first changed file, so a burst of 50 changes is 50
    rebuilds, one per 800 ms poll; and a new file whose mtime predates the server (`cp -p`,
    `tar x`, `git checkout` of an old file) is never seen as a change;
  * `LiveReloadHandler.poll_tasks` drops a reload that comes within 3 s of the previous one
    ("Ignore: ..."), so the second quick edit never reaches the browser;
  * `Server.serve` cannot bind port 0 and report it, and handles neither SIGTERM nor cleanup.
So `Preview` polls the watched trees itself every 0.15 s from Tornado's loop (a snapshot of
path → mtime, size, inode, plus a content hash for files changed in the last 2 s, since file
timestamps tick only every few ms), waits until a snapshot is quiet between two polls 0.05 s
apart (a burst makes one rebuild), rebuilds the *whole* site (so the preview always equals a
clean build: never stale) and calls `reload_waiters()` at once, without livereload's throttle.
A large site first gets the edited article's page re-rendered at once and the full build in a
background thread (see `Preview`).

A failed rebuild leaves the last good site in place (builds are atomic) and the error is shown
in the terminal and as an overlay injected into every page, with the livereload script; the
next good build removes it.  The build goes to a temporary folder outside the site, so it is
never inside a watched tree; SIGINT and SIGTERM stop the loop and the folder is removed.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import shutil
import signal
import socket
import tempfile
import threading
import time
import webbrowser
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any

import tornado.httpserver
import tornado.ioloop
import tornado.netutil
import tornado.web
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from livereload.watcher import Watcher

from readsite.config import WATCHED_FOLDERS, SiteConfig, load_config
from readsite.errors import Problem, ReadsiteError
from readsite.fastrender import Snapshot, rerender
from readsite.pipeline import (
    JUNK_FOLDERS,
    BuildReport,
    Staged,
    build_site,
    input_paths,
    is_junk,
    stage_site,
)
from readsite.progress import Tick

POLL_SECONDS = 0.15
"""How often the watched trees are scanned."""
QUIET_SECONDS = 0.05
"""After a poll sees changes, the next poll comes this soon: a change is acted on once the
files have been quiet between two polls, without waiting a whole period."""
RECENT_SECONDS = 2.0
"""Files modified this recently are also hashed: two edits within one timestamp tick differ."""
FAST_RENDER_AFTER = 1.0
"""A site whose full build takes this long or longer gets an edited article's page
re-rendered at once, and the full build in the background."""
BUILD_DELAY = 1.0
"""Seconds after a fast re-render before the background build starts: the browser's reload
and the writer's next save meet an idle server, not one busy decoding the render cache."""

Signature = dict[str, tuple[int, int, int, str]]
"""Watched file → (mtime_ns, size, inode, content hash if recently modified)."""


def _digest(path: Path) -> str:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return "unreadable"


def signature(paths: list[Path]) -> Signature:
    """A cheap fingerprint of every file under `paths` (missing paths contribute nothing).

    It runs every poll, so it walks with `os.scandir` and plain strings: at 10,000 articles
    that is a few tens of milliseconds, where pathlib's `rglob` took 0.2 s of every 0.25 s."""
    now = time.time_ns()
    found: Signature = {}
    for top in paths:
        if top.is_file():
            _add(found, str(top), top.name, now)
        elif top.is_dir():
            _walk(found, str(top), now)
    return found


def _walk(found: Signature, folder: str, now: int) -> None:
    """Add the files under `folder` to `found` (symlinked folders are not descended into,
    as the build's own walks do not)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name in JUNK_FOLDERS:
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(found, entry.path, now)
            elif entry.is_file():
                _add(found, entry.path, entry.name, now)
        except OSError:
            continue


def _add(found: Signature, path: str, name: str, now: int) -> None:
    """Add one file's fingerprint, unless it is an editor's or VCS's leftover."""
    if is_junk(name):
        return
    try:
        st = os.stat(path)
    except OSError:
        return
    recent = now - st.st_mtime_ns < RECENT_SECONDS * 1e9
    found[path] = (st.st_mtime_ns, st.st_size, st.st_ino,
                   _digest(Path(path)) if recent else "")


def differs(old: Signature, new: Signature) -> list[str]:
    """Files added, removed or changed between two signatures (hashes compared when both
    have one: a file that merely aged out of "recent" is unchanged)."""
    changed = sorted(old.keys() ^ new.keys())
    for key in old.keys() & new.keys():
        a, b = old[key], new[key]
        if a[:3] != b[:3] or (a[3] and b[3] and a[3] != b[3]):
            changed.append(key)
    return changed


def preview_url(host: str, port: int) -> str:
    """The address the preview is served at."""
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"


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
    thread: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="readsite-build"))
    """Runs background builds, one at a time."""

    def build(self) -> BuildReport | None:
        """Build the whole site afresh, here; on failure keep the last good one and remember
        why."""
        self.built = signature(input_paths(self.root))
        try:
            report = build_site(self._config(), self.output, drafts=True)
        except ReadsiteError as exc:
            self._failed(exc)
            return None
        self._succeeded(report)
        return report

    def poll(self) -> Change | None:
        """Act on watched files that changed and have been quiet since the last poll: rebuild
        (small site), or re-render edited pages and start a background build (large site)."""
        now = signature(input_paths(self.root))
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
            outcome = self._ended(self.running)
            self.running = None
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
        """Stop a running background build and remove what it staged."""
        self.start_at = None
        self.cancel.set()
        if self.running is not None:
            futures_wait([self.running])
            with contextlib.suppress(Exception):
                self.running.result().discard()
            self.running = None
        self.thread.shutdown(wait=True)

    def _config(self) -> SiteConfig:
        return load_config(self.root).with_base_url(self.base_url)

    def _start(self) -> Future[Staged]:
        """Start a full build in the background thread."""
        self.cancel = threading.Event()
        progress = Cancelling(self.cancel)

        def stage() -> Staged:
            return stage_site(self._config(), self.output, drafts=True, progress=progress)

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
        self.undo.clear()
        if report.collection is not None:
            self.snapshot = Snapshot.of(report.collection)

    def _failed(self, exc: ReadsiteError) -> None:
        self.error = exc


def _replace_file(target: Path, data: bytes) -> None:
    """Write `target` whole in one step (a reader never sees half a page)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temp.write_bytes(data)
    os.replace(temp, target)


LIVE_SCRIPT = (
    '<script>(function(){var s=document.createElement("script");'
    's.src="/livereload.js?port="+(window.location.port||80);'
    'document.head.appendChild(s);})();</script>'
)
OVERLAY_SCRIPT = """<script>document.addEventListener("DOMContentLoaded",function(){
var e=%s,d=document.createElement("div");d.id="readsite-error";d.setAttribute("role","alert");
d.style.cssText="position:fixed;inset:auto 1rem 1rem 1rem;z-index:99999;max-height:60vh;"+
"overflow:auto;background:#2b0b0b;color:#ffe9e6;border:2px solid #ff6b57;border-radius:8px;"+
"padding:1rem 1.25rem;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;"+
"box-shadow:0 8px 30px rgba(0,0,0,.4)";
var h=document.createElement("strong");h.textContent="readsite: the last change did not build."+
" Showing the last good site; fix the file and this page reloads.\\n\\n";
var p=document.createElement("span");p.textContent=e;d.appendChild(h);d.appendChild(p);
document.body.appendChild(d);});</script>"""
NO_SITE_PAGE = (b"<!doctype html><html><head><meta charset='utf-8'><title>readsite: no site yet"
                b"</title></head><body><h1>The site could not be built yet</h1></body></html>")


def injection(preview: Preview) -> bytes:
    """What goes before `</head>` of every served page: livereload, and the error if any."""
    script = LIVE_SCRIPT
    if preview.error is not None:
        text = json.dumps(str(preview.error)).replace("</", "<\\/")
        script += OVERLAY_SCRIPT % text
    return script.encode("utf-8")


def make_app(preview: Preview) -> tornado.web.Application:
    """The Tornado application: livereload's websocket and script, then the built site."""

    class Inject(tornado.web.OutputTransform):
        """Put the livereload script (and the error overlay) into every HTML response."""

        def transform_first_chunk(
            self, status_code: int, headers: Any, chunk: bytes, finishing: bool
        ) -> tuple[int, Any, bytes]:
            if "html" in headers.get("Content-Type", "") and b"</head>" in chunk:
                extra = injection(preview)
                chunk = chunk.replace(b"</head>", extra + b"</head>", 1)
                if "Content-Length" in headers:
                    headers["Content-Length"] = str(int(headers["Content-Length"]) + len(extra))
            return status_code, headers, chunk

    class SiteHandler(tornado.web.StaticFileHandler):
        """The built site; misses get its 404 page; never cached; nothing outside it."""

        def set_extra_headers(self, path: str) -> None:
            self.set_header("Cache-Control", "no-store")

        def should_return_304(self) -> bool:
            return False

        def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
            if "\x00" in absolute_path or "\\" in absolute_path:
                raise tornado.web.HTTPError(HTTPStatus.NOT_FOUND)
            if not preview.good:
                raise tornado.web.HTTPError(HTTPStatus.SERVICE_UNAVAILABLE)
            return super().validate_absolute_path(root, absolute_path)

        def write_error(self, status_code: int, **kwargs: Any) -> None:
            page = preview.output / "404.html"
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            if status_code == HTTPStatus.NOT_FOUND and page.is_file():
                self.finish(page.read_bytes())
            elif status_code == HTTPStatus.SERVICE_UNAVAILABLE:
                self.finish(NO_SITE_PAGE)
            else:
                self.finish(f"<!doctype html><html><head><title>{status_code}</title></head>"
                            f"<body><h1>{status_code}</h1></body></html>".encode())

    LiveReloadHandler.watcher = Watcher()  # reload_waiters() logs its (unused) .filepath
    return tornado.web.Application(
        [
            (r"/livereload", LiveReloadHandler),
            (r"/livereload.js", LiveReloadJSHandler),
            (r"/(.*)", SiteHandler, {"path": str(preview.output),
                                     "default_filename": "index.html"}),
        ],
        transforms=[Inject],
        log_function=lambda handler: None,  # the terminal is for build messages
    )


def _bind(host: str, port: int) -> list[socket.socket]:
    try:
        return tornado.netutil.bind_sockets(port, host)
    except OSError as exc:
        raise ReadsiteError(Problem(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}", None, None,
            "is another server running there? pick another with --port",
        )) from None


def _relative(root: Path, changed: list[str]) -> str:
    names = [os.path.relpath(path, root) for path in changed]
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


async def _run(preview: Preview, sockets: list[socket.socket], stop: asyncio.Event,
               open_browser: bool, announce: Callable[[str], None]) -> None:
    server = tornado.httpserver.HTTPServer(make_app(preview))
    server.add_sockets(sockets)

    def tick() -> None:
        change = preview.poll()
        if preview.pending is not None:
            loop.call_later(QUIET_SECONDS, tick)
        if change is not None:
            what = _relative(preview.root, change.files)
            if change.fast is not None:
                announce(f"changed: {what} → page updated in {change.fast:.2f}s; "
                         "rebuilding the rest")
                LiveReloadHandler.reload_waiters("*")
            elif change.building:
                announce(f"changed: {what} → rebuilding")
            elif preview.error is not None:
                announce(f"changed: {what}\nrebuild failed; still serving the last good site:"
                         f"\n{preview.error}")
                LiveReloadHandler.reload_waiters("*")
            else:
                announce(f"changed: {what} → rebuilt")
                LiveReloadHandler.reload_waiters("*")
        finished()

    def finished() -> None:
        outcome = preview.finish()
        if isinstance(outcome, ReadsiteError):
            announce(f"rebuild failed; still serving the last good site:\n{outcome}")
        elif outcome is not None:
            announce(f"rebuilt in {outcome.seconds:.2f}s")
        if outcome is not None:
            LiveReloadHandler.reload_waiters("*")

    loop = tornado.ioloop.IOLoop.current()
    preview.notify = lambda: loop.add_callback(finished)
    poller = tornado.ioloop.PeriodicCallback(tick, POLL_SECONDS * 1000)
    poller.start()
    if open_browser:
        asyncio.get_running_loop().run_in_executor(None, webbrowser.open, preview.base_url)
    try:
        await stop.wait()
    finally:
        poller.stop()
        server.stop()
        preview.close()
        for waiter in list(LiveReloadHandler.waiters):
            waiter.close()


def serve(root: Path, host: str, port: int, open_browser: bool,
          announce: Callable[[str], None]) -> None:
    """Build, serve and rebuild on change until Ctrl-C or SIGTERM; then remove the build.

    The signal handlers go on the event loop before anything is built or announced, so a
    signal at any moment only sets `stop`: no exception lands in the middle of a build."""
    for name in ("tornado.access", "tornado.general"):  # refused paths: no log line each
        logging.getLogger(name).addHandler(logging.NullHandler())
    sockets = _bind(host, port)
    folder = Path(tempfile.mkdtemp(prefix="readsite-serve-"))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        actual_port = int(sockets[0].getsockname()[1])
        preview = Preview(root, folder / "site", preview_url(host, actual_port))
        report = preview.build()
        if report is not None:
            announce(report.summary())
        else:
            announce(f"the site does not build yet; serving an error page:\n{preview.error}")
        announce(f"serving at {preview.base_url} — watching site.yaml, "
                 f"{'/, '.join(WATCHED_FOLDERS)}/ (Ctrl-C to stop)")
        loop.run_until_complete(_run(preview, sockets, stop, open_browser, announce))
        announce("stopped")
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        loop.close()
        asyncio.set_event_loop(None)
        for sock in sockets:
            sock.close()
        shutil.rmtree(folder, ignore_errors=True)
