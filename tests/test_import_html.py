"""Saved web pages: main text by trafilatura, metadata from <meta>/JSON-LD, charset, refusals."""

from __future__ import annotations

import codecs
import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readsite import frontmatter
from readsite.cli import main
from readsite.importers import import_paths
from readsite.importers.html import read_page
from readsite.importers.page import Page, decode_page, looks_like_html
from readsite.importers.pagemeta import page_title

CLIP = Path(__file__).resolve().parent / "fixtures" / "importers" / "clip"


def imported(source: Path, into: Path) -> frontmatter.Document:
    """Import one file and return the article it wrote."""
    report = import_paths([source], into)
    assert not report.refused, report.refused
    [result] = report.results
    return frontmatter.parse(result.target.read_text(encoding="utf-8"), result.target)


def test_saved_page_gives_article_text_and_page_metadata(tmp_path: Path) -> None:
    document = imported(CLIP / "page.html", tmp_path / "content")
    meta = document.meta
    assert meta["title"] == "Lanterns Over the Harbour"
    assert meta["slug"] == "lanterns-over-the-harbour"
    assert meta["author"] == "Mira Okonkwo"
    assert meta["source"] == "The Quayside Gazette"
    assert meta["date"] == dt.date(2024, 5, 17)
    assert meta["url"] == "https://quayside.example/2024/05/lanterns"
    assert meta["summary"].startswith("A fishing town relights its harbour")
    assert meta["imported_from"] == "page.html"
    body = document.body.strip()
    assert body.startswith("For ten winters the harbour")
    assert "## A night of small lights" in body
    assert "- Four hundred lanterns" in body
    # links made absolute against the page's address
    assert "[earlier report](https://quayside.example/2023/lamps)" in body
    for chrome in ("cookies", "Share on", "Copy link", "Related articles", "Tide tables",
                   "All rights reserved", "Privacy policy", "Sport"):
        assert chrome not in body, chrome


@pytest.mark.parametrize("name", ["saved.htm", "saved", "saved.HTML"])
def test_page_is_recognised_by_suffix_or_content(tmp_path: Path, name: str) -> None:
    source = tmp_path / "in" / name
    source.parent.mkdir()
    shutil.copy(CLIP / "page.html", source)
    document = imported(source, tmp_path / "content")
    assert document.meta["title"] == "Lanterns Over the Harbour"
    assert "<!" not in document.body and "doctype" not in document.body.lower()


def test_json_ld_gives_headline_authors_publisher_and_date(tmp_path: Path) -> None:
    meta = imported(CLIP / "jsonld.html", tmp_path / "content").meta
    assert meta["title"] == "Beekeepers Count a Quiet Winter"
    assert meta["author"] == "Tomas Arvidsson, Lena Hartig"
    assert meta["source"] == "Valley Courier"
    assert meta["date"] == dt.date(2023, 2, 9)
    assert meta["summary"].startswith("Hives in the upper valley came through")


def test_page_with_only_a_title(tmp_path: Path) -> None:
    document = imported(CLIP / "title-only.html", tmp_path / "content")
    assert document.meta["title"] == "Notes on Mending Dry Stone Walls"
    assert document.body.strip().startswith("A dry stone wall falls down slowly")
    assert "every stone above should cross the joint" in document.body


def test_page_without_article_text_is_refused_clearly(tmp_path: Path, capsys:
                                                       pytest.CaptureFixture[str]) -> None:
    code = main(["import", str(CLIP / "no-text.html"), "--into", str(tmp_path / "c")])
    err = capsys.readouterr().err
    assert code == 1
    assert "no-text.html" in err and "found no article text" in err
    assert "Traceback" not in err
    assert not (tmp_path / "c").exists() or not list((tmp_path / "c").iterdir())


