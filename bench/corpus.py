"""Write one synthetic collection as three ready-to-build sites: readsite, Hugo and Pelican.

    python bench/corpus.py OUT --articles 1000 [--seed 7]

Writes `OUT/readsite/` (site.yaml + content/<slug>.md), `OUT/hugo/` (hugo.toml with related
content on, hugo.norelated.toml without it, content/posts/<slug>.md and a minimal theme-less
layout) and `OUT/pelican/` (pelicanconf.py with the default theme, content/<slug>.md with
Pelican headers). The three hold the same articles: the same titles, dates, authors,
summaries, tags and bodies, with internal links written as each generator's own URL.

The text is made from an invented vocabulary (pseudo-words built from syllables with a seeded
generator, drawn with a Zipf-like frequency), so no real text is copied and the term
statistics look like a natural collection's: a few very common words, a long tail of rare
ones. There are 23 topics, each with four keyword terms of its own; an article is mostly about
one topic (its keywords appear several times), sometimes touches a second one, and carries
2-5 tags. Articles are 600-1,500 words with `##` sections, lists, block quotes, links to other
articles and, now and then, a fenced code block. Dates are spread over three years. The same
seed always gives the same bytes.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import random
import shutil
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

TOPICS = 23
KEYWORDS_PER_TOPIC = 4
TAGS_PER_TOPIC = 5
VOCABULARY = 6000
START = dt.date(2023, 1, 1)
DAYS = 3 * 365

ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr",
          "kl", "pl", "st", "tr", "sk", "gr", "fl", "sn", "th", "w", "h", "j")
NUCLEI = ("a", "e", "i", "o", "u", "ai", "ou", "ea", "io", "y")
CODAS = ("", "", "", "n", "r", "l", "s", "th", "nd", "m", "k", "x", "sh")


@dataclass
class Article:
    slug: str
    title: str
    date: dt.date
    author: str
    summary: str
    topic: int
    tags: list[str]
    keywords: list[str]
    # The body as blocks; a link is written `<<LINK i|text>>` and rendered per generator.
    blocks: list[str] = field(default_factory=list)


@dataclass
class Topic:
    slug: str
    name: str
    description: str
    keywords: list[str]
    tags: list[str]


class Words:
    """The invented vocabulary and a Zipf-like sampler over it."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        seen: dict[str, None] = {}
        while len(seen) < VOCABULARY + TOPICS * (KEYWORDS_PER_TOPIC + TAGS_PER_TOPIC) + 200:
            seen.setdefault(self._word(), None)
        words = list(seen)
        # Topic keywords and tags are kept apart from the running text's vocabulary, so a
        # topic's terms appear only where an article is about it (or, rarely, in passing).
        take = TOPICS * KEYWORDS_PER_TOPIC
        self.keywords = words[:take]
        self.tag_words = words[take:take + TOPICS * TAGS_PER_TOPIC]
        self.names = words[take + TOPICS * TAGS_PER_TOPIC:][:200]
        self.common = words[-VOCABULARY:]
        self.cum = list(accumulate(1.0 / (rank + 2) ** 1.05 for rank in range(VOCABULARY)))

    def _word(self) -> str:
        parts = [self.rng.choice(ONSETS) + self.rng.choice(NUCLEI)
                 for _ in range(self.rng.choice((1, 2, 2, 2, 3, 3)))]
        return "".join(parts) + self.rng.choice(CODAS)

    def some(self, count: int) -> list[str]:
        total = self.cum[-1]
        return [self.common[bisect.bisect_left(self.cum, self.rng.random() * total)]
                for _ in range(count)]


def sentence(words: Words, extra: list[str], low: int = 6, high: int = 18) -> str:
    """One sentence of `low`-`high` words, with `extra` terms placed in it."""
    parts = words.some(words.rng.randint(low, high))
    for term in extra:
        parts.insert(words.rng.randrange(len(parts) + 1), term)
    text = " ".join(parts)
    return text[0].upper() + text[1:] + ("?" if words.rng.random() < 0.1 else ".")


def make_topics(words: Words) -> list[Topic]:
    topics = []
    for i in range(TOPICS):
        keywords = words.keywords[i * KEYWORDS_PER_TOPIC:(i + 1) * KEYWORDS_PER_TOPIC]
        tags = words.tag_words[i * TAGS_PER_TOPIC:(i + 1) * TAGS_PER_TOPIC]
        slug = f"{keywords[0]}-{i + 1:02d}"
        name = keywords[0].title()
        description = sentence(words, [keywords[0], keywords[1]], 8, 14)
        topics.append(Topic(slug, name, description, keywords, tags))
    return topics


def slugify(title: str) -> str:
    return "-".join(w.strip(".,;:?").lower() for w in title.split())


