"""The clip fixtures and their scorer: the measuring stick `readsite import` is tuned against.

FLOORS holds issue 6's targets (every field 0.95, boilerplate recall 0.95, precision 0.98),
which the scored set tests/fixtures/clip must keep meeting, with no real line lost.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from readsite.tools import score_import
from readsite.tools.clip_fixtures import FixtureError, load_cases, parse_case
from readsite.tools.score_import import score

FIXTURES = Path(__file__).parent / "fixtures" / "clip"
SEEDS = Path(__file__).parent.parent.parent / "shared" / "seeds"
SEED_CASES = {
    "001-seed-hubnextera-rewrite": "000_8be0c028c6694119.txt",
    "002-seed-podcast-recap-no-title": "001_95da8eee06fe8d31.txt",
    "003-seed-allcaps-headings": "002_07c7d2b3125a0ee1.txt",
    "004-seed-related-articles-tail": "003_7f577332accbfae7.txt",
    "005-seed-system-report": "004_f8c690efaebf84d4.txt",
}

FLOORS: dict[str, float] = {
    "title": 0.95,
    "author": 0.95,
    "source": 0.95,
    "date": 0.95,
    "headings": 0.95,
    "recall": 0.95,
    "precision": 0.98,
}
"""Issue 6's targets, which the scored set meets (every figure was 100% when they were set)."""


def fixture(text: str) -> str:
    """A fixture written indented in a test, dedented."""
    return textwrap.dedent(text).lstrip("\n")


SIMPLE = fixture("""
    # a plain clipping
    input: clip.txt
    .
    A Plain Title
    ..
    First real line.
    ...
    .
    title: A Plain Title
    headings: []
    .
    = A Plain Title
    + First real
    ~ .
    .
    """)


def test_parse_case_sections_and_dot_stuffing(tmp_path: Path) -> None:
    case = parse_case(SIMPLE, tmp_path / "001-plain.txt")
    assert case.name == "001-plain"
    assert case.input_name == "clip.txt"
    assert case.kind == "text"
    assert case.input_text == "A Plain Title\n.\nFirst real line.\n..\n"
    assert case.expected == ({"title": "A Plain Title", "headings": []},)
    assert [(c.kind, c.text) for c in case.checks] == [
        ("=", "A Plain Title"), ("+", "First real"), ("~", ".")]
    assert case.checks[0].line == 12


def test_real_lines_are_every_unmarked_input_line(tmp_path: Path) -> None:
    case = parse_case(SIMPLE, tmp_path / "001-plain.txt")
    assert case.real_lines() == ["First real", "First real line.", ".."]


def test_final_newline_no_and_kinds(tmp_path: Path) -> None:
    text = fixture("""
        input: page
        final-newline: no
        .
        <!doctype html><html><body><p>Hi</p></body></html>
        .
        .
        + Hi
        .
        """)
    case = parse_case(text, tmp_path / "x.txt")
    assert case.input_text == "<!doctype html><html><body><p>Hi</p></body></html>"
    assert case.kind == "html"
    assert case.expected == ()
    feed = text.replace("input: page", "input: feed.json")
    assert parse_case(feed, tmp_path / "x.txt").kind == "feed"
    forced = text.replace("input: page", "input: page\nkind: text")
    assert parse_case(forced, tmp_path / "x.txt").kind == "text"


def test_feed_expectations_are_a_list(tmp_path: Path) -> None:
    text = fixture("""
        input: f.xml
        .
        <rss version="2.0"><channel><title>T</title></channel></rss>
        .
        - title: One
          date: 2025-01-02
        - title: Two
        .
        .
        """)
    case = parse_case(text, tmp_path / "f.txt")
    assert [e["title"] for e in case.expected] == ["One", "Two"]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("input: a.txt\n.\nbody\n.\n", 4, "expected 4 sections"),
    ("nonsense\n.\nbody\n.\n.\n.\n", 1, "unknown header line"),
    ("# no input\n.\nbody\n.\n.\n.\n", 1, "missing `input:"),
    ("input: a.txt\n.\nbody\n.\ntitle: [unclosed\n.\n.\n", 5, "not valid YAML"),
    ("input: a.txt\n.\nbody\n.\n.\n* star\n.\n", 6, "must start with"),
    ("input: a.txt\n.\nbody\n.\n.\n- not in the input\n.\n", 6, "not a line of the input"),
    ("input: a.txt\n.\nbody\n.\n.\n+ body\n.\ntrailing\n", 8, "after the closing"),
    ("input: a.txt\n.\nbody\n.\nheadings: x\n.\n.\n", 5, "`headings:` must be a list"),
])
def test_malformed_fixture_names_file_and_line(tmp_path: Path, text: str, line: int,
                                               message: str) -> None:
    path = tmp_path / "bad.txt"
    with pytest.raises(FixtureError) as caught:
        parse_case(text, path)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert message in str(caught.value)


def test_cli_exits_2_on_a_malformed_fixture(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "001-bad.txt").write_text("input: a.txt\n.\nbody\n", encoding="utf-8")
    assert score_import.main([str(tmp_path)]) == 2
    assert f"{tmp_path / '001-bad.txt'}:" in capsys.readouterr().err


TINY_BODY = (
    "The town council met on Tuesday evening to discuss the new library hours.\n\n"
    "Members agreed to open the branch on Sundays from next month onwards.\n\n"
    "Leave a Comment\n\n"
    "Scroll to Top\n"
)


