"""Guarantee 21 (front matter): arbitrary bytes, arbitrary text and structured nasty
documents fed to decoding, front matter parsing and article loading never raise anything but
a ReadsiteError whose every problem names the file and the line.

Fuzz targets set no `max_examples`: the profile in conftest.py decides how hard they look."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readsite.config import SiteConfig, load_config
from readsite.content import load_article
from readsite.errors import ReadsiteError
from readsite.frontmatter import decode, parse
from tests.conftest import DEFAULT_SITE_YAML

P = Path("content/a.md")
FIXTURES = settings(deadline=None,  # a shared, noisy machine: no timing in tests
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteConfig]:
    root = tmp_path_factory.mktemp("fuzz-site")
    (root / "site.yaml").write_text(DEFAULT_SITE_YAML, encoding="utf-8")
    (root / "content").mkdir()
    yield load_config(root)


def located(error: ReadsiteError, lines: bool = True) -> None:
    """Every problem of `error` names the file (and, with `lines`, a line)."""
    for problem in error.problems:
        assert problem.path == P, problem
        assert not lines or problem.line is not None, problem


def load(text: str, config: SiteConfig) -> None:
    """load_article, which must succeed or raise a located ReadsiteError."""
    try:
        article, _ = load_article(text, P, config)
    except ReadsiteError as error:
        located(error)
        return
    article.body_html.encode("utf-8")  # what the writer does with it: never a surrogate
    article.title.encode("utf-8")


ANY_CHARS = st.characters(exclude_categories=())
"""Every code point, lone surrogates included (Hypothesis leaves them out by default)."""
KEYS = st.sampled_from(["title", "slug", "date", "updated", "topics", "tags", "draft", "url",
                        "image", "author", "summary", "aliases", "extra", "source", "autor",
                        "x", "<<", "? a", "- a", "'q'", "\"k\""])
SCALARS = st.one_of(
    st.sampled_from([
        "", "~", "null", "true", "maybe", "yes", "0x1F", "0o17", "1e400", "-.inf", ".nan",
        "2024-13-45", "2024-02-30", "2024-01-01garbage", "2024-01-01 10:00:00 +02:00",
        "!!int abc", "!!float", "!!timestamp nope", "!!binary ====", "!!str", "!!set {a}",
        "!!omap [a]", "!!python/object/apply:os.system [ls]", "!local x", "&a x", "*a",
        "[a, [b, [c]]]", "{a: {b: c}}", "'unterminated", '"\\ud800"', '"\\x00"', "|", ">-",
        "javascript:alert(1)", "//evil.example/x", "../../x", "CON", "a" * 300, "\t", "#",
        "[" * 40, "{a: " * 40, "- - - -", "? ? ?", "%YAML 1.1", "---", "...", "@x", "`x`",
    ]),
    st.text(ANY_CHARS, max_size=40), st.sampled_from(["[" * 1200, "{a: " * 1200]),
    st.integers().map(str), st.floats().map(str), st.text(ANY_CHARS, max_size=20).map(json.dumps),
)
LINES = st.one_of(
    st.tuples(KEYS, SCALARS).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.tuples(KEYS, st.lists(SCALARS, max_size=4)).map(
        lambda kv: f"{kv[0]}:\n" + "".join(f"  - {v}\n" for v in kv[1]).rstrip("\n")),
    SCALARS, st.text(ANY_CHARS, max_size=30),
)
BODIES = st.one_of(st.text(ANY_CHARS, max_size=200), st.sampled_from([
    "", "---", "# Heading\n\n[x](javascript:alert(1))", "<script>alert(1)</script>",
    "\x00\x0b\x1b\x7f\u2028\ufeff", "```\nunclosed", "[[wiki]] [[nope|x]]",
    "> " * 200 + "deep", "*" * 500, "![i](data:text/html,x)",
]))
ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY_CHARS, max_size=30)
    | st.dates()
    | st.datetimes() | st.sampled_from(["ipo", "neocloud", "/a/", "https://x.org/", "a-b"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.text(max_size=8), inner, max_size=3), max_leaves=8)
"""Any YAML-expressible value: valid documents get past the parser into validation."""


@pytest.mark.fuzz
@FIXTURES
@given(data=st.binary(max_size=600))
def test_arbitrary_bytes_decode_and_load_or_fail_with_a_located_error(
        data: bytes, config: SiteConfig) -> None:
    try:
        text = decode(data, P)
    except ReadsiteError as error:
        located(error, lines=False)
        return
    load(text, config)


@pytest.mark.fuzz
@FIXTURES
@given(text=st.text(ANY_CHARS, max_size=600))
def test_arbitrary_text_loads_or_fails_with_a_located_error(
        text: str, config: SiteConfig) -> None:
    load(text, config)
    load("---\n" + text, config)


@pytest.mark.fuzz
@FIXTURES
@given(lines=st.lists(LINES, max_size=12), body=BODIES, ending=ENDINGS,
       bom=st.booleans(), title=st.booleans())
def test_nasty_front_matter_documents_load_or_fail_with_a_located_error(
        lines: list[str], body: str, ending: str, bom: bool, title: bool,
        config: SiteConfig) -> None:
    front = (["title: A"] if title else []) + lines
    text = ("\ufeff" if bom else "") + "---\n" + "\n".join(front) + "\n---\n" + body
    load(text.replace("\n", ending), config)


@pytest.mark.fuzz
@FIXTURES
@given(meta=st.dictionaries(KEYS, VALUES, max_size=6), title=st.text(ANY_CHARS, max_size=30),
       body=BODIES, unicode=st.booleans())
def test_valid_yaml_of_any_values_loads_or_fails_with_a_located_error(
        meta: dict[str, object], title: str, body: str, unicode: bool,
        config: SiteConfig) -> None:
    front = yaml.safe_dump({"title": title, **meta}, allow_unicode=unicode)
    load(f"---\n{front}---\n{body}", config)


@pytest.mark.fuzz
@settings(deadline=None)
@given(text=st.text(ANY_CHARS, max_size=400))
def test_parse_alone_returns_a_mapping_or_a_located_error(text: str) -> None:
    try:
        doc = parse("---\n" + text + "\n---\nbody", P)
    except ReadsiteError as error:
        located(error)
        return
    assert isinstance(doc.meta, dict) and all(isinstance(k, str) for k in doc.meta)
