"""Saved pages in layouts that fooled the importer: a JSON-LD author given by reference, a
pull quote in an aside, a table of contents, an old table-laid-out `.htm` page, and an
opening paragraph with no byline under it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readsite.importers.html import read_page
from readsite.importers.oldpage import is_old_page_furniture
from readsite.importers.page import read_page_info
from readsite.importers.pagemeta import json_ld_fields
from readsite.importers.prepare import (
    best_candidate,
    drop_hidden,
    drop_tables_of_contents,
    keep_embedded_posts,
    plain_alt_texts,
    resolve_lazy_images,
    unwrap_layout_tables,
)
from readsite.importers.tidy import tidy

P1 = ("Volunteers spent four winters rebuilding the wheel, cutting oak paddles by hand and "
      "restoring the sluice gates that hold back the tidal pond until the ebb.")
P2 = ("The wheel is six metres across and weighs eleven tonnes when it is wet, which it always "
      "is; the volunteers say it sings when the tide turns.")
P3 = ("The pond fills twice a day and empties through the mill race, giving about four hours "
      "of milling on each tide in summer and a little less in winter.")
SITE = "https://estuary.example"
PERSON = {"@type": "Person", "@id": f"{SITE}/#/schema/person/ab12", "name": "Noor Haddad",
          "url": f"{SITE}/author/noor/"}
OTHER = {"@type": "Person", "@id": f"{SITE}/#/schema/person/cd34", "name": "Ravi Teal"}


def graph_author(author: Any, *nodes: dict[str, Any]) -> str:
    """The author json_ld_fields finds for an article whose `author` is `author`."""
    graph = [{"@type": "WebSite", "@id": f"{SITE}/#website", "name": "Estuary Weekly"},
             *nodes, {"@type": "NewsArticle", "@id": f"{SITE}/2025/mills#article",
                      "headline": "Tide mills return", "author": author}]
    script = json.dumps({"@context": "https://schema.org", "@graph": graph})
    page = read_page_info(f"<html><head><script type='application/ld+json'>{script}"
                          "</script></head><body></body></html>")
    found = json_ld_fields(page).get("json-ld: author")
    return found.value if found else ""


@pytest.mark.parametrize(("author", "nodes", "name"), [
    ({"@id": f"{SITE}/#/schema/person/ab12"}, (PERSON, OTHER), "Noor Haddad"),
    ([{"@id": f"{SITE}/#/schema/person/ab12"}, {"@id": f"{SITE}/#/schema/person/cd34"}],
     (PERSON, OTHER), "Noor Haddad, Ravi Teal"),
    ({"@id": f"{SITE}/author/noor/#person"}, (PERSON,), "Noor Haddad"),
    ({"@type": "Person", "url": f"{SITE}/author/noor"}, (PERSON,), "Noor Haddad"),
    (f"{SITE}/author/noor/", (PERSON,), "Noor Haddad"),
    ({"@id": f"{SITE}/#/schema/person/ab12"},
     ({"@type": "Person", "@id": f"{SITE}/author/noor#person", "name": "Noor Haddad"},),
     ""),  # another address: no guess
    ({"@id": f"{SITE}/#/schema/person/zz99"}, (PERSON, OTHER), ""),
    ({"@id": f"{SITE}/2025/mills"}, (PERSON,), ""),  # the article itself is no author
])
def test_a_json_ld_author_given_by_reference(author: Any, nodes: tuple[dict[str, Any], ...],
                                             name: str) -> None:
    assert graph_author(author, *nodes) == name


def story(middle: str, head: str = "") -> str:
    return (f"<html><head><title>Tide mills return</title>{head}</head><body><article>"
            f"<h1>Tide mills return</h1><p>The mill at Woodbridge turned again on Saturday.</p>"
            f"<p>{P1}</p>{middle}<h2 id='wheel'>The wheel</h2><p>{P2}</p>"
            f"<h2 id='pond'>The pond</h2><p>{P3}</p></article></body></html>")


def test_an_opening_with_no_byline_under_it_stays_in_the_body(tmp_path: Path) -> None:
    record = read_page(story(""), tmp_path / "m.html")
    assert record.body.startswith("The mill at Woodbridge turned again on Saturday.")
    assert record.summary == "The mill at Woodbridge turned again on Saturday."


TOC_LINKS = "<ul><li><a href='#wheel'>The wheel</a></li><li><a href='#pond'>The pond</a></li></ul>"


@pytest.mark.parametrize("box", [
    f"<nav class='toc'><h2>Table of contents</h2>{TOC_LINKS}</nav>",
    f"<div id='ez-toc-container'><p>Contents</p>{TOC_LINKS}</div>",
    f"<h3>In this article</h3>{TOC_LINKS}",
    f"<p><strong>Table of contents</strong></p>{TOC_LINKS}",
])
def test_a_table_of_contents_goes(box: str, tmp_path: Path) -> None:
    record = read_page(story(box), tmp_path / "m.html")
    assert "contents" not in record.body.lower() and "In this article" not in record.body
    assert record.body.count("## The wheel") == 1 and record.body.count("## The pond") == 1
    assert P2 in record.body


def test_a_contents_label_over_links_to_other_pages_or_prose_stays() -> None:
    links = ("<h2>Contents</h2><ul><li><a href='https://walls.example/tools'>Tools</a></li>"
             "<li><a href='https://walls.example/stone'>Stone</a></li></ul>")
    assert drop_tables_of_contents(links) == links
    markdown = ("## Contents\n\nThe contents of the crate were a surprise to everyone.\n\n"
                "## Contents\n\n- [Tools](https://walls.example/tools)\n"
                "- [Stone](https://walls.example/stone)")
    assert tidy(markdown, "Walls").markdown == markdown
    assert tidy("Intro.\n\n**In this article**\n\n- [Footings](#footings)\n- [Copes](#copes)"
                "\n\n## Footings\n\nDig.", "Walls").markdown == "Intro.\n\n## Footings\n\nDig."


QUOTED = ("\u201cThe volunteers say it sings when the tide turns,\u201d and on a spring tide "
          "you can hear it from the quay.")


@pytest.mark.parametrize("box", [
    "<aside class='inset'><p>\u201cThe volunteers say it sings when the tide turns.\u201d</p>"
    "</aside>",
    "<blockquote><p>\u201cThe wheel weighs eleven tonnes when it is wet, which it always is.\u201d"
    "</p><p>\u2014 Mill volunteers, 2025</p></blockquote>",
])
def test_a_pull_quote_repeating_the_story_goes(box: str, tmp_path: Path) -> None:
    html = story("").replace(f"<p>{P2}</p>", f"<p>{P2}</p>{box}<p>{P1[:60]} again.</p>")
    record = read_page(html, tmp_path / "m.html")
    assert "\u201c" not in record.body and "Mill volunteers" not in record.body
    assert P2 in record.body


def test_a_quoted_passage_that_repeats_nothing_stays(tmp_path: Path) -> None:
    passage = ("\u201cNobody who worked the mill will forget the sound of the wheel in the fog,"
               "\u201d the miller wrote to the society the next morning.")
    html = story("").replace(f"<p>{P2}</p>", f"<p>{P2}</p><blockquote><p>{passage}</p>"
                             "</blockquote>")
    assert "forget the sound of the wheel" in read_page(html, tmp_path / "m.html").body


OLD_PAGE = """<html><head><title>Lakeside Gazette - Mill pond restored</title></head>
<body bgcolor="#ffffff"><table width="760"><tr>
<td width="150" valign="top"><a href="index.htm">Home</a><br><a href="news.htm">News</a></td>
<td valign="top">
<font face="Arial" size="5"><b>Mill pond restored after forty years</b></font><br>
<font size="2">By Harold Pryce<br>June 12, 2004</font><br><br>
The old mill pond on Cedar Creek holds water again for the first time since 1964, after a summer
of work by the county and volunteers from the Lakeside Historical Society.<br><br>
<font size="3"><b>Silt and clay</b></font><br>
Workers cleared four decades of silt from the basin and rebuilt the earthen dam with clay hauled
from the Hartley farm, which donated the fill at no cost to the county.<br><br>
<b>A gift from the Hartleys</b><br>
Martha Hartley, whose grandfather ran the mill until it closed, said the family had always hoped
to see the pond full again. The museum counted 1,204 visitors since it reopened in May.<br><br>
<p><font size="3"><b>Fish return</b></font></p>
<p>State biologists stocked the pond with bluegill and bass in August, and anglers reported
their first catches within weeks. <b>Anglers need a permit.</b></p>
<center><a href="print.htm">Printer-friendly version</a> |
<a href="mailto:?subject=story">Email this story</a></center><br>
<center><font size="1">Visitors since 2003: 1,204,337</font></center>
</td></tr></table></body></html>"""


def test_an_old_table_page_keeps_its_subheadings_and_loses_its_counter(tmp_path: Path) -> None:
    record = read_page(OLD_PAGE, tmp_path / "pond.htm")
    assert record.title == "Mill pond restored after forty years"
    assert record.author == "Harold Pryce"
    assert str(record.date) == "2004-06-12"
    for heading in ("Silt and clay", "A gift from the Hartleys", "Fish return"):
        assert f"## {heading}" in record.body
    assert "Printer-friendly" not in record.body and "1,204,337" not in record.body
    assert "The museum counted 1,204 visitors since it reopened in May." in record.body
    assert "Anglers need a permit." in record.body
    assert record.body.startswith("The old mill pond")


def test_a_bold_sentence_or_small_print_is_no_subheading() -> None:
    cell = (f"<table><tr><td>{P1} {P2} {P3}<br><br><b>Bring your own boat.</b><br>"
            "<font size='2'>Small print line</font><br><b>By Harold Pryce</b><br>More text."
            "<br><br><font size='4'>Tides and times</font><br>Last line.</td></tr></table>")
    unwrapped = unwrap_layout_tables(cell)
    assert "<td" not in unwrapped  # a story laid out in a cell
    assert unwrapped.count("<h") == 1 and "<h2>Tides and times</h2>" in unwrapped


@pytest.mark.parametrize("line", [
    "Visitors since 2003 have left notes in the guestbook by the door.",
    "Print this story and bring it to the meeting, the council asked.",
])
def test_a_sentence_about_visitors_or_printing_stays(line: str) -> None:
    assert tidy(f"{P1}\n\n{line}", "Mills").markdown.endswith(line)


def test_a_data_table_with_a_blank_line_in_a_cell_stays_a_table() -> None:
    html = ("<p>Opening times changed this week for both branches of the library.</p><table>"
            "<tr><th>Branch</th><th>Address</th></tr><tr><td>Quay</td><td>12 Quay St<br><br>"
            "Lakeside</td></tr></table>")
    assert unwrap_layout_tables(html) == html


@pytest.mark.parametrize(("line", "furniture"), [
    ("Visitors since 2003: 1,204,337", True),
    ("You are visitor number 48,112", True),
    ("This page has been viewed 3,021 times.", True),
    ("[Printer-friendly version](print.htm) | [Email this story](mailto:?s=x)", True),
    ("Print this story · E-mail to a friend · Back to top", True),
    ("Print", False),
    ("The mill had 12,000 visitors since the spring.", False),
])
def test_old_page_furniture_shapes(line: str, furniture: bool) -> None:
    assert is_old_page_furniture(line) is furniture


def test_a_masthead_h1_lengthening_the_title_is_not_the_headline(tmp_path: Path) -> None:
    html = (f"<html><head><title>Lakeside Gazette - Mill pond</title></head><body>"
            f"<h1>Lakeside Gazette Online</h1><article><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
            "</article></body></html>")
    assert read_page(html, tmp_path / "m.html").title != "Lakeside Gazette Online"


def test_a_srcset_image_address_may_hold_commas_and_the_widest_is_taken() -> None:
    cdn = "https://img.example/upload/c_fill,f_auto,w_{}/mill.jpg"
    assert best_candidate(f"{cdn.format(80)} 80w, {cdn.format(800)} 800w, "
                          f"{cdn.format(470)} 470w") == cdn.format(800)
    assert best_candidate("a.jpg, b.jpg 2x,c.jpg 1.5x") == "b.jpg"
    assert best_candidate("first.jpg 1x, second.jpg 1x") == "first.jpg"
    assert best_candidate(" , ") == ""


def test_a_lazily_loaded_image_keeps_its_real_address() -> None:
    """Kinja-style lazy images (a one-pixel `data:` src, the real ones in `data-srcset`)
    came out as one broken image whose address was the whole set."""
    cdn = "https://img.example/upload/c_fit,w_{}/mill.jpg"
    body = read_page(story(
        f'<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BA==" alt="The wheel" '
        f'data-srcset="{cdn.format(320)} 320w, {cdn.format(1600)} 1600w"></p>'),
        Path("mill.html")).body
    assert f"![The wheel]({cdn.format(1600)})" in body
    assert "320w" not in body
    # a real `src` is kept; only the sets the extractor would misread go
    plain = '<img src="/real.jpg" alt="x" srcset="/a.jpg 1x, /b.jpg 2x">'
    assert resolve_lazy_images(plain) == '<img src="/real.jpg" alt="x">'
    assert resolve_lazy_images('<img src="/only.jpg">') == '<img src="/only.jpg">'
    assert resolve_lazy_images('<img data-src="/y.png" srcset="/z.png 2x">') == '<img src="/y.png">'


def test_what_a_reader_never_sees_is_not_imported() -> None:
    """A Video.js player's menus and dialogs, and hidden labels, came out as text
    ("Chapters", "captions off, selected", "This is a modal window.")."""
    player = ('<div class="video-js vjs-paused" data-video-id="1"><div class="vjs-menu">'
              '<ul><li class="vjs-menu-title">Chapters</li>'
              '<li class="vjs-menu-item">captions off, selected</li></ul></div>'
              '<div class="vjs-modal-dialog vjs-hidden" aria-hidden="true" role="dialog">'
              '<p>This is a modal window.</p></div></div>')
    body = read_page(story(
        f'{player}<p>The wheel turns on every tide.<span aria-hidden="true">Share this</span></p>'
        f'<div hidden><p>Newsletter: sign up today</p></div>'
        f'<div style="display: none">Advertisement</div>'), Path("mill.html")).body
    for gone in ("Chapters", "captions off", "modal window", "Share this", "Newsletter",
                 "Advertisement"):
        assert gone not in body
    for kept in (P1, P2, P3):
        assert kept in body


def test_hidden_text_long_enough_to_be_prose_is_kept() -> None:
    """A page saved while a dialog was open hides everything behind it; a collapsed section
    is real text: hidden elements with 25 words or more stay."""
    page = (f'<html><body><div aria-hidden="true"><article><h1>Tide mills return</h1>'
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></div></body></html>")
    body = read_page(page, Path("mill.html")).body
    assert P1 in body and P3 in body


def test_hidden_copy_of_the_article_for_search_engines_is_not_imported() -> None:
    """A news site hides a schema.org copy of the article (its headline, dates, publisher,
    logo address and whole text as plain lines); the extractor kept it, 18 lines of it on a
    real page, as it is long enough to pass for a collapsed section."""
    copy = ('<div style="display:none;" itemscope itemtype="http://schema.org/NewsArticle">'
            '<div itemprop="headline">Tide mills return</div>'
            '<div itemprop="datePublished">2019-11-19T08:57:40+01:00</div>'
            '<span itemprop="url">https://mills.example/logo.png</span>'
            f'<div itemprop="articleBody">{P1} {P2}</div></div>')
    answer = ("Visitors may tour the mill on Saturdays from April to October, when the "
              "volunteers grind a sack of wholemeal flour and explain how the sluices work.")
    faq = ('<div style="display:none" itemscope itemtype="https://schema.org/Answer">'
           f"<p>{answer}</p></div>")
    assert drop_hidden(f"<p>{P3}</p>{copy}") == f"<p>{P3}</p>"
    assert drop_hidden(faq) == faq  # an answer a reader opens is not a copy: it stays


def test_heading_opening_with_an_empty_anchor_keeps_its_text() -> None:
    """A permalink target before a heading's text (`<h2><a class="header-anchor" id="x"></a>
    Part one</h2>`) made the extractor write an empty `##`; a heading with no paragraph of
    its own under it (a part's title over its first chapter's) was lost."""
    anchor = "<a class='js_header-anchor' id=''></a>"
    page = story(f"<h2>{anchor}Part one: the mill</h2><h3>{anchor}The first wheel</h3>"
                 f"<figure><img src='/w.jpg' alt='The wheel'></figure><p>{P2} Again.</p>")
    body = read_page(page, Path("mill.html")).body
    assert "## Part one: the mill" in body and "### The first wheel" in body


def test_wiki_section_edit_links_leave_the_headings() -> None:
    """Every heading of a saved Wikipedia page read "Properties[edit]"."""
    edit = ('<span class="mw-editsection"><span class="mw-editsection-bracket">[</span>'
            '<a href="/w/index.php?action=edit&amp;section=1">edit</a>'
            '<span class="mw-editsection-bracket">]</span></span>')
    page = story("").replace("The wheel</h2>",
                             f"<span class='mw-headline'>The wheel</span>{edit}</h2>")
    body = read_page(page, Path("mill.html")).body
    assert "## The wheel\n" in body and "edit" not in body


def test_metadata_escaped_twice_is_read_as_text() -> None:
    """A CMS escaped its `<meta>` values twice: the summary (and the dek under the title)
    read "the mill turned again.&nbsp;", and did not match the body's opening."""
    head = ('<meta name="description" content="The mill at Woodbridge turned again on '
            'Saturday.&amp;nbsp;"><meta property="og:site_name" content="Tide &amp;amp; Mill">')
    record = read_page(story("", head), Path("mill.html"))
    assert record.summary == "The mill at Woodbridge turned again on Saturday."
    assert record.source == "Tide & Mill"


