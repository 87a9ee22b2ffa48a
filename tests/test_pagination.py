"""Paginated topic and archive pages: what a reader (and a crawler) finds on each page.

One site of twelve articles with `paginate: 5`: every article is in Neocloud (three pages),
three are in IPO (one page), and the archive spans three pages whose page breaks fall inside
April 2026 and inside November 2025, with one undated article last.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from readsite.cli import main
from readsite.config import load_config, parse_config
from readsite.errors import ConfigError
from readsite.pipeline import build_site
from readsite.sitecheck import check_files, read_folder
from tests.conftest import DEFAULT_SITE_YAML, MakeSite, start_tags

DATES = {  # newest first, as every list shows them
    "a01": "2026-05-20", "a02": "2026-05-10", "a03": "2026-04-28", "a04": "2026-04-15",
    "a05": "2026-04-02", "a06": "2026-04-01", "a07": "2026-01-09", "a08": "2025-12-24",
    "a09": "2025-12-01", "a10": "2025-11-11", "a11": "2025-11-03", "a12": "",
}
NEWEST_FIRST = list(DATES)
IPO = ["a02", "a07", "a11"]
SITE_YAML = DEFAULT_SITE_YAML + "paginate: 5\n"


def article(slug: str) -> str:
    """A Neocloud article (its title says so); the IPO ones say that too."""
    kind = "Neocloud IPO" if slug in IPO else "Neocloud"
    date = f"date: {DATES[slug]}\n" if DATES[slug] else ""
    return f"---\ntitle: {kind} note {slug}\n{date}---\n\nThe neocloud rents out GPUs.\n"


FILES = {f"content/{slug}.md": article(slug) for slug in DATES}


def build(root: Path, name: str = "out", **changes: object) -> Path:
    config = load_config(root)
    if changes:
        config = dataclasses.replace(config, **changes)  # type: ignore[arg-type]
    build_site(config, root.parent / name)
    return root.parent / name


@pytest.fixture
def out(make_site: MakeSite) -> Path:
    return build(make_site(files=FILES, site_yaml=SITE_YAML))


def html(out: Path, path: str) -> str:
    return (out / path / "index.html").read_text(encoding="utf-8")


def listed(page: str) -> list[str]:
    """The article slugs a list page shows, in order."""
    return re.findall(r'class="article-list-title"><a href="[^"]*articles/([^/]+)/', page)


def links(page: str, tag: str) -> dict[str, str]:
    """rel → href of the page's `<link>` (tag="link") or `<a>` (tag="a") elements with a rel."""
    return {attrs["rel"]: attrs["href"] for name, attrs in start_tags(page)
            if name == tag and attrs.get("rel") in ("prev", "next", "canonical")}


def pager(page: str) -> str:
    """The visible text of the page's pager, "" when it has none."""
    found = re.search(r'<nav class="pager" aria-label="Pages">(.*?)</nav>', page, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split()) if found else ""


def headings(page: str) -> list[str]:
    """The archive's year (h2) and month (h3) headings, as "h2 2026", "h3 April (continued)"."""
    found = re.findall(r'<h([23])(?: class="archive-month")?>(.*?)</h\1>', page, re.S)
    return [f"h{level} " + " ".join(re.sub(r"<[^>]+>", "", text).split())
            for level, text in found]


def title(page: str) -> str:
    found = re.search(r"<title>(.*?)</title>", page)
    assert found
    return found.group(1)


LISTS = {
    "topics/neocloud/": ["topics/neocloud/", "topics/neocloud/page/2/",
                         "topics/neocloud/page/3/"],
    "archive/": ["archive/", "archive/page/2/", "archive/page/3/"],
}


def test_list_pages_that_exist(out: Path) -> None:
    pages = sorted(p.parent.relative_to(out).as_posix() + "/" for p in out.rglob("index.html")
                   if ("/page/" in p.as_posix() or p.parent.name in ("archive", "neocloud", "ipo"))
                   and "timeline" not in p.as_posix())
    assert pages == sorted([*LISTS["archive/"], *LISTS["topics/neocloud/"], "topics/ipo/"])
    assert not (out / "archive/page/1").exists()
    assert not (out / "topics/neocloud/page/1").exists()


def test_each_page_lists_its_articles_newest_first_each_once(out: Path) -> None:
    neocloud = [listed(html(out, path)) for path in LISTS["topics/neocloud/"]]
    archive = [listed(html(out, path)) for path in LISTS["archive/"]]
    expected = [NEWEST_FIRST[0:5], NEWEST_FIRST[5:10], NEWEST_FIRST[10:12]]
    assert neocloud == expected
    assert archive == expected
    assert listed(html(out, "topics/ipo/")) == IPO
    assert listed(html(out, "")) == NEWEST_FIRST[:10]  # the home page still shows `latest`


def test_prev_next_canonical_title_and_pager(out: Path) -> None:
    base = "https://example.org/"
    for home, name in (("topics/neocloud/", "Neocloud"), ("archive/", "Archive")):
        first, second, third = LISTS[home]
        expected = {
            first: ({"canonical": base + first, "next": "/" + second}, "Page 1 of 3 Older →",
                    f"{name} · Test Site"),
            second: ({"canonical": base + second, "prev": "/" + first, "next": "/" + third},
                     "← Newer Page 2 of 3 Older →", f"{name} · page 2 · Test Site"),
            third: ({"canonical": base + third, "prev": "/" + second},
                    "← Newer Page 3 of 3", f"{name} · page 3 · Test Site"),
        }
        for path, (rels, shown, heading) in expected.items():
            page = html(out, path)
            assert links(page, "link") == rels, path
            assert links(page, "a") == {k: v for k, v in rels.items() if k != "canonical"}, path
            assert pager(page) == shown, path
            assert title(page) == heading, path


