"""Guarantee 18: the dev server binds 127.0.0.1 by default; refuses traversal in every
encoding, NUL bytes and absolute paths with a 4xx; never lists a folder; answers 500
concurrent requests; and a client that hangs up mid-response prints no traceback."""

from __future__ import annotations

import http.client
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import Served

SECRET = "the-secret-next-to-the-build"

ESCAPES = [
    "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
    "/..%2fsecret.txt", "/..%2Fsecret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
    "/static/../../secret.txt", "/static/%2e%2e/%2e%2e/secret.txt", "/%252e%252e/secret.txt",
    "/%252e%252e%252fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt",
    "/%2e%2e%5csecret.txt", "/%c0%ae%c0%ae/secret.txt", "/%c0%af..%c0%afsecret.txt",
    "/%e0%80%ae%e0%80%ae/secret.txt", "/..%u2216secret.txt", "/%uff0e%uff0e/secret.txt",
    "/%ef%bc%8e%ef%bc%8e/secret.txt", "/....//secret.txt",
    "//etc/passwd", "/%2fetc%2fpasswd", "/%2Fetc/passwd", "///etc/passwd", "/\\etc\\passwd",
    "/C:/Windows/win.ini", "/C:%5cWindows%5cwin.ini", "/file:///etc/passwd",
    "/%00", "/index.html%00", "/index.html%00.txt", "/%00/../secret.txt", "/articles/%00/",
    "/static/%00site.css",
]


def status_and_body(served: Served, path: str, timeout: float = 10) -> tuple[int, bytes]:
    """Status and body of GET `path`, sent exactly as written."""
    host, port = served.url.split("//")[1].rstrip("/").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        conn.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", f"{host}:{port}")
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def port_of(served: Served) -> int:
    """The port the server announced."""
    return int(served.url.rstrip("/").rsplit(":", 1)[1])


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port` (Linux /proc/net/tcp{,6})."""
    found = set()
    for table, width in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state != "0A" or int(hex_port, 16) != port:  # 0A: LISTEN
                continue
            raw = bytes.fromhex(address)
            words = struct.unpack(f"<{width // 4}I", raw)
            packed = b"".join(struct.pack(">I", w) for w in words)
            family = socket.AF_INET if width == 4 else socket.AF_INET6
            found.add(socket.inet_ntop(family, packed))
    return found


@pytest.fixture
def served(site: Path, serve_site: Callable[[Path], Served]) -> Served:
    """A running server for a site with a sub-folder of static files and a big file."""
    (site / "static/sub").mkdir(parents=True)
    (site / "static/sub/notes.txt").write_text("a static file\n", encoding="utf-8")
    (site / "static/big.bin").write_bytes(bytes(range(256)) * 4096 * 16)  # 16 MiB
    server = serve_site(site)
    (server.folder / "secret.txt").write_text(SECRET, encoding="utf-8")  # beside site/
    return server


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux /proc/net/tcp")
def test_binds_loopback_only_by_default(served: Served) -> None:
    assert listening_addresses(port_of(served)) == {"127.0.0.1"}


def test_escapes_nul_bytes_and_absolute_paths_are_refused(served: Served) -> None:
    assert status_and_body(served, "/static/sub/notes.txt")[0] == 200, "the server works"
    answers = {path: status_and_body(served, path) for path in ESCAPES}
    wrong = {path: status for path, (status, body) in answers.items()
             if not 400 <= status < 500 or SECRET.encode() in body or b"root:" in body}
    assert wrong == {}
    assert served.process.poll() is None, "the server survives"


@pytest.mark.parametrize("path", ["/static/", "/static/sub/", "/articles/", "/static/sub"])
def test_a_folder_without_index_is_not_listed(served: Served, path: str) -> None:
    status, body = status_and_body(served, path)
    if status in (301, 302, 307, 308):  # /static/sub → /static/sub/
        status, body = status_and_body(served, path + "/")
    assert status == 404
    assert b"notes.txt" not in body and b"site.css" not in body


def test_500_concurrent_requests_are_all_answered(served: Served) -> None:
    count = 500
    host, port = "127.0.0.1", port_of(served)
    ready = threading.Barrier(count, timeout=60)

    def one(_: int) -> int:
        conn = http.client.HTTPConnection(host, port, timeout=60)
        try:
            conn.connect()
            ready.wait()  # all connections open, then all requests at once
            conn.request("GET", "/")
            response = conn.getresponse()
            response.read()
            return response.status
        except OSError as exc:
            return -exc.errno if exc.errno else -1
        finally:
            conn.close()

    with ThreadPoolExecutor(count) as pool:
        statuses = Counter(pool.map(one, range(count)))
    assert statuses == Counter({200: count})


def test_a_client_hanging_up_mid_response_prints_no_traceback(served: Served) -> None:
    port = port_of(served)
    for n in range(10):
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        path = "/static/big.bin" if n % 2 == 0 else "/"
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        sock.recv(4096)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST
        sock.close()
    time.sleep(1.0)
    assert status_and_body(served, "/")[0] == 200, "the server still answers"
    said = "\n".join(served.read())
    assert "Traceback" not in said and "Error" not in said, said
    assert served.process.poll() is None
