"""Key figures (`readsite.crosslinks.figures`): what counts as a figure, what it measures,
which numbers are not figures, and which figures a story or entity shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readsite.crosslinks.figures import Number, find_figures, key_figures
from readsite.markdown import render
from readsite.models import Article, Citation

CONTENT = Path(__file__).resolve().parent.parent / "content"


def values(text: str) -> list[str]:
    """The values of the figures in a one-line text."""
    return [n.value for n in find_figures([text])]


def measures(text: str) -> dict[str, str]:
    """Value → measure for the figures in a one-line text."""
    return {n.value: n.measure for n in find_figures([text])}


@pytest.mark.parametrize(("text", "value", "measure"), [
    ("With approximately 300 megawatts of compute capacity, Colossus 1 is big.",
     "~300 megawatts", "of compute capacity"),
    ("The startup raised $4 million in pre-seed funding.", "$4 million", "in pre-seed funding"),
    ("The plant costs €3.2bn to build.", "€3.2bn", "to build"),
    ("They paid £12m for the site.", "£12m", "for the site"),
    ("Japan spent ¥500 billion on chips.", "¥500 billion", "on chips"),
    ("The fund holds USD 5 million in bonds.", "USD 5 million", "in bonds"),
    ("They lost 20 billion dollars of value.", "20 billion dollars", "of value"),
    ("Nearly 40% of revenue comes from ads.", "nearly 40%", "of revenue"),
    ("Sales grew 12 percent.", "12 percent", "Sales grew"),
    ("The site will draw 1.5 gigawatts of power.", "1.5 gigawatts", "of power"),
    ("It holds 200,000 GPUs in one hall.", "200,000 GPUs", "in one hall"),
    ("A 300MW campus opened.", "300MW", ""),
    ("The firm employs 1,200 people across Europe.", "1,200 people", "across Europe"),
    ("The model has 70 billion parameters.", "70 billion parameters", ""),
    ("About 350 employees of the lab signed.", "~350 employees", "of the lab"),
    ("The warehouse covers 50 square feet.", "50 square feet", "warehouse covers"),
    ("It reaches 2 exaflops of compute.", "2 exaflops", "of compute"),
    ("The city has 45 bridges over the river.", "45 bridges", "over the river"),
    ("The lab is in Texas. 300 employees work there.", "300 employees", ""),
    ("Another 150 engineers joined in May.", "150 engineers", ""),
    ("It costs $1,000 per month.", "$1,000", "per month"),
])
def test_kinds_of_figure(text: str, value: str, measure: str) -> None:
    assert measures(text) == {value: measure}


@pytest.mark.parametrize(("text", "year"), [
    ("The company wants its own chips by 2035.", "2035"),
    ("Since 2019, the lab has grown.", "2019"),
    ("The launch is planned in 2027.", "2027"),
    ("Orbital data centers could arrive by late 2030.", "late 2030"),
    ("It should ship in March 2026.", "March 2026"),
])
def test_years_used_as_dates(text: str, year: str) -> None:
    assert values(text) == [year]


def test_the_fixture_sentence() -> None:
    found = find_figures(["The company plans to spend $250 billion on data centers by 2035."])
    assert [n.value for n in found] == ["$250 billion", "2035"]
    assert found[0].measure == "on data centers"
    assert "data centers" in found[1].measure
    assert {n.line for n in found} == {0}
    assert found[0].sentence.startswith("The company plans")


@pytest.mark.parametrize("text", [
    "1. Sign up for the newsletter.",
    "2) Ten items follow.",
    "Published March 3, 2024 by Jane Doe",
    "The call starts at 3:00 pm and ends at 10:30 sharp.",
    "Call 555-123-4567 or (555) 123-4567 today.",
    "Claude 3.5 models beat GPT-4 users and Llama 70 models.",
    "Colossus 1 data centers hum while Colossus 2 grows.",
    "He came 21st of 40th runners, the 3rd time.",
    "See page 12 items and chapter 30 rules, pp. 23 notes.",
    "As shown in prior work [12] and ^14 citations.",
    "Smith (2019) and Jones (2021) disagree.",
    "The 2024 elections and 2019 results were close.",
    "It moved to 2035 Main Street.",
    "The 1990s were different; versions 2.1 and v3 shipped.",
    "We met 25 years ago.",
    "There are 12 is here and 45 thus.",
    "The 20th century, the 49ers, 5G networks, H100 chips and COVID-19 cases.",
    "Section 230 protections and Boeing 737 jets.",
    "It raised $10-20 billion.",
])
def test_numbers_that_are_not_figures(text: str) -> None:
    assert values(text) == []


def test_skipped_lines_and_lines_without_digits() -> None:
    lines = ["Revenue rose 40% in 2023.", "No numbers here.", "Heading with 300 megawatts"]
    found = find_figures(lines, skip=frozenset({2}))
    assert {n.line for n in found} == {0}


def test_sentence_is_the_one_that_says_it() -> None:
    line = "The lab is in Texas. It uses 300 megawatts of power. Nobody minds."
    (number,) = find_figures(["", line])
    assert number.sentence == "It uses 300 megawatts of power."
    assert number.line == 1


TOKENS = [*"0123456789 ,.:-$€%~()[]^aAbmkMWsGPUy", "\n", "by ", "in ", " megawatts", "billion",
          " people", "2035", "Colossus ", "approximately ", ". ", "pp. ", " of ", "data"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(TOKENS) | st.text(max_size=3)).map("".join),
                max_size=6))
def test_never_raises_and_values_come_from_the_line(lines: list[str]) -> None:
    for number in find_figures(lines):
        assert 0 <= number.line < len(lines)
        assert number.sentence in lines[number.line]
        digits = re.findall(r"[\d.,]*\d", number.value)
        assert digits and all(d in lines[number.line] for d in digits)


def test_a_long_article_with_many_figures() -> None:
    """A 10,900-word article with 68 figures and 34 numbers that are not: each figure found
    once, in order (how fast is bench/'s business, not a test's)."""
    filler = ("Most of the text has no numbers at all and just talks about the plans, "
              "the people and the places where the work is done, at length. ")
    with_numbers = ("The company, founded by Jane Doe, raised $4 million in seed funding. It "
                    "now plans to run approximately 300 megawatts of compute at Colossus 2, "
                    "its newer site. " + filler * 3)
    lines = [with_numbers if i % 3 == 0 else filler * 4 for i in range(100)]
    assert sum(len(line.split()) for line in lines) >= 10_000
    found = find_figures(lines)
    assert [n.value for n in found[:2]] == ["$4 million", "~300 megawatts"]
    assert len(found) == 68


def _number(value: str, measure: str = "", line: int = 0) -> Number:
    return Number(value, measure, line, f"sentence {line}")


def _cited(*numbers: Number) -> list[tuple[Number, Citation]]:
    article = Article(slug="a", title="A", path=Path("a.md"), packed_html=b"", text="")
    return [(n, Citation(article, f"s-p{n.line}", n.sentence)) for n in numbers]


def test_key_figures_dedupe_the_same_figure() -> None:
    figures = key_figures(_cited(
        _number("$250 billion", "on data centers", 0),
        _number("$250bn", "on new data centers", 1),
        _number("$250 billion", "", 2),
        _number("$250 billion", "for xAI", 3),
    ))
    assert [(f.value, f.measure, f.source.anchor) for f in figures] == [
        ("$250 billion", "on data centers", "s-p0"), ("$250 billion", "for xAI", "s-p3")]


def test_key_figures_order_and_limit() -> None:
    figures = key_figures(_cited(
        _number("2035", "", 0), _number("40%", "", 1), _number("2027", "plans", 2),
        _number("300 megawatts", "of compute", 3), _number("$4 million", "in funding", 4),
    ))
    assert [f.value for f in figures] == ["300 megawatts", "$4 million", "2027", "40%", "2035"]
    assert len(key_figures(_cited(*(_number(f"{i} GPUs", "", i) for i in range(20))),
                           limit=5)) == 5
    assert key_figures([]) == ()


def _demo_lines(name: str) -> tuple[list[str], frozenset[int]]:
    """A demo article's plain text lines, and its heading lines (as `extract.find` skips)."""
    body = (CONTENT / name).read_text(encoding="utf-8").split("---", 2)[2]
    rendered = render(body)
    lines = rendered.text.split("\n")
    headings = {h.text for h in rendered.headings}
    return lines, frozenset(i for i, line in enumerate(lines) if line in headings)


def test_demo_articles() -> None:
    found = {path.name: find_figures(*_demo_lines(path.name))
             for path in sorted(CONTENT.glob("*.md"))}
    (compute,) = [n for n in found["is-xai-a-neocloud-now.md"] if "300 megawatts" in n.value]
    assert compute.value in ("300 megawatts", "~300 megawatts", "approximately 300 megawatts")
    assert "compute" in compute.measure
    assert "approximately 300 megawatts of compute" in compute.sentence
    everything = sorted(n.value for numbers in found.values() for n in numbers)
    assert everything == ["$250 billion", "2035", "~300 megawatts"]  # no "Colossus 1"
