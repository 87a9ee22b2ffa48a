"""The Markdown renderer never lets article text become markup or script."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from readsite.markdown import is_safe_url, render


def test_raw_html_is_escaped() -> None:
    html = render("Hi <script>alert(1)</script>\n\n<div onclick=x>raw</div>").html
    assert "<script" not in html and "<div" not in html
    assert "&lt;script&gt;" in html


def test_dangerous_links_are_not_links() -> None:
    for url in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:x", "data:text/html,x",
                "file:///etc/passwd", "java\tscript:alert(1)"):
        html = render(f"[x]({url}) ![y]({url})").html
        assert "<a " not in html and "<img" not in html, url


def test_safe_links_kept_and_external_marked() -> None:
    html = render("[a](https://e.org/x) [b](/articles/b/) [c](#s-x) [d](mailto:a@b.c)").html
    assert '<a href="https://e.org/x" rel="nofollow noopener">a</a>' in html
    assert '<a href="/articles/b/">b</a>' in html
    assert '<a href="#s-x">c</a>' in html
    assert 'href="mailto:a@b.c"' in html


def test_heading_ids_prefixed_unique() -> None:
    result = render("## Intro\n\n## Intro\n\n### Café & “Quotes”\n")
    assert [h.anchor for h in result.headings] == ["s-intro", "s-intro-2", "s-cafe-quotes"]
    assert '<h2 id="s-intro-2">Intro</h2>' in result.html


def test_plain_text() -> None:
    assert render("## Head\n\nSome *emph* and `code`.").text == "Head\nSome emph and code."


def test_is_safe_url() -> None:
    assert is_safe_url("https://x.org") and is_safe_url("../a/") and is_safe_url("#x")
    assert not is_safe_url("javascript:x") and not is_safe_url(" javascript:x")


@given(st.text(alphabet=st.sampled_from(list("<>ab/=\"' :()[]!#*\njavscriptonlerdg")),
               max_size=200))
def test_no_tags_from_text(source: str) -> None:
    html = render(source).html
    tags = set(re.findall(r"<([a-zA-Z0-9]+)", html))
    assert tags <= {"p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "a", "img", "ul",
                    "ol", "li", "blockquote", "code", "pre", "hr", "br"}
    assert not re.search(r"(?i)href=\"\s*(javascript|vbscript|data):", html)
    assert not re.search(r"(?i)<[^>]+\son\w+=", html)
