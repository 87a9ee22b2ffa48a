"""Topic scoring and related-article linking."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from readsite.config import TopicConfig, parse_config
from readsite.crosslinks import build_collection
from readsite.crosslinks.related import WORD_RE, terms, words
from readsite.models import Article, pack_html
from readsite.topics import classify, count_terms, explain, score

IPO = TopicConfig("ipo", "IPO", keywords=("IPO", "initial public offering", "public offering"))
GPU = TopicConfig("gpu", "GPU", keywords=("GPU",), min_score=1)


def test_count_whole_words_longest_first_plurals() -> None:
    text = "The IPO, the IPOs, an initial public offering; ipod isn't one. Public\nOffering!"
    assert count_terms(text, IPO.keywords) == {"IPO": 2, "initial public offering": 1,
                                               "public offering": 1}


def test_title_hits_weigh_more() -> None:
    result = score("The IPO", "An IPO.", IPO)
    assert result.score == 4
    assert result.matches == (("IPO", 2),)
    assert result.selected


def test_classify_threshold_and_order() -> None:
    assert classify("", "GPU and IPO", [IPO, GPU]) == ("gpu",)
    assert classify("", "GPU and IPO. IPO!", [IPO, GPU]) == ("ipo", "gpu")


def test_regex_special_characters_in_keywords() -> None:
    topic = TopicConfig("c", "C++", keywords=("C++", "a.b"), min_score=1)
    assert count_terms("I like C++ and a.b but not axb", topic.keywords) == {"C++": 1, "a.b": 1}


@given(st.text(max_size=200), st.lists(st.text(min_size=1, max_size=10), max_size=5))
def test_count_terms_never_crashes(text: str, keywords: list[str]) -> None:
    keys = tuple(k for k in keywords if k.strip())
    counts = count_terms(text, keys)
    assert all(v > 0 for v in counts.values())


def article(slug: str, text: str, topics: tuple[str, ...] | None = None) -> Article:
    return Article(slug=slug, title=slug.title(), path=Path(f"content/{slug}.md"),
                   packed_html=pack_html(""), text=text, topics_set=topics)


def test_related_and_neighbours() -> None:
    """Related reading leaves out what the page already offers (here b, a's next article in
    Gpu) and says why in words: the names both use, never plain words."""
    config = parse_config(
        "title: T\nrelated: 2\nstories: {threshold: 1}\n"
        "topics:\n  - slug: gpu\n    keywords: [GPU]\n    min_score: 1\n",
        Path("/s/site.yaml"))
    collection = build_collection(config, [
        article("a", "GPU rental by Coreweave and Lambda in Memphis datacenters"),
        article("b", "GPU rental by Coreweave and Lambda in Memphis datacenters again"),
        article("c", "Coreweave Lambda Memphis datacenters rental"),
        article("d", "Completely unrelated gardening notes about tomatoes", topics=()),
    ])
    related = collection.related["a"]
    assert [r.article.slug for r in related] == ["c"]
    assert related[0].shared_topics == ()  # c never says GPU
    assert related[0].reason == "Also mentions Coreweave and Lambda"  # not "datacenters"
    assert [r.article.slug for r in collection.related["c"]] == ["a", "b"]
    assert collection.related["d"] == ()
    [neighbours] = collection.neighbours["b"]
    assert (neighbours.previous.slug, neighbours.next) == ("a", None)  # type: ignore[union-attr]
    assert [t.slug for t in neighbours.topics] == ["gpu"]


def test_related_reasons_name_shared_names_not_common_words() -> None:
    config = parse_config("title: T\nstories: {threshold: 1}\n", Path("/s/site.yaml"))
    collection = build_collection(config, [
        article("a", "Coreweave rents Memphis racks. See the second rental of racks here."),
        article("b", "Coreweave said Memphis racks rental comes second, see racks."),
        article("c", "Gardening notes about tomatoes in winter."),
    ])
    [related] = collection.related["a"]
    assert related.reason == "Also mentions Coreweave and Memphis"


def test_neighbours_merge_topics_with_the_same_sequence() -> None:
    config = parse_config(
        "title: T\ntopics:\n  - slug: x\n  - slug: y\n  - slug: z\n", Path("/s/site.yaml"))
    collection = build_collection(config, [
        article("a", "one", topics=("x", "y", "z")),
        article("b", "two", topics=("x", "y")),
        article("c", "three", topics=("x", "y", "z")),
    ])
    rows = [([t.slug for t in n.topics], n.previous and n.previous.slug, n.next and n.next.slug)
            for n in collection.neighbours["c"]]
    assert rows == [(["x", "y"], "b", None), (["z"], "a", None)]


def test_dek_hidden_when_body_opens_with_summary() -> None:
    base = article("a", "First sentence here.  And more.")
    assert dataclasses.replace(base, summary="First  sentence here.").dek == ""
    assert dataclasses.replace(base, summary="A dek of its own.").dek == "A dek of its own."


def test_terms_skip_stopwords_and_numbers() -> None:
    assert terms("The 300 megawatts of the data-center, and xAI’s GPUs") == {
        "megawatts": 1, "data-center": 1, "xai's": 1, "gpus": 1}


@given(st.text(alphabet=st.sampled_from(
    "ab Zé1_-'’.,;:!?«»¡¿\u2013\u2014\u2019\u203f\u2070\u00b2\u0663\t\n\x1c\u3000ſ"),
    max_size=60) | st.text(max_size=60))
@example(text="‿ab ²x a-b-c 3-D x_ _y '’ab’' ab-- 1st")
def test_words_are_what_the_word_pattern_finds(text: str) -> None:
    """The fast splitter gives exactly the pattern's words (related reading's counts)."""
    assert words(text) == WORD_RE.findall(text)


def test_keyword_matches_before_a_hyphen_but_not_inside_a_word() -> None:
    cve = TopicConfig("cve", "CVE", keywords=("CVE",), min_score=1)
    assert count_terms("Fixes CVE-2013-2065 and CVE-2014-0160.", cve.keywords) == {"CVE": 2}
    assert count_terms("GPU-rich labs buy GPUs; GPUX and GPUses are not GPUs", ("GPU",)) == {
        "GPU": 3}
    assert count_terms("a pre-IPO round", ("IPO",)) == {}


RUST = TopicConfig("rust", "Rust", keywords=("borrow checker",), min_score=3,
                   tags=("rust", "rustlang"))


def test_a_tag_alone_puts_an_article_in_its_topic_and_explains_why() -> None:
    result = score("Notes", "Nothing relevant.", RUST, tags=("Rust", "async"))
    assert result.matches == (("tag: rust", 1),)
    assert (result.score, result.selected) == (3, True)
    assert classify("Notes", "Nothing relevant.", [IPO, RUST], ("RUST",)) == ("rust",)
    assert classify("Notes", "Nothing relevant.", [IPO, RUST], ("python",)) == ()


def test_explain_reports_tags_and_keywords_together() -> None:
    [ipo, rust] = explain("The borrow checker", "The borrow checker again.", [IPO, RUST],
                          tags=["rustlang"])
    assert rust.matches == (("tag: rustlang", 1), ("borrow checker", 2))
    assert rust.score == 3 + 3 + 1
    assert not ipo.selected and ipo.matches == ()
    assert explain("t", "b", [RUST])[0].matches == ()  # the CLI's call, without tags


def test_tags_classify_in_the_collection_but_front_matter_topics_win() -> None:
    config = parse_config("title: T\ntopics:\n  - slug: rust\n    tags: [Rust]\n"
                          "  - slug: go\n", Path("/s/site.yaml"))
    tagged = dataclasses.replace(article("a", "Plain words."), tags=("rust",))
    chosen = dataclasses.replace(article("b", "Plain words.", topics=("go",)), tags=("rust",))
    collection = build_collection(config, [tagged, chosen])
    assert [t.slug for t in collection.article_topics["a"]] == ["rust"]
    assert [t.slug for t in collection.article_topics["b"]] == ["go"]


PIECES = ["GPU", "gpus", "GPUes", "gpue", "neocloud", "IPO", "ipos", "CVE-2013", "pre-IPO",
          "GPU-rich", "C++", "x", "_", "ſ", "K", "İ", "é", "compute", "capacity", "-", ",", ".",
          "'s"]
SEPARATORS = ["", " ", "\n", "-", "  "]
texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)),
                 max_size=12).map(lambda parts: "".join(p + s for p, s in parts))


@given(texts, texts,
       st.lists(st.sampled_from(["GPU", "gpue", "neocloud", "IPO", "compute capacity", "C++",
                                 "CVE", "x", "é", "ipos"]), min_size=1, max_size=4))
@example(body="IPOſ, İPO and \u212aB", title="", keywords=["IPO", "kb"])  # re.IGNORECASE folds
@example(body="", title="éſ", keywords=["é"])  # "ſ" is an "s" to re.IGNORECASE, not lower()
def test_shortcuts_never_change_a_score(body: str, title: str, keywords: list[str]) -> None:
    """Counting word runs (single-word keywords) and skipping topics whose first words are
    absent give exactly the scores of running every topic's regex over title and body."""
    topic = TopicConfig(slug="t", name="T", keywords=tuple(keywords), min_score=1)
    other = TopicConfig(slug="o", name="O", keywords=("unrelated", "compute capacity"))
    in_title, in_body = count_terms(title, topic.keywords), count_terms(body, topic.keywords)
    [shortcut, _] = explain(title, body, (topic, other))
    assert shortcut == score(title, body, topic)
    assert shortcut.score == 3 * sum(in_title.values()) + sum(in_body.values())
    assert dict(shortcut.matches) == dict(in_title + in_body)
