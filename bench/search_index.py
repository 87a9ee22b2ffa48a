"""What the search stage costs a full build, and what it leaves for a reader to download.

    python bench/search_index.py SITE [--runs 3]

Each run is a clean build (no render cache, no up-to-date check) of SITE (a `corpus.py`
`OUT/readsite/` folder) in a process of its own, into a fresh folder under /tmp, as
`readsite build --no-cache` does.  From its report it takes the search stage (Pagefind over the
written pages) and the whole build; from the output, the size of `pagefind/`, of
`search/index.js` (the `file://` fallback) and how many pages Pagefind says it indexed
(`pagefind-entry.json`), against the article pages written.  Then it deletes `pagefind/` and
runs `readsite.search.index_site` alone on the same pages, in another process, so the index's
own cost (and Pagefind's peak memory) can be told apart from the rest of a noisy build.
Medians are printed, then what a search costs a reader in bytes, from the files' sizes.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024
RESULTS_SHOWN = 20
"""Results the search page loads at once (`PAGE` in `theme/static/site.js`): one fragment each."""

BUILD = """
import json, sys
from pathlib import Path
from readsite.config import load_config
from readsite.pipeline import build_site
report = build_site(load_config(Path(sys.argv[1])), Path(sys.argv[2]), use_cache=False)
print(json.dumps({"seconds": report.seconds, "stages": report.stages, "files": report.files}))
"""

ALONE = """
import json, resource, sys, time
from pathlib import Path
from readsite.search import index_site
started = time.perf_counter()
index_site(Path(sys.argv[1]))
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # Pagefind is the only child
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_kib": usage.ru_maxrss}))
"""


def python(script: str, *args: str) -> dict[str, Any]:
    """Run `script` in a fresh interpreter (so each build starts cold, as the CLI does) and
    return the JSON object it prints last."""
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=REPO, capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"failed: {script.split(chr(10))[-2]} {' '.join(args)}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def sizes(folder: Path) -> list[int]:
    """Byte sizes of every file under `folder`."""
    return [path.stat().st_size for path in folder.rglob("*") if path.is_file()]


def indexed_pages(bundle: Path) -> int:
    """Pages Pagefind indexed, summed over languages, as its entry file records them."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(language["page_count"]) for language in entry["languages"].values())


def download(bundle: Path) -> list[str]:
    """What one search costs a reader, from file sizes (Pagefind's index and fragment files
    are already gzipped, so these are close to the bytes sent)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    first = ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json"]
    for language in entry["languages"].values():
        first += [f"wasm.{language['wasm']}.pagefind", f"pagefind.{language['hash']}.pf_meta"]
    fixed = sum((bundle / name).stat().st_size for name in first if (bundle / name).is_file())
    chunks = sizes(bundle / "index")
    fragments = sizes(bundle / "fragment")
    filters = sum(sizes(bundle / "filter")) if (bundle / "filter").is_dir() else 0
    return [
        f"once per visit: {fixed / 1024:.0f} KiB ({', '.join(first)}; "
        f"entry {(bundle / 'pagefind-entry.json').stat().st_size} B), "
        f"filters {filters / 1024:.1f} KiB when a filter is used",
        f"per search word: one of {len(chunks)} index chunks, median "
        f"{statistics.median(chunks) / 1024:.0f} KiB (max {max(chunks) / 1024:.0f} KiB)",
        f"per page of {RESULTS_SHOWN} results: {RESULTS_SHOWN} of {len(fragments)} fragments, "
        f"median {statistics.median(fragments) / 1024:.1f} KiB each, "
        f"≈ {RESULTS_SHOWN * statistics.median(fragments) / 1024:.0f} KiB",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a corpus.py OUT/readsite/ folder")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    site = args.site.resolve()
    rows: dict[str, list[float]] = {}

    def note(name: str, value: float) -> float:
        rows.setdefault(name, []).append(value)
        return value

    notes: list[str] = []
    bytes_per_search: list[str] = []
    with tempfile.TemporaryDirectory(prefix="search-index-", dir="/tmp") as scratch:
        for run in range(args.runs):
            out = Path(scratch) / f"run-{run}"
            built = python(BUILD, str(site), str(out))
            bundle = out / "pagefind"
            search = note("search stage s", built["stages"]["search"])
            whole = note("whole build s", built["seconds"])
            note("search share %", 100 * search / whole)
            files = sizes(bundle)
            note("pagefind/ MiB", sum(files) / MIB)
            note("pagefind/ files", len(files))
            note("search/index.js KiB", (out / "search" / "index.js").stat().st_size / 1024)
            note("pages indexed", indexed_pages(bundle))
            articles = sum(1 for _ in (out / "articles").glob("*/index.html"))
            note("article pages", articles)
            if run == args.runs - 1:
                bytes_per_search = download(bundle)
            shutil.rmtree(bundle)
            alone = python(ALONE, str(out))
            note("pagefind alone s", alone["seconds"])
            note("pagefind alone CPU s", alone["cpu"])
            note("pagefind peak MiB", alone["peak_kib"] / 1024)
            again = sizes(bundle)
            if len(again) != len(files) or abs(sum(again) - sum(files)) > sum(files) // 100:
                notes.append(f"run {run + 1}: the index written alone has {len(again)} files, "
                             f"{sum(again) / MIB:.2f} MiB")
            shutil.rmtree(out)
            stages = " ".join(f"{k}={v:.2f}" for k, v in built["stages"].items())
            print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:.2f}" for k, v in rows.items())
                  + f" [{stages}]", flush=True)
    print(f"medians of {args.runs} run(s):")
    for name, values in rows.items():
        print(f"  {name:<20} {statistics.median(values):10.2f}"
              f"   ({min(values):.2f}-{max(values):.2f})")
    for line in notes + bytes_per_search:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
