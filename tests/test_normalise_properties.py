"""Properties of the whole normaliser: it never raises, and it never loses a line silently."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from readsite import normalise as n

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
MD = MarkdownIt("commonmark")

CHROME = (
    "Share on Facebook", "By Jane Doe", "Source: TechCrunch", "March 3, 2025", "Related articles",
    "Photo: Getty Images", "Host: Jane Doe", "Podcast: Equity", "8 hours ago", "Memphis",
    "Jane Doe, Reuters", "\u2014 Ian Krietzberg, Editor-in-Chief, The Deep View", "Author",
    "Jane Doe", "The Verge3:45 PM EST", "In today's newsletter:", "Also read: Other news here",
    "AI Assisted Icon", "NEW YORK (Reuters) \u2014 The deal closed on Monday.",
    "Jane Doe is a reporter who covers AI. Reach her at jane@example.com.",
    "The deal includes:", "\u2022 One point", "Ready for deployment.463 Next steps follow.",
)
word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
sentence = st.lists(word, min_size=1, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
line = st.one_of(
    st.lists(sentence, min_size=1, max_size=4).map(" ".join),
    st.lists(word, min_size=1, max_size=6).map(lambda ws: " ".join(w.title() for w in ws)),
    st.lists(word, min_size=3, max_size=14).map(lambda ws: " ".join(ws).capitalize()),
    st.sampled_from(CHROME),
)
article = st.lists(line, min_size=1, max_size=14)


def plain(body: str) -> str:
    """The body's text as a reader sees it."""
    return html.unescape(re.sub(r"<[^>]+>", " ", MD.render(body)))


@SETTINGS
@given(st.text())
def test_never_raises_on_any_text(raw: str) -> None:
    result = n.normalise(raw)
    assert isinstance(result.body, str)
    n.normalise_markdown(raw)


@SETTINGS
@given(article)
def test_every_line_is_kept_found_or_dropped(lines: list[str]) -> None:
    result = n.normalise("\n\n".join(lines))
    kept = n.fold(" ".join([plain(result.body), result.title, result.summary]))
    kept = " ".join(kept.split())
    traced = {t.line for t in result.trace}
    for number, text in enumerate(lines):
        line_no = 1 + 2 * number
        assert n.fold(text.lstrip("\u2022 ")) in kept or line_no in traced, (text, result)


@SETTINGS
@given(article)
def test_traces_name_known_rules_and_input_lines(lines: list[str]) -> None:
    result = n.normalise("\n\n".join(lines))
    for trace in result.trace:
        assert trace.rule in n.RULES
        assert trace.action in ("found", "dropped", "changed")
        assert 1 <= trace.line <= 2 * len(lines)


@SETTINGS
@given(article)
def test_title_generated_only_without_a_stated_title(lines: list[str]) -> None:
    result = n.normalise("\n\n".join(lines))
    generated = [t for t in result.trace if t.rule == "title-generated"]
    assert result.title_generated == bool(generated)


def test_every_rule_is_named_and_documented() -> None:
    assert len(n.RULES) >= 30
    for name, rule in n.RULES.items():
        assert rule.name == name and re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name)
        assert len(rule.doc) > 20
