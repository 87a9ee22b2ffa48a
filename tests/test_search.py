"""Search as the build writes it: the Pagefind index and what it is told about each article,
the `file://` fallback index, `search: false`, a failing Pagefind, reuse of an unchanged index
and the preview of a large site keeping its index;
and the text site.yaml shows readers (typographic quotes) and list deks.
(What a reader sees when searching is in test_browser_reader.)"""

from __future__ import annotations

import json
import re
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readsite import preview as preview_module
from readsite import search
from readsite.cli import main
from readsite.config import load_config
from readsite.pipeline import BuildReport, build_site
from readsite.preview import Preview
from readsite.typography import smart_quotes
from tests.conftest import DEFAULT_SITE_YAML, MakeSite, snapshot

ARTICLES = {
    "content/rent.md": """\
        ---
        title: Renting out the GPUs
        source: Reuters
        author: Ann Lee
        date: 2026-05-02
        summary: A neocloud rents its GPU capacity.
        ---

        The neocloud rents GPU compute capacity to anyone who pays.
        """,
    "content/ipo.md": """\
        ---
        title: The IPO question
        source: TechCrunch
        summary: An initial public offering, priced.
        ---

        The initial public offering was priced after the IPO roadshow.
        """,
}


def build(make_site: MakeSite, site_yaml: str | None = None) -> tuple[Path, Path]:
    """The site's folder and its built output."""
    root = make_site(files={k: textwrap.dedent(v) for k, v in ARTICLES.items()},
                     site_yaml=site_yaml)
    assert main(["--site", str(root), "build"]) == 0
    return root, root / "_site"


