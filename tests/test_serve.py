"""`readsite serve`: a real server process on a free port, edited under it as a writer would.

Each test starts `python build.py serve --port 0`, reads the address it prints, changes files
in the site and asks over HTTP what a browser would be shown.  Timing is only used as a
deadline ("within 2 s"), never as a sleep that hopes something happened.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ARTICLE, REPO, Served


def test_edit_shows_up_within_two_seconds(site: Path,
                                          serve_site: Callable[[Path], Served]) -> None:
    served = serve_site(site)
    status, body = served.get("articles/first/")
    assert status == 200 and "First light" in body
    assert '/livereload.js' in body, "the page must carry the live-reload client"
    (site / "content/first.md").write_text(
        ARTICLE.format(title="First light, edited", day=1, body="One."), encoding="utf-8")
    took = served.until(lambda: "First light, edited" in served.get("articles/first/")[1])
    assert took < 2.0
    assert any("changed: content/first.md" in line for line in served.read())


def test_new_article_is_served_and_deleted_article_is_gone(
        site: Path, serve_site: Callable[[Path], Served]) -> None:
    served = serve_site(site)
    assert served.get("articles/third/")[0] == 404
    (site / "content/third.md").write_text(
        ARTICLE.format(title="Third time", day=3, body="Three."), encoding="utf-8")
    served.until(lambda: served.get("articles/third/")[0] == 200)
    assert "Third time" in served.get("")[1], "the home page lists the new article"
    (site / "content/second.md").unlink()
    served.until(lambda: served.get("articles/second/")[0] == 404)
    assert "Second wind" not in served.get("")[1]


def test_broken_front_matter_shows_overlay_and_fixing_recovers(
        site: Path, serve_site: Callable[[Path], Served]) -> None:
    served = serve_site(site)
    good = (site / "content/first.md").read_text(encoding="utf-8")
    (site / "content/first.md").write_text("---\ntitle: [unclosed\n---\nBody.\n",
                                           encoding="utf-8")
    served.until(lambda: "readsite-error" in served.get("articles/second/")[1])
    status, body = served.get("articles/first/")
    assert status == 200 and "First light" in body, "the last good page is still served"
    assert "content/first.md:2" in body, "the overlay names the file and line"
    assert any("rebuild failed" in line for line in served.read())
    assert any("content/first.md:2" in line for line in served.read()), "…and the terminal"
    (site / "content/first.md").write_text(good.replace("First light", "First, fixed"),
                                           encoding="utf-8")
    served.until(lambda: "First, fixed" in served.get("articles/first/")[1])
    assert "readsite-error" not in served.get("articles/first/")[1]


def test_a_site_that_does_not_build_at_start_is_served_once_fixed(
        site: Path, serve_site: Callable[[Path], Served]) -> None:
    good = (site / "site.yaml").read_text(encoding="utf-8")
    (site / "site.yaml").write_text(good + "colour: blue\n", encoding="utf-8")
    served = serve_site(site)
    status, body = served.get("")
    assert status == 503 and "readsite-error" in body and "unknown key `colour`" in body
    (site / "site.yaml").write_text(good, encoding="utf-8")
    served.until(lambda: served.get("")[0] == 200)
    assert "readsite-error" not in served.get("")[1]


def test_a_burst_of_fifty_changes_makes_one_rebuild(
        site: Path, serve_site: Callable[[Path], Served]) -> None:
    served = serve_site(site)
    for n in range(50):
        (site / f"content/burst-{n:02d}.md").write_text(
            ARTICLE.format(title=f"Burst {n}", day=4, body="More."), encoding="utf-8")
    served.until(lambda: served.get("articles/burst-49/")[0] == 200)
    served.until(lambda: served.get("articles/burst-00/")[0] == 200)
    time.sleep(1.0)  # give a second, wrong rebuild the time to happen
    rebuilds = [line for line in served.read() if line.startswith("changed:")]
    assert len(rebuilds) == 1, rebuilds
    assert "and 47 more" in rebuilds[0]


@pytest.mark.parametrize("path", [
    "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc/passwd",
    "/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/..\\..\\etc\\passwd", "/%00", "/articles/%00/",
    "/%252e%252e/etc/passwd",
])
def test_requests_outside_the_site_are_refused(
        site: Path, serve_site: Callable[[Path], Served], path: str) -> None:
    served = serve_site(site)
    assert served.raw_status(path) in (400, 403, 404)
    assert served.process.poll() is None, "the server survives"


def test_sigterm_exits_cleanly_and_removes_the_build(
        site: Path, serve_site: Callable[[Path], Served]) -> None:
    served = serve_site(site)
    assert served.folder.is_dir()
    assert not served.folder.is_relative_to(site), "the build is outside the watched site"
    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(timeout=10) == 0
    assert not served.folder.exists()
    assert "Traceback" not in "\n".join(served.read())


def test_ctrl_c_exits_cleanly_and_removes_the_build(
        site: Path, serve_site: Callable[[Path], Served]) -> None:
    served = serve_site(site)
    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(timeout=10) == 0
    assert not served.folder.exists()
    assert "Traceback" not in "\n".join(served.read())


def test_busy_port_is_a_clear_error(site: Path, serve_site: Callable[[Path], Served]) -> None:
    served = serve_site(site)
    port = served.url.rsplit(":", 1)[1].rstrip("/")
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--site", str(site), "serve", "--port", port],
        capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_open_starts_the_readers_browser_on_the_preview(site: Path, tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    opener = tmp_path / "opener.sh"
    opener.write_text(f'#!/bin/sh\necho "$1" > {opened}\n', encoding="utf-8")
    opener.chmod(0o755)
    process = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--site", str(site), "serve", "--port", "0",
         "--open"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "BROWSER": str(opener)})
    try:
        deadline = time.monotonic() + 20
        while not (opened.exists() and opened.read_text().strip()):
            assert time.monotonic() < deadline, "no browser was started"
            time.sleep(0.05)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", opened.read_text().strip())
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)


def test_the_scanner_process_sees_what_a_scan_here_sees_and_stops(tmp_path: Path) -> None:
    """The server fingerprints files in a process of its own (so a background build cannot
    slow its polls): the same fingerprints, and the process ends when the server closes it."""
    from readsite.watch import Scanner, signature

    (tmp_path / "content").mkdir()
    (tmp_path / "content/a.md").write_text("one", encoding="utf-8")
    (tmp_path / "site.yaml").write_text("title: x\n", encoding="utf-8")
    scanner = Scanner()
    process = scanner.process
    try:
        assert process is not None and process.is_alive()
        paths = [tmp_path / "site.yaml", tmp_path / "content", tmp_path / "missing"]
        assert scanner.scan(paths) == signature(paths)
        (tmp_path / "content/b.md").write_text("two", encoding="utf-8")
        assert sorted(scanner.scan(paths)) == sorted(signature(paths))
        assert str(tmp_path / "content/b.md") in scanner.scan(paths)
    finally:
        scanner.close()
    process.join(timeout=5)
    assert not process.is_alive() and process.exitcode == 0
