"""sitecheck: each problem a reader or publisher would hit is found, with the message they see;
a correct site gives nothing."""

from __future__ import annotations

import posixpath
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from readsite.config import load_config
from readsite.pipeline import build_site
from readsite.sitecheck import Finding, check_files, read_folder


def html(body: str, head: str = "") -> bytes:
    """A minimal HTML page."""
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Site</title>
  <id>https://example.org/</id>
  <updated>2026-01-01T00:00:00Z</updated>
  <entry>
    <title>A</title>
    <id>https://example.org/articles/a/</id>
    <link rel="alternate" href="https://example.org/articles/a/"/>
    <updated>2026-01-01T00:00:00Z</updated>
  </entry>
</feed>
"""

SITEMAP = b"""<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.org/</loc></url>
  <url><loc>https://example.org/articles/a/</loc></url>
</urlset>
"""

SITE = {
    "index.html": html('<a href="/articles/a/">A</a> <a href="/feed.xml">feed</a>'
                       '<img src="/static/logo.png" srcset="/static/logo.png 1x, '
                       '/static/logo@2x.png 2x">',
                       '<link rel="stylesheet" href="/static/style.css">'
                       '<link rel="canonical" href="https://example.org/">'),
    "articles/a/index.html": html('<h2 id="why">Why</h2><a href="#why">why</a>'
                                  '<a href="../../">home</a> <a href="#top">top</a> <a href="#">'
                                  '</a><a name="old"></a><a href="/articles/a/#old">old</a>',
                                  '<link rel="canonical" href="https://example.org/articles/a/">'),
    "404.html": html('<a href="/">home</a>'),
    "static/style.css": b"body{}",
    "static/logo.png": b"png",
    "static/logo@2x.png": b"png",
    "feed.xml": FEED,
    "sitemap.xml": SITEMAP,
    "robots.txt": b"User-agent: *\n",
}


def check(files: dict[str, bytes], base_path: str = "/", file_urls: bool = False) -> list[str]:
    """What the user sees: one line per finding."""
    return [str(f) for f in check_files(files, base_path, file_urls=file_urls)]


def with_pages(path: str, data: bytes) -> dict[str, bytes]:
    """A copy of SITE with the file at `path` added or replaced."""
    return {**SITE, path: data}


def test_a_clean_site_has_no_findings() -> None:
    assert check(SITE) == []


def test_finding_reads_as_page_message_kind() -> None:
    finding = Finding("orphan", "b/index.html", "no page links here")
    assert str(finding) == "b/index.html: no page links here (orphan)"


def test_broken_link() -> None:
    files = with_pages("index.html", html('<a href="/articles/a/">A</a> '
                                       '<a href="/articles/gone/?ref=home">gone</a>'))
    assert check(files) == [
        "index.html: links to /articles/gone/?ref=home, which is not in the site (broken-link)",
    ]


def test_broken_anchor_on_the_same_page_and_on_another_page() -> None:
    files = with_pages("articles/a/index.html", html(
        '<h2 id="why">Why</h2><a href="#how">how</a> <a href="/">home</a>'))
    files["index.html"] = html('<a href="/articles/a/#why">ok</a> <a href="articles/a/#when">x</a>')
    assert check(files) == [
        "articles/a/index.html: links to #how, but this page has no id how (broken-anchor)",
        "index.html: links to articles/a/#when (= /articles/a/), "
        "but articles/a/index.html has no id when (broken-anchor)",
    ]


def test_missing_image_in_src_and_srcset() -> None:
    files = with_pages("index.html", html(
        '<a href="/articles/a/">A</a><img src="/static/gone.png" '
        'srcset="/static/logo.png 1x, /static/gone@2x.png 2x">'
        '<picture><source srcset="/static/gone.avif"></picture>'))
    assert check(files) == [
        "index.html: shows image /static/gone.avif, which is not in the site (missing-image)",
        "index.html: shows image /static/gone.png, which is not in the site (missing-image)",
        "index.html: shows image /static/gone@2x.png, which is not in the site (missing-image)",
    ]


def test_a_script_or_stylesheet_that_is_missing_is_a_broken_link() -> None:
    files = with_pages("index.html", html('<a href="/articles/a/">A</a><script src="/app.js">'
                                       "</script>", '<link rel="stylesheet" href="/x.css">'))
    assert check(files) == [
        "index.html: loads /app.js, which is not in the site (broken-link)",
        "index.html: loads /x.css, which is not in the site (broken-link)",
    ]


def test_a_page_nothing_else_links_to_is_an_orphan() -> None:
    files = with_pages("articles/b/index.html", html('<a href="/articles/b/">me</a> '
                                                    '<a href="/">home</a>'))
    assert check(files) == ["articles/b/index.html: no page links here (orphan)"]


def test_pages_differing_only_by_case_are_duplicates() -> None:
    files = with_pages("articles/A/index.html", html('<a href="/">home</a>'))
    files["index.html"] = html('<a href="/articles/a/">a</a> <a href="/articles/A/">A</a>')
    assert check(files) == [
        "articles/A/index.html: differs from articles/a/index.html only by letter case; "
        "a case-insensitive host serves just one (duplicate-url)",
        "articles/a/index.html: differs from articles/A/index.html only by letter case; "
        "a case-insensitive host serves just one (duplicate-url)",
    ]


def test_pages_declaring_the_same_canonical_address_are_duplicates() -> None:
    copy = html('<a href="/">home</a>',
                '<link rel="Canonical" href="https://example.org/articles/a/">')
    files = with_pages("articles/b/index.html", copy)
    files["index.html"] = html('<a href="/articles/a/">a</a> <a href="/articles/b/">b</a>')
    assert check(files) == [
        "articles/a/index.html: declares the same canonical address "
        "https://example.org/articles/a/ as articles/b/index.html (duplicate-url)",
        "articles/b/index.html: declares the same canonical address "
        "https://example.org/articles/a/ as articles/a/index.html (duplicate-url)",
    ]


def test_a_malformed_feed_names_the_line() -> None:
    files = with_pages("topics/x/feed.xml", b'<?xml version="1.0"?>\n<feed>\n  <title>x</titel>\n')
    assert check(files) == [
        "topics/x/feed.xml: line 3: not well-formed XML (mismatched tag) (bad-feed)",
    ]


def test_feed_entry_without_id_and_feed_with_a_bad_date() -> None:
    feed = (FEED.replace(b"<id>https://example.org/articles/a/</id>", b"")
            .replace(b"<updated>2026-01-01T00:00:00Z</updated>\n  <entry>",
                     b"<updated>2026-01-01</updated>\n  <entry>"))
    assert check({**SITE, "feed.xml": feed}) == [
        "feed.xml: entry 1 \"A\" has no <id> (bad-feed)",
        "feed.xml: the feed's <updated> 2026-01-01 is not an RFC 3339 date-time "
        "(like 2026-01-01T00:00:00Z) (bad-feed)",
    ]


def test_feed_entries_need_a_link_and_unique_ids() -> None:
    entry = FEED[FEED.index(b"<entry>"):FEED.index(b"</feed>")]
    feed = FEED.replace(b"</feed>", entry.replace(b"<link", b"<x") + b"</feed>")
    assert check({**SITE, "feed.xml": feed}) == [
        "feed.xml: entry 2 \"A\" has no <link href> (bad-feed)",
        "feed.xml: entry 2 \"A\" has the same id as entry 1: https://example.org/articles/a/ "
        "(bad-feed)",
    ]


def test_any_atom_document_is_checked_and_other_xml_ignored() -> None:
    files = {**SITE, "other.xml": b"<not-closed>", "data.xml": b"<rows/>",
             "x.xml": b'<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id></feed>'}
    assert check(files) == ["x.xml: the feed has no <title> (bad-feed)",
                            "x.xml: the feed has no <updated> (bad-feed)"]


def test_sitemap_location_of_a_missing_page() -> None:
    sitemap = SITEMAP.replace(b"</urlset>",
                              b"<url><loc>https://example.org/articles/gone/</loc></url></urlset>")
    assert check({**SITE, "sitemap.xml": sitemap}) == [
        "sitemap.xml: lists https://example.org/articles/gone/, which is not in the site "
        "(broken-link)",
    ]


def test_under_a_base_path_links_must_stay_inside_it() -> None:
    files = {
        "index.html": html('<a href="/repo/x/">x</a> <a href="/other/">o</a> '
                           '<a href="x/index.html">x</a> <a href="../">up</a>'),
        "x/index.html": html('<a href="/repo/">home</a> <a href="../../../elsewhere/">e</a>'),
    }
    assert check(files, "/repo/") == [
        "index.html: links to ../ (= /), which points outside the site's base path /repo/ "
        "(broken-link)",
        "index.html: links to /other/, which points outside the site's base path /repo/ "
        "(broken-link)",
        "x/index.html: links to ../../../elsewhere/ (= /elsewhere/), which points outside "
        "the site's base path /repo/ (broken-link)",
    ]


def test_relative_links_resolve_against_the_page_address() -> None:
    files = {
        "index.html": html('<a href="articles/a/">a</a> <a href="topics/x.html">x</a>'),
        "articles/a/index.html": html('<a href="../b/">b</a> <a href="../../topics/x.html#t">x'
                                      '</a> <a href="c/">c</a> <a href="../b">no slash</a>'),
        "articles/b/index.html": html('<a href="../../">home</a> <a href="../a/index.html">a</a>'),
        "topics/x.html": html('<h1 id="t">X</h1><a href="../index.html">home</a> '
                              '<a href="x.html#t">self</a> <a href="y%20z.html">y z</a>'),
        "topics/y z.html": html('<a href="x.html">x</a>'),
    }
    assert check(files) == [
        "articles/a/index.html: links to c/ (= /articles/a/c/), which is not in the site "
        "(broken-link)",
    ]


def test_from_file_urls_folder_links_must_name_index_html() -> None:
    files = {
        "index.html": html('<a href="a/index.html">a</a> <a href="b/index.html">b</a>'),
        "a/index.html": html('<a href="../b/">b</a> <a href="../b/index.html">b</a> '
                             '<a href="../b">b</a> <a href="../index.html#x">home</a>'),
        "b/index.html": html('<a href="../index.html">home</a> <a href="/a/index.html">a</a>'),
        "404.html": html('<a href="/">home</a>'),
    }
    files["index.html"] += b'<p id="x"></p>'
    assert check(files, file_urls=True) == [
        "a/index.html: links to ../b (= /b), a folder; from file:// it must name index.html "
        "(broken-link)",
        "a/index.html: links to ../b/ (= /b/), a folder; from file:// it must name index.html "
        "(broken-link)",
        "b/index.html: links to /a/index.html, a root-relative link, which from file:// leaves "
        "the site; make it relative (broken-link)",
    ]
    assert check(files) == []  # over http, servers serve a folder's index.html


def test_404_page_is_checked_only_for_links_that_mean_the_same_at_any_depth() -> None:
    files = with_pages("404.html", html(
        '<a href="../anything/">rel</a> <img src="img.png"> <a href="/">home</a> '
        '<a href="/gone/">gone</a> <a href="#nope">x</a>'))
    assert check(files) == [
        "404.html: links to #nope, but this page has no id nope (broken-anchor)",
        "404.html: links to /gone/, which is not in the site (broken-link)",
    ]


def test_external_links_are_not_checked() -> None:
    files = with_pages("index.html", html(
        '<a href="/articles/a/">a</a> <a href="https://example.com/gone/">x</a> '
        '<a href="http://x/">x</a> <a href="mailto:a@b.c">m</a> <a href="//cdn.example/x.js">'
        'c</a> <img src="data:image/png;base64,AA=="> <a href="tel:+1">t</a>'))
    assert check(files) == []


def test_read_folder_maps_posix_paths_to_bytes(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "index.html").write_bytes(b"x")
    (tmp_path / "index.html").write_bytes(b"y")
    assert read_folder(tmp_path) == {"a/b/index.html": b"x", "index.html": b"y"}


segment = st.text("abcdefgh", min_size=1, max_size=3)
page_paths = st.lists(st.lists(segment, min_size=1, max_size=3).map("/".join),
                      min_size=1, max_size=6, unique=True)


def linked_site(folders: list[str]) -> dict[str, bytes]:
    """Home plus one page per folder, every page linking to every other by a relative link."""
    pages = ["index.html", *(f"{folder}/index.html" for folder in folders)]
    return {
        page: html(" ".join(
            f'<a href="{posixpath.relpath(other, posixpath.dirname(page) or ".")}">x</a>'
            for other in pages if other != page))
        for page in pages
    }


@settings(max_examples=60, deadline=None)
@given(page_paths, st.integers(min_value=0))
def test_fully_linked_sites_are_clean_and_one_dead_link_is_one_finding(
        folders: list[str], pick: int) -> None:
    files = linked_site(folders)
    assert check_files(files, file_urls=True) == []
    source = sorted(files)[pick % len(files)]
    dead = posixpath.relpath("zz/index.html", posixpath.dirname(source) or ".")
    files[source] += f'<a href="{dead}">dead</a>'.encode()
    findings = check_files(files, file_urls=True)
    assert [(f.kind, f.page) for f in findings] == [("broken-link", source)]


def test_the_demo_site_has_no_findings_except_orphans(demo_site: Path, tmp_path: Path) -> None:
    config = load_config(demo_site)
    build_site(config, tmp_path / "out")
    findings = check_files(read_folder(tmp_path / "out"), config.base_path)
    for finding in findings:
        print(finding)
    assert [f for f in findings if f.kind != "orphan"] == []