def test_the_index_covers_the_articles_with_their_filters_and_metadata(
        make_site: MakeSite) -> None:
    _, out = build(make_site)
    assert (out / "pagefind/pagefind.js").is_file()
    entry = json.loads((out / "pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 2  # the articles, not the list pages
    page = (out / "articles/rent/index.html").read_text()
    assert '<article class="article" data-pagefind-body>' in page
    assert 'data-pagefind-filter="source" data-pagefind-meta="source">Reuters</span>' in page
    assert 'data-pagefind-meta="author">Ann Lee</span>' in page
    assert 'data-pagefind-meta="date:2026-05-02"' in page
    assert re.search(r'data-pagefind-filter="topic">Neocloud</a>', page)
    assert "data-pagefind" not in (out / "index.html").read_text().split("<main")[1]


def test_the_search_page_offers_the_topics_and_sources_that_have_articles(
        make_site: MakeSite) -> None:
    _, out = build(make_site)
    page = (out / "search/index.html").read_text()
    assert '<form class="search-form" id="search" role="search" action="/search/"' in page
    assert re.findall(r'<option value="([^"]*)">', page) == ["", "Neocloud", "IPO",
                                                              "", "Reuters", "TechCrunch"]
    assert '<meta name="robots" content="noindex">' in page
    assert 'id="site-search-q"' not in page  # no second box in the header
    assert 'action="/search/"' in (out / "archive/index.html").read_text()


def test_the_disk_index_holds_each_article_once(make_site: MakeSite) -> None:
    _, out = build(make_site)
    script = (out / "search/index.js").read_text()
    entries = json.loads(script.split("window.readsiteIndex = ", 1)[1].rstrip().rstrip(";"))
    assert sorted(entries) == sorted([
        ["articles/ipo/", "The IPO question", "An initial public offering, priced.",
         "TechCrunch", "", "", "IPO"],
        ["articles/rent/", "Renting out the GPUs", "A neocloud rents its GPU capacity.",
         "Reuters", "Ann Lee", "2026-05-02", "Neocloud"],
    ])


def test_markup_in_the_disk_index_cannot_close_its_script(make_site: MakeSite) -> None:
    root = make_site(files={"content/x.md": "---\ntitle: </script><script>alert(1)</script>\n"
                                            "---\n\nText.\n"})
    build_site(load_config(root))
    script = (root / "_site/search/index.js").read_text()
    assert "</script>" not in script and "\\u003c/script\\u003e" in script


def test_search_false_leaves_search_out(make_site: MakeSite) -> None:
    _, out = build(make_site, DEFAULT_SITE_YAML + "search: false\n")
    assert not (out / "pagefind").exists() and not (out / "search").exists()
    home = (out / "index.html").read_text()
    assert "site-search" not in home and "/search/" not in home


def test_a_failing_pagefind_fails_the_build_and_keeps_the_last_site(
        make_site: MakeSite, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    root, out = build(make_site)
    before = snapshot(out)
    (root / "content/new.md").write_text("---\ntitle: New\n---\n\nMore GPU text.\n")
    monkeypatch.setattr(search, "executable", lambda: Path("/bin/false"))
    assert main(["--site", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert "Pagefind could not build the search index: exit code 1" in err
    assert "hint: set `search: false` in site.yaml" in err and "Traceback" not in err
    assert snapshot(out) == before


def test_an_index_of_unchanged_articles_is_reused_byte_for_byte(
        make_site: MakeSite, monkeypatch: pytest.MonkeyPatch) -> None:
    root, out = build(make_site)
    first = {p: (out / "pagefind" / p).read_bytes() for p in _files(out / "pagefind")}
    runs: list[list[str]] = []
    real = subprocess.run

    def run(command: list[str], **options: Any) -> Any:
        runs.append(command)
        return real(command, **options)

    monkeypatch.setattr(subprocess, "run", run)
    (root / "site.yaml").write_text(DEFAULT_SITE_YAML + "latest: 1\n")  # the home page only
    assert main(["--site", str(root), "build"]) == 0
    assert runs == []
    assert {p: (out / "pagefind" / p).read_bytes() for p in _files(out / "pagefind")} == first
    (root / "content/rent.md").write_text((root / "content/rent.md").read_text()
                                          .replace("anyone who pays", "anyone at all"))
    assert main(["--site", str(root), "build"]) == 0
    assert len(runs) == 1  # an article changed: indexed again


def _files(folder: Path) -> list[str]:
    """Every file below `folder`, relative to it."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@given(st.text(alphabet=st.sampled_from(list("ab '\"`<>()[]\n-—")), max_size=40))
def test_smart_quotes_curls_every_quote_outside_code_tags_and_links(text: str) -> None:
    curled = smart_quotes(text)
    assert len(curled) == len(text)
    assert smart_quotes(curled) == curled
    kept = re.sub(r"(`+).+?\1|<[A-Za-z/!][^<>]*>|\]\([^()]*\)", "", curled, flags=re.S)
    assert "'" not in kept and '"' not in kept


@pytest.mark.parametrize(("typed", "shown"), [
    ("Five outlets' takes on \"neoclouds\" and SpaceX's IPO.",
     "Five outlets’ takes on “neoclouds” and SpaceX’s IPO."),
    ("'Quoted,' she said (\"twice\").", "‘Quoted,’ she said (“twice”)."),
    ('Keep `a="b"` and <a href="/x/">it\'s</a> and [l](/y/"z")',
     'Keep `a="b"` and <a href="/x/">it’s</a> and [l](/y/"z")'),
])
def test_smart_quotes_examples(typed: str, shown: str) -> None:
    assert smart_quotes(typed) == shown


def test_site_yaml_text_is_shown_with_typographic_quotes(make_site: MakeSite) -> None:
    yaml = DEFAULT_SITE_YAML.replace("description: A site for tests.",
                                     "description: \"It's a 'site' for tests.\"")
    _, out = build(make_site, yaml)
    assert "It’s a ‘site’ for tests." in (out / "index.html").read_text()


def test_a_large_sites_preview_keeps_its_index_while_it_is_edited(
        make_site: MakeSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    root, _ = build(make_site)
    for name, value in (("FAST_RENDER_AFTER", 0.0), ("SEARCH_KEPT_AFTER", 0.0),
                        ("BUILD_DELAY", 0.0)):
        monkeypatch.setattr(preview_module, name, value)  # this small site as a large one
    preview = Preview(root, tmp_path / "preview", "http://127.0.0.1:9/")
    try:
        preview.build()
        bundle = preview.output / "pagefind"
        before = {p: (bundle / p).read_bytes() for p in _files(bundle)}
        article = root / "content/rent.md"
        article.write_text(article.read_text().replace("anyone who pays", "anyone at all"))
        assert preview.poll() is None  # still changing, as far as it knows
        change = preview.poll()
        assert change is not None and change.building
        report = preview.wait()
        assert isinstance(report, BuildReport) and "search" not in report.stages
        assert "anyone at all" in (preview.output / "articles/rent/index.html").read_text()
        assert {p: (bundle / p).read_bytes() for p in _files(bundle)} == before
    finally:
        preview.close()
