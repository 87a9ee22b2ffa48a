"""`readsite import --dry-run --explain` and `--keep-dropped`: every value found and every
line dropped, each with the rule behind it; nothing lost silently."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from readsite.cli import main
from readsite.content import article_files
from readsite.importers.html import read_page

CLIP = Path(__file__).resolve().parent / "fixtures" / "importers" / "clip"


def test_explain_names_the_rule_of_every_value_and_dropped_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    into = tmp_path / "content"
    code = main(["import", str(CLIP / "page.html"), "--into", str(into), "--dry-run",
                 "--explain"])
    out = capsys.readouterr().out
    assert code == 0
    assert 'title    "Lanterns Over the Harbour"  (html: og:title)' in out
    assert 'author   "Mira Okonkwo"  (html: author)' in out
    assert 'source   "The Quayside Gazette"  (html: og:site_name)' in out
    assert 'date     "2024-05-17T08:30:00Z"  (html: article:published_time)' in out
    assert "(extractor: not main text)" in out
    for dropped in ("We use cookies", "Share on Facebook", "Tide tables for the summer",
                    "All rights reserved"):
        line = next(x for x in out.splitlines() if dropped in x)
        assert line.strip().startswith("dropped") and line.endswith(")")
    assert not into.exists()


def test_explain_cites_json_ld(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", str(CLIP / "jsonld.html"), "--into", str(tmp_path), "--dry-run",
          "--explain"])
    out = capsys.readouterr().out
    assert 'title    "Beekeepers Count a Quiet Winter"  (json-ld: headline)' in out
    assert 'author   "Tomas Arvidsson, Lena Hartig"  (json-ld: author)' in out
    assert 'source   "Valley Courier"  (json-ld: publisher)' in out


def test_explain_for_a_feed_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", str(CLIP / "atom.xml"), "--into", str(tmp_path), "--dry-run", "--explain"])
    out = capsys.readouterr().out
    assert 'author   "Joss Penhale"  (atom: author)' in out
    assert 'source   "Tidewater Log"  (atom: feed title)' in out


def test_keep_dropped_writes_a_side_file_outside_content(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in" / "page.html"
    source.parent.mkdir()
    shutil.copy(CLIP / "page.html", source)
    before = source.read_bytes()
    into = tmp_path / "content"
    code = main(["--site", str(tmp_path), "import", str(source), "--into", str(into),
                 "--keep-dropped"])
    out = capsys.readouterr().out
    assert code == 0
    side = tmp_path / ".readsite-import" / "lanterns-over-the-harbour.dropped.txt"
    text = side.read_text(encoding="utf-8")
    assert text.startswith("# dropped from page.html\n")
    assert "[extractor: not main text] We use cookies" in text
    assert "dropped lines written to" in out
    assert source.read_bytes() == before
    assert [p.name for p in article_files(into)] == ["lanterns-over-the-harbour.md"]


def test_dry_run_keep_dropped_writes_nothing(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    main(["--site", str(tmp_path), "import", str(CLIP / "page.html"), "--into",
          str(tmp_path / "content"), "--keep-dropped", "--dry-run"])
    capsys.readouterr()
    assert list(tmp_path.iterdir()) == []


def test_lines_the_normaliser_drops_from_a_page_are_traced_too(tmp_path: Path) -> None:
    page = (CLIP / "page.html").read_text(encoding="utf-8").replace(
        "<p>“It is the first", "<p>Leave a comment</p><p>“It is the first")
    source = tmp_path / "page.html"
    source.write_text(page, encoding="utf-8")
    record = read_page(page, source)
    rules = {t.text: t.rule for t in record.trace if t.action == "dropped"}
    assert rules["Leave a comment"].startswith("normalise: ")
    assert "Leave a comment" not in record.body