def make_articles(words: Words, topics: list[Topic], count: int) -> list[Article]:
    rng = words.rng
    authors = [f"{a.title()} {b.title()}" for a, b in zip(words.names[:24:2], words.names[1:24:2],
                                                         strict=True)]
    articles: list[Article] = []
    slugs: dict[str, int] = {}
    for _ in range(count):
        topic = rng.randrange(TOPICS)
        second = rng.randrange(TOPICS) if rng.random() < 0.35 else None
        head = words.some(rng.randint(3, 6))
        if rng.random() < 0.6:
            head.insert(rng.randrange(len(head) + 1), rng.choice(topics[topic].keywords))
        title = " ".join(w.title() if i == 0 or rng.random() < 0.5 else w
                         for i, w in enumerate(head))
        slug = slugify(title)
        if slug in slugs:
            slugs[slug] += 1
            slug = f"{slug}-{slugs[slug]}"
        else:
            slugs[slug] = 1
        tags = rng.sample(topics[topic].tags, rng.randint(2, 3))
        if second is not None:
            tags.append(rng.choice(topics[second].tags))
        if rng.random() < 0.3:
            tags.append(rng.choice(words.tag_words))
        tags = list(dict.fromkeys(tags))
        keywords = list(topics[topic].keywords)
        if second is not None:
            keywords += topics[second].keywords[:2]
        articles.append(Article(
            slug=slug, title=title, date=START + dt.timedelta(days=rng.randrange(DAYS)),
            author=rng.choice(authors),
            summary=sentence(words, [rng.choice(topics[topic].keywords)], 10, 22),
            topic=topic, tags=tags, keywords=keywords))
    for article in articles:
        article.blocks = make_body(words, topics, article, len(articles))
    return articles


def make_body(words: Words, topics: list[Topic], article: Article, total: int) -> list[str]:
    """The body's Markdown blocks: 600-1,500 words in an intro and `##` sections."""
    rng = words.rng
    target = rng.randint(600, 1500)
    own = topics[article.topic].keywords
    others = [k for k in article.keywords if k not in own]
    blocks: list[str] = []
    written = 0

    def paragraph() -> str:
        nonlocal written
        out = []
        for _ in range(rng.randint(3, 6)):
            extra = []
            if rng.random() < 0.22:
                extra.append(rng.choice(own))
            if others and rng.random() < 0.08:
                extra.append(rng.choice(others))
            text = sentence(words, extra)
            if rng.random() < 0.06:
                anchor = " ".join(words.some(rng.randint(2, 4)))
                text = text[:-1] + f", as <<LINK {rng.randrange(total)}|{anchor}>> shows."
            out.append(text)
        result = " ".join(out)
        written += len(result.split())
        return result

    blocks.append(paragraph())
    while written < target:
        heading = " ".join(words.some(rng.randint(2, 5)))
        blocks.append(f"## {heading[0].upper()}{heading[1:]}")
        for _ in range(rng.randint(1, 3)):
            blocks.append(paragraph())
        roll = rng.random()
        if roll < 0.35:
            items = [f"- {' '.join(words.some(rng.randint(3, 9)))}"
                     for _ in range(rng.randint(3, 6))]
            written += sum(len(i.split()) - 1 for i in items)
            blocks.append("\n".join(items))
        elif roll < 0.5:
            quote = sentence(words, [rng.choice(own)], 10, 24)
            written += len(quote.split())
            blocks.append(f"> {quote}")
        elif roll < 0.58:
            name = "_".join(words.some(2))
            args = ", ".join(words.some(rng.randint(1, 3)))
            code = (f"def {name}({args}):\n    total = 0\n"
                    f"    for item in {words.some(1)[0]}:\n        total += item\n"
                    f"    return total\n")
            blocks.append(f"```python\n{code}```")
    if rng.random() < 0.5:
        links = [f"- <<LINK {rng.randrange(total)}|{' '.join(words.some(rng.randint(2, 5)))}>>"
                 for _ in range(rng.randint(2, 4))]
        blocks.append("## See also\n\n" + "\n".join(links))
    return blocks


def render_body(article: Article, articles: list[Article], url: str) -> str:
    """The body with `<<LINK i|text>>` written as `[text](url)` for one generator."""
    out = []
    for block in article.blocks:
        while "<<LINK " in block:
            start = block.index("<<LINK ")
            end = block.index(">>", start)
            index, text = block[start + 7:end].split("|", 1)
            target = url.format(slug=articles[int(index)].slug)
            block = f"{block[:start]}[{text}]({target}){block[end + 2:]}"
        out.append(block)
    return "\n\n".join(out) + "\n"


def q(text: str) -> str:
    """A YAML (and TOML) double-quoted string: JSON's escaping is valid in both."""
    return json.dumps(text)


