"""The demo's cross-links, as a reader meets them on the built pages: its one story (with
the podcast versions shown as such), its declared entities, Sean O'Kane's quote, the key
figures, and related reading whose reasons read like sentences."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from readsite.config import load_config
from readsite.content import load_articles
from readsite.crosslinks import build_collection
from readsite.models import Collection
from readsite.pipeline import build_site
from tests.conftest import REPO

PODCAST = {"why-xai-selling-compute-signals-a-shift-to-neocloud",
           "a-significant-partnership-has-been-announced-between-anthropic-and-xai",
           "were-feeling-cynical-about-xais-big-deal-with-anthropic"}
OTHERS = {"is-xai-a-neocloud-now", "xai-and-the-neocloud-paradigm-a-system-level-shift"}


@pytest.fixture(scope="module")
def collection() -> Collection:
    config = load_config(REPO)
    return build_collection(config, load_articles(config))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "_site"
    build_site(load_config(REPO), out, use_cache=False)
    return out


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """The page's visible words, one space between them."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_all_five_demo_articles_are_one_story(collection: Collection) -> None:
    assert len(collection.stories) == 1
    story = collection.stories[0]
    assert {m.article.slug for m in story.members} == PODCAST | OTHERS
    assert set(collection.story_of) == PODCAST | OTHERS


def test_the_podcast_write_ups_are_versions_of_one_text(collection: Collection) -> None:
    members = {m.article.slug: {v.slug for v in m.versions} for m in collection.stories[0].members}
    for slug in PODCAST:
        assert members[slug] == PODCAST - {slug}, slug
    for slug in OTHERS:
        assert members[slug] == set(), slug


def test_the_story_page_shows_outlets_facts_and_what_each_adds(site: Path,
                                                               collection: Collection) -> None:
    story = collection.stories[0]
    html = page(site, f"stories/{story.slug}")
    assert f"<h1>{story.title}</h1>" in html.replace("&#39;", "'").replace("’", "’")
    assert "covered by TechCrunch" in html
    assert "What every report says" in html
    assert story.facts, "five reports of one deal share facts"
    assert "Colossus 1" in " ".join(f.sentence for f in story.facts)
    assert html.count('class="adds"') >= 3
    for member in story.members:
        assert f'href="/articles/{member.article.slug}/"' in html
    assert html.count("Another version of the same text") == 3


def test_every_article_page_links_its_story_and_siblings(site: Path,
                                                          collection: Collection) -> None:
    story = collection.stories[0]
    for slug in PODCAST | OTHERS:
        html = page(site, f"articles/{slug}")
        box = html[html.index('class="story-box"'):]
        box = box[:box.index("</section>")]
        assert f'href="/stories/{story.slug}/"' in box
        for other in (PODCAST | OTHERS) - {slug}:
            assert f'href="/articles/{other}/"' in box
        assert box.count("another version of this text") == (2 if slug in PODCAST else 0)


def test_related_reading_repeats_no_sibling_and_gives_readable_reasons(
        collection: Collection) -> None:
    for article in collection.articles:
        story = {m.article.slug for m in collection.story_of[article.slug].members}
        for related in collection.related[article.slug]:
            assert related.article.slug not in story
    reasons = [r.reason for rs in collection.related.values() for r in rs]
    for reason in reasons:
        assert re.fullmatch(r"Also (about|in|mentions) [A-Z].*", reason), reason
        for word in ("see", "second", "comes", "company"):
            assert f" {word}," not in reason and not reason.endswith(f" {word}")


def test_entity_pages_list_the_articles_that_mention_them(site: Path,
                                                          collection: Collection) -> None:
    by_slug = collection.entity_by_slug
    declared = {"xai", "anthropic", "spacex", "nvidia", "techcrunch", "elon-musk",
                "sean-o-kane", "kirsten-korosec", "anthony-ha", "colossus-1", "colossus-2",
                "memphis", "tennessee", "grok"}
    assert declared <= set(by_slug)
    assert {a.slug for a in by_slug["xai"].articles} == PODCAST | OTHERS
    assert {a.slug for a in by_slug["anthropic"].articles} == PODCAST | OTHERS
    assert {a.slug for a in by_slug["nvidia"].articles} == {
        "why-xai-selling-compute-signals-a-shift-to-neocloud",
        "a-significant-partnership-has-been-announced-between-anthropic-and-xai",
        "xai-and-the-neocloud-paradigm-a-system-level-shift"}
    assert {a.slug for a in by_slug["colossus-2"].articles} == {
        "is-xai-a-neocloud-now", "xai-and-the-neocloud-paradigm-a-system-level-shift"}
    assert {a.slug for a in by_slug["anthony-ha"].articles} == {
        "a-significant-partnership-has-been-announced-between-anthropic-and-xai"}
    html = page(site, "entities/nvidia")
    assert "<h1>Nvidia</h1>" in html
    for article in by_slug["nvidia"].articles:
        assert f'href="/articles/{article.slug}/"' in html
    index = page(site, "entities")
    people = index.index(">People</h2>")
    assert people < index.index('href="/entities/sean-o-kane/"')
    for slug in declared:
        assert f'href="/entities/{slug}/"' in index


