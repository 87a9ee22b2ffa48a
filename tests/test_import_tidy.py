"""Page layouts the extractor misreads, and the furniture it keeps: each rule and a near miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.importers.feed import person
from readsite.importers.html import extract_markdown, read_page
from readsite.importers.page import read_page_info
from readsite.importers.pagemeta import title_outlet
from readsite.importers.prepare import keep_story_asides, unwrap_layout_tables
from readsite.importers.tidy import (
    cut_about_tail,
    cut_list_tail,
    divider_headings,
    drop_lead_controls,
    drop_teasers,
    drop_title_repeats,
    restore_headings,
    tidy,
    unwrap_emphasis,
)
from readsite.markdown import render

PROSE = ("The reservoir rose eleven feet over the winter, the most in a decade, after a run of "
         "storms that stalled over the foothills for most of February.")
MORE = ("Water managers said the extra storage would let them skip the summer cuts they had "
        "planned for farms on the east side of the valley, at least for this year.")


# ------------------------------------------------------------------ prepare (markup)


def test_a_table_laid_out_page_becomes_blocks() -> None:
    page = (f"<table><tr><td><a href='/'>Home</a></td></tr><tr><td><h2>Storage</h2>"
            f"<p>{PROSE}</p></td></tr></table>")
    out = unwrap_layout_tables(page)
    assert "<table" not in out and "<td" not in out
    assert "<h2>Storage</h2>" in out


def test_a_data_table_is_left_alone() -> None:
    page = "<p>Levels:</p><table><tr><th>Year</th><th>Feet</th></tr><tr><td>2024</td>" \
           "<td>812</td></tr></table>"
    assert unwrap_layout_tables(page) == page


def test_a_story_aside_inside_the_article_is_kept_for_the_extractor() -> None:
    page = (f"<article><p>{PROSE}</p><aside class='note'><p>How we reported this: we read "
            "eleven years of gauge records and spoke to four district engineers.</p></aside>"
            "</article>")
    assert "<aside" not in keep_story_asides(page)


def test_a_related_links_aside_stays_an_aside() -> None:
    page = (f"<article><p>{PROSE}</p><aside><h3>Related</h3><ul><li><a href='/a'>Dam repairs "
            "begin</a></li></ul></aside></article><aside><p>" + PROSE + "</p></aside>")
    assert keep_story_asides(page) == page


def test_a_saved_page_keeps_its_story_aside_and_table_headings(tmp_path: Path) -> None:
    html = (f"<!doctype html><html><head><title>Reservoir rises</title></head><body><table>"
            f"<tr><td><h1>Reservoir rises</h1><p>{PROSE}</p><h2>What it means</h2><p>{MORE}</p>"
            "</td></tr></table></body></html>")
    record = read_page(html, tmp_path / "reservoir.html")
    assert "## What it means" in record.body
    assert "skip the summer cuts" in record.body


# ------------------------------------------------------------------ tidy (Markdown)


def test_a_player_control_before_the_headline_goes() -> None:
    paragraphs = ["[Download](/ep.mp3)", "# Episode 12: the flood", PROSE]
    kept, traces = drop_lead_controls(paragraphs, "Episode 12: the flood")
    assert kept == paragraphs[1:]
    assert traces[0].text == "Download"


def test_a_link_after_the_headline_or_a_long_one_stays() -> None:
    paragraphs = ["[Read the full report from the water district](/r.pdf)",
                  "# Episode 12: the flood", "[Download](/ep.mp3)", PROSE]
    kept, _ = drop_lead_controls(paragraphs, "Episode 12: the flood")
    assert kept == paragraphs


def test_headings_repeating_the_title_go_others_stay() -> None:
    paragraphs = ["## Reservoir rises", PROSE, "## Reservoir rises again next year?"]
    assert drop_title_repeats(paragraphs, "Reservoir rises") == paragraphs[1:]


def test_a_read_also_link_goes_when_the_page_labels_it() -> None:
    paragraphs = [PROSE, "[Dam repairs begin in May](/d)", MORE, "[Gauge data](/g)"]
    blocks = [PROSE, "Read also: Dam repairs begin in May", MORE, "Gauge data"]
    kept, traces = drop_teasers(paragraphs, blocks)
    assert kept == [PROSE, MORE, "[Gauge data](/g)"]
    assert [t.text for t in traces] == ["Dam repairs begin in May"]


def test_a_press_releases_about_tail_is_cut() -> None:
    paragraphs = [PROSE, MORE, PROSE, "**About Fernhill Water**",
                  "Fernhill Water builds pumps. Founded in 2001.", "**Media contact**",
                  "Jo Park, press@fernhill.example"]
    kept, traces = cut_about_tail(paragraphs, ["Fernhill Water", ""], "Fernhill Water raises $5M")
    assert kept == paragraphs[:3]
    assert len(traces) == 4


def test_an_about_section_on_another_subject_stays() -> None:
    paragraphs = [PROSE, MORE, "## About the study", PROSE, "About Fernhill Water, more later."]
    kept, _ = cut_about_tail(paragraphs, ["Fernhill Water"], "Reservoir rises")
    assert kept == paragraphs


def test_a_closing_list_of_more_items_is_cut() -> None:
    paragraphs = [PROSE, "## More episodes", "- Ep. 11 — Drought\n- Ep. 10 — Snowpack"]
    kept, traces = cut_list_tail(paragraphs)
    assert kept == [PROSE]
    assert traces[0].text == "More episodes"


def test_a_more_heading_over_prose_stays() -> None:
    paragraphs = [PROSE, "## More rain ahead", MORE]
    assert cut_list_tail(paragraphs)[0] == paragraphs
    listed = [PROSE, "## What to pack", "- boots\n- map"]
    assert cut_list_tail(listed)[0] == listed


def test_a_bold_byline_in_the_header_is_unwrapped_not_a_bold_line_later() -> None:
    paragraphs = ["**By Ana Ruiz**", "*March 3, 2025*", PROSE, MORE, PROSE, MORE, "**Note**"]
    out = unwrap_emphasis(paragraphs)
    assert out[:2] == ["By Ana Ruiz", "March 3, 2025"]
    assert out[6] == "**Note**"
    assert unwrap_emphasis([f"**{PROSE}**"]) == [f"**{PROSE}**"]  # a bold paragraph


def test_a_lost_heading_is_put_back_before_its_paragraph() -> None:
    out = restore_headings([PROSE, MORE], [(2, "What it means", MORE), (2, "Gone", "elsewhere")])
    assert out == [PROSE, "## What it means", MORE]
    kicker = restore_headings(["# Reservoir rises", PROSE], [(2, "Water", "Reservoir rises")])
    assert kicker == ["# Reservoir rises", PROSE]  # a kicker over the headline stays out
    assert restore_headings([PROSE, "## What it means", MORE],
                            [(2, "What it means", MORE)]) == [PROSE, "## What it means", MORE]


# ------------------------------------------------------------------ metadata


def page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def test_the_outlet_after_the_headline_in_title_is_the_source() -> None:
    info = read_page_info(page("Reservoir rises - The Valley Courier",
                               f"<h1>Reservoir rises</h1><p>{PROSE}</p>"
                               "<footer>The Valley Courier · 12 Main St.</footer>"))
    found = title_outlet(info)
    assert found is not None and found.value == "The Valley Courier"


@pytest.mark.parametrize("title", ["Sourdough at altitude - Part Two",
                                   "Bread at sea level | The Valley Courier"])
def test_a_title_tail_the_page_never_shows_or_a_part_number_is_no_outlet(title: str) -> None:
    info = read_page_info(page(title, f"<h1>Sourdough At Altitude</h1><p>{PROSE}</p>"))
    assert title_outlet(info) is None


def test_a_name_after_the_headline_itself_is_the_outlet_though_never_shown() -> None:
    info = read_page_info(page("Sourdough at altitude | The Valley Courier",
                               f"<h1>Sourdough At Altitude</h1><p>{PROSE}</p>"))
    found = title_outlet(info)
    assert found is not None and found.value == "The Valley Courier"


def test_an_outlet_before_the_headline_is_taken_only_when_the_page_shows_it() -> None:
    info = read_page_info(page("The Valley Courier | Sourdough At Altitude",
                               f"<h1>Sourdough At Altitude</h1><p>{PROSE}</p>"
                               "<footer>The Valley Courier · 12 Main St.</footer>"))
    found = title_outlet(info)
    assert found is not None and found.value == "The Valley Courier"  # never the headline
    info = read_page_info(page("The Valley Courier | Sourdough At Altitude",
                               f"<h1>Sourdough At Altitude</h1><p>{PROSE}</p>"))
    assert title_outlet(info) is None


def test_a_byline_set_in_bold_gives_the_author_and_leaves_the_body(tmp_path: Path) -> None:
    html = page("Reservoir rises - The Valley Courier",
                f"<div id='story'><h1>Reservoir rises</h1><p><b>By Tomasz Wren</b><br>"
                f"March 3, 2025</p><p>{PROSE}</p><p>{MORE}</p></div>"
                "<div id='footer'>The Valley Courier · 12 Main St.</div>")
    record = read_page(html, tmp_path / "r.html")
    assert record.author == "Tomasz Wren"
    assert record.source == "The Valley Courier"
    assert "Tomasz Wren" not in record.body
    assert PROSE in record.body


def test_a_lede_below_the_byline_stays_in_the_body(tmp_path: Path) -> None:
    lede = "The county adopted its first evacuation plan for the canyon roads on Tuesday."
    html = ("<html><head><title>Canyon plan adopted</title>"
            "<meta name='author' content='Rosa Lind'></head><body><table><tr><td>"
            "<h1>Canyon plan adopted</h1><p>June 3, 2025 — Rosa Lind</p>"
            f"<p>{lede}</p><h2>Routes</h2><p>{PROSE} {MORE}</p></td></tr></table></body></html>")
    record = read_page(html, tmp_path / "c.html")
    assert lede in record.body
    assert extract_markdown(html, "")  # the page has text the extractor finds


def test_a_dek_above_the_byline_is_still_the_summary(tmp_path: Path) -> None:
    dek = "Evacuation routes for six canyons are finally on paper."
    html = ("<html><head><title>Canyon plan adopted</title>"
            "<meta name='author' content='Rosa Lind'></head><body><article>"
            f"<h1>Canyon plan adopted</h1><p>{dek}</p><p>By Rosa Lind</p>"
            f"<p>{PROSE} {MORE}</p><p>{MORE} {PROSE}</p></article></body></html>")
    record = read_page(html, tmp_path / "c.html")
    assert record.summary == dek
    assert dek not in record.body


@pytest.mark.parametrize(("raw", "name"), [
    ("metro@dispatch.example (Kwame Osei)", "Kwame Osei"),
    ("Kwame Osei <metro@dispatch.example>", "Kwame Osei"),
    ("metro@dispatch.example", ""),
    ("Kwame Osei", "Kwame Osei"),
    ("Kwame Osei (guest)", "Kwame Osei (guest)"),
])
def test_rss_author_gives_the_name_not_the_address(raw: str, name: str) -> None:
    assert person(raw) == name


def test_a_byline_the_extractor_left_out_gives_the_author(tmp_path: Path) -> None:
    html = ("<html><head><title>Reservoir rises</title></head><body><article>"
            "<h1>Reservoir rises</h1><div class='byline'><span>By Tomasz Wren and Ada Oyelaran"
            "</span> · <time>March 3, 2025</time></div>"
            f"<p>{PROSE}</p><p>{MORE}</p><p>{PROSE}</p></article></body></html>")
    record = read_page(html, tmp_path / "r.html")
    assert record.author == "Tomasz Wren, Ada Oyelaran"
    assert "Tomasz Wren" not in record.body


def test_a_by_line_below_the_story_is_not_the_byline(tmp_path: Path) -> None:
    html = ("<html><head><title>Reservoir rises</title></head><body><article>"
            f"<h1>Reservoir rises</h1><p>{PROSE}</p><p>{MORE}</p></article>"
            "<aside><p>By Tomasz Wren</p><p>Letters: the dam</p></aside></body></html>")
    assert read_page(html, tmp_path / "r.html").author == ""


def test_headings_are_levelled_so_the_shallowest_is_the_second_level() -> None:
    from readsite.importers.tidy import level_headings

    page = ["Intro paragraph.", "### Background", "Text.", "#### Detail", "More.", "### Next"]
    assert level_headings(page) == ["Intro paragraph.", "## Background", "Text.", "### Detail",
                                    "More.", "## Next"]
    assert level_headings(["# Part one", "Text.", "## Aside"]) == ["## Part one", "Text.",
                                                                    "### Aside"]
    kept = ["## Already right", "Text #3 is not a heading.", "### Sub"]
    assert level_headings(kept) == kept


def test_a_subtitle_heading_repeating_the_stated_summary_leaves_the_body() -> None:
    from readsite.importers.tidy import drop_dek_heading

    page = ["### A painted lane, a year of complaints", "Last spring the town painted a lane."]
    rest, traces = drop_dek_heading(page, "A painted lane, a year of complaints")
    assert rest == ["Last spring the town painted a lane."]
    assert traces[0].rule == "extractor: subtitle repeating the summary"
    story = ["Last spring the town painted a lane.", "## A painted lane, a year of complaints"]
    assert drop_dek_heading(story, "A painted lane, a year of complaints")[0] == story
    assert drop_dek_heading(page, "")[0] == page


def test_heading_drawn_as_a_rule_is_a_divider() -> None:
    """A page drew a rule with `<h2>______________</h2>`: it was a heading of the article,
    listed in its contents."""
    paragraphs = ["## Deals", "The first deal.", "## \\_\\_\\_\\_\\_\\_", "## ______",
                  "## 2019", "## ★ ★ ★"]
    assert divider_headings(paragraphs) == ["## Deals", "The first deal.", "* * *", "* * *",
                                            "## 2019", "* * *"]
    html = render(tidy("The first deal.\n\n## ______\n\nThe second deal.", "").markdown).html
    assert "<hr" in html and "<h2" not in html
