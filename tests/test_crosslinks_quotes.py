"""Quotes and their speakers (`readsite.crosslinks.quotes`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readsite.crosslinks.quotes import Said, collect, find_quotes, normal_key
from readsite.markdown import render
from readsite.models import Article, pack_html

CONTENT = Path(__file__).resolve().parent.parent / "content"
CYNICAL = "Why be positive when you can be cynical?"


def said(*lines: str, skip: frozenset[int] = frozenset()) -> list[tuple[str, str]]:
    """(speaker, text) of every quote found in `lines`."""
    return [(s.speaker, s.text) for s in find_quotes(lines, skip)]


def article(slug: str) -> Article:
    return Article(slug=slug, title=slug, path=Path(f"{slug}.md"), packed_html=pack_html(""),
                   text="")


def fold(name: str) -> tuple[str, str]:
    return name.replace("’", "'"), ""


@pytest.mark.parametrize("line", [
    'Jane Smith said, "We will build more data centers."',
    'Jane Smith said: "We will build more data centers."',
    '"We will build more data centers," Jane Smith said.',
    '"We will build more data centers," said Jane Smith.',
    '“We will build more data centers,” Jane Smith said.',
    'Jane Smith stated, "We will build more data centers."',
    'Jane Smith told Reuters, "We will build more data centers."',
    '"We will build more data centers", Jane Smith told Reuters.',
    'Jane Smith, who founded the firm, said "We will build more data centers."',
    'According to Jane Smith, "We will build more data centers."',
    'Jane Smith smiled, adding, "We will build more data centers."',
    'Jane Smith paused, explaining, "We will build more data centers."',
    'Jane Smith agreed, noting, "We will build more data centers."',
    'Jane Smith shrugged, asking, "We will build more data centers?"',
    'Jane Smith was skeptical, questioning, "We will build more data centers?"',
    'Jane Smith, a TechCrunch reporter, said "We will build more data centers."',
    'Anthropic CEO Jane Smith said, "We will build more data centers."',
    'Jane Smith argued that the firm "will build more data centers next year."',
    'Jane Smith said, ‘We will build more data centers.’',
])
def test_speech_patterns(line: str) -> None:
    [(speaker, text)] = said(line)
    assert speaker == "Jane Smith"
    assert "will build more data centers" in text


@pytest.mark.parametrize("name", ["Sean O’Kane", "Sean O'Kane", "Ann McDonald",
                                  "Pieter van der Berg", "J. Smith", "José Núñez"])
def test_name_shapes(name: str) -> None:
    assert said(f'"We did it in the end," {name} said.') == [(name, "We did it in the end")]
    assert said(f'{name} said, "We did it."') == [(name, "We did it.")]


def test_colon_names_a_speaker_named_before() -> None:
    lines = ["Jane Smith runs the lab.", 'Jane Smith: "We will build more."',
             'Breaking News: "Markets fall sharply on Monday."']
    assert said(*lines) == [("Jane Smith", "We will build more.")]


def test_pronoun_is_the_last_named_person() -> None:
    lines = ["Jane Smith runs the lab in Memphis.", '"It was a hard call," she said.',
             'Tom Brown disagreed. "It was an easy call," he said.']
    assert said(*lines) == [("Jane Smith", "It was a hard call"),
                            ("Tom Brown", "It was an easy call")]


def test_pronoun_with_nobody_named_is_skipped() -> None:
    assert said('"It was a hard call," she said.') == []
    assert said('Critics argue the deal is bad. "It was a bad call," they said.') == []


def test_bare_surname_and_first_name_resolve_to_the_full_name() -> None:
    lines = ["Sean O’Kane hosted the show.", '"Nothing is certain," O’Kane said.',
             'Sean added that "nothing is certain in this market."']
    assert [s for s, _ in said(*lines)] == ["Sean O’Kane", "Sean O’Kane"]


def test_quote_spanning_sentences_is_one() -> None:
    [found] = find_quotes(['"We build. We hire. We win," Jane Smith said. Then she left.'])
    assert found.text == "We build. We hire. We win"
    assert found.speaker == "Jane Smith"
    assert found.sentence == '"We build. We hire. We win," Jane Smith said.'


def test_quote_continued_after_the_attribution() -> None:
    line = 'Jane Smith spoke. "The first part is here," she said. "The second part is here."'
    assert said(line) == [("Jane Smith", "The first part is here"),
                          ("Jane Smith", "The second part is here.")]


@pytest.mark.parametrize("line", [
    'Kirsten Korosec further clarified the concept of a "neocloud" for listeners.',
    'It offers a more "believable business" model to investors.',
    'The company said, "We will build more data centers."',
    '"We will build more data centers," the company said.',
    'Critics argue that "this will never work out for anyone."',
    '"This will never work out for anyone," Critics argue.',
    'A spokesperson for Tesla said, "We will build more data centers."',
    '"We will build more data centers this year."',
    'Outside of X, Grok is not "the new hot consumer chatbot" at all.',
    'Analysts said, "We will build more data centers."',
    'Officials: "We will build more data centers."',
])
def test_not_reported(line: str) -> None:
    assert said(line) == []


def test_quote_after_a_finished_sentence_is_not_the_next_speaker() -> None:
    assert said('It was "a major trial of the century." Jane Smith said nothing.') == []


def test_skipped_lines_are_not_searched() -> None:
    lines = ['Jane Smith said, "We will win."', 'Tom Brown said, "We will lose."']
    assert said(*lines, skip=frozenset({0})) == [("Tom Brown", "We will lose.")]


def test_sentence_and_line() -> None:
    [found] = find_quotes(["Intro.", 'It rained. Jane Smith said, "We will win." Then it stopped.'])
    assert found == Said("We will win.", "Jane Smith", 1, 'Jane Smith said, "We will win."')


def test_unpaired_straight_quotes_are_ignored() -> None:
    assert said('Jane Smith said, "We will win. Tom Brown said, “Not today,” and left.') == [
        ("Tom Brown", "Not today")]


def test_normal_key() -> None:
    assert normal_key("Why be positive when you can be cynical?") == \
        normal_key("  why be POSITIVE when you can be cynical ")
    assert normal_key("isn’t it") == normal_key("isn't it") == "isnt it"
    assert normal_key("ruin[ing] a brand") == "ruining a brand"
    assert normal_key("a — b") == "a b"


def test_collect_groups_and_orders() -> None:
    one, two = article("one"), article("two")
    found = [
        (one, [Said(CYNICAL, "Sean O’Kane", 3, "s3"), Said("Other words here.", "Ann Lee", 4, "s4"),
               Said(CYNICAL, "Sean O’Kane", 9, "s9"), Said(CYNICAL, "Sean O’Kane", 9, "s9")]),
        (two, [Said("why be positive when you can be cynical", "Sean O'Kane", 7, "s7"),
               Said("A second thing he said.", "Sean O'Kane", 8, "s8")]),
    ]
    quotes = collect(found, fold)
    assert [(q.speaker, q.text, len(q.sources)) for q in quotes] == [
        ("Sean O'Kane", CYNICAL, 3), ("Sean O'Kane", "A second thing he said.", 1),
        ("Ann Lee", "Other words here.", 1)]
    sources = quotes[0].sources
    assert [(c.article.slug, c.anchor, c.sentence) for c in sources] == [
        ("one", "s-p3", "s3"), ("one", "s-p9", "s9"), ("two", "s-p7", "s7")]


def test_collect_merges_a_slightly_longer_cut_of_the_same_words() -> None:
    one, two = article("one"), article("two")
    found = [(one, [Said("starting from scratch on xAI, he said", "Elon Musk", 1, "a")]),
             (two, [Said("starting from scratch on xAI", "Elon Musk", 2, "b"),
                    Said("starting", "Elon Musk", 3, "c")])]
    quotes = collect(found, lambda name: (name, "elon-musk"))
    assert [(q.text, len(q.sources)) for q in quotes] == [
        ("starting from scratch on xAI", 2), ("starting", 1)]
    assert quotes[0].speaker_slug == "elon-musk"
    assert [c.article.slug for c in quotes[0].sources] == ["one", "two"]


def test_collect_keeps_speakers_apart() -> None:
    one = article("one")
    found = [(one, [Said("Same words from two people.", "Ann Lee", 1, "a"),
                    Said("Same words from two people.", "Tom Brown", 2, "b")])]
    assert [q.speaker for q in collect(found, fold)] == ["Ann Lee", "Tom Brown"]


def demo_lines(name: str) -> tuple[list[str], frozenset[int]]:
    """A demo article's plain text lines, and which are headings."""
    body = (CONTENT / name).read_text(encoding="utf-8").split("---", 2)[2]
    rendered = render(body)
    lines = rendered.text.split("\n")
    headings = {h.text for h in rendered.headings}
    return lines, frozenset(i for i, line in enumerate(lines) if line in headings)


