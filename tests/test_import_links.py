"""Old URLs and links of a migrated blog: what each generator published, and the rewriting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from readsite.importers import sites
from readsite.importers.links import Assets, LinkMap, Rewriter, normal_path, outside_code

DATE = dt.date(2019, 3, 4)


def test_jekyll_permalink_styles(tmp_path: Path) -> None:
    post = tmp_path / "_posts" / "2019-03-04-second-post.md"
    for style, expected in (
        ("date", "/ops/2019/03/04/second-post.html"),
        ("pretty", "/ops/2019/03/04/second-post/"),
        ("/:year/:month/:day/:title/", "/2019/03/04/second-post/"),
        ("/blog/:title:output_ext", "/blog/second-post.html"),
    ):
        site = sites.Site("jekyll", tmp_path, {"permalink": style})
        assert sites.jekyll_url(site, post, {}, DATE, ["Ops"]) == expected, style
    site = sites.Site("jekyll", tmp_path, {})
    assert sites.jekyll_url(site, post, {"permalink": "/x/"}, DATE, []) == "/x/"
    assert sites.jekyll_url(site, tmp_path / "about.md", {}, None, []) == "/about.html"


def test_hugo_permalinks_url_and_bundles(tmp_path: Path) -> None:
    site = sites.Site("hugo", tmp_path, {"permalinks": {"posts": "/:year/:month/:slug/"}})
    post = tmp_path / "content" / "posts" / "glossary.md"
    assert sites.hugo_url(site, post, {}, DATE, "", "A small glossary") == \
        "/2019/03/a-small-glossary/"
    assert sites.hugo_url(site, post, {}, DATE, "words", "A small glossary") == "/2019/03/words/"
    assert sites.hugo_url(site, post, {"url": "incidents/x/"}, DATE, "", "T") == "/incidents/x/"
    bundle = tmp_path / "content" / "notes" / "trip" / "index.md"
    assert sites.hugo_url(site, bundle, {}, DATE, "", "Trip") == "/notes/trip/"


def test_pelican_urls_follow_its_settings() -> None:
    site = sites.Site("pelican", None, {"ARTICLE_URL": "{date:%Y}/{slug}.html"})
    assert sites.pelican_url(site, {}, DATE, "cache-keys", "Builds", False) == \
        "/2019/cache-keys.html"
    assert sites.pelican_url(sites.Site("pelican"), {}, DATE, "about", "", True) == \
        "/pages/about.html"
    assert sites.pelican_url(site, {"save_as": "old/x.html"}, DATE, "x", "", False) == \
        "/old/x.html"


def test_file_dates() -> None:
    assert sites.file_date(Path("2019-03-04-second-post.md")) == (DATE, "second-post")
    assert sites.file_date(Path("2019-02-30-bad.md")) == (None, "2019-02-30-bad")
    assert sites.file_date(Path("notes.md")) == (None, "notes")


def rewriter(tmp_path: Path, links: LinkMap) -> Rewriter:
    post = tmp_path / "_posts" / "2019-05-01-x.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    return Rewriter(links, Assets(), post, tmp_path, tmp_path, "x", old_url="/2019/05/01/x/")


def test_links_are_rewritten_outside_code_only(tmp_path: Path) -> None:
    links = LinkMap(old_hosts={"old.example"})
    links.add("_posts/2019-03-04-second-post.md", ["2019-03-04-second-post"],
              ["/2019/03/04/second-post/"], "/articles/second-post/")
    body = ("See [it](/2019/03/04/second-post/) and [again](https://old.example/2019/03/04/"
            "second-post/index.html#part), [file](2019-03-04-second-post.md), "
            "[up](../../../03/04/second-post/).\n\n```\n[code](/2019/03/04/second-post/)\n```\n"
            "`[inline](/2019/03/04/second-post/)` and <a href=\"/2019/03/04/second-post\">a</a>"
            "\n\n[ref]: /2019/03/04/second-post/\n[^1]: A footnote, not a link.\n"
            "<span>[.]([</span> and [ext](https://elsewhere.example/2019/03/04/second-post/)\n")
    rw = rewriter(tmp_path, links)
    out = rw.rewrite(body)
    assert out.count("/articles/second-post/") == 6
    assert "/articles/second-post/#part" in out
    assert "```\n[code](/2019/03/04/second-post/)\n```" in out
    assert "`[inline](/2019/03/04/second-post/)`" in out
    assert "https://elsewhere.example/2019/03/04/second-post/" in out
    assert rw.notes == []


def test_unresolved_internal_links_are_reported_with_their_line(tmp_path: Path) -> None:
    rw = rewriter(tmp_path, LinkMap())
    rw.line_offset = 4
    out = rw.rewrite("Intro.\n\nA [gone](/2018/01/01/gone/) post.\n")
    assert "/2018/01/01/gone/" in out
    [note] = rw.notes
    assert note.line == 7 and "points at nothing that was imported" in note.message


def test_files_and_data_images_are_copied(tmp_path: Path) -> None:
    (tmp_path / "assets" / "img").mkdir(parents=True)
    (tmp_path / "assets" / "img" / "a.png").write_bytes(b"png")
    rw = rewriter(tmp_path, LinkMap())
    out = rw.rewrite("![a](/assets/img/a.png) ![b](data:image/png;base64,cG5n)\n")
    assert "![a](/static/assets/img/a.png)" in out
    assert "data:" not in out and "/static/media/x-" in out
    assert rw.assets.files["assets/img/a.png"] == b"png"
    assert b"png" in rw.assets.files.values()


def test_normal_path_forms() -> None:
    assert normal_path("/a/b/") == normal_path("/a/b") == normal_path("/a/b/index.html") == "/a/b"
    assert normal_path("/a%20b/?x=1#y") == "/a b"


@given(st.text())
def test_outside_code_with_an_identity_rewrite_changes_nothing(text: str) -> None:
    assert outside_code(text, lambda part, line: part) == text
