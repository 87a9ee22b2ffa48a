"""Sixth-round precision checks for the `outlet-line` rule: the first line above a section label
and the headline is the outlet only when it is shaped like one.  A person's name ("Morag
Lindsay"), a topic tag ("Ferry Crisis") or a lone place word ("Scotland") is not, unless the page
repeats it as a name ("© 2026 Northbank", "Subscribe to Northbank").  Cases 094-095: a plain
one-word outlet that the page's footer repeats."""

from __future__ import annotations

import pytest

from readsite.normalise import RULES, normalise
from readsite.normalise.blocks import Block
from readsite.normalise.title import is_outlet_line, named_elsewhere, plain_outlet

BODY = ("Island councillors voted on Wednesday to keep the ferry subsidy for another two years, "
        "after a long debate in which the harbour board warned that sailings would stop.\n\n"
        "The board said two of its four daily sailings would otherwise end in May.\n")
HEADLINE = "Councillors back ferry subsidy after long debate"


def page(first: str, label: str, tail: str = "") -> str:
    return (f"{first}\n\n{label}\n\n{HEADLINE}\n\nBy Ann Reid\n\n12 March 2026\n\n{BODY}"
            f"{tail}")


def outlet_lines(text: str) -> list[str]:
    return [t.text for t in normalise(text).trace if t.rule == "outlet-line"]


def blocks(*texts: str) -> list[Block]:
    return [Block(text, line=2 * i + 1) for i, text in enumerate(texts)]


def test_outlet_line_rule_documents_its_refusals() -> None:
    assert "person-shaped" in RULES["outlet-line"].doc


@pytest.mark.parametrize(("first", "label"), [
    ("Scotland", "Politics"),        # a place: a stacked breadcrumb
    ("Morag Lindsay", "Opinion"),    # a columnist's name
    ("Ferry Crisis", "Transport"),   # a topic tag
    ("Highlands", "Local News"),
    ("Ann Reid", "Politics"),
])
def test_not_an_outlet_line(first: str, label: str) -> None:
    text = page(first, label)
    assert outlet_lines(text) == []
    result = normalise(text)
    assert result.source != first
    assert result.title == HEADLINE


@pytest.mark.parametrize("tail", [
    "",
    "\nScotland has the most ferry routes in the country.\n",   # the word, not as a name
    "\n© 2026 Northbank\n",                                     # another name in the footer
])
def test_a_place_word_is_not_made_an_outlet_by_the_story(tail: str) -> None:
    assert outlet_lines(page("Scotland", "Politics", tail)) == []


@pytest.mark.parametrize(("first", "label", "tail"), [
    ("Northbank", "Politics", "\n© 2026 Northbank\n"),
    ("Northbank", "Transport", "\nSubscribe to Northbank\n"),
    ("Northbank", "Politics", "\nCopyright 2026 Northbank Media Ltd. All rights reserved.\n"),
    ("Morag Lindsay", "Opinion", "\n© 2026 Morag Lindsay\n"),  # a one-person newsletter
    ("The Islander", "Politics", ""),
    ("Harbour Gazette", "Local News", ""),
    ("GridLines", "Energy", ""),
    ("Arle Valley Advertiser", "Sport", ""),
])
def test_outlet_line_still_fires(first: str, label: str, tail: str) -> None:
    text = page(first, label, tail)
    assert outlet_lines(text) == [first]
    result = normalise(text)
    assert result.source == first
    assert result.title == HEADLINE
    assert first not in result.body.split("\n")


@pytest.mark.parametrize(("name", "lines", "named"), [
    ("Northbank", ["© 2026 Northbank"], True),
    ("Northbank", ["© 2026 Northbank Media Ltd"], True),
    ("Northbank", ["Subscribe to Northbank"], True),
    ("Northbank", ["Follow the Northbank newsletter on X"], True),
    ("Northbank", ["© 2026 Northbankers"], False),
    ("Northbank", ["Northbank residents were angry."], False),
    ("Scotland", ["The ferry links Scotland to the islands."], False),
    ("Scotland", ["About Scotlandshire"], False),
])
def test_named_elsewhere(name: str, lines: list[str], named: bool) -> None:
    assert named_elsewhere(name, lines) is named


@pytest.mark.parametrize(("text", "plain"), [
    ("Scotland", False), ("Morag Lindsay", False), ("Ferry Crisis", False),
    ("The Islander", True), ("Harbour Gazette", True), ("GridLines", True), ("Reuters", True),
    ("Lakeland Department of Water Resources", True),
])
def test_plain_outlet_by_shape(text: str, plain: bool) -> None:
    assert plain_outlet(text, []) is plain


def test_is_outlet_line_reads_the_dropped_footer() -> None:
    rest = blocks("Politics", HEADLINE, "By Ann Reid")
    assert not is_outlet_line(Block("Northbank", line=1), rest)
    assert is_outlet_line(Block("Northbank", line=1), rest, ["© 2026 Northbank"])


def test_a_show_above_an_episode_headline_is_still_the_outlet() -> None:
    rest = blocks("Episode 58: Why the ferry timetable keeps changing", "By Ann Reid")
    assert is_outlet_line(Block("Night Owls", line=1), rest)


def test_three_section_labels_left_of_a_menu_are_not_the_title() -> None:
    """"Menu" and "Search" go as navigation, leaving three section words over the headline
    (too few for a menu run): none of them is the title (found by Hypothesis on case 087)."""
    raw = ("Menu\nSearch\nNews\nSport\nBusiness\n"
           "Island ferry cancelled for third day as gales continue\n"
           "By Sorcha Flynn | Tue 3 Mar 2026, 09:15\n"
           "Ferry crossings to Inishcorr were cancelled for a third day on Tuesday as gusts "
           "battered the west coast.\n\nIslanders said supplies had run out at the shops.\n")
    assert normalise(raw).title == "Island ferry cancelled for third day as gales continue"
