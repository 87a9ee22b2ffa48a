"""Guarantee 11: the feeds and the sitemap are always well-formed XML, even when titles,
summaries and bodies hold NUL, ESC, BEL and other control characters, noncharacters or
surrogate references (`&#xD800;`): those are dropped or replaced, never written.  (A lone
surrogate from a YAML `"\\ud800"` escape is refused when the front matter is read.)"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from readsite.config import load_config
from readsite.pipeline import build_site
from tests.conftest import MakeSite

CONTROLS = "".join(f"\\x{n:02x}" for n in [*range(0, 9), 11, 12, *range(14, 32)])
"""Every C0 control XML 1.0 forbids, as YAML double-quoted escapes."""
ARTICLE = """---
title: "T{n} {controls} lone \\ufffe end \\uffff"
summary: "S{n} {controls} \\x7f \\x85 \\x9f"
author: "A{n} \\x1b[31m"
tags: ["t\\x07{n}"]
date: 2026-03-0{n}
---

Body {n} \x07 bell \x1b[31m escape \x0b vt \x0c ff &#0; &#xD800; &#x1B; &#xFFFF; end, the
neocloud GPU compute capacity of an IPO.
"""


def test_feeds_and_sitemap_parse_despite_control_characters(make_site: MakeSite) -> None:
    root = make_site(files={f"content/a{n}.md": ARTICLE.format(n=n, controls=CONTROLS)
                            for n in (1, 2)})
    build_site(load_config(root))
    site = root / "_site"
    xml_files = sorted(site.rglob("*.xml"))
    assert site / "feed.xml" in xml_files and site / "sitemap.xml" in xml_files
    for path in xml_files:
        ET.fromstring(path.read_bytes())  # raises on a single forbidden character
    feed = (site / "feed.xml").read_text()
    assert "T1" in feed and "lone" in feed and "end" in feed and "S2" in feed
    assert "bell" in feed and "escape" in feed  # the body's text is kept around them
    page = (site / "articles" / "a1" / "index.html").read_bytes().decode("utf-8")
    assert "T1" in page and "lone" in page
