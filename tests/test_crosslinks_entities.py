"""Entities: matching declared names, linking first mentions, the index, and suggestions
(`crosslinks.suggest`)."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readsite.config_crosslinks import EntityConfig
from readsite.crosslinks.entities import (
    Matcher,
    article_entities,
    index,
    link_first_mentions,
    matcher_for,
)
from readsite.crosslinks.suggest import Candidate, suggest, suggestions_yaml
from readsite.markdown import render
from readsite.models import Article, Citation, Figure, Quote, pack_html

CONTENT = Path(__file__).resolve().parents[1] / "content"
ENTITIES = (
    EntityConfig("xAI", "organisation", ("xAI Corp",), slug="xai"),
    EntityConfig("Grok", "product", (), slug="grok"),
    EntityConfig("Colossus", "product", ("Colossus 1",), slug="colossus"),
    EntityConfig("Colossus 2", "product", (), slug="colossus-2"),
    EntityConfig("Sean O'Kane", "person", (), slug="sean-okane"),
    EntityConfig("Elon Musk", "person", ("Musk",), slug="elon-musk"),
    EntityConfig("AT&T", "organisation", (), slug="att"),
    EntityConfig("Memphis", "place", (), slug="memphis"),
)
MATCHER = Matcher(ENTITIES)


def found(text: str) -> list[tuple[str, int, int]]:
    return list(MATCHER.mentions(text.split("\n")))


# --- matching -------------------------------------------------------------------------

def test_whole_words_only() -> None:
    assert found("xAIs and SpacexAI and xAIxAI") == []
    assert found("(xAI) said") == [("xai", 1, 0)]


def test_no_match_inside_an_apostrophe_name() -> None:
    kane = Matcher((EntityConfig("Kane", slug="kane"),))
    assert kane.mentions(["O’Kane and O'Kane, but ‘Kane’ and 'Kane'"]) == (("kane", 2, 0),)
    assert link_first_mentions("<p>O’Kane then Kane</p>", {"kane": "/k/"}, kane) == (
        '<p>O’Kane then <a class="entity" href="/k/">Kane</a></p>')


def test_case_as_written() -> None:
    assert found("grok it, then ask Grok") == [("grok", 1, 0)]
    assert found("XAI and Xai") == []


def test_possessives_and_curly_apostrophes() -> None:
    assert found("xAI’s deal and xAI's model") == [("xai", 2, 0)]
    assert found("Sean O’Kane said; Sean O'Kane's view") == [("sean-okane", 2, 0)]


def test_longest_name_wins() -> None:
    assert found("Colossus 2 replaced Colossus 1 and Colossus") == [
        ("colossus-2", 1, 0), ("colossus", 2, 0)]
    assert found("Colossus 20") == [("colossus", 1, 0)]


def test_aliases_count_for_their_entity() -> None:
    assert found("Elon Musk spoke.\nMusk and xAI Corp agreed.") == [
        ("elon-musk", 2, 0), ("xai", 1, 1)]


def test_counts_first_line_order_and_skip() -> None:
    lines = ["A heading about Grok", "xAI made Grok", "Grok again, xAI"]
    assert MATCHER.mentions(lines) == (("grok", 3, 0), ("xai", 2, 1))
    assert MATCHER.mentions(lines, frozenset({0})) == (("xai", 2, 1), ("grok", 2, 1))


def test_spacing_and_ampersands() -> None:
    assert found("Elon\u00a0Musk and Elon  Musk, AT&T") == [("elon-musk", 2, 0), ("att", 1, 0)]


def test_no_entities_matches_nothing() -> None:
    assert Matcher(()).mentions(["xAI"]) == ()
    assert link_first_mentions("<p>xAI</p>", {"xai": "/x/"}, Matcher(())) == "<p>xAI</p>"


def test_matcher_is_cached_per_entity_tuple() -> None:
    assert matcher_for(ENTITIES) is matcher_for(tuple(ENTITIES))


def test_resolve() -> None:
    assert MATCHER.resolve("Musk") is ENTITIES[5]
    assert MATCHER.resolve("Sean O’Kane") is ENTITIES[4]
    assert MATCHER.resolve("O’Kane") is ENTITIES[4]
    assert MATCHER.resolve("Mr. Musk") is ENTITIES[5]
    assert MATCHER.resolve("xAI") is ENTITIES[0]
    assert MATCHER.resolve("Kirsten Korosec") is None
    assert MATCHER.resolve("") is None
    twins = Matcher((EntityConfig("Ann Lee", "person", slug="a"),
                     EntityConfig("Bo Lee", "person", slug="b")))
    assert twins.resolve("Lee") is None  # ambiguous surname
    assert Matcher((EntityConfig("Big Lee", "place", slug="p"),)).resolve("Lee") is None


def test_fifty_entities_in_a_long_article() -> None:
    """A 10,000-word article against 50 entities: every one is found and linked once (how
    fast is bench/'s business, not a test's)."""
    entities = [EntityConfig(f"Person{i} Surname{i}", "person", (f"Alias{i}",), slug=f"p{i}")
                for i in range(50)]
    matcher = Matcher(entities)
    para = " ".join(["the company said its data center would grow"] * 5)
    paras = [f"{para} Person{i % 50} Surname{i % 50} and Alias{i % 7}." for i in range(200)]
    html = "".join(f"<p>{p}</p>" for p in paras)
    targets = {e.slug: f"/entities/{e.slug}/" for e in entities}
    mentions = matcher.mentions(paras)
    linked = link_first_mentions(html, targets, matcher)
    assert len(mentions) == 50 and linked.count('class="entity"') == 50
    assert {slug: (count, first) for slug, count, first in mentions}["p3"] == (4 + 29, 3)


# --- linking --------------------------------------------------------------------------

TARGETS = {e.slug: f"/entities/{e.slug}/" for e in ENTITIES}


def link(html: str) -> str:
    return link_first_mentions(html, TARGETS, MATCHER)


def test_links_first_mention_only() -> None:
    assert link("<p>xAI and xAI</p><p>xAI</p>") == (
        '<p><a class="entity" href="/entities/xai/">xAI</a> and xAI</p><p>xAI</p>')


def test_only_targets_are_linked() -> None:
    out = link_first_mentions("<p>xAI and Grok</p>", {"grok": "/g/"}, MATCHER)
    assert out == '<p>xAI and <a class="entity" href="/g/">Grok</a></p>'


def test_skips_headings_links_code_and_captions() -> None:
    html = ('<h2 id="s-x">Grok</h2><p><a href="/a/">Grok</a> <code>Grok</code></p>'
            "<pre><code>Grok</code></pre><figure><figcaption>Grok</figcaption></figure>"
            "<p>Finally <em>Grok</em>.</p>")
    out = link(html)
    assert out.count('class="entity"') == 1
    assert out.endswith('<p>Finally <em><a class="entity" href="/entities/grok/">Grok</a>'
                        "</em>.</p>")


def test_skips_script_style_raw_text() -> None:
    html = "<script>if (a<b) { Grok() }</script><style>.Grok{}</style><p>Grok</p>"
    assert link(html) == ('<script>if (a<b) { Grok() }</script><style>.Grok{}</style>'
                          '<p><a class="entity" href="/entities/grok/">Grok</a></p>')


def test_escaped_text_untouched() -> None:
    assert link("<p>AT&amp;T and &lt;xAI&gt;</p>") == (
        '<p><a class="entity" href="/entities/att/">AT&amp;T</a> and '
        '&lt;<a class="entity" href="/entities/xai/">xAI</a>&gt;</p>')
    # a name never matches inside a character reference
    amp = Matcher((EntityConfig("amp", slug="amp"), EntityConfig("nbsp", slug="nbsp")))
    html = "<p>&amp; &nbsp; and amp</p>"
    assert link_first_mentions(html, {"amp": "/a/", "nbsp": "/n/"}, amp) == (
        '<p>&amp; &nbsp; and <a class="entity" href="/a/">amp</a></p>')


def test_html_apostrophes_and_spaces() -> None:
    assert link("<p>Sean O&#39;Kane&nbsp;said, Elon&nbsp;Musk</p>") == (
        '<p><a class="entity" href="/entities/sean-okane/">Sean O&#39;Kane</a>&nbsp;said, '
        '<a class="entity" href="/entities/elon-musk/">Elon&nbsp;Musk</a></p>')


def test_url_is_escaped() -> None:
    out = link_first_mentions("<p>xAI</p>", {"xai": '/e/"x"&y/'}, MATCHER)
    assert out == '<p><a class="entity" href="/e/&quot;x&quot;&amp;y/">xAI</a></p>'


def test_rendered_body() -> None:
    body = render("## xAI news\n\nThe deal with `xAI` and [xAI](https://x.ai): xAI’s "
                  "Colossus 2.\n\nxAI again.").html
    out = link(body)
    assert out.count('class="entity"') == 2
    assert '<a class="entity" href="/entities/xai/">xAI</a>’s' in out
    assert '<a class="entity" href="/entities/colossus-2/">Colossus 2</a>' in out


FORBIDDEN = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"}
UNLINKED = FORBIDDEN | {"figcaption"}


class _Checker(HTMLParser):
    """Checks nesting and where entity links are; collects the text, and the text that may be
    linked (to check that each link is its entity's first mention there)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.node: list[str] = []
        self.eligible: list[str] = []
        self.links: list[str] = []

    def flush(self) -> None:
        if self.node and not UNLINKED & set(self.stack):
            self.eligible.append(html_lib.unescape("".join(self.node)))
        self.node = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.flush()
        if ("class", "entity") in attrs:
            assert not FORBIDDEN & set(self.stack), self.stack
            href = dict(attrs)["href"] or ""
            self.links.append(href)
            earlier = {slug for slug, _, _ in MATCHER.mentions(self.eligible)}
            assert href.split("/")[-2] not in earlier, (href, self.eligible)
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.flush()
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self.node.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def check(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    return checker


WORDS = ["xAI", "xAI’s", "Grok", "grok", "Colossus", "Colossus 2", "Sean O&#39;Kane", "AT&amp;T",
         "Elon&nbsp;Musk", "Musk", "&lt;", "&amp;", " ", ", ", "the", "Memphis-based", "said"]
TAGS = ["p", "em", "strong", "a", "h2", "h3", "code", "pre", "figcaption", "li", "blockquote"]


def _tree(depth: int) -> st.SearchStrategy[str]:
    text = st.lists(st.sampled_from(WORDS), max_size=6).map("".join)
    if depth == 0:
        return text
    inner = st.lists(st.one_of(text, _tree(depth - 1)), max_size=4).map("".join)
    return st.one_of(text, st.tuples(st.sampled_from(TAGS), inner).map(
        lambda pair: f'<{pair[0]}{" href=/x/" if pair[0] == "a" else ""}>{pair[1]}</{pair[0]}>'))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_tree(3), max_size=5).map("".join))
