"""Guarantee 11: an article's bytes are decoded correctly whatever the editor saved (BOM,
UTF-16, CRLF, lone CR), or refused with an error naming the file (and line): invalid UTF-8,
control characters and lone surrogates never reach the writer as a traceback."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tests.conftest import MakeSite
from tests.reliability.front_matter_site import Outcome, build_root, refused

ARTICLE = "---\ntitle: Café neocloud\n---\n\nThe neocloud rents GPUs. Ünïcode body.\n\nTwo.\n"


def build_bytes(make_site: MakeSite, capsys: pytest.CaptureFixture[str],
                data: bytes) -> Outcome:
    root = make_site()
    (root / "content/a.md").write_bytes(data)
    return build_root(root, capsys)


def page(outcome: Outcome) -> str:
    assert outcome.code == 0, outcome.err
    return (outcome.root / "_site/articles/a/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + ARTICLE.encode(),
    ARTICLE.encode("utf-16"),                      # with its BOM, as Windows saves "Unicode"
    codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    ARTICLE.encode("utf-16-le"),                   # no BOM at all
    ARTICLE.encode("utf-32"),
    ARTICLE.replace("\n", "\r\n").encode(),
    ARTICLE.replace("\n", "\r").encode(),          # classic Mac OS line ends
], ids=["utf-8 bom", "utf-16", "utf-16-be bom", "utf-16-le no bom", "utf-32", "crlf", "cr"])
def test_encodings_and_line_ends_editors_save_are_read(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], data: bytes) -> None:
    html = page(build_bytes(make_site, capsys, data))
    assert "<h1>Café neocloud</h1>" in html
    assert '<p id="s-p0">The neocloud rents GPUs. Ünïcode body.</p>' in html
    assert '<p id="s-p1">Two.</p>' in html
    assert "\r" not in html and "\ufeff" not in html


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_errors_in_crlf_and_cr_files_name_the_right_line(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], ending: str) -> None:
    text = "---\ntitle: A\ndraft: maybe\n---\n\nBody.\n".replace("\n", ending)
    refused(build_bytes(make_site, capsys, text.encode()), 3, "`draft`")


@pytest.mark.parametrize(("data", "line", "words"), [
    (b"---\ntitle: caf\xe9\n---\n\nBody.\n", 2, ("not UTF-8", "hint: save the file as UTF-8")),
    (b"---\ntitle: A\n---\n\nBody \xff\xfe here.\n", 5, ("not UTF-8",)),
    (b"---\ntitle: A\x00B\n---\n\nBody.\n", 2, ("U+0000",)),
    (b"---\ntitle: A\x1bB\n---\n\nBody.\n", 2, ("U+001B",)),
    (b"---\ntitle: A\nsummary: \x7f\n---\n\nBody.\n", 3, ("U+007F",)),
    (b'---\ntitle: "\\ud800"\n---\n\nBody.\n', 2, ("surrogate",)),
    (b'---\ntitle: A\ntags: ["\\udfff x"]\n---\n\nBody.\n', 3, ("surrogate",)),
    (b"---\ntitle: A\n---\n\n\xed\xa0\x80 encoded surrogate\n", 5, ("not UTF-8",)),
])
def test_undecodable_or_forbidden_characters_are_located_errors(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], data: bytes, line: int,
        words: tuple[str, ...]) -> None:
    refused(build_bytes(make_site, capsys, data), line, *words)


def test_a_bad_utf16_file_names_the_file(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = build_bytes(make_site, capsys, codecs.BOM_UTF16_LE + b"-\x00-\x00-")
    assert outcome.code == 1 and "content/a.md: not UTF-16" in outcome.err
    assert "Traceback" not in outcome.err


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x7f", "\x85",
                                  "\u2028", "\ufeff", "\ufffe", "\U0010ffff"])
def test_control_characters_in_the_body_never_break_the_build(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], char: str) -> None:
    outcome = build_bytes(make_site, capsys, (
        f"---\ntitle: A\n---\n\nBefore{char}after.\n\n`co{char}de` [li{char}nk](/x{char}y)\n"
    ).encode())
    html = page(outcome)
    assert "Before" in html and "after." in html
    assert "\x00" not in html
    Path(outcome.root / "_site/articles/a/index.html").read_bytes().decode("utf-8")


def test_an_escaped_character_beyond_the_bmp_is_fine(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    data = b'---\ntitle: "Smile \\U0001F600 \\u00e9"\n---\n\nBody.\n'
    assert "<h1>Smile \U0001F600 é</h1>" in page(build_bytes(make_site, capsys, data))
