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
So the server polls the watched trees itself every 0.15 s from Tornado's loop (fingerprints
taken by `watch.Scanner`), waits until they are quiet between two polls 0.05 s apart (a burst
makes one rebuild), lets `preview.Preview` rebuild (so the preview always equals a clean build:
never stale) and calls `reload_waiters()` at once, without livereload's throttle.

A failed rebuild leaves the last good site in place (builds are atomic) and the error is shown
in the terminal and as an overlay injected into every page, with the livereload script; the
next good build removes it.  The build goes to a temporary folder outside the site, so it is
never inside a watched tree; SIGINT and SIGTERM stop the loop and the folder is removed.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import signal
import socket
import tempfile
import webbrowser
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path
from typing import Any

import tornado.httpserver
import tornado.ioloop
import tornado.netutil
import tornado.web
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from livereload.watcher import Watcher

from readsite.config import WATCHED_FOLDERS
from readsite.errors import Problem, ReadsiteError
from readsite.preview import Preview
from readsite.watch import Scanner

POLL_SECONDS = 0.15
"""How often the watched trees are scanned."""
QUIET_SECONDS = 0.05
"""After a poll sees changes, the next poll comes this soon: a change is acted on once the
files have been quiet between two polls, without waiting a whole period."""

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


def preview_url(host: str, port: int) -> str:
    """The address the preview is served at."""
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"


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
    scanner = Scanner()  # forked first: small, and holding none of the sockets
    try:
        sockets = _bind(host, port)
    except ReadsiteError:
        scanner.close()
        raise
    folder = Path(tempfile.mkdtemp(prefix="readsite-serve-"))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        actual_port = int(sockets[0].getsockname()[1])
        preview = Preview(root, folder / "site", preview_url(host, actual_port),
                          scan=scanner.scan)
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
        scanner.close()
        shutil.rmtree(folder, ignore_errors=True)
