"""Site plumbing as a reader, a feed reader, a crawler and a publisher see it in the built
output: feeds, sitemap, robots.txt, head metadata, sub-path and file:// links, root/ files,
drafts, the demo's template override, and the `check` / `build --relative` commands."""

from __future__ import annotations

import dataclasses
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from readsite.cli import main
from readsite.config import SiteConfig, load_config
from readsite.errors import BuildError, ContentError
from readsite.pipeline import build_site
from readsite.render import THEME_DIR
from readsite.sitecheck import check_files, read_folder
from tests.conftest import DEFAULT_SITE_YAML, MakeSite, snapshot, start_tags

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://example.org/"
FILE_ENDINGS = (".html", ".css", ".svg", ".xml", ".js")

ARTICLES = {
    "content/one.md": """\
        ---
        title: One neocloud story
        date: 2026-05-02
        author: Ada
        summary: The first one.
        ---

        The neocloud rents out GPU compute capacity. See [two](/articles/two/).

        The IPO is coming, says the initial public offering filing.
        """,
    "content/two.md": """\
        ---
        title: Two neocloud story
        date: 2026-05-03
        ---

        Another neocloud take on GPU compute capacity.
        """,
    "content/three.md": """\
        ---
        title: Three, undated, by hand
        topics: [ipo, neocloud]
        ---

        Hand-tagged and undated. Back to [one](/articles/one/).
        """,
    "content/four.md": """\
        ---
        title: Four, undated IPO piece
        topics: [ipo]
        ---

        Nothing dated here either.
        """,
}


# ---------------------------------------------------------------------------- helpers




tags = start_tags


def refs(html: str) -> list[str]:
    """Every href and src value of a page."""
    return [attrs[name] for _, attrs in tags(html) for name in ("href", "src") if name in attrs]


def internal_refs(html: str) -> list[str]:
    """href/src values that stay on the site (no scheme, no host)."""
    return [u for u in refs(html) if not (urlsplit(u).scheme or urlsplit(u).netloc)]


def meta(html: str, key: str) -> list[str]:
    """content of every <meta property=key> or <meta name=key>."""
    return [a.get("content", "") for t, a in tags(html)
            if t == "meta" and key in (a.get("property"), a.get("name"))]


def link_rel(html: str, rel: str) -> list[str]:
    """href of every <link> whose rel contains `rel`."""
    return [a.get("href", "") for t, a in tags(html)
            if t == "link" and rel in a.get("rel", "").lower().split()]


def html_pages(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))


def page_url(relpath: str, base_url: str = BASE) -> str:
    """The absolute address a host serves output file `relpath` at."""
    served = relpath[: -len("index.html")] if posixpath.basename(relpath) == "index.html" \
        else relpath
    return urljoin(base_url, served)


def file_for(url: str, base_url: str, out: Path) -> Path:
    """The output file an absolute same-site URL is served from."""
    assert url.startswith(base_url), f"{url} is not under {base_url}"
    rel = url[len(base_url):]
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return out / rel


def build(config: SiteConfig, out: Path, drafts: bool = False) -> Path:
    build_site(config, out, drafts=drafts)
    return out


def built(root: Path, name: str = "out", **changes: object) -> Path:
    config = load_config(root)
    if changes:
        config = dataclasses.replace(config, **changes)  # type: ignore[arg-type]
    return build(config, root.parent / name)


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def feed_paths(out: Path) -> list[str]:
    return ["feed.xml", *sorted(p.relative_to(out).as_posix()
                                for p in (out / "topics").glob("*/feed.xml"))]


def entries(feed: ET.Element) -> list[ET.Element]:
    return feed.findall(ATOM + "entry")


def alternate(element: ET.Element) -> str:
    hrefs = [link.get("href", "") for link in element.findall(ATOM + "link")
             if link.get("rel", "alternate") == "alternate"]
    assert len(hrefs) == 1, ET.tostring(element)
    return hrefs[0]


# ---------------------------------------------------------------------------- 1. feeds


