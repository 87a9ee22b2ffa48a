"""Guarantee 4: a title (or summary, tag, author) holding markup is shown as text on every
page and in every feed: `<title>`, `<h1>`, meta tags, listings, related lists, the feed and
the sitemap; it never becomes an element or an attribute."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from readsite.config import load_config
from readsite.pipeline import build_site
from tests.conftest import MakeSite
from tests.reliability.active_html import active_parts

EVIL = r"""<script>alert(1)</script> \"><img src=x onerror=alert(1)> & 'q'"""
"""YAML-escaped: the title as the user sees it is EVIL with `\\"` → `"`."""
SHOWN = EVIL.replace('\\"', '"')
ARTICLE = """---
title: "{title} {n}"
summary: "{title} summary"
author: "{title} author"
tags: ["{title} tag"]
date: 2026-03-0{n}
---

The neocloud rents out GPU compute capacity to neocloud buyers; neocloud GPU deals.
"""


def test_markup_in_titles_is_text_on_every_page_and_feed(make_site: MakeSite) -> None:
    root = make_site(files={f"content/a{n}.md": ARTICLE.format(title=EVIL, n=n)
                            for n in (1, 2, 3)})
    build_site(load_config(root))
    site = root / "_site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text()
        assert active_parts(html, theme_head=True) == [], page
        assert "<script>" not in html and "onerror=alert" not in html.replace(
            "onerror=alert(1)&gt;", ""), page
    article = (site / "articles" / "a1" / "index.html").read_text()
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"<title>{escaped}" in article
    assert f"<h1>{escaped}" in article or f'">{escaped}' in article
    assert f'content="{escaped}' in article  # og:title and twitter:title
    assert "a2" in article and "a3" in article  # the related list shows the others
    listing = (site / "index.html").read_text() + (site / "archive" / "index.html").read_text()
    assert listing.count(escaped) >= 3
    for feed in [site / "feed.xml", *site.glob("topics/*/feed.xml"), site / "sitemap.xml"]:
        tree = ET.parse(feed)  # well-formed: the markup was escaped, not pasted in
        titles = [t.text for t in tree.iter("{http://www.w3.org/2005/Atom}title")]
        if feed == site / "feed.xml":
            assert f"{SHOWN} 1" in titles, feed
