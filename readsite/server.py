"""Local preview server: build into a private folder and serve it on 127.0.0.1.

The preview is built with `base_url` pointed at the server itself (as Hugo and MkDocs do),
into a temporary folder outside every watched tree, so serving never touches `_site/`.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from collections.abc import Callable
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from readsite.config import SiteConfig
from readsite.errors import Problem, ReadsiteError
from readsite.pipeline import BuildReport, build_site


class SiteHandler(SimpleHTTPRequestHandler):
    """Static file handler that answers misses with the site's own 404 page."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal is for build messages, not one line per request."""


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """An HTTP server for `directory` (port 0 picks a free port)."""
    handler = functools.partial(SiteHandler, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)


def preview_url(host: str, port: int) -> str:
    """The address the preview is served at."""
    return f"http://{host}:{port}/"


def build_preview(config: SiteConfig, folder: Path, host: str, port: int) -> BuildReport:
    """Build the site for the preview server into `folder`."""
    return build_site(config.with_base_url(preview_url(host, port)), folder / "site")


def serve(config: SiteConfig, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Build once and serve until interrupted; the temporary build is removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="readsite-serve-"))
    try:
        try:
            server = make_server(folder / "site", host, port)
        except OSError as exc:
            raise ReadsiteError(Problem(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}", None, None,
                "is another server running there? pick another with --port",
            )) from None
        with server:
            actual_port = int(server.server_address[1])
            report = build_preview(config, folder, host, actual_port)
            announce(report.summary())
            announce(f"serving {config.title!r} at {preview_url(host, actual_port)} "
                     "(Ctrl-C to stop)")
            server.serve_forever()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
