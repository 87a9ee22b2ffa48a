"""`readsite import http://...`: fetched from a local server (never the internet), every
failure a clear message naming the address, exit 1, no traceback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from readsite import frontmatter
from readsite.cli import main
from readsite.importers import url

CLIP = Path(__file__).resolve().parent / "fixtures" / "importers" / "clip"

Route = tuple[int, str, bytes] | Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Web:
    """A local HTTP server on 127.0.0.1 answering `routes` (path → (status, type, body))."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


def _handler(web: Web) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            web.hits.append(self.path)
            route = web.routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if callable(route):
                route(self)
                return
            status, kind, body = route
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    """Quiet when a client hangs up mid-answer (as the size limit and timeouts make it)."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture
def web() -> Iterator[Web]:
    """A fresh local server, stopped after the test."""
    state = Web("")
    server = _Server(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


PAGE = (CLIP / "page.html").read_bytes()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_page_url_is_fetched_and_becomes_url_and_imported_from(
        web: Web, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    web.routes["/news/lanterns"] = (200, "text/html; charset=utf-8", PAGE)
    into = tmp_path / "content"
    address = web.url("/news/lanterns")
    code, out, err = run(capsys, address, "--into", str(into))
    assert code == 0, err
    target = into / "lanterns-over-the-harbour.md"
    document = frontmatter.parse(target.read_text(encoding="utf-8"), target)
    assert document.meta["url"] == address
    assert document.meta["imported_from"] == address
    assert document.meta["title"] == "Lanterns Over the Harbour"
    assert "For ten winters" in document.body and "cookies" not in document.body
    # links are made absolute against the fetched address
    assert f"({web.base}/2023/lamps)" in document.body
    code, out, _ = run(capsys, address, "--into", str(into))
    assert code == 0 and "unchanged" in out


def test_redirect_is_followed(web: Web, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    def moved(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(301)
        handler.send_header("Location", "/final")
        handler.end_headers()

    web.routes["/old"] = moved
    web.routes["/final"] = (200, "text/html", PAGE)
    code, _, err = run(capsys, web.url("/old"), "--into", str(tmp_path / "c"))
    assert code == 0, err
    text = (tmp_path / "c" / "lanterns-over-the-harbour.md").read_text(encoding="utf-8")
    assert f"url: {web.url('/final')}" in text
    assert web.hits == ["/old", "/final"]


def refused(capsys: pytest.CaptureFixture[str], address: str, tmp_path: Path,
            *options: str) -> str:
    """Import one address that must fail: exit 1, its message, nothing written."""
    code, _, err = run(capsys, address, "--into", str(tmp_path / "c"), *options)
    assert code == 1
    assert address in err
    assert "Traceback" not in err
    assert not (tmp_path / "c").exists() or not list((tmp_path / "c").glob("*.md"))
    return err


def test_404_is_a_clear_error(web: Web, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    err = refused(capsys, web.url("/gone"), tmp_path)
    assert "HTTP 404" in err


def test_timeout_is_a_clear_error(web: Web, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(1.5)
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        handler.wfile.write(PAGE)

    web.routes["/slow"] = slow
    started = time.monotonic()
    err = refused(capsys, web.url("/slow"), tmp_path, "--timeout", "0.3")
    assert time.monotonic() - started < 1.4
    assert "within 0.3 seconds" in err and "--timeout" in err


def test_slow_drip_body_hits_the_overall_timeout(web: Web, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        try:
            for _ in range(40):
                handler.wfile.write(b"<p>" + b"x" * 70000 + b"</p>")
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    web.routes["/drip"] = drip
    err = refused(capsys, web.url("/drip"), tmp_path, "--timeout", "0.5")
    assert "within 0.5 seconds" in err


def test_huge_response_stops_at_the_size_limit(web: Web, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    web.routes["/huge"] = (200, "text/html", b"<html><body>" + b"<p>word </p>" * 30_000)
    err = refused(capsys, web.url("/huge"), tmp_path, "--max-size", "0.1")
    assert "larger than 104,857 bytes" in err and "--max-size" in err


@pytest.mark.parametrize("kind", ["image/png", "application/octet-stream"])
def test_non_page_response_is_a_clear_error(web: Web, tmp_path: Path, kind: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    web.routes["/thing"] = (200, kind, b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    err = refused(capsys, web.url("/thing"), tmp_path)
    assert f"not a web page or a feed ({kind})" in err


def test_connection_refused_is_a_clear_error(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    err = refused(capsys, f"http://127.0.0.1:{port}/article", tmp_path)
    assert "connection was refused" in err


def test_one_failing_address_does_not_stop_the_others(
        web: Web, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    web.routes["/ok"] = (200, "text/html", PAGE)
    code, _, err = run(capsys, web.url("/missing"), web.url("/ok"), "--into",
                         str(tmp_path / "c"))
    assert code == 1
    assert (tmp_path / "c" / "lanterns-over-the-harbour.md").exists()
    assert web.url("/missing") in err and "HTTP 404" in err
    assert "1 refused" in err


def test_html_served_as_text_plain_is_recognised_by_content(
        web: Web, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    web.routes["/plain"] = (200, "text/plain", PAGE)
    code, _, err = run(capsys, web.url("/plain"), "--into", str(tmp_path / "c"))
    assert code == 0, err
    assert (tmp_path / "c" / "lanterns-over-the-harbour.md").exists()


def test_page_without_text_names_the_address(web: Web, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    web.routes["/app"] = (200, "text/html", (CLIP / "no-text.html").read_bytes())
    err = refused(capsys, web.url("/app"), tmp_path)
    assert f"{web.url('/app')}: found no article text" in err


def test_cli_help_states_the_real_limits(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert f"(default {url.DEFAULT_TIMEOUT:g})" in out
    assert f"(default {url.DEFAULT_MAX_BYTES // 2**20})" in out
