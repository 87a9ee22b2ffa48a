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
So `Preview` polls the watched trees itself every 0.25 s from Tornado's loop (a snapshot of
path → mtime, size, inode, plus a content hash for files changed in the last 2 s, since file
timestamps tick only every few ms), waits until a snapshot is quiet for one poll (a burst makes
one rebuild), rebuilds the *whole* site (so the preview always equals a clean build: never
stale) and calls `reload_waiters()` at once, without livereload's throttle.

A failed rebuild leaves the last good site in place (builds are atomic) and the error is shown
in the terminal and as an overlay injected into every page, with the livereload script; the
next good build removes it.  The build goes to a temporary folder outside the site, so it is
never inside a watched tree; SIGINT and SIGTERM stop the loop and the folder is removed.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import shutil
import signal
import socket
import tempfile
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any

import tornado.httpserver
import tornado.ioloop
import tornado.netutil
import tornado.web
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from livereload.watcher import Watcher

from readsite.config import WATCHED_FOLDERS, load_config
from readsite.errors import Problem, ReadsiteError
from readsite.pipeline import BuildReport, build_site, input_paths, is_junk

POLL_SECONDS = 0.25
"""How often the watched trees are scanned."""
RECENT_SECONDS = 2.0
"""Files modified this recently are also hashed: two edits within one timestamp tick differ."""

Signature = dict[str, tuple[int, int, int, str]]
"""Watched file → (mtime_ns, size, inode, content hash if recently modified)."""


def _digest(path: Path) -> str:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return "unreadable"


def signature(paths: list[Path]) -> Signature:
    """A cheap fingerprint of every file under `paths` (missing paths contribute nothing)."""
    now = time.time_ns()
    found: Signature = {}
    for top in paths:
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in files:
            if is_junk(path.as_posix()):
                continue
            try:
                st = path.stat()
            except OSError:
                continue
            recent = now - st.st_mtime_ns < RECENT_SECONDS * 1e9
            found[str(path)] = (st.st_mtime_ns, st.st_size, st.st_ino,
                                _digest(path) if recent else "")
    return found


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


@dataclass(slots=True)
class Preview:
    """The preview's state: what was built from which files, and the last error, if any."""

    root: Path
    """The site folder (holding site.yaml)."""
    output: Path
    """Where the preview is built (a temporary folder outside the site)."""
    base_url: str
    """The server's own address, used as the preview's base_url."""
    built: Signature | None = None
    """Signature of the files the current output (or error) came from."""
    pending: Signature | None = None
    """Signature seen at the last poll while files were still changing."""
    error: ReadsiteError | None = None
    """Why the last build failed (the previous good site is still served); None when fine."""
    good: bool = False
    """Whether a good build exists in `output`."""

    def build(self) -> BuildReport | None:
        """Build the whole site afresh; on failure keep the last good one and remember why."""
        self.built = signature(input_paths(self.root))
        try:
            config = load_config(self.root).with_base_url(self.base_url)
            report = build_site(config, self.output, drafts=True)
        except ReadsiteError as exc:
            self.error = exc
            return None
        self.error, self.good = None, True
        return report

    def poll(self) -> list[str] | None:
        """Rebuild when watched files changed and have been quiet since the last poll;
        return the changed files when a rebuild ran, else None."""
        now = signature(input_paths(self.root))
        changed = differs(self.built or {}, now)
        if not changed:
            self.pending = None
            return None
        if self.pending is None or differs(self.pending, now):
            self.pending = now  # still changing: wait for one quiet poll
            return None
        self.pending = None
        self.build()
        return changed


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
        changed = preview.poll()
        if changed is None:
            return
        what = _relative(preview.root, changed)
        if preview.error is not None:
            announce(f"changed: {what}\nrebuild failed; still serving the last good site:\n"
                     f"{preview.error}")
        else:
            announce(f"changed: {what} → rebuilt")
        LiveReloadHandler.reload_waiters("*")

    poller = tornado.ioloop.PeriodicCallback(tick, POLL_SECONDS * 1000)
    poller.start()
    if open_browser:
        asyncio.get_running_loop().run_in_executor(None, webbrowser.open, preview.base_url)
    try:
        await stop.wait()
    finally:
        poller.stop()
        server.stop()
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
