"""Time from saving an article to the preview serving it, as a writer sees it.

Starts `build.py serve --port 0` on a site (e.g. the 10,000-article corpus's readsite folder),
then edits one article's title `--edits` times, each time polling the article's page over HTTP
until the new title is served, and prints each time and the median; then, after the last edit,
how long until the full background rebuild has been swapped in ("rebuilt in" in the log).

    python bench/serve_edit.py /tmp/peers10k/readsite --edits 10

Not part of the test suite (the loop the tests use is in tests/test_serve.py).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


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
    times: list[float] = []
    try:
        for n in range(args.edits):
            title = f"Edited title number {n} {time.time_ns()}"
            text = re.sub(r"(?m)^title: .*$", f"title: {title}", original, count=1)
            saved = time.perf_counter()
            article.write_text(text, encoding="utf-8")
            while title not in urllib.request.urlopen(page).read().decode():
                time.sleep(0.01)
            times.append(time.perf_counter() - saved)
            print(f"edit {n + 1}: served after {times[-1]:.3f}s", flush=True)
            time.sleep(args.pause)
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
    print(f"median {statistics.median(times):.3f}s, min {min(times):.3f}s, "
          f"max {max(times):.3f}s over {len(times)} edits")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
