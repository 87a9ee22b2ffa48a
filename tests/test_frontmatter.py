"""Front matter: fences, YAML errors with file lines, safe limits, deterministic dumps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readsite.errors import ContentError
from readsite.frontmatter import MAX_FRONT_MATTER, as_date, dump, parse

P = Path("content/a.md")


def error(text: str) -> str:
    with pytest.raises(ContentError) as caught:
        parse(text, P)
    return str(caught.value)


def test_parse_meta_body_and_lines() -> None:
    doc = parse("---\ntitle: A\ntopics: [x, y]\n---\n\nBody here.\n", P)
    assert doc.meta == {"title": "A", "topics": ["x", "y"]}
    assert doc.body.strip() == "Body here."
    assert doc.body_line == 5
    assert doc.loaded.line("topics") == 3


def test_missing_opening_fence() -> None:
    assert error("title: A\n\nBody") == (
        "content/a.md:1: the file does not start with front matter\n"
        "  hint: start the file with a line `---`, then `title: ...`, then a closing `---`"
    )


def test_unclosed_front_matter_suggests_fix() -> None:
    message = error("---\ntitle: A\n\nBody text\n")
    assert message.startswith("content/a.md:1: front matter opened on line 1 is never closed")
    assert "did you forget the closing `---`" in message


def test_yaml_error_points_at_file_line() -> None:
    assert error("---\ntitle: A\nsummary: [unclosed\n---\nbody").startswith(
        "content/a.md:3: invalid YAML")
    assert error("---\ntitle: A\n  x: y\n---\nbody").startswith("content/a.md:3: invalid YAML")


def test_non_mapping_and_aliases() -> None:
    assert "must be a mapping" in error("---\n- a\n- b\n---\nbody")
    assert "aliases" in error("---\ntitle: &a A\nsummary: *a\n---\nbody")


def test_huge_front_matter_refused() -> None:
    text = "---\n" + "x: y\n" * (MAX_FRONT_MATTER // 4) + "---\nbody"
    assert "larger than 64 KB" in error(text)


def test_python_tags_refused() -> None:
    assert "invalid YAML" in error("---\ntitle: !!python/object:os.system x\n---\nb")


def test_dump_is_ordered_and_roundtrips() -> None:
    meta = {"topics": ["ipo"], "zeta": 1, "title": "T: colon", "date": dt.date(2026, 5, 4)}
    text = dump(meta, "\nBody\n\n")
    assert text.splitlines()[:4] == [
        "---", "title: 'T: colon'", "date: 2026-05-04", "topics: [ipo]"]
    assert text.endswith("---\n\nBody\n")
    assert parse(text, P).meta == meta


def test_as_date() -> None:
    assert as_date("2026-05-04") == dt.date(2026, 5, 4)
    assert as_date(dt.datetime(2026, 5, 4, 10, 0)) == dt.date(2026, 5, 4)
    assert as_date("May 4") is None
    assert as_date(20260504) is None


text_values = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@given(
    title=text_values,
    summary=text_values,
    topics=st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), max_size=4),
    body=text_values,
)
def test_dump_parse_roundtrip(title: str, summary: str, topics: list[str], body: str) -> None:
    meta = {"title": title, "summary": summary, "topics": topics}
    doc = parse(dump(meta, body), P)
    assert doc.meta == meta


@given(st.text(max_size=300))
def test_parse_never_crashes_unexpectedly(text: str) -> None:
    try:
        parse(text, P)
    except ContentError as exc:
        assert all(p.path == P for p in exc.problems)


def test_dump_single_scalar_key_is_block_and_odd_breaks_survive() -> None:
    assert dump({"title": "T"}, "b") == "---\ntitle: T\n---\n\nb\n"
    for value in ("\x85", "a\u2028b", "x\rY", "a\nb\x85", "line\nbreak"):
        assert parse(dump({"summary": value}, ""), P).meta == {"summary": value}


@pytest.mark.parametrize(("text", "expected"), [
    ("title: A\ndate: 2024-13-45\n", "a.md:3: invalid YAML: `2024-13-45` is not a valid date"),
    ("title: A\ndate: 2024-02-30\n", "a.md:3: invalid YAML: `2024-02-30` is not a valid date"),
    ("title: !!int abc\n", "a.md:2: invalid YAML: `abc` is not a valid whole number"),
    ("title: !!float\n", "a.md:2: invalid YAML: `` is not a valid number"),
    ("title: !!timestamp nope\n", "a.md:2: invalid YAML: `nope` is not a valid date"),
])
def test_values_yaml_cannot_build_are_errors_with_their_line(text: str, expected: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse(f"---\n{text}---\nBody.\n", Path("a.md"))
    assert str(caught.value).startswith(expected)
