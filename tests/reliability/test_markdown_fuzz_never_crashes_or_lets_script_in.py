"""Guarantee 21: whatever text reaches `readsite.markdown.render` (arbitrary Unicode, or
Markdown and HTML built from the nastiest pieces we know), it returns, and what it returns
has no script, style, event handler, foreign iframe or script-capable URL.

Fuzz targets: `-m fuzz --hypothesis-profile long` runs them for longer (see conftest)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readsite.markdown import render
from tests.reliability.active_html import active_parts

SCHEMES = ["javascript:", "JaVaScRiPt:", "java\tscript:", "&#x6A;avascript:", "&#106;ava",
           "script:", "vbscript:", "file:///", "data:text/html,", "data:image/png;base64,",
           "data:image/svg+xml,", "java&#0;script:", "\x00javascript:", "https://e.org/",
           "/x/", "#top", "other.md", "//evil.example/", "mailto:a@b", "%6Aavascript:"]
TAGS = ["script", "style", "iframe", "svg", "math", "img", "a", "object", "embed", "form",
        "input", "textarea", "title", "template", "noscript", "xmp", "plaintext", "table",
        "mglyph", "mtext", "select", "option", "details", "base", "meta", "link", "p", "div",
        "b", "annotation-xml", "foreignObject", "desc", "noembed", "iframe srcdoc"]
ATTRIBUTES = ["onerror", "onload", "OnClick", "style", "href", "src", "srcdoc", "id",
              "class", "formaction", "xlink:href", "ontoggle", "onfocus", "autofocus",
              "data", "action", "background", "poster", "srcset", "open", "name"]
PIECES = ["<", ">", "</", "/>", "=", '"', "'", "`", " ", "\n", "\n\n", "&", "&#", ";", "[",
          "]", "(", ")", "![", "[[", "]]", "|", "*", "_", "**", "~~", "#", "## ", "> ",
          "- ", "1. ", "```", "    ", "<!--", "-->", "<![CDATA[", "]]>", "{#", "{.", "}",
          "[^1]", "[^1]: ", "[r]: ", ": ", "\x00", "\x0b", "\u2028", "\ufeff", "\ud800",
          "alert(1)", "x", "Term\n: ", "- [ ] ", "- [x] ", "\\", "&lt;", "&quot;", "&#x3c;"]


@st.composite
def nasty_tag(draw: st.DrawFn) -> str:
    """An opening or closing tag with nasty attributes."""
    name = draw(st.sampled_from(TAGS))
    attrs = draw(st.lists(st.tuples(
        st.sampled_from(ATTRIBUTES), st.sampled_from(SCHEMES), st.sampled_from(["", "alert(1)"]),
        st.sampled_from(['"', "'", "", "`"])), max_size=3))
    rendered = "".join(f" {a}={q}{s}{v}{q}" for a, s, v, q in attrs)
    return draw(st.sampled_from([f"<{name}{rendered}>", f"</{name}>", f"<{name}{rendered}/>"]))


@st.composite
def nasty_link(draw: st.DrawFn) -> str:
    """A Markdown link, image, reference, autolink or wiki link with a nasty target."""
    url = draw(st.sampled_from(SCHEMES)) + draw(st.sampled_from(["alert(1)", "x", ""]))
    form = draw(st.sampled_from(["[t]({u})", "![t]({u})", "[t](<{u}>)", "<{u}>",
                                 "[t][r]\n\n[r]: {u}", "![t][r]\n\n[r]: {u}", "[[{u}]]",
                                 "[[a|{u}]]", '[t]({u} "title")']))
    return form.format(u=url)


NASTY = st.lists(st.one_of(nasty_tag(), nasty_link(), st.sampled_from(PIECES),
                           st.text(max_size=5)), max_size=40).map("".join)


def check(source: str) -> None:
    """Render `source`; the result must be strings with nothing active in the HTML."""
    rendered = render(source)
    assert isinstance(rendered.text, str)
    assert active_parts(rendered.html) == [], (source, rendered.html)
    assert all(h.anchor.startswith("s-") for h in rendered.headings)


@pytest.mark.fuzz
@settings(deadline=None)  # a shared, noisy machine: no timing in tests
@given(st.text())
def test_arbitrary_text_renders_safely(source: str) -> None:
    check(source)


@pytest.mark.fuzz
@settings(deadline=None)  # a shared, noisy machine: no timing in tests
@given(NASTY)
def test_nasty_markdown_and_html_render_safely(source: str) -> None:
    check(source)


@pytest.mark.fuzz
@settings(deadline=None)  # a shared, noisy machine: no timing in tests
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_nasty_markdown_structure_renders_safely(source: str) -> None:
    check(source)


def test_a_lone_surrogate_is_replaced_not_a_crash() -> None:
    """Found by the fuzzer: nh3 refused a lone surrogate (a UnicodeEncodeError traceback)."""
    rendered = render("a \ud800 b [x](\udfff) <b>\udc00</b>")
    assert "\ufffd" in rendered.html and "\ud800" not in rendered.html


@pytest.mark.parametrize("source", ["<script><![t](javascript:alert(1))", "<div>\n<![if !IE]>x",
                                    "a <![", "<p><![endif]></p>"])
def test_an_unknown_marked_section_is_a_bogus_comment_not_a_crash(source: str) -> None:
    """Found by the extended fuzz run: Python's HTML parser raised AssertionError on
    `<![t` (a traceback for one pasted article); a browser reads it as a bogus comment."""
    check(source)


def test_the_site_check_reads_any_marked_section_a_template_writes() -> None:
    from readsite.sitecheck import check_files

    page = b"<!doctype html><html><body><![if !IE]><p>hi</p><![endif]><![x y]></body></html>"
    assert check_files({"index.html": page}) == []