def test_linking_properties(html: str) -> None:
    before = check(html)
    out = link(html)
    after = check(out)
    assert "".join(after.text) == "".join(before.text)
    assert len(after.links) == len(set(after.links))
    assert re.sub(r'<a class="entity" href="[^"]*">|</a>', "", out).count("xAI") == html.count(
        "xAI")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="xAI’s GrokC2<>&;#amp/", max_size=60))
def test_linking_arbitrary_text_keeps_it(text: str) -> None:
    out = link(text)
    assert re.sub(r'<a class="entity" href="[^"]*">(.*?)</a>', r"\1", out) == text


def _tag_by_tag(html: str, targets: dict[str, str], matcher: Matcher) -> str:
    """`link_first_mentions` as it was with the word-start test as a lookbehind at the head
    of the names' pattern (five times slower): the reference the faster one must agree with,
    byte for byte."""
    from readsite.crosslinks.entities import (
        _RAW_TEXT,
        _REF_RE,
        _TAG_RE,
        SKIPPED_TAGS,
        _html_unit,
        _trie,
    )
    names = sorted(matcher._slug, key=lambda n: (-len(n), n))
    pattern = re.compile(rf"{_REF_RE}|(?<!\w)(?<!\w['’])(?:{_trie(names, _html_unit)})(?!\w)")
    left, out, pos, depth = dict(targets), [], 0, 0

    def text(start: int, end: int) -> str:
        parts, at = [], start
        for match in pattern.finditer(html, start, end):
            if match["ref"] is not None:
                continue
            url = left.pop(matcher.slug_of(html_lib.unescape(match[0])), None)
            if url is not None:
                parts += [html[at:match.start()],
                          f'<a class="entity" href="{html_lib.escape(url)}">{match[0]}</a>']
                at = match.end()
            if not left:
                break
        return "".join([*parts, html[at:end]])

    while pos < len(html) and left:
        tag = _TAG_RE.search(html, pos)
        end = tag.start() if tag else len(html)
        out.append(text(pos, end) if depth == 0 and end > pos else html[pos:end])
        if tag is None:
            return "".join(out)
        name, stop = (tag[2] or "").lower(), tag.end()
        if name in _RAW_TEXT and not tag[1]:
            close = re.compile(rf"</{name}\s*>", re.I).search(html, stop)
            stop = close.end() if close else len(html)
        elif name in SKIPPED_TAGS:
            depth = max(0, depth - 1) if tag[1] else depth + 1
        out.append(html[tag.start():stop])
        pos = stop
    return "".join([*out, html[pos:]])


