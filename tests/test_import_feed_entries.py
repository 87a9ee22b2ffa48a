"""Feed entries: a footer the platform adds under every item goes, the story's own last line
stays; an entry's content keeps its opening when the summary repeats it (RSS, Atom, JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readsite.importers.feed import read_feed
from readsite.importers.footers import drop_feed_footers, is_footer
from readsite.importers.record import Imported

OPENING = "The winter storms took three stones from the north end of the breakwater."
SECOND = ("We spent two weeks hauling granite blocks from the quarry at Penmor, each one lifted "
          "by the old crane that the harbour board bought in 1962.")
LAST = ("The crane held, and so did the new stones; the tide gauge shows calmer water inside "
        "the wall already.")
LINK = "https://harbourlab.example/2025/breakwater"


def rss(content: str, description: str = "") -> bytes:
    summary = f"<description><![CDATA[{description}]]></description>" if description else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Lab Blog</title><link>https://harbourlab.example/</link>
<item><title>Mending the Breakwater</title><link>{LINK}</link><guid>{LINK}</guid>
<dc:creator>Ines Calder</dc:creator><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate>
{summary}<content:encoded><![CDATA[{content}]]></content:encoded></item>
</channel></rss>""".encode()


def one(data: bytes, tmp_path: Path) -> Imported:
    records, problems = read_feed(data, tmp_path / "feed.xml")
    assert not problems
    [record] = records
    return record


STORY = f"<p>{OPENING}</p><p>{SECOND}</p><p>{LAST}</p>"


def test_an_entry_without_a_summary_keeps_its_opening(tmp_path: Path) -> None:
    record = one(rss(STORY), tmp_path)
    assert record.body.startswith(OPENING)
    assert SECOND in record.body
    assert record.summary.startswith(OPENING)


def test_an_entry_with_its_own_summary_keeps_it_and_its_opening(tmp_path: Path) -> None:
    record = one(rss(STORY, "Three stones, two weeks, one old crane."), tmp_path)
    assert record.summary == "Three stones, two weeks, one old crane."
    assert record.body.startswith(OPENING)


def test_an_atom_entry_keeps_its_opening(tmp_path: Path) -> None:
    data = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Lab</title>
<entry><title>Mending the Breakwater</title><id>tag:harbourlab.example,2025:1</id>
<link href="{LINK}"/><updated>2025-03-04T09:00:00Z</updated>
<author><name>Ines Calder</name></author>
<content type="html"><![CDATA[{STORY}]]></content></entry></feed>""".encode()
    assert one(data, tmp_path).body.startswith(OPENING)


def test_a_json_feed_item_keeps_its_opening(tmp_path: Path) -> None:
    document = {"version": "https://jsonfeed.org/version/1.1", "title": "Harbour Lab",
                "items": [{"id": "1", "url": LINK, "title": "Mending the Breakwater",
                           "content_html": STORY}]}
    record = one(json.dumps(document).encode(), tmp_path)
    assert record.body.startswith(OPENING)
    assert record.summary.startswith(OPENING)


FOOTERS = [
    "<p>Forward this to a friend who loves harbours.</p>",
    '<p><a href="https://bsky.app/intent">Share on Bluesky</a> · '
    '<a href="https://facebook.com/sharer">Share on Facebook</a></p>',
    f'<p>Originally published at <a href="{LINK}">Harbour Lab</a>.</p>',
    "<p>Originally published at Harbour Lab.</p>",
    f'<p><a href="{LINK}">Read on our website</a> · <a href="{LINK}#comments">2 comments</a></p>',
    f'<p>The post <a href="{LINK}">Mending the Breakwater</a> appeared first on '
    '<a href="https://harbourlab.example">Harbour Lab</a>.</p>',
    "<p>The post Mending the Breakwater appeared first on harbourlab.example.</p>",
    "<p>This article was originally published on Harbour Lab.</p>",
    f'<hr><p><a href="{LINK}">Mending the Breakwater</a> was originally published in '
    '<a href="https://medium.com/harbour-lab">Harbour Lab</a> on Medium, where people are '
    "continuing the conversation by highlighting and responding to this story.</p>",
]


@pytest.mark.parametrize("footer", FOOTERS)
def test_an_item_footer_goes(footer: str, tmp_path: Path) -> None:
    record = one(rss(STORY + footer), tmp_path)
    assert record.body.rstrip().endswith(LAST), record.body
    assert record.body.count("\n\n") == 2  # the three paragraphs of the story, no more


def test_a_run_of_footers_goes_together(tmp_path: Path) -> None:
    record = one(rss(STORY + "".join(FOOTERS)), tmp_path)
    assert record.body.rstrip().endswith(LAST)
    assert record.body.startswith(OPENING)


@pytest.mark.parametrize("line", [
    "She asked us to forward this to a friend at the council, and we did.",
    "Share your photos of the breakwater on our website.",
    "Originally published in 1911, the harbour map showed the wall twice as long.",
    "Read on, because the crane has a story of its own.",
    "The post office on the quay appeared first on the harbour board's list of repairs.",
])
def test_a_last_line_of_the_story_that_looks_like_a_footer_stays(line: str,
                                                                   tmp_path: Path) -> None:
    record = one(rss(f"{STORY}<p>{line}</p>"), tmp_path)
    assert line in record.body


def test_a_footer_shape_inside_the_story_stays() -> None:
    markdown = f"{OPENING}\n\nForward this to a friend.\n\n{LAST}"
    assert drop_feed_footers(markdown)[0] == markdown
    assert not is_footer("Share")


@pytest.mark.parametrize(("paragraph", "footer"), [
    ("*The post [Mending](https://h.example/m) appeared first on [Harbour Lab](https://h.example).*",
     True),
    ("[Share on Bluesky](https://bsky.app/x)\n[Share on Facebook](https://facebook.com/x)", True),
    ("_Originally published at Harbour Lab._", True),
    ("[Read more](https://h.example/m)", True),
    ("Share on Bluesky\nThe crane held, and so did the stones.", False),
    ("Comments", False),
])
def test_footer_shapes(paragraph: str, footer: bool) -> None:
    assert is_footer(paragraph) is footer


def test_continue_reading_and_related_lines_end_an_entry_only_as_its_footer() -> None:
    from readsite.importers.footers import drop_feed_footers

    body = ("The ferry will run three days a week from January.\n\n"
            "Related: Council delays the vote on harbour fees\n\n"
            "Continue reading at Eastwick Gazette")
    kept, traces = drop_feed_footers(body)
    assert kept == "The ferry will run three days a week from January."
    assert [t.rule for t in traces] == ["feed: item footer", "feed: item footer"]
    story = ("Related: the council said the two votes were linked.\n\n"
             "Islanders will keep reading the timetable closely, continue reading at home.")
    assert drop_feed_footers(story)[0] == story


@pytest.mark.parametrize("mark", [" [&#8230;]", " [...]", "[…]"])
def test_a_cut_short_summary_ends_in_an_ellipsis_not_the_platform_mark(
        mark: str, tmp_path: Path) -> None:
    cut = "The winter storms took three stones, and the harbour board met on Monday to decide"
    record = one(rss("", description=f"<p>{cut}{mark}</p>"), tmp_path)
    assert record.body.startswith(f"{cut}…\n\n[Read the whole article at harbourlab.example]")
    assert record.summary == f"{cut}…"


def test_brackets_inside_a_whole_entry_stay(tmp_path: Path) -> None:
    record = one(rss(f"{STORY}<p>The minutes say: “we will decide [...]”.</p>"), tmp_path)
    assert "decide \\[...\\]”." in record.body or "decide [...]”." in record.body
