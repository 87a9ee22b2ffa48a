"""Building: pages, links, atomic output, template and static overrides, template errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from readsite.cli import main
from readsite.config import load_config
from readsite.errors import BuildError, ReadsiteError
from readsite.outputdir import MARKER
from readsite.pipeline import build_site
from tests.conftest import DEFAULT_SITE_YAML, MakeSite, broken_links, snapshot

ARTICLES = {
    "content/one.md": """\
        ---
        title: One neocloud story
        date: 2026-05-02
        source: Outlet A
        summary: The first one.
        ---

        The neocloud rents out GPU compute capacity. Grok and Colossus and Memphis.

        ## Money

        The IPO is coming, says the initial public offering filing. Grok again.
        """,
    "content/two.md": """\
        ---
        title: Two neocloud story
        date: 2026-05-03
        ---

        Another neocloud take on GPU compute capacity, with Grok and Colossus in Memphis.
        """,
    "content/three.md": """\
        ---
        title: Three, by hand
        topics: [ipo]
        ---

        Hand-tagged. Nothing about renting hardware here.
        """,
}


def build(root: Path) -> Path:
    assert main(["--site", str(root)]) == 0
    return root / "_site"


def test_pages_and_pretty_urls(make_site: MakeSite) -> None:
    site = build(make_site(files=ARTICLES))
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*")
                   if p.is_file() and not p.relative_to(site).as_posix().startswith("pagefind/"))
    assert files == [
        MARKER, "404.html", "archive/index.html", "articles/one/index.html",
        "articles/three/index.html", "articles/two/index.html", "feed.xml", "index.html",
        "robots.txt", "search/index.html", "search/index.js", "sitemap.xml",
        "static/favicon.svg", "static/site.js", "static/style.css", "stories/index.html",
        "stories/one-neocloud-story/index.html", "timeline/index.html",
        "topics/index.html", "topics/ipo/feed.xml", "topics/ipo/index.html",
        "topics/ipo/timeline/index.html", "topics/neocloud/feed.xml",
        "topics/neocloud/index.html", "topics/neocloud/timeline/index.html",
    ]
    assert broken_links(site) == []


def test_classification_and_manual_topics(make_site: MakeSite) -> None:
    site = build(make_site(files=ARTICLES))
    neocloud = (site / "topics/neocloud/index.html").read_text()
    ipo = (site / "topics/ipo/index.html").read_text()
    assert "Two neocloud story" in neocloud and "One neocloud story" in neocloud
    assert "Three, by hand" not in neocloud
    assert "Three, by hand" in ipo and "One neocloud story" in ipo
    assert neocloud.index("Two neocloud story") < neocloud.index("One neocloud story")


def test_article_page_shows_everything(make_site: MakeSite) -> None:
    site = build(make_site(files=ARTICLES))
    html = (site / "articles/one/index.html").read_text()
    for fragment in (
        "<h1>One neocloud story</h1>", '<p class="dek">The first one.</p>',
        'data-pagefind-meta="source">Outlet A</span>', '<time datetime="2026-05-02"',
        ">2 May 2026</time>",
        "1 min read", '<a href="/topics/neocloud/">Neocloud</a>',
        '<h2 id="s-money"><a class="heading-anchor" href="#s-money">Money</a></h2>',
        '<a href="/">Test Site</a>', '<a rel="prev" href="/articles/two/">',
        # one and two tell the same story: two is offered as its sibling and as the
        # previous article, never again under Related
        "Part of a story", '<a href="/stories/one-neocloud-story/">',
    ):
        assert fragment in html, fragment
    assert "Related" not in html


def test_home_counts_and_archive(make_site: MakeSite) -> None:
    site = build(make_site(files=ARTICLES))
    home = (site / "index.html").read_text()
    assert "A site for tests." in home
    assert "2 articles" in home  # neocloud and IPO both have two
    archive = (site / "archive/index.html").read_text()
    assert "<h2>2026</h2>" in archive and "<h2>Undated</h2>" in archive


def test_base_path_prefixes_every_link(make_site: MakeSite) -> None:
    root = make_site(files=ARTICLES, site_yaml=DEFAULT_SITE_YAML.replace(
        "https://example.org/", "https://x.org/sub/"))
    site = build(root)
    assert broken_links(site, "/sub/") == []
    assert 'href="/sub/static/style.css"' in (site / "404.html").read_text()
    feed = ET.parse(site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.find("a:entry/a:id", ns).text == "https://x.org/sub/articles/two/"  # type: ignore[union-attr]
    urls = [e.text for e in ET.parse(site / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://x.org/sub/articles/one/" in urls


def test_titles_are_escaped(make_site: MakeSite) -> None:
    site = build(make_site(files={"content/x.md": "---\ntitle: <b>Bold</b> & co\n---\nx"}))
    html = (site / "articles/x/index.html").read_text()
    assert "<h1>&lt;b&gt;Bold&lt;/b&gt; &amp; co</h1>" in html


def test_user_template_extends_theme_and_static_overrides(make_site: MakeSite) -> None:
    root = make_site(files={
        **ARTICLES,
        "templates/article.html": """\
            {% extends "!theme/article.html" %}
            {% block content %}<p class="custom">Custom above</p>{{ super() }}{% endblock %}
            """,
        "static/style.css": "body { color: red; }\n",
        "static/extra/logo.svg": "<svg/>",
    })
    site = build(root)
    html = (site / "articles/one/index.html").read_text()
    assert '<p class="custom">Custom above</p>' in html and "<h1>One neocloud story</h1>" in html
    assert (site / "static/style.css").read_text() == "body { color: red; }\n"
    assert (site / "static/extra/logo.svg").is_file()


def test_template_error_names_template_line_and_keeps_site(
    make_site: MakeSite, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(files=ARTICLES)
    before = snapshot(build(root))
    (root / "templates").mkdir()
    (root / "templates/topic.html").write_text(
        '{% extends "!theme/topic.html" %}\n'
        "{% block content %}\n{{ topic.nope }}\n{% endblock %}\n")
    assert main(["--site", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"{root / 'templates/topic.html'}:3: template error while rendering" in err
    assert "nope" in err
    assert snapshot(root / "_site") == before
    (root / "templates/topic.html").write_text("{% if %}\n")
    assert main(["--site", str(root)]) == 1
    assert f"{root / 'templates/topic.html'}:1:" in capsys.readouterr().err


def test_rebuild_replaces_output_and_leaves_no_temp(make_site: MakeSite) -> None:
    root = make_site(files=ARTICLES)
    site = build(root)
    (root / "content/two.md").unlink()
    build(root)
    assert not (site / "articles/two").exists()
    assert sorted(p.name for p in root.iterdir()) == [".readsite-cache", "_site", "content",
                                                      "site.yaml"]


def test_refuses_to_replace_foreign_folder(
    make_site: MakeSite, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(files=ARTICLES)
    (root / "_site").mkdir()
    (root / "_site/precious.txt").write_text("mine")
    assert main(["--site", str(root)]) == 1
    assert "has files readsite did not write" in capsys.readouterr().err
    assert (root / "_site/precious.txt").read_text() == "mine"


def test_output_option(make_site: MakeSite, tmp_path: Path) -> None:
    root = make_site(files=ARTICLES)
    assert main(["--site", str(root), "build", "--output", str(tmp_path / "elsewhere")]) == 0
    assert (tmp_path / "elsewhere/index.html").is_file()
    assert not (root / "_site").exists()


def test_two_claims_on_one_output_path_fail_before_anything_is_written(
        make_site: MakeSite) -> None:
    root = make_site(files={**ARTICLES, "root/articles/one/index.html": "<p>mine</p>"})
    with pytest.raises(BuildError, match=r"two things want to write articles/one/index\.html: "
                       r"the article page `/articles/one/` and root file "):
        build_site(load_config(root))
    assert not (root / "_site").exists()
    assert not list(root.glob(".*tmp-*")), "no staged folder was made"


def test_empty_site_builds(make_site: MakeSite) -> None:
    report = build_site(load_config(make_site()))
    assert "article" not in report.pages
    assert (report.output / "index.html").is_file()
    assert broken_links(report.output) == []


def test_article_page_shows_tags_after_the_meta_line(make_site: MakeSite) -> None:
    site = build(make_site(files={"content/t.md": """\
        ---
        title: Tagged
        date: 2026-05-02
        tags: [Rust, "<b>bold</b>"]
        ---

        Text.
        """}))
    html = (site / "articles/t/index.html").read_text(encoding="utf-8")
    meta_end = html.index('class="reading-time"')
    tags = html.index('<ul class="tags" aria-label="Tags">')
    assert meta_end < tags < html.index('<div class="prose">')
    assert "<li>Rust</li>" in html and "<li>&lt;b&gt;bold&lt;/b&gt;</li>" in html
    assert '<meta property="article:tag" content="Rust">' in html
    untagged = build(make_site(files=ARTICLES, name="untagged"))
    assert 'class="tags"' not in (untagged / "articles/one/index.html").read_text("utf-8")


def test_migrated_raw_html_is_kept_safely_in_the_page(make_site: MakeSite) -> None:
    site = build(make_site(files={"content/wp.md": """\
        ---
        title: From WordPress
        ---

        Intro.<!--more-->

        <figure><img src="/uploads/a.png" alt="Chart" onerror="alert(1)">
        <figcaption>Q3</figcaption></figure>

        <table><tr><th>Year</th><td>2019</td></tr></table>

        <script>alert(1)</script>
        """}))
    html = (site / "articles/wp/index.html").read_text(encoding="utf-8")
    assert ('<figure><img src="/uploads/a.png" alt="Chart" loading="lazy">\n<figcaption>Q3'
            '</figcaption></figure>') in html
    assert "<table><tbody><tr><th>Year</th><td>2019</td></tr></tbody></table>" in html
    assert "alert" not in html and "<!--" not in html


def test_updated_date_in_page_meta_and_sitemap(make_site: MakeSite) -> None:
    site = build(make_site(files={"content/u.md": "---\ntitle: U\ndate: 2026-01-02\n"
                                                  "updated: 2026-03-04\n---\nx"}))
    html = (site / "articles/u/index.html").read_text(encoding="utf-8")
    assert '<meta property="article:modified_time" content="2026-03-04">' in html
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert ("<loc>https://example.org/articles/u/</loc><lastmod>2026-03-04</lastmod>"
            in sitemap)


def test_list_dek_never_repeats_the_title(make_site: MakeSite) -> None:
    site = build(make_site(files={
        "content/echo.md": "---\ntitle: A deal was announced between two labs\nsummary: A deal "
                           "was announced between two labs, with one buying the other's GPUs.\n"
                           "---\n\nA deal was announced between two labs, with one buying the "
                           "other's GPUs. The podcast asked what it means for the parent "
                           "company's public offering next year.\n",
        "content/own.md": "---\ntitle: Own words\nsummary: A summary written by hand.\n---\n\n"
                          "Body text about GPUs.\n"}))
    home = (site / "index.html").read_text(encoding="utf-8")
    deks = re.findall(r'<p class="summary">(.*?)</p>', home)
    assert sorted(deks) == ["A summary written by hand.",
                            "The podcast asked what it means for the parent company&#39;s public "
                            "offering next year."]


def test_a_build_leaves_the_collector_as_it_found_it(make_site: MakeSite) -> None:
    """A build collects less often and freezes what it loaded (`readsite.heap`); a preview
    server builds again and again, so afterwards the thresholds are back and nothing stays
    frozen, even when the build failed."""
    import gc

    site = make_site(files=ARTICLES)
    before = gc.get_threshold()
    build_site(load_config(site))
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    (site / "templates").mkdir()
    (site / "templates/topic.html").write_text("{% if %}\n")
    with pytest.raises(ReadsiteError):
        build_site(load_config(site))
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