def test_one_page_list_has_no_pager(out: Path) -> None:
    page = html(out, "topics/ipo/")
    assert pager(page) == ""
    assert links(page, "link") == {"canonical": "https://example.org/topics/ipo/"}
    assert "<p class=\"meta\">3 articles ·" in page


def test_later_pages_say_which_articles_they_show(out: Path) -> None:
    assert "Articles 1–5 of 12, newest first." in html(out, "archive/")
    assert "Articles 11–12 of 12, newest first." in html(out, "archive/page/3/")
    assert "Articles 6–10 of 12 ·" in html(out, "topics/neocloud/page/2/")


def test_nav_marks_the_list_on_every_one_of_its_pages(out: Path) -> None:
    """The header names Topics (a topic is one of them) and the Archive; its first page is
    the page itself, a later one is part of it."""
    for path, marked_href, current in (
            ("topics/neocloud/", "/topics/", "true"),
            ("topics/neocloud/page/2/", "/topics/", "true"),
            ("archive/", "/archive/", "page"), ("archive/page/3/", "/archive/", "true")):
        marked = [attrs for tag, attrs in start_tags(html(out, path)) if "aria-current" in attrs]
        assert [(a["href"], a["aria-current"]) for a in marked] == [(marked_href, current)], path


def test_archive_groups_by_year_and_month_and_continues_across_pages(out: Path) -> None:
    assert headings(html(out, "archive/")) == ["h2 2026", "h3 May", "h3 April"]
    assert headings(html(out, "archive/page/2/")) == [
        "h2 2026 (continued)", "h3 April (continued)", "h3 January",
        "h2 2025", "h3 December", "h3 November"]
    assert headings(html(out, "archive/page/3/")) == [
        "h2 2025 (continued)", "h3 November (continued)", "h2 Undated"]
    page = html(out, "archive/page/3/")
    assert page.index("a11") < page.index("Undated") < page.index("a12")


def test_sitemap_lists_every_page(out: Path) -> None:
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [loc.text for loc in ET.parse(out / "sitemap.xml").getroot().iter(ns + "loc")]
    pages = {"https://example.org/" + p.parent.relative_to(out).as_posix().removeprefix(".")
             + ("/" if p.parent != out else "") for p in out.rglob("index.html")
             if p.parent.name != "search"}  # a search page is not for search engines
    assert len(locs) == len(set(locs))
    assert set(locs) == pages
    assert {f"https://example.org/{p}" for paths in LISTS.values() for p in paths} <= pages


def test_check_finds_nothing_served_or_opened_from_disk(make_site: MakeSite) -> None:
    root = make_site(files=FILES, site_yaml=SITE_YAML)
    assert check_files(read_folder(build(root))) == []
    local = build(root, "local", relative_urls=True)
    assert check_files(read_folder(local), file_urls=True) == []
    page = (local / "archive/page/2/index.html").read_text(encoding="utf-8")
    assert links(page, "link")["prev"] == "../../index.html"
    assert links(page, "a")["next"] == "../3/index.html"


def test_paginate_0_and_the_default_give_single_pages(make_site: MakeSite) -> None:
    for name, yaml in (("zero", DEFAULT_SITE_YAML + "paginate: 0\n"),
                       ("default", DEFAULT_SITE_YAML)):
        out = build(make_site(files=FILES, site_yaml=yaml, name=name), f"{name}-out")
        assert not list(out.rglob("page"))
        for path in ("archive/", "topics/neocloud/"):
            page = html(out, path)
            assert listed(page) == NEWEST_FIRST, name
            assert pager(page) == "" and set(links(page, "link")) == {"canonical"}, name
        assert headings(html(out, "archive/")) == [
            "h2 2026", "h3 May", "h3 April", "h3 January",
            "h2 2025", "h3 December", "h3 November", "h2 Undated"]


@pytest.mark.parametrize("value", ["1", "4", "-5", "ten", "true", "2.5", "[5]"])
def test_bad_paginate_is_a_config_error_with_its_line(value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(f"title: T\nlatest: 3\npaginate: {value}\n", Path("site.yaml"))
    assert [str(p) for p in caught.value.problems] == [
        "site.yaml:3: `paginate` must be a whole number ≥ 5, "
        "or 0 for one page listing every article"]


def test_bad_paginate_stops_the_build(make_site: MakeSite,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files=FILES, site_yaml=DEFAULT_SITE_YAML + "paginate: 3\n")
    assert main(["--site", str(root)]) == 1
    line = DEFAULT_SITE_YAML.count("\n") + 1
    assert f"site.yaml:{line}: `paginate` must be a whole number ≥ 5" in capsys.readouterr().err
    assert not (root / "_site").exists()


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_pager_is_easy_to_tap_and_fits(out: Path, browser: Any, width: int,
                                       serve_folder: Callable[[Path], str]) -> None:
    """Newer on the left, the count between, Older on the right; 44px-high links; no
    sideways scrolling on a phone."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(serve_folder(out) + "archive/page/2/")
        newer = page.locator(".pager a[rel=prev]").bounding_box()
        count = page.locator(".pager-count").bounding_box()
        older = page.locator(".pager a[rel=next]").bounding_box()
        assert newer and count and older
        assert newer["height"] >= 44 and older["height"] >= 44
        assert newer["x"] + newer["width"] <= count["x"] < count["x"] + count["width"] <= older["x"]
        assert abs(newer["y"] - older["y"]) < 1  # one row
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()
