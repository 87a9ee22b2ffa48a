"""`importers.wordpress`: a WXR export mapped field by field, refused DTDs, broken files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readsite.importers import wordpress
from readsite.importers.record import Imported
from readsite.importers.wordpress import Attachment, Skipped, read_export, read_wxr

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "importers" / "wordpress.xml"
DATA = FIXTURE.read_bytes()
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>
"""


def line_of(needle: str) -> int:
    """1-based line of the fixture where `needle` first appears."""
    text = DATA.decode("utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


@pytest.fixture(scope="module")
def posts() -> dict[str, Imported]:
    """The fixture's articles by key."""
    records, problems = read_wxr(DATA, FIXTURE)
    assert problems == []
    return {record.key: record for record in records}


def test_posts_and_pages_are_read_in_order_and_other_items_skipped() -> None:
    export = read_export(DATA, FIXTURE)
    assert [a.key for a in export.articles] == [
        "wp:101", "wp:102", "wp:103", "wp:104", "wp:105", "wp:106", "wp:107", "wp:108"]
    assert export.skipped == (
        Skipped("attachment", "The harbour at dawn", line_of("<title><![CDATA[The harbour at")
                - 1),
        Skipped("nav_menu_item", "", line_of("https://example.com/2019/01/01/120/") - 2),
    )
    assert export.attachments == (Attachment(
        post_id="110", parent="101", url="https://example.com/wp-content/uploads/2019/01/harbour.jpg",
        file="2019/01/harbour.jpg", title="The harbour at dawn",
        line=line_of("<title><![CDATA[The harbour at") - 1),)
    assert export.problems == ()


def test_published_post_maps_every_field(posts: dict[str, Imported]) -> None:
    post = posts["wp:101"]
    assert post.title == "Hello & welcome to the harbour"
    assert post.source_path == FIXTURE
    assert post.date == dt.date(2019, 1, 2)  # the local date the blog showed (and its link)
    assert post.updated == dt.date(2019, 2, 14)
    assert post.author == "Ana Ruiz"
    assert post.summary == "A short tour of the harbour & its boats."
    assert post.tags == ("News", "Boats & Ships", "photography")  # tag "news" is a duplicate
    assert post.draft is False
    assert post.aliases == ("/2019/01/02/hello-welcome/",)
    assert post.slug == "hello-welcome"
    assert post.url == ""
    assert post.source == ""
    assert post.extra == {
        "wp_post_id": "101",
        "wp_link": "https://example.com/2019/01/02/hello-welcome/",
        "wp_comment_status": "open",
        "wp_sticky": True,
        "wp_featured_image": "https://example.com/wp-content/uploads/2019/01/harbour.jpg",
        "wp_meta": {"subtitle": "A first look around"},
    }


def test_body_stays_html_with_captions_as_figures(posts: dict[str, Imported]) -> None:
    body = posts["wp:101"].body
    assert body.startswith("<p>Welcome to <strong>Harbour Notes</strong>.")
    assert '<img class="alignright size-medium" src="https://example.com/wp-content/uploads/' \
        '2019/01/crane-300x200.jpg"' in body
    assert ('<figure><a href="https://example.com/wp-content/uploads/2019/01/harbour.jpg">'
            '<img class="size-large wp-image-110" ') in body
    assert ('/></a><figcaption>The harbour at dawn, from the <em>north</em> pier</figcaption>'
            '</figure>\n<table>') in body
    assert "[caption" not in body and "<!--more-->" not in body
    assert "<tbody><tr><td>Marta</td><td>12&nbsp;m</td></tr></tbody>" in body
    assert "<p>" in body and "<br />" not in body  # block tags present: no autop
    assert 'see the <a href="https://example.com/2019/03/01/%e2%80%a6-and-then/">' in body


def test_unknown_shortcodes_are_kept_and_noted_at_their_line(
        posts: dict[str, Imported]) -> None:
    post = posts["wp:101"]
    assert '[gallery ids="110,111" columns="2"]' in post.body
    [note] = post.notes  # not [sic], not [embed] inside <code>, not the converted caption
    assert note.path == FIXTURE and note.line == line_of("[gallery ids=")
    assert "[gallery]" in note.message and "Hello & welcome" in note.message
    assert note.hint
    [vimeo] = posts["wp:107"].notes
    assert "[vimeo]" in vimeo.message and vimeo.line == line_of("[vimeo 123456]")
    assert posts["wp:107"].body.endswith("[vimeo 123456]")


def test_draft_falls_back_to_local_date_and_gets_paragraphs(
        posts: dict[str, Imported]) -> None:
    draft = posts["wp:102"]
    assert draft.draft is True
    assert draft.date == dt.date(2019, 2, 10)  # post_date_gmt is 0000-00-00
    assert draft.updated is None
    assert draft.aliases == ()  # https://example.com/?p=102 is no site path
    assert draft.slug == ""
    assert draft.author == "Ben O’Kafor"  # display name, entity decoded
    assert draft.tags == ()  # "Uncategorized" is WordPress's placeholder
    assert draft.summary == ""
    assert draft.body == (
        "<p>First idea: the ferry timetable.<br />\nSecond line of the same idea.</p>\n\n"
        "<p>Second idea: the *new* pier.</p>\n\n"
        "<p>Indented line that must not become a code block.</p>")


def test_private_post_is_a_draft_without_the_more_tag(posts: dict[str, Imported]) -> None:
    private = posts["wp:103"]
    assert private.draft is True
    assert private.extra["wp_comment_status"] == "closed"
    assert private.body == "<p>The fees went up again.</p>\n\n<p>Nobody was told.</p>"


def test_page_is_an_article_marked_as_a_page(posts: dict[str, Imported]) -> None:
    page = posts["wp:104"]
    assert page.title == "About"
    assert page.extra["wp_post_type"] == "page"
    assert page.aliases == ("/about/",)
    assert page.draft is False
    assert page.body == (
        "<p>We are two people who like boats.</p>\n\n"
        '<figure class="wp-block-image size-large"><img src="https://example.com/wp-content/'
        'uploads/2019/01/harbour.jpg" alt="" class="wp-image-110"/></figure>')
    assert "_wp_page_template" not in str(page.extra)


def test_truncated_excerpt_loses_its_marker(posts: dict[str, Imported]) -> None:
    post = posts["wp:105"]
    assert post.summary == (
        "The ferry is late because the tide tables changed, and nobody updated the")
    assert post.author == "ghost"  # a login with no wp:author entry is kept as is


def test_split_cdata_sections_are_joined(posts: dict[str, Imported]) -> None:
    body = posts["wp:106"].body
    assert "ends with <code>]]></code>, so" in body
    assert "<pre><code>&lt;![CDATA[ a[b[0]] ]]></code></pre>" in body
    assert posts["wp:106"].tags == ("XML",)
    assert posts["wp:106"].notes == ()


def test_percent_encoded_slug_and_entity_title(posts: dict[str, Imported]) -> None:
    post = posts["wp:107"]
    assert post.title == "… and then the storm"
    assert post.slug == "…-and-then"
    assert post.aliases == ("/2019/03/01/…-and-then/",)


def test_password_protected_post_is_imported_as_a_draft(posts: dict[str, Imported]) -> None:
    post = posts["wp:108"]
    assert post.draft is True
    [note] = post.notes
    assert "password-protected" in note.message
    assert note.line == line_of("Members only") - 1


def test_wxr_1_0_namespaces_read_the_same() -> None:
    old = DATA.replace(b"http://wordpress.org/export/1.2/", b"http://wordpress.org/export/1.0/")
    assert read_wxr(old, FIXTURE) == read_wxr(DATA, FIXTURE)


def test_doctype_and_entities_are_refused_before_parsing(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def no_parse(data: bytes) -> None:
        raise AssertionError("parsed a file with a DTD")

    monkeypatch.setattr(wordpress, "parse_xml", no_parse)
    path = tmp_path / "bomb.xml"
    records, [problem] = read_wxr(BOMB, path)
    assert records == []
    assert problem.path == path and problem.line == 2
    assert "DOCTYPE or ENTITY" in problem.message and "refusing" in problem.message
    assert "Tools → Export" in problem.hint


def test_a_dtd_the_byte_check_cannot_see_is_refused_by_the_parser(tmp_path: Path) -> None:
    utf16 = BOMB.replace(b'version="1.0"?>', b'version="1.0" encoding="UTF-16"?>').decode(
        "ascii").encode("utf-16")
    records, [problem] = read_wxr(utf16, tmp_path / "bomb.xml")
    assert records == [] and "DOCTYPE or ENTITY" in problem.message


def test_a_doctype_inside_a_post_is_content_not_a_declaration() -> None:
    data = DATA.replace(b"<p>The storm came in at six.</p>",
                        b"<pre>&lt;!DOCTYPE html&gt; <!DOCTYPE html></pre>")
    records, problems = read_wxr(data, FIXTURE)
    assert problems == []
    assert "<!DOCTYPE html></pre>" in records[6].body


def test_broken_xml_is_reported_with_its_line(tmp_path: Path) -> None:
    cut = DATA[: DATA.index(b"<wp:post_id>103")] + b"<wp:post_id>103</wp:post_idd>"
    records, [problem] = read_wxr(cut, tmp_path / "export.xml")
    assert records == []
    assert problem.line == line_of("<wp:post_id>103")
    assert "not well-formed XML: mismatched tag" in problem.message
    assert problem.hint


def test_an_rss_feed_is_not_a_wordpress_export(tmp_path: Path) -> None:
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title>' \
        b"</item></channel></rss>"
    records, [problem] = read_wxr(feed, tmp_path / "feed.xml")
    assert records == [] and "not a WordPress export" in problem.message


@pytest.mark.parametrize(("excerpt", "summary"), [
    ("Words and more words&hellip;", "Words and more words"),
    ("Words and more words [...]", "Words and more words"),
    ("<p>Tom &amp; Jerry\n  went   out.</p>", "Tom & Jerry went out."),
    ("", ""),
])
def test_excerpt_markers_tags_and_entities(excerpt: str, summary: str) -> None:
    item = (f"<item><title>T</title><content:encoded><![CDATA[x]]></content:encoded>"
            f"<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>"
            "<wp:post_id>1</wp:post_id><wp:status>publish</wp:status>"
            "<wp:post_type>post</wp:post_type></item>")
    data = DATA.replace(DATA[DATA.index(b"\t<item>"): DATA.index(b"</channel>")],
                        item.encode())
    [record], _ = read_wxr(data, FIXTURE)
    assert record.summary == summary


def test_caption_text_from_the_attribute() -> None:
    body = wordpress.wp_body('[caption id="a" caption="A &quot;cat&quot;"]<img src="c.jpg" />'
                             "[/caption]")
    assert body == '<figure><img src="c.jpg" /><figcaption>A &quot;cat&quot;</figcaption></figure>'


def test_autop_leaves_figures_and_lone_shortcodes_unwrapped() -> None:
    text = "One\ntwo\n\n[caption]<img src='a.png'> Cap[/caption]\n\n[gallery]\n\n\nThree"
    assert wordpress.wp_body(text) == (
        "<p>One<br />\ntwo</p>\n\n<figure><img src='a.png'><figcaption>Cap</figcaption>"
        "</figure>\n\n[gallery]\n\n<p>Three</p>")
