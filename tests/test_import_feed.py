"""Feeds: RSS 2.0 with content:encoded, Atom, JSON Feed, summary-only RSS (with and without
`--fetch` against a local server): one article per entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readsite import frontmatter
from readsite.cli import main
from readsite.importers import import_paths
from readsite.importers.feed import looks_like_feed
from tests.test_import_url import PAGE, Web, web

CLIP = Path(__file__).resolve().parent / "fixtures" / "importers" / "clip"
__all__ = ["web"]  # the fixture, imported to be used here


def articles(into: Path) -> dict[str, frontmatter.Document]:
    """Every article written in `into`, by file stem."""
    return {p.stem: frontmatter.parse(p.read_text(encoding="utf-8"), p)
            for p in sorted(into.glob("*.md"))}


def test_rss_with_content_encoded_gives_one_full_article_per_item(tmp_path: Path) -> None:
    report = import_paths([CLIP / "rss-full.xml"], tmp_path)
    assert not report.refused and not report.notes
    found = articles(tmp_path)
    assert set(found) == {"grafting-the-old-pear", "counting-blossoms"}
    pear = found["grafting-the-old-pear"]
    assert pear.meta["title"] == "Grafting the Old Pear"
    assert pear.meta["author"] == "Ada Brennan"
    assert pear.meta["source"] == "Orchard Notes"
    assert pear.meta["date"] == dt.date(2024, 3, 12)
    assert pear.meta["url"] == "https://orchard.example/2024/grafting-the-old-pear"
    assert pear.meta["imported_from"] == "https://orchard.example/2024/grafting-the-old-pear"
    assert "## Choosing the rootstock" in pear.body
    assert "*rubber strips*" in pear.body
    assert "teaser" not in pear.body
    [again] = {r.action for r in import_paths([CLIP / "rss-full.xml"], tmp_path).results}
    assert again == "unchanged"


def test_atom_entry(tmp_path: Path) -> None:
    import_paths([CLIP / "atom.xml"], tmp_path)
    [(slug, doc)] = articles(tmp_path).items()
    assert slug == "charting-the-sandbanks"
    assert doc.meta["author"] == "Joss Penhale"
    assert doc.meta["source"] == "Tidewater Log"
    assert doc.meta["date"] == dt.date(2024, 6, 1)
    assert doc.meta["summary"] == "The sandbanks moved again over the winter."
    assert "sounding the channel with a weighted line" in doc.body


def test_json_feed(tmp_path: Path) -> None:
    import_paths([CLIP / "feed.json"], tmp_path)
    [(slug, doc)] = articles(tmp_path).items()
    assert slug == "the-last-gas-lamp-on-fen-street"
    assert doc.meta["author"] == "Ruth Calloway"
    assert doc.meta["source"] == "Lamplighter Weekly"
    assert doc.meta["date"] == dt.date(2024, 1, 20)
    assert doc.meta["tags"] == ["lamps", "history"]
    assert "a new mantle and a fresh coat of green paint" in doc.body


def summary_feed(base: str) -> bytes:
    return f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Digest</title><link>{base}/</link>
<item><title>Lanterns Over the Harbour</title><link>{base}/news/lanterns</link>
<guid>{base}/news/lanterns</guid><pubDate>Fri, 17 May 2024 08:30:00 +0000</pubDate>
<description>A fishing town relights its harbour with paper lanterns.</description></item>
</channel></rss>""".encode()


def test_summary_only_feed_gives_summary_and_a_link(tmp_path: Path) -> None:
    source = tmp_path / "digest.rss"
    source.write_bytes(summary_feed("https://harbour.example"))
    report = import_paths([source], tmp_path / "c")
    [doc] = articles(tmp_path / "c").values()
    assert "A fishing town relights its harbour" in doc.body
    assert "[Read the whole article at harbour.example](https://harbour.example/news/lanterns)" \
        in doc.body
    assert any("only a summary" in p.message and "--fetch" in p.hint for p in report.notes)


def test_summary_only_feed_with_fetch_imports_each_page(
        web: Web, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    web.routes["/feed.xml"] = (200, "application/rss+xml", summary_feed(web.base))
    web.routes["/news/lanterns"] = (200, "text/html", PAGE)
    code = main(["import", web.url("/feed.xml"), "--fetch", "--into", str(tmp_path / "c")])
    err = capsys.readouterr().err
    assert code == 0, err
    [doc] = articles(tmp_path / "c").values()
    assert "Children walked the wall reading the names aloud" in doc.body
    assert doc.meta["url"] == web.url("/news/lanterns")
    assert doc.meta["imported_from"] == web.url("/news/lanterns")
    assert doc.meta["author"] == "Mira Okonkwo"
    assert web.hits == ["/feed.xml", "/news/lanterns"]


def test_fetch_failure_of_one_entry_is_reported_and_others_imported(
        web: Web, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = summary_feed(web.base).replace(b"</channel>", f"""<item><title>Gone</title>
<link>{web.base}/news/gone</link></item></channel>""".encode())
    web.routes["/feed.xml"] = (200, "application/xml", feed)
    web.routes["/news/lanterns"] = (200, "text/html", PAGE)
    code = main(["import", web.url("/feed.xml"), "--fetch", "--into", str(tmp_path / "c")])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{web.base}/news/gone: the server answered HTTP 404" in err
    assert list(articles(tmp_path / "c")) == ["lanterns-over-the-harbour"]


def test_feed_without_entries_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "empty.xml"
    source.write_text('<rss version="2.0"><channel><title>Nothing</title></channel></rss>')
    report = import_paths([source], tmp_path / "c")
    assert [p.message for p in report.refused] == ["the feed has no entries"]


def test_feed_sniffing() -> None:
    assert looks_like_feed((CLIP / "rss-full.xml").read_bytes())
    assert looks_like_feed((CLIP / "atom.xml").read_bytes())
    assert looks_like_feed((CLIP / "feed.json").read_bytes())
    assert not looks_like_feed(PAGE)
    assert not looks_like_feed(b'{"version": 1}')
