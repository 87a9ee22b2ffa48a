"""Guarantee 20: links between articles — `[x](other.md)` to the other article's file, and
wiki links `[[other]]` — lead to that article's page, under the site's base path and with
relative URLs; a link to an article that does not exist is a warning naming file:line, and
an error under `check --strict` and `build --strict`.

They are resolved when the body is rendered (`other.md` → `/articles/other/`, the slug a
file gets unless its front matter sets another), so the per-body render cache stays right;
the check then compares them with the articles the site really has."""

from __future__ import annotations

import difflib

import pytest

from readsite import sitecheck
from readsite.cli import main
from readsite.config import load_config
from readsite.pipeline import build_site
from tests.conftest import DEFAULT_SITE_YAML, MakeSite, broken_links, start_tags

SOURCE = """---
title: Source
---

First [by file](other.md), then [by path](../content/other.md#second-part).

A wiki link: [[other]], and one with a label: [[other|the other one]].

[Unchanged](https://example.org/x.md) and [a page](/topics/).
"""
OTHER = "---\ntitle: Other\n---\n\n## Second part\n\nText.\n"


def hrefs(page: str) -> list[str]:
    """The hrefs of the links in an article's body."""
    body = page[page.index('<div class="prose">'):]
    return [attrs["href"] for tag, attrs in start_tags(body) if tag == "a" and "href" in attrs]


def test_file_and_wiki_links_lead_to_the_article(make_site: MakeSite) -> None:
    root = make_site(files={"content/source.md": SOURCE, "content/other.md": OTHER})
    build_site(load_config(root))
    page = (root / "_site" / "articles" / "source" / "index.html").read_text()
    assert hrefs(page)[:4] == ["/articles/other/", "/articles/other/#s-second-part",
                               "/articles/other/", "/articles/other/"]
    assert ">the other one</a>" in page and ">other</a>" in page
    assert "https://example.org/x.md" in hrefs(page)
    assert broken_links(root / "_site") == []


def test_under_a_base_path_and_with_relative_urls(make_site: MakeSite) -> None:
    yaml = DEFAULT_SITE_YAML.replace("https://example.org/", "https://example.org/blog/")
    root = make_site(files={"content/source.md": SOURCE, "content/other.md": OTHER},
                     site_yaml=yaml)
    build_site(load_config(root))
    page = (root / "_site" / "articles" / "source" / "index.html").read_text()
    assert hrefs(page)[0] == "/blog/articles/other/"
    assert broken_links(root / "_site", "/blog/") == []
    relative = make_site(files={"content/source.md": SOURCE, "content/other.md": OTHER},
                         site_yaml=yaml + "relative_urls: true\n", name="relative")
    build_site(load_config(relative))
    page = (relative / "_site" / "articles" / "source" / "index.html").read_text()
    assert hrefs(page)[:2] == ["../other/index.html", "../other/index.html#s-second-part"]


MISSING = "---\ntitle: Source\n---\n\nFine [[other]].\n\nSee [[nope]] here.\n\n[x](gone.md)\n"


@pytest.mark.parametrize(("command", "code"), [
    (["check"], 0), (["check", "--strict"], 1), (["build"], 0), (["build", "--strict"], 1)])
def test_a_link_to_a_missing_article_is_named_at_its_line(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str], command: list[str],
        code: int) -> None:
    root = make_site(files={"content/source.md": MISSING, "content/other.md": OTHER})
    assert main(["--site", str(root), *command]) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if command == ["build"]:  # built, and the writer is told
        assert (root / "_site" / "articles" / "source" / "index.html").exists()
    assert "content/source.md:7:" in err and "`nope`" in err
    assert "content/source.md:9:" in err and "`gone`" in err
    assert "`other`" not in err
    if command == ["build", "--strict"]:
        assert not (root / "_site").exists()  # refused before anything was written


def test_build_strict_after_a_plain_build_still_fails(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    """A site a plain build wrote (warning only) is not "up to date" for a strict build."""
    root = make_site(files={"content/source.md": MISSING, "content/other.md": OTHER})
    assert main(["--site", str(root), "build"]) == 0
    assert main(["--site", str(root), "build", "--strict"]) == 1
    assert "content/source.md:7:" in capsys.readouterr().err


def test_build_strict_passes_a_site_whose_links_all_resolve(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files={"content/source.md": SOURCE, "content/other.md": OTHER,
                            "templates/home.html": (
                                '{% extends "!theme/home.html" %}{% block content %}'
                                '{{ super() }}<a href="{{ url("articles/source/") }}">s</a>'
                                '<a href="{{ url("articles/other/") }}">o</a>'
                                '{% endblock %}')})
    code = main(["--site", str(root), "build", "--strict"])
    assert code == 0, capsys.readouterr().err


def test_a_mistyped_link_gets_the_slug_it_meant(
        make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files={"content/source.md": "---\ntitle: S\n---\n\nSee [[othr]].\n",
                            "content/other.md": OTHER})
    assert main(["--site", str(root), "check"]) == 0
    assert "did you mean `other`?" in capsys.readouterr().err


def test_each_guess_for_a_missing_link_is_difflibs_own() -> None:
    """The guess compares only the slugs sharing most three-letter pieces with the missing
    one (so thousands of missing links do not cost minutes), yet names what difflib would
    name comparing every slug."""
    words = ["colossus", "memphis", "anthropic", "capacity", "gigawatt", "deal", "cluster",
             "grid", "turbine", "permit", "lease", "chip"]
    slugs = {f"{a}-{b}-{c}" for a in words for b in words for c in words if len({a, b, c}) == 3}
    guess = sitecheck._Guesser(slugs)
    for slug in sorted(slugs)[::37]:
        for wrong in (slug[:3] + slug[4:], slug + "-2", slug.replace("-", "_"), "x" + slug[5:]):
            close = difflib.get_close_matches(wrong, slugs, n=1)
            assert guess(wrong) == (close[0] if close else ""), wrong
    assert guess("zzzz") == ""
