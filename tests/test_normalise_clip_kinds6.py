"""Fifth-round precision checks for the whole-line rules of pasted pages: an ownership line needs
a media owner, a "Follow ... on <platform>" line a capitalised outlet (or "us"), a "Together
with ..." / "Sponsored by ..." label a capitalised sponsor; story sentences of the same shape
stay, through the whole pipeline as well as rule by rule.  Cases 092-093: an outlet named once,
in plain words, on the first line above a section label and the headline."""

from __future__ import annotations

import pytest

from readsite.normalise import RULES, normalise
from readsite.normalise.clipchrome import clip_chrome_rule
from readsite.normalise.promos import is_sponsor_label, promo_rule

BODY = ("Island councillors voted on Wednesday to keep the ferry subsidy for another two years, "
        "after a long debate in which the harbour board warned that sailings would stop.\n\n"
        "The board said two of its four daily sailings would otherwise end in May.\n")
LONG = ("The council approved the plan on Tuesday after a long debate, and work on the new "
        "bridge will start in the spring once the last contracts are signed.")


@pytest.mark.parametrize("line", [
    "Oak Academy is part of Oak Learning Group.",
    "The company is owned by Smith Holdings Ltd.",
    "Kelbrook Foods is owned by Ardent Group plc.",
    "The Annual Review is published by Smith Ltd.",
    "The transport authority is part of the combined authority.",
    "The school is part of Oak Media Group.",
    "Follow the council on Facebook for updates.",
    "Follow the signs on X Road to the car park.",
])
def test_story_sentences_are_not_page_chrome(line: str) -> None:
    assert clip_chrome_rule(line) is None


@pytest.mark.parametrize(("line", "rule"), [
    ("The Valley Courier is part of Hillcrest Media Group.", "ownership-line"),
    ("The Daily Ledger is owned by Tarn Newspapers Limited.", "ownership-line"),
    ("Arle Post is published by Riverside Publishing Ltd", "ownership-line"),
    ("The Harbour Gazette is a member of the Quay Press Group.", "ownership-line"),
    ("Follow us on Instagram and X", "follow-line"),
    ("FOLLOW US ON INSTAGRAM", "follow-line"),
    ("Follow The Lantern on Instagram and X for more.", "follow-line"),
])
def test_page_chrome_still_goes(line: str, rule: str) -> None:
    found = clip_chrome_rule(line)
    assert found is not None and found.name == rule


@pytest.mark.parametrize("line", ["Together with the council", "Together with neighbours",
                                  "Paid for by taxpayers", "Sponsored by the parish"])
def test_subheadings_are_not_sponsor_labels(line: str) -> None:
    assert not is_sponsor_label(line)
    assert promo_rule(line) is None


@pytest.mark.parametrize("line", ["Together with Acme", "SPONSORED BY FARECARD",
                                  "Sponsored by Kelbrook Foods", "Today's sponsor"])
def test_sponsor_labels_still_go(line: str) -> None:
    assert is_sponsor_label(line)


def test_ownership_sentence_in_a_story_survives_the_pipeline() -> None:
    text = ("Academy trust takes over village school\n\n"
            f"{LONG}\n\nOak Academy is part of Oak Learning Group.\n\n"
            "Together with the council\n\nThe trust will run the school from September, "
            "the council said.\n\nFollow the council on Facebook for updates.\n")
    body = normalise(text).body
    for line in ("Oak Academy is part of Oak Learning Group.", "Together with the council",
                 "The trust will run the school from September",
                 "Follow the council on Facebook for updates."):
        assert line in body


def test_outlet_over_section_rule_is_listed() -> None:
    assert RULES["outlet-over-section"].doc


@pytest.mark.parametrize(("first", "label", "source"), [
    ("The Islander", "Politics", "The Islander"),
    ("Harbour Gazette", "Local News", "Harbour Gazette"),
    ("Arle Valley Advertiser", "Sport", "Arle Valley Advertiser"),
])
def test_outlet_named_once_over_a_section_label(first: str, label: str, source: str) -> None:
    text = (f"{first}\n\n{label}\n\nCouncillors back ferry subsidy after long debate\n\n"
            f"By Morag Lindsay\n\n12 March 2026\n\n{BODY}")
    result = normalise(text)
    assert result.source == source
    assert result.title == "Councillors back ferry subsidy after long debate"
    assert first not in result.body and label not in result.body


@pytest.mark.parametrize(("first", "label"), [
    ("Scotland", "Politics"),        # one word: a stacked breadcrumb, not a name
    ("Morag Lindsay", "Opinion"),    # a columnist's name over the section label
    ("Ferry Crisis", "Transport"),   # a topic tag over a label that is no section word
])
def test_not_an_outlet_over_a_section_label(first: str, label: str) -> None:
    text = (f"{first}\n\n{label}\n\nCouncillors back ferry subsidy after long debate\n\n"
            f"By Ann Reid\n\n12 March 2026\n\n{BODY}")
    assert all(t.rule != "outlet-over-section" for t in normalise(text).trace)


def test_no_outlet_over_section_without_a_fact_below() -> None:
    text = (f"The Islander\n\nPolitics\n\nCouncillors back ferry subsidy after long debate\n\n"
            f"{BODY}")
    assert all(t.rule != "outlet-over-section" for t in normalise(text).trace)