PAGE_1252 = ("<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 Society at the "
             "Corner</title></head><body><article><p>The caf\u00e9 on the corner opened in "
             "1921 and has served the same na\u00efve sponge cake ever since, to the delight of "
             "its regulars.</p><p>Its owner, Ren\u00e9e, says the recipe is written on a card "
             "kept behind the till and has never been copied.</p></article></body></html>")


def test_charset_from_meta_is_used_for_non_utf8_pages(tmp_path: Path) -> None:
    source = tmp_path / "cafe.html"
    source.write_bytes(PAGE_1252.encode("cp1252"))
    document = imported(source, tmp_path / "content")
    assert document.meta["title"] == "Café Society at the Corner"
    assert "naïve sponge cake" in document.body and "Renée" in document.body


def test_charset_from_byte_order_mark(tmp_path: Path) -> None:
    source = tmp_path / "cafe16"
    source.write_bytes(codecs.BOM_UTF16_LE + PAGE_1252.replace("windows-1252", "utf-16")
                       .encode("utf-16-le"))
    assert looks_like_html(source.read_bytes())
    document = imported(source, tmp_path / "content")
    assert "Renée" in document.body


def test_decode_page_falls_back_to_windows_1252() -> None:
    assert decode_page("<p>caf\u00e9</p>".encode("cp1252")) == "<p>caf\u00e9</p>"
    assert decode_page(b"<meta charset='no-such-codec'><p>x</p>") == (
        "<meta charset='no-such-codec'><p>x</p>")


def test_page_import_traces_metadata_and_left_out_blocks() -> None:
    source = CLIP / "page.html"
    record = read_page(source.read_text(encoding="utf-8"), source)
    found = {t.field: t.rule for t in record.trace if t.action == "found"}
    assert found["title"] == "html: og:title"
    assert found["source"] == "html: og:site_name"
    assert found["date"] == "html: article:published_time"
    dropped = [t.text for t in record.trace if t.action == "dropped"]
    assert any("We use cookies" in line for line in dropped)
    assert any("Tide tables" in line for line in dropped)
    assert all(t.rule == "extractor: not main text" for t in record.trace
               if t.action == "dropped")


def test_reimport_of_a_page_is_unchanged(tmp_path: Path) -> None:
    into = tmp_path / "content"
    import_paths([CLIP / "page.html"], into)
    [again] = import_paths([CLIP / "page.html"], into).results
    assert again.action == "unchanged"


@pytest.mark.fuzz
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=2000),
                 st.text(max_size=600).map(lambda t: f"<!doctype html><p>{t}</p>".encode())))
def test_arbitrary_bytes_as_html_never_crash(tmp_path: Path, data: bytes) -> None:
    folder = tmp_path / "fuzz"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    source = folder / "x.html"
    source.write_bytes(data)
    report = import_paths([source], folder / "content")
    assert len(report.results) + len(report.refused) >= 1
    for problem in report.refused:
        assert str(problem)
    assert source.read_bytes() == data


def test_pages_in_a_folder_are_not_imported_only_named_ones(tmp_path: Path) -> None:
    blog = tmp_path / "blog"
    blog.mkdir()
    shutil.copy(CLIP / "page.html", blog / "about.html")
    (blog / "post.txt").write_text("A Post Title\n\nThe text of a post, long enough to read.\n",
                                   encoding="utf-8")
    report = import_paths([blog], tmp_path / "content")
    assert [r.source for r in report.results] == ["post.txt"]


@pytest.mark.parametrize(("title", "site", "expected"), [
    ("Story of the Week | The Paper", "The Paper", "Story of the Week"),
    ("Notes on Mending | Stone Weekly", "", "Notes on Mending"),
    ("Python 3.12 - what is new in this release today", "",
     "Python 3.12 - what is new in this release today"),
    ("Story - Other Name", "The Paper", "Story - Other Name"),
])
def test_page_title_drops_only_a_site_name_tail(title: str, site: str, expected: str) -> None:
    found = page_title(Page(title=title), site)
    assert found is not None and found.value == expected