def test_image_text_holding_markup_is_given_as_text() -> None:
    """A caption copied into an image's title or alt kept its markup, escaped: the Markdown
    read `![through films such as \\<i>Alien\\</i> ...]`."""
    image = ('<img src="/wheel.jpg" alt="The wheel" title="Seen in films such as &lt;i&gt;The '
             'Miller&lt;/i&gt;, the wheel&lt;br&gt;Photo by &lt;a href=&quot;/x&quot;&gt;Ana '
             'Ruiz&lt;/a&gt;">')
    assert plain_alt_texts(image) == ('<img src="/wheel.jpg" alt="The wheel" title="Seen in '
                                      'films such as The Miller, the wheel Photo by Ana Ruiz">')
    body = read_page(story(f"<figure>{image}</figure>"), Path("mill.html")).body
    assert "<i>" not in body and "&lt;" not in body


@pytest.mark.parametrize("wrap", ["<![CDATA[{}]]>", "/* <![CDATA[ */{}/* ]]> */",
                                  "\n  <![CDATA[\n  {}\n  ]]>\n"])
def test_json_ld_in_a_cdata_section_is_read(wrap: str) -> None:
    """A CMS that once wrote XHTML wraps its JSON-LD in CDATA; it was skipped as invalid
    JSON, and the page's modified date was taken for the date it was published."""
    article = {"@context": "https://schema.org", "@type": "NewsArticle",
               "headline": "Tide mills return", "datePublished": "2020-07-10T14:15:42+00:00",
               "dateModified": "2025-01-07T09:08:22+00:00",
               "author": {"@type": "Person", "name": "Noor Haddad"}}
    script = wrap.format(json.dumps(article))
    page = read_page_info(f"<html><head><script type='application/ld+json'>{script}</script>"
                          "</head><body></body></html>")
    found = json_ld_fields(page)
    assert found["json-ld: datePublished"].value == "2020-07-10T14:15:42+00:00"
    assert found["json-ld: author"].value == "Noor Haddad"


