"""Time a full build of a synthetic site of N articles made from the demo content.

    python bench/build_bench.py --articles 1000 [--repeat 3]

Articles are the five demo articles with their paragraphs shuffled and re-titled, so text,
topics and related-article work are realistic.  Prints load / link / render / write times.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from readsite.config import load_config
from readsite.content import load_articles
from readsite.crosslinks import build_collection
from readsite.frontmatter import dump, parse
from readsite.pipeline import build_site, render_site

REPO = Path(__file__).resolve().parents[1]


def make_site(folder: Path, count: int, seed: int = 7) -> Path:
    """Write site.yaml and `count` synthetic articles into `folder`."""
    rng = random.Random(seed)
    shutil.copy(REPO / "site.yaml", folder / "site.yaml")
    content = folder / "content"
    content.mkdir()
    sources = [parse(p.read_text(), p) for p in sorted((REPO / "content").glob("*.md"))]
    for i in range(count):
        doc = sources[i % len(sources)]
        paragraphs = doc.body.strip().split("\n\n")
        rng.shuffle(paragraphs)
        meta = {"title": f"{doc.meta['title']} ({i})", "date": f"20{rng.randint(10, 26)}-"
                f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "source": doc.meta.get("source", "Outlet"), "summary": doc.meta.get("summary", "")}
        (content / f"a-{i:05d}.md").write_text(dump(meta, "\n\n".join(paragraphs)))
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = load_config(make_site(Path(tmp), args.articles))
        phases: dict[str, list[float]] = {"load": [], "link": [], "render": [], "total": []}
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            articles = load_articles(config)
            t1 = time.perf_counter()
            collection = build_collection(config, articles)
            t2 = time.perf_counter()
            render_site(collection)
            t3 = time.perf_counter()
            phases["load"].append(t1 - t0)
            phases["link"].append(t2 - t1)
            phases["render"].append(t3 - t2)
            report = build_site(config)
            phases["total"].append(report.seconds)
        print(f"{args.articles} articles, {report.files} files, best of {args.repeat}:")
        for name, values in phases.items():
            print(f"  {name:<7} {min(values):7.3f}s  (median {statistics.median(values):.3f}s)")


if __name__ == "__main__":
    main()
