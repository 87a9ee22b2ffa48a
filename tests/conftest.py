"""Shared fixtures: throwaway sites in tmp_path, pinned clock and timezone, the browser.

Every test that builds runs with SOURCE_DATE_EPOCH and TZ pinned so output is reproducible.
Browser tests use Debian's Chromium; without it they skip, unless REQUIRE_BROWSER=1 (CI),
where a missing browser is a failure rather than a silent skip.
"""

from __future__ import annotations

import functools
import http.client
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
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

ARTICLE = """\
---
title: {title}
date: 2026-03-0{day}
---

The neocloud rents out GPU compute capacity. {body}
"""
"""An article to write into a previewed site (`day` 1-9)."""


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


UNSTABLE = re.compile(r"pagefind/(filter/.*|pagefind\.[^/]*\.pf_meta|pagefind-entry\.json)")
"""Pagefind's files that two runs over the same pages write differently: its filter index, and
the metadata and entry files naming it by its hash (Pagefind/pagefind#638: its fragments were
made stable in 1.3, these not yet).  What a search finds is the same."""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` and its bytes (to prove a failed build changed nothing),
    but the `UNSTABLE` ones of the search index."""
    return {name: p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not UNSTABLE.fullmatch(name := p.relative_to(folder).as_posix())}


def copy_demo(folder: Path) -> Path:
    """A copy of the repository's demo site (site.yaml, content/, templates/, static/) in
    `folder`/demo; its path."""
    root = folder / "demo"
    root.mkdir()
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for name in ("content", "templates", "static"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    return root


@pytest.fixture
def demo_site(tmp_path: Path) -> Path:
    """A copy of the repository's demo site (`copy_demo`)."""
    return copy_demo(tmp_path)


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


@dataclass
class Served:
    """A running `readsite serve` and what it has printed so far."""

    process: subprocess.Popen[str]
    url: str
    folder: Path
    lines: list[str] = field(default_factory=list)

    def get(self, path: str) -> tuple[int, str]:
        """Status and body of GET path (errors included, as a browser would see them)."""
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=5) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def raw_status(self, path: str) -> int:
        """Status for a request path sent exactly as written (no client normalisation)."""
        host, port = self.url.split("//")[1].rstrip("/").split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=5)
        conn.request("GET", path)
        status = conn.getresponse().status
        conn.close()
        return status

    def until(self, check: Callable[[], bool], seconds: float = 2.0) -> float:
        """Wait until `check()` holds; return how long it took (fail after `seconds`)."""
        start = time.monotonic()
        while not check():
            if time.monotonic() - start > seconds:
                pytest.fail(f"not within {seconds} s; server said:\n" + "\n".join(self.read()))
            time.sleep(0.05)
        return time.monotonic() - start

    def read(self) -> list[str]:
        """Everything the server printed so far (non-blocking)."""
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while select.select([fd], [], [], 0)[0]:
            chunk = os.read(fd, 65536).decode()
            if not chunk:
                break
            self.lines.extend(chunk.splitlines())
        return self.lines


def start_server(root: Path) -> Served:
    """Start `readsite serve --port 0` on `root`; wait for its address."""
    process = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--site", str(root), "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
    )
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        match = re.search(r"serving at (http://127\.0\.0\.1:\d+/)", line)
        if match:
            built = next((m for m in (re.search(r"into (\S+)/site in", x) for x in lines) if m),
                         None)
            folder = Path(built.group(1)) if built else Path("/nonexistent")
            served = Served(process, match.group(1), folder, lines)
            return served
    process.kill()
    pytest.fail("serve did not start:\n" + "\n".join(lines))


@pytest.fixture
def serve_site() -> Iterator[Callable[[Path], Served]]:
    """serve_site(root) -> a running server, stopped (SIGTERM) after the test."""
    started: list[Served] = []

    def start(root: Path) -> Served:
        served = start_server(root)
        started.append(served)
        return served

    yield start
    for served in started:
        if served.process.poll() is None:
            served.process.send_signal(signal.SIGTERM)
            try:
                served.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                served.process.kill()


@pytest.fixture
def site(make_site: MakeSite) -> Path:
    """A two-article site to preview and edit."""
    return make_site({
        "content/first.md": ARTICLE.format(title="First light", day=1, body="One."),
        "content/second.md": ARTICLE.format(title="Second wind", day=2, body="Two."),
    })


class _StartTags(HTMLParser):
    """Every start tag with its attributes, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def start_tags(html: str) -> list[tuple[str, dict[str, str]]]:
    """(tag, attributes) of every start tag in `html`, in order."""
    parser = _StartTags()
    parser.feed(html)
    parser.close()
    return parser.tags


def broken_links(folder: Path, base_path: str = "/") -> list[str]:
    """Every internal href/src (and #anchor, image) in folder's pages that leads nowhere."""
    from readsite.sitecheck import check_files, read_folder

    kinds = ("broken-link", "broken-anchor", "missing-image")
    return [str(f) for f in check_files(read_folder(folder), base_path) if f.kind in kinds]
