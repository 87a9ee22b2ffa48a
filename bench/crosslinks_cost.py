"""What cross-linking costs a full build: the same build with and without it, alternated.

    python bench/crosslinks_cost.py SITE [--runs 3] [--warm]

"with" is a normal cold build (no render cache, no up-to-date check; with `--warm`, a build
whose render cache holds every body, as any build after the first has).  "without" is the
same build with every cross-link kind switched off: nothing is looked for while loading
(`extract.find` returns nothing) and no story, quote, entity or figure is made, so there
are no pages for them either.  The difference is everything issue 7 added to a build:
finding at load, composing at link time and rendering the pages.  Related reading,
topics and backlinks-free pages stay in both.  Runs alternate (with, without, with, ...)
so a noisy machine affects both alike; medians are printed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

RUN = """
import sys, time
from pathlib import Path
from readsite.config import load_config
from readsite.pipeline import build_site
if sys.argv[2] == "without":
    from readsite import crosslinks
    from readsite.crosslinks import entities, extract, quotes, stories
    empty = extract.Found((), (), (), b"", ())
    extract.find = lambda *args, **kwargs: empty
    crosslinks.find = extract.find
    stories.build_stories = lambda *args, **kwargs: ()
    quotes.collect = lambda *args, **kwargs: ()
    entities.index = lambda *args, **kwargs: ()
    import readsite.workers as workers
    workers.find = extract.find
config = load_config(Path(sys.argv[1]))
report = build_site(config, Path(sys.argv[3]), use_cache=sys.argv[4] == "warm")
stages = " ".join(f"{k}={v:.2f}" for k, v in report.stages.items())
print(f"{report.seconds:.3f} {stages}")
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warm", action="store_true", help="time builds with a warm cache")
    args = parser.parse_args(argv)
    cache = "warm" if args.warm else "cold"
    times: dict[str, list[float]] = {"with": [], "without": []}
    with tempfile.TemporaryDirectory() as scratch:
        if args.warm:  # fill the render cache (bodies and what cross-linking found in them)
            subprocess.run([sys.executable, "-c", RUN, str(args.site), "with",
                            str(Path(scratch) / "fill"), "warm"], cwd=REPO, check=True,
                           capture_output=True)
        for run in range(args.runs):
            for mode in ("with", "without"):
                out = Path(scratch) / f"{mode}-{run}"
                done = subprocess.run(
                    [sys.executable, "-c", RUN, str(args.site), mode, str(out), cache],
                    cwd=REPO, capture_output=True, text=True, check=True)
                line = done.stdout.strip().splitlines()[-1]
                times[mode].append(float(line.split()[0]))
                print(f"run {run + 1} {mode:<8} {line}", flush=True)
    full, bare = statistics.median(times["with"]), statistics.median(times["without"])
    print(f"median with {full:.2f}s, without {bare:.2f}s: cross-links take "
          f"{full - bare:.2f}s, {100 * (full - bare) / full:.1f}% of the build")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