def write_readsite(root: Path, topics: list[Topic], articles: list[Article]) -> None:
    content = root / "content"
    content.mkdir(parents=True)
    lines = ["title: Bench Collection", "description: A synthetic collection for benchmarks.",
             "base_url: https://example.org/", "language: en", "author: Bench Desk",
             "related: 5", "topics:"]
    for t in topics:
        lines += [f"  - slug: {t.slug}", f"    name: {q(t.name)}",
                  f"    description: {q(t.description)}",
                  f"    keywords: [{', '.join(t.keywords)}]"]
    (root / "site.yaml").write_text("\n".join(lines) + "\n")
    for a in articles:
        meta = (f"---\ntitle: {q(a.title)}\ndate: {a.date.isoformat()}\nauthor: {q(a.author)}\n"
                f"summary: {q(a.summary)}\ntags: [{', '.join(a.tags)}]\n---\n\n")
        body = render_body(a, articles, "/articles/{slug}/")
        (content / f"{a.slug}.md").write_text(meta + body)


HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "Bench Collection"
languageCode = "en"
enableRobotsTXT = true

[params]
  related = {related}

[taxonomies]
  tag = "tags"
  topic = "topics"

[pagination]
  pagerSize = 10

[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
  taxonomy = ["HTML", "RSS"]
  term = ["HTML", "RSS"]

[sitemap]
  changeFreq = "monthly"
"""

HUGO_RELATED = """
[related]
  includeNewer = true
  threshold = 80
  toLower = false
  [[related.indices]]
    name = "keywords"
    weight = 100
  [[related.indices]]
    name = "tags"
    weight = 80
"""

HUGO_BASEOF = """\
<!DOCTYPE html>
<html lang="{{ site.Language.LanguageCode }}">
<head>
<meta charset="utf-8">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} - {{ site.Title }}{{ end }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" \
href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

HUGO_SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ with .Params.author }} by {{ . }}{{ end }}</p>
{{ .Content }}
<p>Topics: {{ range .GetTerms "topics" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> \
{{ end }}</p>
<p>Tags: {{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> \
{{ end }}</p>
{{ if site.Params.related }}
{{ with site.RegularPages.Related . | first 5 }}
<h2>Related</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
{{ end }}
</article>
{{ end }}
"""

HUGO_LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pages := .RegularPages }}
{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ if or .Data.Terms (eq .Kind "taxonomy") }}
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> \
({{ .Count }})</li>{{ end }}</ul>
{{ else }}
{{ $paginator := .Paginate $pages }}
<ul>{{ range $paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time>{{ .Date.Format "2006-01-02" }}</time> {{ .Summary }}</li>{{ end }}</ul>
{{ with $paginator.Next }}<a href="{{ .URL }}">Older</a>{{ end }}
{{ end }}
{{ end }}
"""


def write_hugo(root: Path, topics: list[Topic], articles: list[Article]) -> None:
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (root / "hugo.toml").write_text(HUGO_CONFIG.format(related="true") + HUGO_RELATED)
    (root / "hugo.norelated.toml").write_text(HUGO_CONFIG.format(related="false"))
    (layouts / "baseof.html").write_text(HUGO_BASEOF)
    (layouts / "single.html").write_text(HUGO_SINGLE)
    (layouts / "list.html").write_text(HUGO_LIST)
    for a in articles:
        topic_list = [topics[a.topic].slug]
        meta = (f"---\ntitle: {q(a.title)}\ndate: {a.date.isoformat()}\nauthor: {q(a.author)}\n"
                f"summary: {q(a.summary)}\ntags: [{', '.join(a.tags)}]\n"
                f"topics: [{', '.join(topic_list)}]\nkeywords: [{', '.join(a.keywords)}]\n"
                "---\n\n")
        body = render_body(a, articles, "/posts/{slug}/")
        (posts / f"{a.slug}.md").write_text(meta + body)


PELICAN_CONFIG = """\
AUTHOR = "Bench Desk"
SITENAME = "Bench Collection"
SITEURL = "https://example.org"
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = False
# Feeds on (Pelican's defaults, spelled out).
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag-{slug}.atom.xml"
DEFAULT_PAGINATION = 10
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


def write_pelican(root: Path, topics: list[Topic], articles: list[Article]) -> None:
    content = root / "content"
    content.mkdir(parents=True)
    (root / "pelicanconf.py").write_text(PELICAN_CONFIG)
    for a in articles:
        meta = (f"Title: {a.title}\nDate: {a.date.isoformat()}\nAuthor: {a.author}\n"
                f"Category: {topics[a.topic].name}\nTags: {', '.join(a.tags)}\n"
                f"Slug: {a.slug}\nSummary: {a.summary}\n\n")
        body = render_body(a, articles, "/{slug}.html")
        (content / f"{a.slug}.md").write_text(meta + body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to write readsite/, hugo/, pelican/ in")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    words = Words(random.Random(args.seed))
    topics = make_topics(words)
    articles = make_articles(words, topics, args.articles)
    for name, write in (("readsite", write_readsite), ("hugo", write_hugo),
                        ("pelican", write_pelican)):
        target = args.out / name
        if target.exists():
            shutil.rmtree(target)
        write(target, topics, articles)
    count = sum(len(" ".join(a.blocks).split()) for a in articles)
    print(f"{len(articles)} articles, {count} words, {TOPICS} topics -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