def write_tiny_set(folder: Path) -> None:
    """Two text cases: one the importer gets right, one whose expected title is wrong."""
    for name, title in (("001-right", "Library opens on Sundays"),
                        ("002-wrong-title", "A title nobody wrote")):
        (folder / f"{name}.txt").write_text(
            f"input: {name}.txt\n.\nLibrary opens on Sundays\n\n{TINY_BODY}.\n"
            f"title: {title}\nauthor: \"\"\n.\n= Library opens on Sundays\n"
            "- Leave a Comment\n- Scroll to Top\n.\n", encoding="utf-8")


def test_score_counts_on_a_tiny_set(tmp_path: Path) -> None:
    write_tiny_set(tmp_path)
    scores = score(tmp_path)
    total = scores.total
    assert total.cases == 2 and not scores.failed
    assert (total.fields["title"].correct, total.fields["title"].checked) == (1, 2)
    assert (total.fields["author"].correct, total.fields["author"].checked) == (2, 2)
    assert total.fields["date"].checked == 0
    assert (total.boilerplate_dropped, total.boilerplate_total) == (4, 4)
    assert (total.real_lost, total.real_total) == (0, 4)
    assert total.recall == 1.0 and total.precision == 1.0
    assert not scores.targets_met  # a title at 50 %
    assert scores.by_kind["text"].cases == 2 and scores.by_kind["html"].cases == 0
    assert scores.misses == ["002-wrong-title: title expected 'A title nobody wrote', "
                             "got 'Library opens on Sundays'"]


def test_a_failed_import_scores_zero_and_is_listed(tmp_path: Path) -> None:
    (tmp_path / "001-refused.txt").write_text(  # readsite refuses to import `.png` files
        "input: photo.png\n.\nnot a picture\n.\ntitle: Something\n.\n+ a real line\n.\n",
        encoding="utf-8")
    scores = score(tmp_path)
    assert scores.failed and scores.failed[0].startswith("001-refused: import exited 1")
    assert scores.total.fields["title"].correct == 0
    assert scores.total.fields["title"].checked == 1
    assert "`.png`" in scores.failed[0]
    # the `+` line and the input's own line (a text input's lines are all real lines)
    assert (scores.total.real_lost, scores.total.real_total) == (2, 2)


def test_cli_table_and_verbose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_tiny_set(tmp_path)
    assert score_import.main([str(tmp_path), "--verbose", "--case", "wrong"]) == 0
    out = capsys.readouterr().out
    assert "002-wrong-title: title expected 'A title nobody wrote'" in out
    assert "text (1)" in out and "title" in out
    assert out.rstrip().endswith("targets NOT met")


def test_every_fixture_parses_and_the_set_is_complete() -> None:
    cases = load_cases(FIXTURES)
    assert len(cases) >= 40
    kinds = [c.kind for c in cases]
    assert kinds.count("feed") >= 3
    assert kinds.count("html") >= 10
    names = {c.name: c for c in cases}
    assert set(SEED_CASES) <= set(names)
    if SEEDS.is_dir():
        for case_name, seed in SEED_CASES.items():
            assert names[case_name].input_text.encode("utf-8") == (SEEDS / seed).read_bytes()


def test_fixture_set_meets_the_floors() -> None:
    scores = score(FIXTURES)
    print()
    print(score_import.format_table(scores))
    total = scores.total
    figures = {name: tally.ratio for name, tally in total.fields.items()}
    figures.update(recall=total.recall, precision=total.precision)
    below = {k: round(v, 3) for k, v in figures.items() if v < FLOORS[k]}
    assert not below, f"below the floors {FLOORS}: {below}"
    assert total.real_lost == 0, "a real line of the story was lost"


HELD_OUT_FLOORS: dict[str, dict[str, float]] = {
    "clip-holdout": {"title": 0.95, "author": 0.95, "source": 0.95, "date": 0.95,
                     "headings": 0.85, "recall": 0.97, "precision": 0.98},
    "clip-holdout2": {"title": 0.95, "author": 0.95, "source": 0.95, "date": 0.95,
                      "headings": 0.95, "recall": 0.98, "precision": 0.98},
    "clip-holdout3": {"title": 0.95, "author": 0.95, "source": 0.95, "date": 0.95,
                      "headings": 0.95, "recall": 0.99, "precision": 0.98},
    "clip-holdout4": {"title": 0.95, "author": 0.95, "source": 0.95, "date": 0.95,
                      "headings": 0.95, "recall": 0.99, "precision": 0.98},
    "clip-holdout5": {"title": 0.95, "author": 0.85, "source": 0.90, "date": 0.85,
                      "headings": 0.75, "recall": 0.94, "precision": 0.95},
    "clip-holdout6": {"title": 0.95, "author": 0.95, "source": 0.70, "date": 0.90,
                      "headings": 0.80, "recall": 0.94, "precision": 0.98},
    "clip-holdout7": {"title": 0.95, "author": 0.80, "source": 0.85, "date": 0.90,
                      "headings": 0.80, "recall": 0.92, "precision": 0.98},
    "clip-holdout9": {"title": 0.95, "author": 0.95, "source": 0.70, "date": 0.95,
                      "headings": 0.60, "recall": 0.87, "precision": 0.98},
}
"""What the importer scores on the held-out sets (tests/fixtures/clip/README.md), rounded
down: the issue's targets are not met there yet, and these floors only stop regressions."""


@pytest.mark.parametrize("folder", sorted(HELD_OUT_FLOORS))
def test_held_out_sets_do_not_regress(folder: str) -> None:
    scores = score(FIXTURES.parent / folder)
    print()
    print(score_import.format_table(scores))
    total = scores.total
    figures = {name: tally.ratio for name, tally in total.fields.items()}
    figures.update(recall=total.recall, precision=total.precision)
    floors = HELD_OUT_FLOORS[folder]
    below = {k: round(v, 3) for k, v in figures.items() if v < floors[k]}
    assert not below, f"{folder} below its floors {floors}: {below}"
