"""Time `readsite import` + `readsite build` on a large synthetic Jekyll or Hugo blog.

    python bench/migrate_bench.py make DIR --posts 2000 --generator jekyll|hugo [--seed 7]
    python bench/migrate_bench.py run DIR

`make` writes a blog in the shape of tests/fixtures/migrate/{jekyll,hugo}: the same layout,
front matter variants and template constructs (highlight blocks, `{% post_url %}` /
`{{< ref >}}` links to earlier posts, figures, footnotes, raw HTML, `<!-- more -->`), with
text drawn from a seeded word list.  Every link points at a post or file that exists, so the
built site should have no broken links.  The same seed always gives the same bytes.

`run` makes a fresh site in DIR-site (site.yaml with a few topics), runs
`build.py --site SITE import DIR` and `build.py --site SITE build` as child processes, and
prints each step's wall time and peak RSS, the counts the import printed and the broken
links `readsite.sitecheck` finds in the built site.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# Words for the generated text: plain engineering vocabulary, joined at random.
_WORD_TEXT = (
    "build deploy pager queue worker cluster node disk memory latency budget alert metric "
    "owner review rollout canary config proxy resolver cache index table schema replica "
    "backup restore window release train ticket runbook dashboard trace span log sample "
    "timeout retry backoff limit quota tenant region zone network socket packet request "
    "response header client server service team rota shift incident outage recovery "
    "morning evening weekend quarter plan draft note change patch version branch merge "
    "test check gate step stage pipeline artifact image container volume mount job cron "
    "scheduler lock lease leader follower vote term batch stream topic partition offset "
    "consumer producer broker storage bucket object key value hash shard split graph "
    "chart number figure estimate guess measure count rate share load peak valley trend "
    "small large quiet loud slow fast early late simple careful boring useful fragile "
    "stable noisy cheap costly shared private spare whole partial steady sudden"
)
WORDS = tuple(_WORD_TEXT.split())
VERBS = ("moved", "checked", "dropped", "kept", "measured", "replaced", "split", "merged",
         "watched", "rewrote", "retired", "tuned", "doubled", "halved", "paged", "traced")
CATEGORIES = ("meta", "ruby", "go", "python", "performance", "notes", "ops", "databases",
              "networking", "security", "deploys", "incidents", "practice", "reference",
              "storage", "observability", "testing", "tooling", "people", "architecture")
TAGS = ("latency", "serverless", "release", "client", "weekly", "cron", "postgres", "kafka",
        "dns", "tls", "canary", "backups", "alerts", "oncall", "capacity", "cost", "queues",
        "caching", "logging", "tracing", "ci", "docker", "kubernetes", "terraform", "review")
START = dt.date(2019, 1, 1)
DAYS = 5 * 365  # dates spread over five years


def png(width: int, height: int, seed: int) -> bytes:
    """A tiny valid RGB PNG, its pixels a function of `seed`."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    row = bytes((seed * 37 + x * 11) % 256 for x in range(width * 3))
    raw = b"".join(b"\x00" + row for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


@dataclass
class Post:
    """One generated post: enough to write it and to link to it."""
    index: int
    slug: str
    title: str
    date: dt.datetime
    categories: list[str]
    tags: list[str]
    anchor: str = ""        # a heading id this post is known to have ("" = none)
    bundle: bool = False    # Hugo page bundle (folder with index.md and an image)
    hugo_slug: bool = True  # Hugo: front matter `slug:` (else the URL uses the urlized title)
    aliases: list[str] = field(default_factory=list)

    @property
    def jekyll_name(self) -> str:
        return f"{self.date:%Y-%m-%d}-{self.slug}"

    @property
    def hugo_path(self) -> str:
        return f"posts/{self.slug}/index.md" if self.bundle else f"posts/{self.slug}.md"


class Text:
    """Seeded sentences and paragraphs."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, n: int) -> list[str]:
        return [self.rng.choice(WORDS) for _ in range(n)]

    def sentence(self) -> str:
        words = self.words(self.rng.randint(6, 16))
        words.insert(self.rng.randint(1, len(words) - 1), self.rng.choice(VERBS))
        if self.rng.random() < 0.15:
            words[self.rng.randrange(len(words))] = f"`{self.rng.choice(WORDS)}`"
        return " ".join(words).capitalize() + self.rng.choice(".....?!")

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 7)))

    def title(self) -> str:
        return " ".join(self.words(self.rng.randint(2, 5))).capitalize()


def _posts(count: int, rng: random.Random) -> list[Post]:
    """`count` posts in date order with unique slugs (and unique titles)."""
    text = Text(rng)
    offsets = sorted(rng.randrange(DAYS) for _ in range(count))
    posts: list[Post] = []
    for i, offset in enumerate(offsets):
        day = START + dt.timedelta(days=offset)
        when = dt.datetime(day.year, day.month, day.day, rng.randint(8, 18), rng.choice((0, 30)))
        if i % 97 == 5:  # a recurring title, as "Weekly notes" in the fixture
            title, slug = "Weekly notes", "weekly-notes"
            if any(p.slug == slug and p.date.date() == day for p in posts[-3:]):
                slug = f"weekly-notes-{i}"
        else:
            title = f"{text.title()} {i}"
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        cats = rng.sample(CATEGORIES, rng.choice((1, 1, 1, 2)))
        tags = rng.sample(TAGS, rng.randint(0, 3))
        posts.append(Post(i, slug, title, when, cats, tags, anchor="method" if i % 5 == 0 else ""))
    return posts


def _earlier(post: Post, posts: list[Post], rng: random.Random, n: int) -> list[Post]:
    return [posts[rng.randrange(post.index)] for _ in range(n)] if post.index else []


def _body(post: Post, posts: list[Post], rng: random.Random, generator: str,
          images: list[str]) -> str:
    """The Markdown body: 300-1,200 words with the fixture constructs sprinkled in."""
    text = Text(rng)
    target = rng.randint(300, 1200)
    blocks: list[str] = [text.paragraph()]
    if rng.random() < 0.6:
        blocks.append("<!-- more -->" if generator == "jekyll" else "<!--more-->")
    links = _earlier(post, posts, rng, rng.randint(1, 3))
    extras: list[str] = []
    for other in links:
        words = " ".join(text.words(rng.randint(2, 4)))
        if generator == "jekyll":
            style = rng.randrange(3)
            if style == 0:
                ref = f"{{% post_url {other.jekyll_name} %}}"
            elif style == 1:
                ref = f"/{other.date:%Y/%m/%d}/{other.slug}/"
            else:
                ref = f"{{% link _posts/{other.jekyll_name}.md %}}"
                ref += f"#{other.anchor}" if other.anchor else ""
        else:
            style = rng.randrange(4)
            if style == 0:
                ref = f'{{{{< ref "{other.hugo_path}" >}}}}'
            elif style == 1:
                ref = f'{{{{< relref "{other.slug}" >}}}}'
            elif style == 2 and other.aliases:
                ref = other.aliases[0]
            else:
                ref = f'{{{{< ref "{other.hugo_path}" >}}}}'
                ref += f"#{other.anchor}" if other.anchor else ""
        extras.append(f"{text.sentence()[:-1]}, see [{words}]({ref}).")
    if post.anchor:
        heading = "## How we measured"
        extras.append(heading + ("\n{: #method}" if generator == "jekyll" else " {#method}")
                      + "\n\n" + text.paragraph() + "[^1]")
    if post.index % 4 == 1:
        lang = "ruby" if generator == "jekyll" else "go"
        code = (f"# {' '.join(text.words(5))}\ndef step(n)\n\tn.times do\n\t\tputs n\n\tend\nend"
                if lang == "ruby" else
                f"// {' '.join(text.words(5))}\nfunc step(n int) int {{\n\tif n > 9 {{\n"
                f"\t\treturn 0\n\t}}\n\treturn n + 1\n}}")
        if generator == "jekyll":
            extras.append(f"{{% highlight {lang} %}}\n{code}\n{{% endhighlight %}}")
        else:
            extras.append(f"{{{{< highlight {lang} >}}}}\n{code}\n{{{{< /highlight >}}}}")
    if post.index % 6 == 2:
        rows = "\n".join(f"    <tr><td>{rng.choice(WORDS)}</td><td>{rng.randint(5, 900)} ms</td>"
                         "</tr>" for _ in range(rng.randint(2, 5)))
        extras.append("<table>\n  <thead>\n    <tr><th>Stage</th><th>p50</th></tr>\n"
                      f"  </thead>\n  <tbody>\n{rows}\n  </tbody>\n</table>")
    if post.index % 8 == 3:
        src = rng.choice(images)
        alt = " ".join(text.words(4)).capitalize()
        extras.append(f'<img src="{src}" alt="{alt}" width="480">')
    if post.index % 7 == 4:
        src = rng.choice(images)
        caption = " ".join(text.words(6)).capitalize()
        if generator == "jekyll":
            extras.append(f"![{caption}]({{{{ site.baseurl }}}}{src})")
        else:
            extras.append(f'{{{{< figure src="{src}" caption="{caption}" >}}}}')
    if post.bundle:
        extras.append("![diagram](diagram.png)")
    rng.shuffle(extras)
    blocks += extras
    while sum(len(b.split()) for b in blocks) < target:
        blocks.insert(rng.randint(2, len(blocks)), text.paragraph())
    if post.anchor:
        blocks.append(f"[^1]: {text.sentence()}")
    return "\n\n".join(blocks) + "\n"


def _yaml_list(items: list[str], rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0 or not items:
        return "[" + ", ".join(items) + "]"
    if style == 1:
        return " ".join(items)
    return "".join(f"\n  - {item}" for item in items)


def make_jekyll(folder: Path, posts: list[Post], rng: random.Random) -> None:
    (folder / "_posts").mkdir(parents=True)
    (folder / "assets" / "img").mkdir(parents=True)
    images = [f"/assets/img/chart-{n}.png" for n in range(6)]
    for n, src in enumerate(images):
        (folder / src.lstrip("/")).write_bytes(png(8 + n, 6, n))
    (folder / "_config.yml").write_text(
        "title: Synthetic Engineering\ndescription: A generated blog for timing imports.\n"
        "author: Bench Author\nurl: \"https://bench.example\"\nbaseurl: \"\"\n\n"
        "markdown: kramdown\nhighlighter: rouge\nkramdown:\n  input: GFM\n"
        "permalink: /:year/:month/:day/:title/\nexcerpt_separator: \"<!-- more -->\"\n"
        "timezone: Europe/Stockholm\n\nexclude:\n  - Gemfile\n  - README.md\n")
    (folder / "Gemfile").write_text('source "https://rubygems.org"\ngem "jekyll", "~> 3.9"\n')
    for post in posts:
        lines = ["---", "layout: post", f'title: "{post.title}"']
        if post.index % 3:  # otherwise the date is only in the file name
            lines.append(f"date: {post.date:%Y-%m-%d %H:%M:%S} +0100")
        if len(post.categories) == 1 and post.index % 4 == 0:
            lines.append(f"category: {post.categories[0]}")
        else:
            lines.append(f"categories: {_yaml_list(post.categories, rng)}")
        if post.tags:
            lines.append(f"tags: {_yaml_list(post.tags, rng)}")
        lines.append("---")
        body = _body(post, posts, rng, "jekyll", images)
        path = folder / "_posts" / f"{post.jekyll_name}.md"
        path.write_text("\n".join(lines) + "\n\n" + body)


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def make_hugo(folder: Path, posts: list[Post], rng: random.Random) -> None:
    content = folder / "content" / "posts"
    content.mkdir(parents=True)
    (folder / "static" / "images").mkdir(parents=True)
    images = [f"/images/figure-{n}.png" for n in range(6)]
    for n, src in enumerate(images):
        (folder / "static" / src.lstrip("/")).write_bytes(png(8 + n, 6, n))
    (folder / "hugo.toml").write_text(
        'baseURL = "https://bench.example.org/"\nlanguageCode = "en-gb"\n'
        'title = "Synthetic Ops"\nsummaryLength = 40\n\n[permalinks]\n'
        '  posts = "/:year/:month/:slug/"\n\n[taxonomies]\n  tag = "tags"\n'
        '  category = "categories"\n\n[markup.goldmark.renderer]\n  unsafe = true\n')
    (folder / "content" / "_index.md").write_text('---\ntitle: "Synthetic Ops"\n---\n\nHome.\n')
    (folder / "content" / "posts" / "_index.md").write_text('+++\ntitle = "Posts"\n+++\n')
    for post in posts:
        post.bundle = post.index % 100 == 7
        post.hugo_slug = post.index % 3 != 0
        if post.title == "Weekly notes":  # one file each, and a slug: /:year/:month/:slug/
            post.slug = f"weekly-notes-{post.date:%Y-%m-%d}-{post.index}"
            post.hugo_slug = True
        if post.index % 10 == 1:
            post.aliases = [f"/blog/{post.slug}/"]
    for post in posts:
        body = _body(post, posts, rng, "hugo", images)
        stamp = f"{post.date:%Y-%m-%dT%H:%M:00}+01:00"
        desc = " ".join(Text(rng).words(8)).capitalize() + "."
        if post.index % 2:
            lines = ["+++", f'title = "{post.title}"', f"date = {stamp}"]
            lines += [f'slug = "{post.slug}"'] if post.hugo_slug else []
            lines += [f"tags = {_toml_list(post.tags)}",
                      f"categories = {_toml_list(post.categories)}"]
            lines += [f"aliases = {_toml_list(post.aliases)}"] if post.aliases else []
            lines += [f'description = "{desc}"'] if post.index % 4 == 1 else []
            lines.append("+++")
        else:
            lines = ["---", f'title: "{post.title}"', f"date: {stamp}"]
            lines += [f"slug: {post.slug}"] if post.hugo_slug else []
            lines += [f"tags: [{', '.join(post.tags)}]",
                      f"categories: [{', '.join(post.categories)}]"]
            lines += [f"aliases: {_toml_list(post.aliases)}"] if post.aliases else []
            lines += [f'description: "{desc}"'] if post.index % 4 == 0 else []
            lines.append("---")
        path = folder / "content" / post.hugo_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n\n" + body)
        if post.bundle:
            (path.parent / "diagram.png").write_bytes(png(10, 10, post.index))


def make(folder: Path, count: int, generator: str, seed: int) -> None:
    if folder.exists() and any(folder.iterdir()):
        raise SystemExit(f"{folder} is not empty")
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    posts = _posts(count, rng)
    if generator == "jekyll":
        make_jekyll(folder, posts, rng)
    else:
        make_hugo(folder, posts, rng)
    print(f"wrote {count} {generator} posts into {folder}")


SITE_YAML = """\
title: Migrated blog
description: A synthetic blog imported for timing.
base_url: https://bench.example/
language: en
author: Bench Author
output: _site

topics:
  - slug: databases
    name: Databases
    tags: [databases, postgres, storage]
    keywords: [replica, schema, backup, restore]
  - slug: deploys
    name: Deploys
    tags: [deploys, canary, release]
    keywords: [rollout, canary, pipeline, release train]
  - slug: incidents
    name: Incidents
    tags: [incidents, oncall]
    keywords: [outage, incident, pager, recovery]
    min_score: 3
  - slug: observability
    name: Observability
    tags: [observability, tracing, logging]
    keywords: [metric, trace, dashboard, alert]
"""


@dataclass
class Step:
    wall: float
    peak_mib: float
    code: int
    stdout: str
    stderr: str


def _step(args: list[str]) -> Step:
    """Run one child and reap it with wait4, so its rusage (peak RSS) is that process's own."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        # ru_maxrss is in KiB on Linux.
        return Step(wall, usage.ru_maxrss / 1024, proc.returncode, out.read(), err.read())


def run(folder: Path) -> int:
    from readsite.sitecheck import check_files, read_folder

    folder = folder.resolve()
    site = folder.with_name(folder.name + "-site")
    if site.exists():
        shutil.rmtree(site)
    site.mkdir()
    (site / "site.yaml").write_text(SITE_YAML)
    python, entry = sys.executable, str(REPO / "build.py")
    steps = {"import": [python, entry, "--site", str(site), "import", str(folder)],
             "build": [python, entry, "--site", str(site), "build"]}
    for name, args in steps.items():
        step = _step(args)
        print(f"{name}: {step.wall:.2f} s wall, peak RSS {step.peak_mib:.0f} MiB, "
              f"exit {step.code}")
        if name == "import":
            counts = [line for line in step.stdout.splitlines() if line.startswith("imported")]
            counts += [line for line in step.stderr.splitlines() if "imported" in line]
            print("  " + (counts[-1] if counts else "(no counts printed)"))
            warnings = [line for line in step.stderr.splitlines()
                        if line.startswith("warning:")]
            for line in warnings[:5]:
                print("  " + line)
        else:
            print("  " + (step.stdout.strip().splitlines() or ["(nothing printed)"])[-1])
        if step.code:
            print(step.stderr[-2000:], file=sys.stderr)
            return step.code
    start = time.perf_counter()
    findings = check_files(read_folder(site / "_site"))
    kinds = Counter(f.kind for f in findings)
    broken = [f for f in findings if f.kind in ("broken-link", "broken-anchor", "missing-image")]
    print(f"check: {time.perf_counter() - start:.2f} s; broken links {len(broken)} "
          f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items())) or 'no findings'})")
    for finding in broken[:10]:
        print(f"  {finding}")
    return 1 if broken else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    mk = sub.add_parser("make", help="generate a synthetic blog")
    mk.add_argument("folder", type=Path)
    mk.add_argument("--posts", type=int, default=2000)
    mk.add_argument("--generator", choices=("jekyll", "hugo"), required=True)
    mk.add_argument("--seed", type=int, default=7)
    rn = sub.add_parser("run", help="import the blog into a fresh site and build it")
    rn.add_argument("folder", type=Path)
    args = parser.parse_args()
    if args.command == "make":
        make(args.folder, args.posts, args.generator, args.seed)
        return 0
    return run(args.folder)


if __name__ == "__main__":
    raise SystemExit(main())
