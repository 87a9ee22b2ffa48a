"""Time from saving an article to the preview serving it, as a writer sees it.

Starts `build.py serve --port 0` on a site (e.g. the 10,000-article corpus's readsite folder)
and connects to its livereload socket as a browser tab does.  Then it edits one article's title
`--edits` times; each time it waits for the server's reload message and fetches the page, as
the browser would, until the new title is there, and prints the time from the save and the
median; then, after the last edit, how long until the full background rebuild was swapped in
("rebuilt in" in the log).  (Polling the page in a tight loop instead would measure the
bench's own requests competing with the server.)

    python bench/serve_edit.py /tmp/peers10k/readsite --edits 10

Not part of the test suite (the loop the tests use is in tests/test_serve.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from tornado.websocket import websocket_connect

HERE = Path(__file__).resolve().parent.parent


async def _edits(article: Path, original: str, page: str, socket_url: str, edits: int,
                 pause: float) -> list[float]:
    """Save `edits` new titles; for each, the seconds until a reload shows it."""
    socket = await websocket_connect(socket_url)
    await socket.write_message(json.dumps({"command": "hello", "protocols": []}))
    await socket.read_message()
    await socket.write_message(json.dumps({"command": "info", "url": page}))
    times: list[float] = []
    for n in range(edits):
        title = f"Edited title number {n} {time.time_ns()}"
        saved = time.perf_counter()
        article.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", original, count=1),
                           encoding="utf-8")
        while True:
            message = json.loads(await socket.read_message() or "{}")
            if message.get("command") == "reload" and title in _get(page):
                break
        times.append(time.perf_counter() - saved)
        print(f"edit {n + 1}: served after {times[-1]:.3f}s", flush=True)
        await asyncio.sleep(pause)
    socket.close()
    return times


def _get(page: str) -> str:
    """The page's HTML."""
    with urllib.request.urlopen(page) as response:
        return str(response.read().decode())


def main() -> int:
    """Run the measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--pause", type=float, default=3.0,
                        help="seconds between edits (a writer's pace)")
    args = parser.parse_args()
    article = sorted((args.site / "content").glob("*.md"))[len(list(
        (args.site / "content").glob("*.md"))) // 2]
    original = article.read_text(encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(HERE / "build.py"), "--site", str(args.site), "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    started = time.perf_counter()
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        if "serving at" in line:
            break
    url = re.search(r"(http://\S+/)", lines[-1])
    assert url is not None, "".join(lines)
    print(f"first build and start: {time.perf_counter() - started:.1f}s")
    threading.Thread(target=lambda: lines.extend(process.stdout or []), daemon=True).start()
    slug = article.stem
    page = f"{url.group(1)}articles/{slug}/"
    socket_url = url.group(1).replace("http://", "ws://") + "livereload"
    try:
        times = asyncio.run(_edits(article, original, page, socket_url, args.edits, args.pause))
        waited = time.perf_counter()
        before = sum("rebuilt in" in line for line in lines)
        while sum("rebuilt in" in line for line in lines) == before:
            time.sleep(0.1)
        print(f"full rebuild swapped in {time.perf_counter() - waited:.1f}s after the last "
              f"check ({[line.strip() for line in lines if 'rebuilt in' in line][-1]})")
    finally:
        article.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait()
    for line in lines:
        if "page updated" in line or "rebuil" in line:
            print("  server:", line.strip()[-90:])
    print(f"median {statistics.median(times):.3f}s, min {min(times):.3f}s, "
          f"max {max(times):.3f}s over {len(times)} edits")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