def test_demo_cynical_quote() -> None:
    names = sorted(p.name for p in CONTENT.glob("*.md"))
    found = [(article(name.removesuffix(".md")), find_quotes(*demo_lines(name)))
             for name in names]
    by_name = {a.slug: saids for a, saids in found}
    neocloud = [s for s in by_name["why-xai-selling-compute-signals-a-shift-to-neocloud"]
                if s.text == CYNICAL]
    partnership = [
        s for s in by_name["a-significant-partnership-has-been-announced-between-anthropic-and-xai"]
        if s.text == CYNICAL]
    assert [s.speaker for s in neocloud] == ["Sean O’Kane"]
    assert [s.speaker for s in partnership] == ["Sean O’Kane", "Sean O’Kane"]
    assert len({s.line for s in partnership}) == 2
    assert all(s.speaker in ("Sean O’Kane", "Kirsten Korosec") for _, ss in found for s in ss)
    cynical = [q for q in collect(found, fold) if normal_key(q.text) == normal_key(CYNICAL)]
    assert len(cynical) == 1
    assert cynical[0].speaker == "Sean O'Kane"
    assert sorted(c.article.slug[:5] for c in cynical[0].sources) == ["a-sig", "a-sig", "why-x"]


TOKENS = [*'aAbJS .,:;?!"“”‘’\'-—', "Jane ", "Smith ", "O’Kane", " said", " she", "he ",
          " asking, ", "according to ", "Critics argue ", "We will win"]
TEXT = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)


@given(st.lists(TEXT, max_size=8), st.sets(st.integers(0, 8), max_size=3))
def test_find_quotes_on_any_text(lines: list[str], skip: set[int]) -> None:
    for found in find_quotes(lines, frozenset(skip)):
        assert 0 <= found.line < len(lines) and found.line not in skip
        assert found.text and found.text in " ".join(lines[found.line].split())
        assert found.speaker and found.speaker.lower() not in ("he", "she", "they")
