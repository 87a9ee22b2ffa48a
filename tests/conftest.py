"""Shared fixtures: throwaway sites in tmp_path, pinned clock and timezone, the browser.

Every test that builds runs with SOURCE_DATE_EPOCH and TZ pinned so output is reproducible.
Browser tests use Debian's Chromium; without it they skip, unless REQUIRE_BROWSER=1 (CI),
where a missing browser is a failure rather than a silent skip.
"""

from __future__ import annotations

import functools
import os
import shutil
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))

DEFAULT_SITE_YAML = """\
title: Test Site
description: A site for tests.
base_url: https://example.org/
topics:
  - slug: neocloud
    name: Neocloud
    description: Renting out GPUs.
    keywords: [neocloud, GPU, compute capacity]
  - slug: ipo
    name: IPO
    description: Going public.
    keywords: [IPO, initial public offering]
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/fixtures/golden/expected from the current output")


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


MakeSite = Callable[..., Path]


@pytest.fixture
def make_site(tmp_path: Path) -> MakeSite:
    """make_site(files={"content/a.md": "..."}, site_yaml=None) -> site root in tmp_path."""

    def make(files: dict[str, str] | None = None, site_yaml: str | None = None,
             name: str = "site") -> Path:
        root = tmp_path / name
        root.mkdir()
        (root / "site.yaml").write_text(
            DEFAULT_SITE_YAML if site_yaml is None else textwrap.dedent(site_yaml),
            encoding="utf-8")
        (root / "content").mkdir()
        for relpath, text in (files or {}).items():
            target = root / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return make


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` and its bytes (to prove a failed build changed nothing)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def demo_site(tmp_path: Path) -> Path:
    """A copy of the repository's demo site (site.yaml, content/, templates/, static/)."""
    root = tmp_path / "demo"
    root.mkdir()
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for name in ("content", "templates", "static"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    return root


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Path to Chromium, or skip (fail under REQUIRE_BROWSER=1) when it is missing."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but no Chromium at {CHROMIUM} "
                    "(apt-get install -y chromium)")
    pytest.skip(f"no Chromium at {CHROMIUM}")


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[object]:
    """A headless Chromium driven by Playwright (Debian's binary; nothing downloaded)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=str(chromium_path), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic"],
        )
        yield instance
        instance.close()


class _StaticHandler(SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: files as they are, misses get the site's 404.html."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def static_server(folder: Path) -> ThreadingHTTPServer:
    """A started 127.0.0.1 server (any free port) for a built site folder."""
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_StaticHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def serve_folder() -> Iterator[Callable[[Path], str]]:
    """serve_folder(path) -> base URL of a 127.0.0.1 server for that folder (stopped after)."""
    servers = []

    def start(folder: Path) -> str:
        server = static_server(folder)
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def broken_links(folder: Path, base_path: str = "/") -> list[str]:
    """Every internal href/src in folder's HTML that points at no file ("page -> target")."""
    import re
    from urllib.parse import unquote, urlsplit

    broken = []
    for page in sorted(folder.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        ids = set(re.findall(r'\sid="([^"]+)"', html))
        for url in re.findall(r'\s(?:href|src)="([^"]*)"', html):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue
            if not parts.path:
                if parts.fragment and parts.fragment not in ids:
                    broken.append(f"{page.relative_to(folder)} -> {url}")
                continue
            if not parts.path.startswith(base_path):
                broken.append(f"{page.relative_to(folder)} -> {url}")
                continue
            target = folder / unquote(parts.path[len(base_path):])
            if parts.path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(folder)} -> {url}")
    return broken
