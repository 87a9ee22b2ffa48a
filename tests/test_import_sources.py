"""Metadata from schema.org microdata, pull quotes that repeat the story, and a feed's
publication told from its section ("Harbour Lab — News")."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.importers import import_paths
from readsite.importers.feed import feed_source
from readsite.importers.html import read_page
from readsite.importers.page import read_page_info
from readsite.importers.tidy import drop_pull_quotes, repeats, tidy
from tests.test_import_feed import articles

STORY = ("The county will reopen the Wexley footbridge in June, fourteen months after a barge "
         "struck one of its piers and left a crack running the width of the deck.")
MORE = ("Engineers replaced the damaged pier with a steel caisson and added fenders to the two "
        "piers nearest the channel, at a cost the council put at 2.3 million pounds.")
LAST = ("Ferry traffic that took the bridge's place will stop the week it reopens, and the "
        "temporary landing stages on both banks will be lifted out by crane over the summer.")


def microdata_page(head: str = "", outside: str = "") -> str:
    return (
        f"<html><head><title>Footbridge to reopen | Riverside Chronicle</title>{head}</head>"
        "<body><header><a href='/'>Riverside Chronicle</a></header>"
        "<article itemscope itemtype='http://schema.org/NewsArticle'>"
        "<span itemprop='publisher' itemscope itemtype='http://schema.org/Organization'>"
        "<meta itemprop='name' content='Riverside Chronicle'></span>"
        "<h1 itemprop='headline'>Wexley footbridge to reopen in June</h1>"
        "<p class='dek' itemprop='description'>Repairs after last year's barge strike are "
        "nearly finished.</p>"
        "<p class='byline'>By <span itemprop='author' itemscope "
        "itemtype='http://schema.org/Person'><span class='given'>Priya</span> "
        "<span itemprop='name'>Priya Lenham</span></span> and "
        "<a itemprop='author' href='/staff/tom-hale'>Tom Hale</a></p>"
        "<time itemprop='datePublished' datetime='2025-03-18T08:00:00Z'>18 March</time>"
        f"<div itemprop='articleBody'><p>{STORY}</p><p>{MORE}</p><p>{LAST}</p></div>"
        f"</article>{outside}</body></html>")


# ------------------------------------------------------------------ microdata


def test_microdata_items_nest_and_take_names_dates_and_meta_content() -> None:
    page = read_page_info(microdata_page())
    [article] = [i for i in page.microdata if "newsarticle" in i.types]
    assert article.properties["author"] == ["Priya Lenham", "Tom Hale"]
    assert article.properties["publisher"] == ["Riverside Chronicle"]
    assert article.properties["datepublished"] == ["2025-03-18T08:00:00Z"]
    assert article.properties["headline"] == ["Wexley footbridge to reopen in June"]
    assert "articlebody" in article.properties
    assert [i.types for i in page.microdata if "person" in i.types] == [("person",)]


def test_microdata_gives_author_summary_and_date_traced(tmp_path: Path) -> None:
    record = read_page(microdata_page(), tmp_path / "bridge.html")
    assert record.title == "Wexley footbridge to reopen in June"
    assert record.author == "Priya Lenham, Tom Hale"
    assert record.source == "Riverside Chronicle"
    assert record.summary == "Repairs after last year's barge strike are nearly finished."
    assert record.date is not None and record.date.isoformat() == "2025-03-18"
    rules = {t.field: t.rule for t in record.trace if t.action == "found"}
    assert rules["author"] == "html: microdata itemprop=author"
    assert rules["summary"] == "html: microdata itemprop=description"


def test_og_and_json_ld_outrank_microdata_and_other_items_are_not_the_article(
        tmp_path: Path) -> None:
    head = ("<meta property='og:title' content='Footbridge reopening date set'>"
            "<meta name='author' content='Desk Editor'>")
    card = ("<aside itemscope itemtype='http://schema.org/Person'><p itemprop='description'>"
            "Priya Lenham covers transport for the Chronicle.</p></aside>")
    record = read_page(microdata_page(head, card), tmp_path / "bridge.html")
    assert record.title == "Footbridge reopening date set"
    assert record.author == "Desk Editor"
    assert record.summary == "Repairs after last year's barge strike are nearly finished."


def test_a_page_without_an_article_item_keeps_the_old_rules(tmp_path: Path) -> None:
    html = (microdata_page().replace("schema.org/NewsArticle", "schema.org/WebPage"))
    record = read_page(html, tmp_path / "bridge.html")
    assert not any("microdata" in t.rule for t in record.trace)


# ------------------------------------------------------------------ pull quotes


def quoted_page(box: str) -> str:
    return ("<html><head><title>Footbridge to reopen</title></head><body><article>"
            f"<h1>Footbridge to reopen</h1><p>{STORY}</p>{box}<p>{MORE}</p><p>{LAST}</p>"
            "</article></body></html>")


@pytest.mark.parametrize("box", [
    "<blockquote class='pullquote'><p>“A barge struck one of its piers … the width of the "
    "deck.”</p></blockquote>",
    "<figure class='pull-quote'><p>Engineers replaced the damaged pier with a steel caisson."
    "</p></figure>",
])
def test_a_pull_quote_repeating_the_story_goes_and_is_traced(tmp_path: Path, box: str) -> None:
    record = read_page(quoted_page(box), tmp_path / "bridge.html")
    dropped = [t.text for t in record.trace if t.rule == "extractor: pull quote repeating "
               "the story"]
    assert len(dropped) == 1
    assert record.body.count("steel caisson") == 1
    assert "struck one of its piers and left a crack" in record.body
    assert "…" not in record.body


def test_a_real_block_quote_with_a_pull_quote_class_stays(tmp_path: Path) -> None:
    box = ("<blockquote class='pullquote'><p>“We will not let the river cut this town in two "
           "again,” the council leader wrote to residents in April.</p></blockquote>")
    record = read_page(quoted_page(box), tmp_path / "bridge.html")
    assert "We will not let the river cut this town in two again" in record.body
    assert not any("pull quote" in t.rule for t in record.trace)


def test_only_quote_boxes_are_judged_and_short_ones_never() -> None:
    repeat = "Engineers replaced the damaged pier with a steel caisson."
    kept, traces = drop_pull_quotes([STORY, repeat, MORE], [])
    assert kept == [STORY, repeat, MORE] and not traces  # a paragraph, not a quote box
    assert not repeats("“A steel caisson.”", MORE)
    assert tidy(f"{STORY}\n\n> {repeat}\n\n{MORE}", "").markdown == f"{STORY}\n\n{MORE}"


# ------------------------------------------------------------------ feed titles


@pytest.mark.parametrize(("title", "link", "expected"), [
    ("Harbour Lab — News", "https://harbourlab.example/", "Harbour Lab"),
    ("Kestrel Works | Blog", "", "Kestrel Works"),
    ("Millbrook Trust: Press releases", "", "Millbrook Trust"),
    ("News – Fenwick Rowing Club", "", "Fenwick Rowing Club"),
    ("Halden Design Blog", "", "Halden Design"),
    ("Stadtwerke Lenzfeld – Aktuelles", "", "Stadtwerke Lenzfeld"),
    ("Musée de Vaurelle — Actualités", "", "Musée de Vaurelle"),
    # near misses: nothing generic to strip, or the name itself
    ("Notes on Harbours", "", "Notes on Harbours"),
    ("Valley News", "", "Valley News"),
    ("Harbour Lab — Field notes", "", "Harbour Lab — Field notes"),
    ("News", "", "News"),
    ("Halden Design Blog", "https://www.haldendesignblog.example/", "Halden Design Blog"),
])
def test_feed_source_drops_only_a_generic_section_word(title: str, link: str,
                                                       expected: str) -> None:
    assert feed_source(title, link) == expected


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{title}</title>
<link href="https://kestrel.example/" rel="alternate"/>
<id>https://kestrel.example/news/</id>
<updated>2025-05-02T09:00:00Z</updated>
<entry>
<title>New workshop opens on the quay</title>
<link rel="alternate" href="https://kestrel.example/news/quay-workshop"/>
<id>tag:kestrel.example,2025:quay</id>
<published>2025-05-01T12:00:00Z</published>
<author><name>Ola Brandt</name></author>
<content type="html">&lt;p&gt;{story}&lt;/p&gt;&lt;p&gt;{more}&lt;/p&gt;</content>
</entry>
</feed>
"""


@pytest.mark.parametrize(("title", "source"), [
    ("Kestrel Works — News", "Kestrel Works"),
    ("Kestrel Works — Notes from the Quay", "Kestrel Works — Notes from the Quay"),
])
def test_an_atom_feeds_section_word_leaves_the_source(tmp_path: Path, title: str,
                                                      source: str) -> None:
    feed = tmp_path / "kestrel.atom"
    feed.write_text(ATOM.format(title=title, story=STORY, more=MORE), encoding="utf-8")
    report = import_paths([feed], tmp_path / "content")
    assert not report.refused
    [doc] = articles(tmp_path / "content").values()
    assert doc.meta["source"] == source
    [record] = report.results
    [rule] = [t.rule for t in record.trace if t.field == "source"]
    assert rule == ("atom: feed title" if source == title
                    else "atom: feed title without its section word")


@pytest.mark.parametrize("title", ["The Blog", "My Blog", "Seth's Blog", "Latest | News"])
def test_a_feed_title_that_is_only_a_section_stays_whole(title: str) -> None:
    assert feed_source(title) == title