PIECES = [*WORDS, "<p>", "</p>", "<a href=/x/>", "</a>", '<a title="xAI Grok">', "<a/>",
          "<h2>", "</h2>", "<code>", "</code>", "<script>", "xAI</script>", "</script>",
          "<style>", "</style>", "<!-- xAI -->", "<!doctype html>", "</ em>", "<em>", "</em>",
          "<br/>", "<img alt='Grok'>", "O’", "x", "’", "_", "&rsquo;", "&#x27;", "<textarea>",
          "</TEXTAREA >", "<figcaption>", "</figcaption>"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join),
       st.sets(st.sampled_from(sorted({e.slug for e in ENTITIES}))))
def test_linking_agrees_with_the_lookbehind_pattern_it_replaced(html: str,
                                                                 slugs: set[str]) -> None:
    targets = {slug: f"/entities/{slug}/" for slug in sorted(slugs)}
    assert link_first_mentions(html, targets, MATCHER) == _tag_by_tag(html, targets, MATCHER)


# --- index ----------------------------------------------------------------------------

def article(slug: str) -> Article:
    return Article(slug=slug, title=slug.upper(), path=Path(f"{slug}.md"),
                   packed_html=pack_html(""), text="", date=dt.date(2026, 1, 1))


def test_index_articles_counts_quotes_figures_related() -> None:
    a, b, c = article("a"), article("b"), article("c")
    mentions = [
        (("xai", 5, 0), ("grok", 2, 3), ("elon-musk", 1, 4)),
        (("grok", 1, 0), ("xai", 1, 2), ("unknown", 9, 0)),
        (("memphis", 2, 0),),
    ]
    said = Quote("We are done.", "Elon Musk", "elon-musk", (Citation(a, "s-p4", "x"),))
    other = Quote("Hi.", "Someone", "", (Citation(b, "", "y"),))
    fig = Figure("300 megawatts", "of compute", Citation(a, "s-p1", "z"))
    built = index([a, b, c], mentions, ENTITIES, [said, other], {"colossus": (fig,)})
    assert [e.slug for e in built] == [e.slug for e in ENTITIES]
    by = {e.slug: e for e in built}
    assert by["xai"].articles == (a, b) and by["xai"].mentions == 6
    assert by["grok"].articles == (a, b) and by["grok"].mentions == 3
    assert by["xai"].related == (("grok", 2), ("elon-musk", 1))
    assert by["elon-musk"].related == (("xai", 1), ("grok", 1))
    assert by["elon-musk"].quotes == (said,) and by["xai"].quotes == ()
    assert by["colossus"].figures == (fig,) and by["colossus"].articles == ()
    assert by["memphis"].related == ()
    assert by["att"].aliases == () and by["xai"].aliases == ("xAI Corp",)
    per = article_entities([a, b, c], mentions, built)
    assert [e.slug for e in per["a"]] == ["xai", "grok", "elon-musk"]
    assert [e.slug for e in per["b"]] == ["grok", "xai"]
    assert [e.slug for e in per["c"]] == ["memphis"]