def test_every_feed_is_complete_atom_whose_entries_link_to_real_articles(
        make_site: MakeSite) -> None:
    out = built(make_site(files=ARTICLES))
    feeds = feed_paths(out)
    assert feeds == ["feed.xml", "topics/ipo/feed.xml", "topics/neocloud/feed.xml"]
    for relpath in feeds:
        feed = ET.fromstring((out / relpath).read_bytes())
        assert feed.tag == ATOM + "feed", relpath
        for name in ("id", "title", "updated"):
            assert (feed.findtext(ATOM + name) or "").strip(), f"{relpath} lacks <{name}>"
        selfs = [link.get("href") for link in feed.findall(ATOM + "link")
                 if link.get("rel") == "self"]
        assert selfs == [BASE + relpath]
        assert (feed.findtext(f"{ATOM}author/{ATOM}name") or "").strip()
        assert entries(feed), f"{relpath} has no entries"
        for entry in entries(feed):
            for name in ("id", "title", "updated"):
                assert (entry.findtext(ATOM + name) or "").strip(), relpath
            href = alternate(entry)
            assert href.startswith(BASE + "articles/"), href
            assert file_for(href, BASE, out).is_file(), f"{relpath}: {href} is not a page"


def test_site_feed_holds_every_article(make_site: MakeSite) -> None:
    out = built(make_site(files=ARTICLES))
    feed = ET.fromstring((out / "feed.xml").read_bytes())
    articles = {f"{BASE}articles/{p.name}/" for p in (out / "articles").iterdir()}
    assert {alternate(e) for e in entries(feed)} == articles
    assert len(articles) == 4


def test_topic_feed_holds_exactly_the_articles_of_its_topic_page(make_site: MakeSite) -> None:
    out = built(make_site(files=ARTICLES))
    for topic in ("ipo", "neocloud"):
        page = text(out / "topics" / topic / "index.html")
        listed = {urljoin(page_url(f"topics/{topic}/index.html"), u)
                  for u in internal_refs(page) if u.startswith("/articles/")}
        feed = ET.fromstring((out / "topics" / topic / "feed.xml").read_bytes())
        assert {alternate(e) for e in entries(feed)} == listed, topic
        assert feed.findtext(ATOM + "id") == f"{BASE}topics/{topic}/"
    ipo = ET.fromstring((out / "topics/ipo/feed.xml").read_bytes())
    assert f"{BASE}articles/four/" in {alternate(e) for e in entries(ipo)}
    neocloud = ET.fromstring((out / "topics/neocloud/feed.xml").read_bytes())
    assert f"{BASE}articles/four/" not in {alternate(e) for e in entries(neocloud)}


