"""The Markdown renderer never lets article text become markup or script."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from readsite.markdown import is_safe_url, render
from readsite.sanitise import ALLOWED_TAGS


def test_raw_html_is_sanitised_not_shown_as_text() -> None:
    result = render("Hi <script>alert(1)</script>\n\n<div onclick=x>raw</div>")
    assert result.html == '<p id="s-p0">Hi </p>\n<div>raw</div>'
    assert "alert" not in result.text and "<" not in result.text


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
    assert tags <= ALLOWED_TAGS
    assert not {"script", "iframe", "style", "svg", "math", "form", "input"} & tags
    assert not re.search(r"(?i)href=\"\s*(javascript|vbscript|data):", html)
    assert not re.search(r"(?i)<[^>]+\son\w+=", html)


# ------------------------------------------------------------------ migrated-blog Markdown


def test_raw_html_table_and_image_are_kept() -> None:
    result = render('<table><tr><td align="right">12</td><td style="color:red">x</td></tr>'
                    '</table>\n\n<img src="/img/a.png" alt="A" width="300">', "/sub/")
    assert ('<table><tbody><tr><td align="right">12</td><td>x</td></tr></tbody></table>'
            in result.html)
    assert '<img src="/sub/img/a.png" alt="A" width="300" loading="lazy">' in result.html
    assert result.text == "12\nx"


def test_more_comment_is_dropped() -> None:
    result = render("Teaser.\n\n<!-- more -->\n\nRest.")
    assert result.html == '<p id="s-p0">Teaser.</p>\n\n<p id="s-p1">Rest.</p>\n'
    assert "more" not in result.text


def test_inline_html_text_has_no_tags() -> None:
    result = render("A <b>bold</b> <span class=x>word</span>.")
    assert result.html == '<p id="s-p0">A <b>bold</b> <span class="x">word</span>.</p>\n'
    assert result.text == "A bold word."


def test_footnotes_get_prefixed_ids_that_link_up() -> None:
    html = render("Claim.[^1]\n\n[^1]: Source.").html
    assert '<a href="#s-fn1" id="s-fnref1">[1]</a>' in html
    assert '<li id="s-fn1" class="footnote-item"><p id="s-p1">Source. <a href="#s-fnref1"' in html


def test_definition_list() -> None:
    assert render("Neocloud\n: A GPU landlord.").html == (
        "<dl>\n<dt>Neocloud</dt>\n<dd>A GPU landlord.</dd>\n</dl>\n")


def test_task_list_shows_ballot_boxes_not_inputs() -> None:
    result = render("- [ ] write\n- [x] read")
    assert '<li class="task-list-item" id="s-p0">☐ write</li>' in result.html
    assert '<li class="task-list-item" id="s-p1">☑ read</li>' in result.html
    assert "<input" not in result.html


def test_markdown_table_alignment_survives_without_style() -> None:
    html = render("| a | b |\n|:-:|--:|\n| 1 | 2 |").html
    assert '<th align="center">a</th>' in html and '<td align="right">2</td>' in html
    assert "style" not in html


def test_user_ids_are_prefixed_and_used_as_anchors() -> None:
    result = render("## Intro {#intro .wide}\n\n{#s-kept}\n## Kept\n\n## Intro\n\n"
                    "{#main}\nPara.\n\nSee [intro](#intro).")
    assert [h.anchor for h in result.headings] == ["s-intro", "s-kept", "s-intro-2"]
    assert [h.text for h in result.headings] == ["Intro", "Kept", "Intro"]
    assert '<h2 id="s-intro" class="wide">Intro</h2>' in result.html
    assert '<p id="s-main">Para.</p>' in result.html
    assert '<a href="#s-intro">intro</a>' in result.html
    assert 'id="main"' not in result.html


def test_code_keeps_tabs_and_language_class_only() -> None:
    html = render("```python\nif x:\n\treturn\t1\n```\n\n<code class='language-go evil'>"
                  "go</code>").html
    assert '<pre><code class="language-python">if x:\n\treturn\t1\n</code></pre>' in html
    assert '<code class="language-go">go</code>' in html


def test_big_embedded_image_is_replaced_by_a_note() -> None:
    big = "data:image/png;base64," + "A" * 3000
    for source in (f"![chart]({big})", f'<img src="{big}" alt="chart">'):
        result = render(source)
        assert "[image removed: embedded data]" in result.html, source
        assert "AAAA" not in result.html and "AAAA" not in result.text
    small = render("![dot](data:image/gif;base64,R0lGODlhAQABAAAAACw=)").html
    assert '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="dot"' in small


def test_youtube_embed_kept_other_iframes_dropped() -> None:
    html = render('<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" '
                  'allow="autoplay">x</iframe>\n\n<iframe src="https://evil.example/"></iframe>')
    assert html.html == ('<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" '
                         'loading="lazy"></iframe>\n')


def test_paragraphs_are_anchored_by_their_line_of_plain_text() -> None:
    """A quote found on line i of the text links to `#s-p{i}`: the anchor must sit on the
    block that line came from, whatever headings, lists and wrapped lines come before."""
    result = render("Wrapped\nline.\n\n## Head\n\n- one\n- two\n\n> said \"x\"\n")
    lines = result.text.split("\n")
    assert lines == ["Wrapped line.", "Head", "one", "two", 'said "x"']
    assert '<p id="s-p0">Wrapped' in result.html
    assert '<li id="s-p2">one</li>' in result.html
    assert '<li id="s-p3">two</li>' in result.html
    assert '<p id="s-p4">said' in result.html
    assert '<h2 id="s-head">Head</h2>' in result.html


def test_a_heading_never_takes_a_paragraph_anchor() -> None:
    result = render("First.\n\n## P0\n")
    assert '<p id="s-p0">First.</p>' in result.html
    assert result.headings[0].anchor == "s-p0-2"
