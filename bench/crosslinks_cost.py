"""What cross-linking costs a full build: the same build with and without it, alternated.

    python bench/crosslinks_cost.py SITE [--runs 3] [--warm] [--no-search]

Three builds, alternated (with, without, bare, with, ...) so a noisy machine affects them
alike; medians are printed:

- "with" is a normal cold build (no render cache, no up-to-date check; with `--warm`, a build
  whose render cache holds every body, as any build after the first has).
- "without" has every kind issue 7 added switched off: nothing is looked for while loading
  (`extract.find` returns nothing) and no story, quote, entity or figure is made, so there
  are no pages for them either.  with - without is finding at load, composing at link time
  and rendering those pages.
- "bare" is "without" with related reading off too (`related: 0`), and without counting each
  article's words (`related.analyse` then only classifies it), since only related reading and
  stories use the counts.  Issue 7's scale target counts "stories, entities, quotes and related
  reading together", so with - bare is the figure held to its 20%.  (Until 2026-11-25 the bare
  build still counted words, about 5.7 s of CPU at 10,000 articles, which flattered the share.)

Both wall time and CPU time (user + system, of the build and every process it waited for:
the load and render workers and Pagefind) are reported.  On a shared machine wall time
swings by a third from one run to the next while CPU time moves by a few percent, so the
CPU share is the figure to compare between commits; the wall share is what a user waits.
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
import resource, sys, time
from pathlib import Path
from readsite.config import load_config
from readsite.pipeline import build_site
if sys.argv[2] in ("without", "bare"):
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
if sys.argv[5] == "nosearch":
    import dataclasses
    config = dataclasses.replace(config, search=False)
if sys.argv[2] == "bare":
    import dataclasses, marshal
    from readsite.crosslinks import related
    from readsite.models import Analysis
    from readsite.topics import classify
    def analyse(title, text, tags, topics):
        return Analysis(classify(title, text, topics, tags), "", b"", marshal.dumps({}))
    related.analyse = workers.analyse = analyse  # words are counted for relating only
    config = dataclasses.replace(config, related=0)
report = build_site(config, Path(sys.argv[3]), use_cache=sys.argv[4] == "warm")
stages = " ".join(f"{k}={v:.2f}" for k, v in report.stages.items())
own, waited = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
cpu = own.ru_utime + own.ru_stime + waited.ru_utime + waited.ru_stime
print(f"{report.seconds:.3f} cpu={cpu:.2f} {stages}")
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warm", action="store_true", help="time builds with a warm cache")
    parser.add_argument("--no-search", action="store_true",
                        help="leave the search index out of both builds (its stage is a "
                             "third to a half of a 10k build, so this shows the share of the rest)")
    args = parser.parse_args(argv)
    cache = "warm" if args.warm else "cold"
    search = "nosearch" if args.no_search else "search"
    times: dict[str, list[float]] = {"with": [], "without": [], "bare": []}
    cpus: dict[str, list[float]] = {"with": [], "without": [], "bare": []}
    with tempfile.TemporaryDirectory() as scratch:
        if args.warm:  # fill the render cache (bodies and what cross-linking found in them)
            subprocess.run([sys.executable, "-c", RUN, str(args.site), "with",
                            str(Path(scratch) / "fill"), "warm", search], cwd=REPO, check=True,
                           capture_output=True)
        for run in range(args.runs):
            for mode in ("with", "without", "bare"):
                out = Path(scratch) / f"{mode}-{run}"
                done = subprocess.run(
                    [sys.executable, "-c", RUN, str(args.site), mode, str(out), cache, search],
                    cwd=REPO, capture_output=True, text=True, check=True)
                line = done.stdout.strip().splitlines()[-1]
                times[mode].append(float(line.split()[0]))
                cpus[mode].append(float(line.split()[1].removeprefix("cpu=")))
                print(f"run {run + 1} {mode:<8} {line}", flush=True)
    for label, seconds in (("wall", times), ("cpu", cpus)):
        full, rest, bare = (statistics.median(seconds[m]) for m in ("with", "without", "bare"))
        print(f"{label}: median with {full:.2f}s, without {rest:.2f}s, bare {bare:.2f}s")
        print(f"  stories, entities, quotes, figures: {full - rest:.2f}s, "
              f"{100 * (full - rest) / full:.1f}% of the build")
        print(f"  the same and related reading: {full - bare:.2f}s, "
              f"{100 * (full - bare) / full:.1f}% of the build")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