MARKUP = st.lists(st.sampled_from([
    "<div hidden>", "<div>", "</div>", '<span aria-hidden="true">', "</span>", "<p>", "</p>",
    '<div class="video-js">', '<img src="data:x" data-srcset="a.jpg 1x, b,c.jpg 2x">',
    "<img srcset=', ,'>", '<div style="display:none">', "word ", "<li hidden>", "</li>",
    "<img data-src='' srcset='x 3w'>", '<img alt=">" data-srcset="q.jpg">', "<", ">", '"',
    '<div class="social-embed">', '<blockquote class="twitter-tweet">', "</blockquote>",
    '<img alt="a &lt;i&gt;b&lt;/i&gt;" title=\'&lt;br&gt;\'>']),
    max_size=40).map("".join)


@given(MARKUP)
def test_preparing_markup_never_fails_and_only_removes(html: str) -> None:
    """Hidden elements only ever leave (the rest of the markup is kept in order), and no
    markup, however broken, makes the image or hidden-element steps fail."""
    dropped = drop_hidden(html)
    assert len(dropped) <= len(html)
    resolve_lazy_images(html)
    plain = plain_alt_texts(html)
    assert plain == plain_alt_texts(plain) and "&lt;i" not in plain
    assert keep_embedded_posts(html).count("<blockquote") == html.count("<blockquote")
    for srcset in re.findall(r'srcset="([^"]*)"', html):
        assert best_candidate(srcset) in srcset


def test_a_post_the_story_quotes_from_a_social_network_is_kept() -> None:
    """An embedded tweet sits in a `social-media-embed` wrapper, which the extractor dropped
    with the share buttons; the story quotes it, and a reader sees its text."""
    tweet = ("Nobody asked us before they moved the ferry timetable, and now the school run "
             "takes an hour")
    body = read_page(story(
        f"<p>Residents said so online.</p>"
        f'<div class="social-media-embed"><blockquote class="twitter-tweet">'
        f'<p lang="en">{tweet}</p>— Estuary Mum (@estuarymum) '
        f'<a href="https://twitter.example/estuarymum/status/1">March 3, 2025</a>'
        f'</blockquote></div><div class="social-share"><a href="#">Share on Twitter</a></div>'),
        Path("mill.html")).body
    assert tweet in body and "Estuary Mum" in body
    assert P2 in body and "Share on Twitter" not in body
