"""Guarantee 2: `javascript:` in every spelling, `vbscript:`, `file:` and `data:text/html`
never become an active link or image source, in inline links, images, reference links,
autolinks or raw HTML; `data:` PNG, JPEG, GIF and WebP images stay."""

from __future__ import annotations

import pytest

from readsite.config import load_config
from readsite.markdown import render
from readsite.pipeline import build_site
from tests.conftest import MakeSite, start_tags
from tests.reliability.active_html import active_parts

SPELLINGS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "JAVASCRIPT:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6a;&#x61;&#x76;&#x61;script&#x3a;alert(1)",
    "javascript&colon;alert(1)",
    "java&#x09;script:alert(1)",
    "java&Tab;script:alert(1)",
    "java&#10;script:alert(1)",
    "java%0ascript:alert(1)",
    "%6Aavascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\x00script:alert(1)",
    "java\x1bscript:alert(1)",
    " javascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "file:///etc/passwd",
    "FILE://c:/windows/win.ini",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,x",
    "data:image/svg+xml,<svg onload=alert(1)>",
]
CONTEXTS = {
    "inline link": "[click]({url})",
    "angle link": "[click](<{url}>)",
    "image": "![pic]({url})",
    "reference link": "[click][r]\n\n[r]: {url}",
    "reference image": "![pic][r]\n\n[r]: {url}",
    "autolink": "<{url}>",
    "raw a": '<a href="{url}">click</a>',
    "raw img": '<img src="{url}">',
    "raw a unquoted": "<a href={url}>click</a>",
}


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("url", SPELLINGS)
def test_unsafe_scheme_is_never_an_active_url(context: str, url: str) -> None:
    html = render(CONTEXTS[context].format(url=url)).html
    assert active_parts(html) == [], html


def test_built_page_has_no_unsafe_url(make_site: MakeSite) -> None:
    body = "\n\n".join(template.format(url=url).replace("[r]", f"[r{n}]")
                       for n, (template, url) in enumerate(
                           (t, u) for t in CONTEXTS.values() for u in SPELLINGS))
    root = make_site(files={"content/a.md": f"---\ntitle: A\n---\n\n{body}\n"})
    build_site(load_config(root))
    page = (root / "_site" / "articles" / "a" / "index.html").read_text()
    assert active_parts(page, theme_head=True) == []


@pytest.mark.parametrize("kind", ["png", "jpeg", "gif", "webp"])
def test_small_data_images_are_kept(kind: str) -> None:
    url = f"data:image/{kind};base64,iVBORw0KGgo="
    for source in (f"![pic]({url})", f'<img src="{url}" alt="pic">', f"![pic][r]\n\n[r]: {url}"):
        images = [attrs for tag, attrs in start_tags(render(source).html) if tag == "img"]
        assert [attrs["src"] for attrs in images] == [url], source


def test_safe_links_stay_links() -> None:
    html = render("[a](https://example.org/) [b](mailto:x@example.org) [c](/about/) "
                  "[d](#part) <https://example.org/auto>").html
    hrefs = [attrs.get("href") for tag, attrs in start_tags(html) if tag == "a"]
    assert hrefs == ["https://example.org/", "mailto:x@example.org", "/about/", "#s-part",
                     "https://example.org/auto"]