def test_okane_is_quoted_once_with_his_three_sources(site: Path, collection: Collection) -> None:
    quotes = [q for q in collection.quotes if "Why be positive when you can be cynical" in q.text]
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.speaker == "Sean O'Kane" and quote.speaker_slug == "sean-o-kane"
    sources = [(c.article.slug, c.anchor) for c in quote.sources]
    assert len(sources) == 3 and len(set(sources)) == 3
    assert sorted(slug for slug, _ in sources) == sorted([
        "a-significant-partnership-has-been-announced-between-anthropic-and-xai",
        "a-significant-partnership-has-been-announced-between-anthropic-and-xai",
        "why-xai-selling-compute-signals-a-shift-to-neocloud"])
    for slug, anchor in sources:  # each source links to the paragraph that says it
        assert anchor
        article = page(site, f"articles/{slug}")
        paragraph = article[article.index(f'id="{anchor}"'):]
        assert "Why be positive when you can be cynical?" in paragraph[:paragraph.index("</p>")]
    html = page(site, "quotes")
    assert html.count("Why be positive when you can be cynical?") == 1
    assert 'href="/entities/sean-o-kane/"' in html
    assert "Reported 3 times" in html
    assert "Why be positive when you can be cynical?" in page(site, "entities/sean-o-kane")


def test_key_figures_give_300_megawatts_and_250_billion_with_their_sentences(site: Path,
                                                         collection: Collection) -> None:
    figures = collection.stories[0].figures
    megawatts = [f for f in figures if "300 megawatts" in f.value]
    assert megawatts, [f.value for f in figures]
    figure = megawatts[0]
    assert figure.source.article.slug == "is-xai-a-neocloud-now"
    assert "300 megawatts of compute capacity" in figure.source.sentence
    story = page(site, f"stories/{collection.stories[0].slug}")
    assert f'href="/articles/is-xai-a-neocloud-now/#{figure.source.anchor}"' in story
    assert any("300 megawatts" in f.value for f in collection.entity_by_slug["colossus-1"].figures)
    [billions] = [f for f in figures if f.value == "$250 billion"]
    assert billions.source.article.slug == \
        "a-significant-partnership-has-been-announced-between-anthropic-and-xai"
    assert "SpaceX paid $250 billion for it" in billions.source.sentence
    assert any(f.value == "$250 billion" for f in collection.entity_by_slug["spacex"].figures)
    assert [f.value for f in figures if f.value == "2035"] == ["2035"]


class _Links(HTMLParser):
    """Entity links in an article body, and whether any sits in a heading, link or code."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.entity_links: list[str] = []
        self.misplaced: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("class") == "entity":
            self.entity_links.append(found.get("href") or "")
            if {"a", "h1", "h2", "h3", "h4", "code", "pre"} & set(self.stack):
                self.misplaced.append(found.get("href") or "")
        if tag not in ("br", "img", "hr", "input", "meta", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass


def test_first_mentions_link_to_entity_pages_once_each(site: Path) -> None:
    html = page(site, "articles/xai-and-the-neocloud-paradigm-a-system-level-shift")
    body = html[html.index('<div class="prose">'):html.index('<aside class="after-article"')]
    links = _Links()
    links.feed(body)
    assert links.misplaced == []
    assert len(links.entity_links) == len(set(links.entity_links))
    assert {"/entities/xai/", "/entities/nvidia/", "/entities/anthropic/",
            "/entities/colossus-2/"} <= set(links.entity_links)


def test_new_pages_are_in_the_sitemap_and_the_navigation(site: Path,
                                                         collection: Collection) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    paths = ["stories/", f"stories/{collection.stories[0].slug}/", "entities/",
             "entities/nvidia/", "quotes/", "timeline/"]
    for path in paths:
        assert f"<loc>https://readsite.example/{path}</loc>" in sitemap, path
    home = page(site, "")
    nav = home[home.index('<nav class="site-nav'):home.index("</nav>")]
    for path in ("topics/", "stories/", "entities/", "quotes/", "timeline/", "archive/"):
        assert f'href="/{path}"' in nav


def test_undated_demo_articles_are_listed_apart_on_the_timeline(site: Path) -> None:
    html = page(site, "timeline")
    assert "No article here has a date yet" in text_of(html)
    assert "the 1 undated entry is listed below" in text_of(html)
    assert ">Undated</h2>" in html