def test_index_related_is_capped() -> None:
    many = tuple(EntityConfig(f"E{i}", slug=f"e{i}") for i in range(30))
    arts = [article(f"a{i}") for i in range(3)]
    mentions = [tuple((f"e{i}", 30 - i, i) for i in range(30))] * 3
    built = index(arts, mentions, many, [], {})
    assert len(built[0].related) == 8
    assert built[0].related[0] == ("e1", 3)
    assert built[29].related == ()  # below each article's top 15


# --- suggestions ----------------------------------------------------------------------

def demo_texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted(CONTENT.glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        texts.append((path.stem, render(body).text))
    return texts


@pytest.fixture(scope="module")
def demo() -> list[Candidate]:
    return suggest(demo_texts(), ())


def test_suggest_demo_finds_the_names(demo: list[Candidate]) -> None:
    top = {c.name.replace("'", "’"): c for c in demo[:20]}
    for name in ("xAI", "Anthropic", "SpaceX", "Elon Musk", "Sean O’Kane", "TechCrunch",
                 "Nvidia"):
        assert name in top, name
    assert any(name.startswith("Colossus") for name in top)
    assert top["xAI"].kind_guess == "organisation" and top["xAI"].articles == 5
    assert top["Elon Musk"].kind_guess == "person" and top["Elon Musk"].aliases == ("Musk",)
    assert top["Sean O’Kane"].kind_guess == "person"
    assert top["Tennessee"].kind_guess == "place"
    assert all(c.example for c in demo)


def test_suggest_leaves_out_sentence_starters(demo: list[Candidate]) -> None:
    names = {c.name for c in demo}
    assert not names & {"The", "This", "While", "However", "In", "As", "It", "AI", "IPO", "GPUs"}
    assert [c for c in demo if len(c.name.split()) > 4] == []


def test_suggest_order_and_declared(demo: list[Candidate]) -> None:
    keys = [(-c.articles, -c.count) for c in demo]
    assert keys == sorted(keys)
    again = suggest(demo_texts(), (EntityConfig("xAI", slug="xai"),
                                   EntityConfig("Sean O'Kane", aliases=("O’Kane",), slug="s")))
    assert {"xAI", "Sean O’Kane", "Sean O'Kane"}.isdisjoint(c.name for c in again)
    assert suggest(demo_texts(), (), limit=3) == demo[:3]


def test_suggest_thresholds_and_kinds() -> None:
    texts = [
        ("a", "Deals were signed with Acme Labs in Ruritania. Mr. Vetinari said no."),
        ("b", "They met Acme Labs in Ruritania, then Havelock Vetinari said yes, and NASA."),
        ("c", "Only once: Zebulon Quux. Reports say Colossus 9 works, and Colossus 9 "
              "again, and Colossus 9."),
    ]
    found = {c.name: c for c in suggest(texts, ())}
    assert found["Acme Labs"].kind_guess == "organisation"
    assert found["Ruritania"].kind_guess == "place"
    assert found["Colossus 9"].kind_guess == "product" and found["Colossus 9"].count == 3
    assert found["Havelock Vetinari"].kind_guess == "person"
    assert found["Havelock Vetinari"].aliases == ("Vetinari",)
    assert "Zebulon Quux" not in found and "NASA" not in found and "Deals" not in found


def test_suggestions_yaml_reads_back(demo: list[Candidate]) -> None:
    tricky = Candidate("Yes", "other", 3, 2, "Said: yes.\nTwice")
    text = suggestions_yaml([*demo, tricky, Candidate("A: B #c", "other", 3, 2, "x")])
    data = yaml.safe_load(text)
    assert [e["name"] for e in data["entities"]] == [c.name for c in demo] + ["Yes", "A: B #c"]
    assert "# 83 mentions in 5 articles:" in text or "mentions in 5 articles" in text
    assert all(e["kind"] in {"person", "organisation", "place", "product", "other"}
               for e in data["entities"])


def test_checker_catches_a_later_mention_linked() -> None:
    with pytest.raises(AssertionError):
        check('<p>xAI and <a class="entity" href="/entities/xai/">xAI</a></p>')
    with pytest.raises(AssertionError):
        check('<h2><a class="entity" href="/entities/xai/">xAI</a></h2>')