def test_undated_entries_carry_the_feeds_newest_date_not_the_build_time(
        make_site: MakeSite, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_site(files=ARTICLES)
    config = load_config(root)
    first = build(config, root.parent / "first")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")  # 2030: a different "build time"
    second = build(config, root.parent / "second")
    for relpath in feed_paths(first):
        assert (first / relpath).read_bytes() == (second / relpath).read_bytes(), relpath
    updated = {alternate(e): e.findtext(ATOM + "updated")
               for e in entries(ET.fromstring((first / "feed.xml").read_bytes()))}
    assert updated[f"{BASE}articles/two/"] == "2026-05-03T00:00:00Z"
    assert updated[f"{BASE}articles/one/"] == "2026-05-02T00:00:00Z"
    # undated ones get the newest date in the feed...
    assert updated[f"{BASE}articles/three/"] == "2026-05-03T00:00:00Z"
    assert updated[f"{BASE}articles/four/"] == "2026-05-03T00:00:00Z"
    site_feed = ET.fromstring((first / "feed.xml").read_bytes())
    assert site_feed.findtext(ATOM + "updated") == "2026-05-03T00:00:00Z"
    # ...and in a topic feed the newest date *of that topic*: ipo has only one (2026-05-02).
    ipo = ET.fromstring((first / "topics/ipo/feed.xml").read_bytes())
    assert ipo.findtext(ATOM + "updated") == "2026-05-02T00:00:00Z"
    assert {e.findtext(ATOM + "updated") for e in entries(ipo)} == {"2026-05-02T00:00:00Z"}
    for entry in entries(site_feed):
        assert "2030" not in (entry.findtext(ATOM + "updated") or "")


def test_all_undated_site_feed_says_1970_stably(make_site: MakeSite,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_site(files={
        "content/a.md": "---\ntitle: A neocloud piece\n---\n\nGPU compute capacity.\n",
        "content/b.md": "---\ntitle: B IPO piece\ntopics: [ipo]\n---\n\nNo date.\n",
    })
    first = built(root, "first")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    second = built(root, "second")
    for relpath in feed_paths(first):
        data = (first / relpath).read_bytes()
        assert data == (second / relpath).read_bytes(), relpath
        feed = ET.fromstring(data)
        assert feed.findtext(ATOM + "updated") == "1970-01-01T00:00:00Z", relpath
        assert {e.findtext(ATOM + "updated") for e in entries(feed)} \
            == {"1970-01-01T00:00:00Z"}, relpath


# ---------------------------------------------------------------------------- 2. sitemap


def test_sitemap_lists_every_page_but_404_with_absolute_urls(make_site: MakeSite) -> None:
    out = built(make_site(files=ARTICLES))
    sitemap = ET.fromstring((out / "sitemap.xml").read_bytes())
    assert sitemap.tag == SITEMAP_NS + "urlset"
    locs = [(loc.text or "").strip() for loc in sitemap.iter(SITEMAP_NS + "loc")]
    assert len(locs) == len(set(locs)), "a page is listed twice"
    expected = {page_url(p.relative_to(out).as_posix()) for p in out.rglob("index.html")
                if p.parent.name != "search"}  # a search page is not for search engines
    assert set(locs) == expected
    assert all(loc.startswith(BASE) for loc in locs)
    assert not any("404" in loc for loc in locs)
    assert (out / "404.html").is_file()


# ---------------------------------------------------------------------------- 3. robots.txt


def test_robots_points_at_the_absolute_sitemap(make_site: MakeSite) -> None:
    root = make_site(files=ARTICLES)
    out = built(root)
    assert "Sitemap: https://example.org/sitemap.xml" in text(out / "robots.txt").splitlines()
    sub = build(load_config(root).with_base_url("https://x.github.io/repo/"), root.parent / "sub")
    assert "Sitemap: https://x.github.io/repo/sitemap.xml" in text(sub / "robots.txt").splitlines()


def test_robots_without_a_host_names_no_sitemap(make_site: MakeSite) -> None:
    """The sitemaps protocol wants absolute addresses: without a host, say nothing wrong."""
    root = make_site(files=ARTICLES)
    out = build(load_config(root).with_base_url("/"), root.parent / "nohost")
    assert "Sitemap" not in text(out / "robots.txt")
    assert "User-agent: *" in text(out / "robots.txt")


def test_relative_urls_keep_the_canonical_link_absolute(make_site: MakeSite) -> None:
    out = built(make_site(files=ARTICLES), relative_urls=True, base_url="/")
    page = text(out / "articles/one/index.html")
    assert '<link rel="canonical" href="/articles/one/">' in page
    assert 'href="../../static/style.css"' in page


def test_root_robots_txt_replaces_the_generated_one(make_site: MakeSite) -> None:
    mine = "User-agent: *\nDisallow: /private/\n"
    out = built(make_site(files={**ARTICLES, "root/robots.txt": mine}))
    assert text(out / "robots.txt") == mine


# ---------------------------------------------------------------------------- 4. head


def test_every_page_has_canonical_social_and_favicon_metadata(make_site: MakeSite) -> None:
    out = built(make_site(files=ARTICLES))
    pages = html_pages(out)
    # home, topics, archive, 404, 2 topics, 4 articles, the timeline and 2 topic timelines,
    # the stories index and page of the two near-identical neocloud articles, and search
    assert len(pages) == 16, pages
    for relpath in pages:
        html = text(out / relpath)
        url = page_url(relpath)
        assert link_rel(html, "canonical") == [url], relpath
        assert meta(html, "og:url") == [url], relpath
        assert len(meta(html, "og:title")) == 1 and meta(html, "og:title")[0].strip(), relpath
        kind = "article" if relpath.startswith("articles/") else "website"
        assert meta(html, "og:type") == [kind], relpath
        assert meta(html, "twitter:card") and meta(html, "twitter:card")[0], relpath
        icons = link_rel(html, "icon")
        assert icons, f"{relpath} has no favicon"
        for icon in icons:
            assert file_for(urljoin(url, icon), BASE, out).is_file(), f"{relpath}: {icon}"
    one = text(out / "articles/one/index.html")
    assert meta(one, "article:published_time") == ["2026-05-02"]
    assert meta(one, "og:title") == ["One neocloud story"]
    assert meta(text(out / "articles/three/index.html"), "article:published_time") == []


# ---------------------------------------------------------------------------- 5. sub-path


SUB = "https://x.github.io/repo/"
SUB_FILES = {
    **ARTICLES,
    "content/other.md": "---\ntitle: The other one\n---\n\nNothing here.\n",
    "content/linker.md": """\
        ---
        title: Linker
        ---

        See [other](/articles/other/) and this:

        ![x](/static/pic.png)
        """,
    "static/pic.png": "not really a png",
}


@pytest.mark.parametrize("how", ["site.yaml", "with_base_url"])
def test_sub_path_site_links_stay_under_the_sub_path(make_site: MakeSite, how: str) -> None:
    if how == "site.yaml":
        root = make_site(files=SUB_FILES,
                         site_yaml=DEFAULT_SITE_YAML.replace(f"base_url: {BASE}",
                                                             f"base_url: {SUB}"))
        config = load_config(root)
    else:
        root = make_site(files=SUB_FILES)
        config = load_config(root).with_base_url(SUB)
    assert config.base_path == "/repo/"
    out = build(config, root.parent / "out")
    for relpath in html_pages(out):
        html = text(out / relpath)
        for url in internal_refs(html):
            if url.startswith("#"):
                continue  # same-page anchors (the skip link) have no path to prefix
            if url.startswith("../") or url.startswith("static/"):  # the theme's files,
                resolved = posixpath.normpath(posixpath.join("/repo", posixpath.dirname(
                    relpath), url))                                 # relative to the page
                assert resolved.startswith("/repo/static/"), f"{relpath}: {url}"
                continue
            assert url.startswith("/repo/"), f"{relpath}: {url}"
        assert link_rel(html, "canonical") == [page_url(relpath, SUB)]
    assert check_files(read_folder(out), "/repo/") == []
    linker = internal_refs(text(out / "articles/linker/index.html"))
    assert "/repo/articles/other/" in linker
    assert "/repo/static/pic.png" in linker
    assert (out / "static/pic.png").is_file()
    for relpath in feed_paths(out):
        feed = ET.fromstring((out / relpath).read_bytes())
        for entry in entries(feed):
            assert alternate(entry).startswith(SUB + "articles/")


@pytest.mark.parametrize("relative", [False, True])
def test_sub_path_home_intro_links_get_the_base_path(make_site: MakeSite,
                                                     relative: bool) -> None:
    site_yaml = DEFAULT_SITE_YAML.replace(f"base_url: {BASE}", f"base_url: {SUB}") + (
        'intro: "Start with [the archive](/archive/) or ![logo](/static/favicon.svg)."\n')
    root = make_site(files=ARTICLES, site_yaml=site_yaml)
    config = dataclasses.replace(load_config(root), relative_urls=relative)
    out = build(config, root.parent / "out")
    intro = re.findall(r'<section class="intro"[^>]*>.*?</section>', text(out / "index.html"), re.S)
    assert len(intro) == 1
    expected = (["archive/index.html", "static/favicon.svg"] if relative
                else ["/repo/archive/", "/repo/static/favicon.svg"])
    assert internal_refs(intro[0]) == expected
    assert check_files(read_folder(out), "/repo/", file_urls=relative) == []


# ---------------------------------------------------------------------------- 6. file://


@pytest.mark.parametrize("how", ["site.yaml", "replace"])
def test_relative_urls_demo_site_works_from_disk(demo_site: Path, how: str) -> None:
    if how == "site.yaml":
        with (demo_site / "site.yaml").open("a", encoding="utf-8") as handle:
            handle.write("relative_urls: true\n")
        config = load_config(demo_site)
        assert config.relative_urls
    else:
        config = dataclasses.replace(load_config(demo_site), relative_urls=True)
    out = build(config, demo_site.parent / "out")
    pages = html_pages(out)
    assert len(pages) > 5
    for relpath in pages:
        html = text(out / relpath)
        if relpath == "404.html":
            continue
        for url in internal_refs(html):
            assert not url.startswith("/"), f"{relpath}: {url}"
            path = urlsplit(url).path
            assert path.endswith(FILE_ENDINGS) or (not path and urlsplit(url).fragment), \
                f"{relpath}: {url} does not name a file"
            if path:
                target = (out / posixpath.dirname(relpath) / path).resolve()
                assert target.is_file(), f"{relpath}: {url} names no file"
    assert check_files(read_folder(out), config.base_path, file_urls=True) == []
    not_found = [u for u in internal_refs(text(out / "404.html")) if not u.startswith("#")]
    assert not_found and all(u.startswith("/") for u in not_found), not_found


# ---------------------------------------------------------------------------- 7. root/


def test_root_files_land_at_the_output_root_and_junk_does_not(make_site: MakeSite) -> None:
    root = make_site(files={
        **ARTICLES,
        "root/CNAME": "reading.example.org\n",
        "root/.well-known/security.txt": "Contact: mailto:security@example.org\n",
        "root/notes.txt~": "editor backup\n",
    })
    (root / "root/favicon.ico").write_bytes(b"\x00\x00\x01\x00icon")
    (root / "root/.DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    out = built(root)
    assert text(out / "CNAME") == "reading.example.org\n"
    assert text(out / ".well-known/security.txt") == "Contact: mailto:security@example.org\n"
    assert (out / "favicon.ico").read_bytes() == b"\x00\x00\x01\x00icon"
    assert not (out / "notes.txt~").exists()
    assert not (out / ".DS_Store").exists()
    assert not list(out.rglob("*~")) and not list(out.rglob(".DS_Store"))


def test_editor_junk_in_static_is_not_published(make_site: MakeSite) -> None:
    root = make_site(files={**ARTICLES, "static/style.css~": "backup\n",
                            "static/pic.png.swp": "vim swap\n", "static/Thumbs.db": "x"})
    out = built(root)
    assert (out / "static/style.css").is_file()
    assert sorted(p.name for p in (out / "static").iterdir()) == ["favicon.svg", "site.js",
                                                                 "style.css"]


def test_root_file_colliding_with_a_page_fails_and_keeps_the_old_site(
        make_site: MakeSite) -> None:
    root = make_site(files=ARTICLES)
    config = load_config(root)
    out = build(config, root.parent / "out")
    before = snapshot(out)
    (root / "root").mkdir()
    (root / "root/index.html").write_text("<p>mine</p>", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        build_site(config, out)
    message = str(caught.value)
    assert "index.html" in message
    assert "home page" in message
    assert str(config.root_files_dir / "index.html") in message
    assert snapshot(out) == before
    assert sorted(p.name for p in root.parent.iterdir()) == ["out", "site"]


# ---------------------------------------------------------------------------- 8. drafts


DRAFT = """\
    ---
    title: Secret neocloud draft
    date: 2026-06-01
    topics: [neocloud, ipo]
    draft: true
    ---

    A neocloud GPU compute capacity IPO draft.
    """


def test_draft_is_left_out_of_every_page_feed_and_sitemap(make_site: MakeSite) -> None:
    out = built(make_site(files={**ARTICLES, "content/secret.md": DRAFT}))
    assert not (out / "articles/secret").exists()
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_text(encoding="utf-8", errors="replace")
            assert "articles/secret" not in data, path
            assert "Secret neocloud draft" not in data, path
    # the draft's date (the newest) must not leak into the feeds either
    for relpath in feed_paths(out):
        assert "2026-06-01" not in text(out / relpath), relpath


def test_draft_is_built_with_drafts_and_marked(make_site: MakeSite) -> None:
    root = make_site(files={**ARTICLES, "content/secret.md": DRAFT})
    out = build(load_config(root), root.parent / "out", drafts=True)
    page = text(out / "articles/secret/index.html")
    assert 'class="draft-mark"' in page and "Draft" in page
    assert "/articles/secret/" in text(out / "index.html")
    assert "/articles/secret/" in text(out / "topics/neocloud/index.html")
    assert 'class="draft-mark"' not in text(out / "articles/one/index.html")


def test_draft_must_be_a_boolean(make_site: MakeSite) -> None:
    root = make_site(files={
        **ARTICLES,
        "content/x.md": '---\ntitle: X\ndate: 2026-05-01\ndraft: "yes"\n---\n\nBody.\n',
    })
    with pytest.raises(ContentError) as caught:
        build_site(load_config(root), root.parent / "out")
    message = str(caught.value)
    assert "content/x.md:4:" in message
    assert "draft" in message
    assert not (root.parent / "out").exists()


# ---------------------------------------------------------------------------- 9. demo


def test_demo_base_override_adds_colophon_and_keeps_the_theme_footer(demo_site: Path) -> None:
    out = built(demo_site)
    for relpath in html_pages(out):
        html = text(out / relpath)
        footers = re.findall(r"<footer\b.*?</footer>", html, re.S)
        assert len(footers) == 1, relpath
        footer = footers[0]
        assert 'class="colophon"' in footer, relpath
        hrefs = internal_refs(footer)
        for target in ("/", "/topics/", "/archive/", "/feed.xml"):
            assert target in hrefs, f"{relpath}: footer lacks {target}"


def test_demo_favicon_replaces_the_themes(demo_site: Path) -> None:
    out = built(demo_site)
    mine = (demo_site / "static/favicon.svg").read_bytes()
    assert mine != (THEME_DIR / "static/favicon.svg").read_bytes()
    assert (out / "static/favicon.svg").read_bytes() == mine


# ---------------------------------------------------------------------------- 10. CLI


BROKEN = {**ARTICLES, "content/one.md": ARTICLES["content/one.md"].replace(
    "[two](/articles/two/)", "[x](/articles/nope/)")}


def test_cli_check_warns_about_a_broken_link(make_site: MakeSite,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files=BROKEN)
    assert main(["--site", str(root), "check"]) == 0
    captured = capsys.readouterr()
    assert "warning:" in captured.err
    assert "articles/one/index.html" in captured.err and "/articles/nope/" in captured.err
    assert "broken-link" in captured.err
    assert not (root / "_site").exists()


def test_cli_check_strict_fails_on_a_broken_link(make_site: MakeSite,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files=BROKEN)
    assert main(["--site", str(root), "check", "--strict"]) == 1
    captured = capsys.readouterr()
    assert "articles/one/index.html" in captured.err
    assert "broken-link" in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_cli_check_is_clean_for_a_good_site(make_site: MakeSite,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files=ARTICLES)
    assert main(["--site", str(root), "check", "--strict"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "no problems" in captured.out


def test_cli_build_relative(make_site: MakeSite, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files=ARTICLES)
    out = tmp_path / "rel"
    assert main(["--site", str(root), "build", "--relative", "--output", str(out)]) == 0
    assert "built" in capsys.readouterr().out
    home = internal_refs(text(out / "index.html"))
    assert "articles/one/index.html" in home
    article = internal_refs(text(out / "articles/one/index.html"))
    assert "../two/index.html" in article
    assert "../../static/style.css" in article
    for relpath in html_pages(out):
        if relpath != "404.html":
            assert not [u for u in internal_refs(text(out / relpath)) if u.startswith("/")], \
                relpath
    assert check_files(read_folder(out), "/", file_urls=True) == []


def test_control_characters_in_an_article_never_break_a_feed(make_site: MakeSite) -> None:
    """Text pasted from old blogs carries backspaces and form feeds; XML 1.0 forbids them."""
    out = built(make_site(files={"content/x.md": "---\ntitle: Odd bytes\ndate: 2024-01-01\n"
                                 "---\n\nA neocloud\x08\x0c GPU body.\n"}))
    for relpath in feed_paths(out):
        ET.fromstring((out / relpath).read_bytes())  # raises on an invalid character
    assert "\x08" not in text(out / "feed.xml")
