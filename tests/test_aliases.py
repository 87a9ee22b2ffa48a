"""Old addresses of a migrated article (`aliases:`) keep working: each gets a small page that
sends readers and search engines to the article, and never passes for a page of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.cli import main
from readsite.config import load_config
from readsite.errors import BuildError
from readsite.pipeline import build_site
from readsite.sitecheck import check_files, read_folder
from tests.conftest import DEFAULT_SITE_YAML, MakeSite, broken_links

MOVED = """\
    ---
    title: Moved & renamed
    date: 2019-01-02
    aliases: [/2019/01/02/moved/, /old.html, /caf%C3%A9, /feeds/old]
    ---

    The neocloud rents out GPU compute capacity.
    """


def built(make_site: MakeSite, files: dict[str, str], site_yaml: str | None = None,
          *args: str) -> Path:
    root = make_site(files=files, site_yaml=site_yaml)
    assert main(["--site", str(root), "build", *args]) == 0
    return root / "_site"


def test_each_alias_gets_a_redirect_page(make_site: MakeSite) -> None:
    site = built(make_site, {"content/moved.md": MOVED})
    for relpath in ("2019/01/02/moved/index.html", "old.html", "café/index.html",
                    "feeds/old/index.html"):
        page = (site / relpath).read_text(encoding="utf-8")
        assert '<meta http-equiv="refresh" content="0; url=/articles/moved/">' in page, relpath
        assert '<link rel="canonical" href="https://example.org/articles/moved/">' in page
        assert '<meta name="robots" content="noindex">' in page
        assert ('<p>This page has moved to <a href="/articles/moved/">Moved &amp; renamed</a>.'
                '</p>') in page
    assert broken_links(site) == []


SUB_PATH_YAML = DEFAULT_SITE_YAML.replace("https://example.org/", "https://me.github.io/reading/")


def test_redirects_follow_the_base_path(make_site: MakeSite) -> None:
    site = built(make_site, {"content/moved.md": MOVED}, SUB_PATH_YAML)
    page = (site / "2019/01/02/moved/index.html").read_text(encoding="utf-8")
    assert 'content="0; url=/reading/articles/moved/"' in page
    assert 'href="https://me.github.io/reading/articles/moved/"' in page
    assert broken_links(site, "/reading/") == []


def test_redirects_work_from_disk_with_relative_urls(make_site: MakeSite) -> None:
    site = built(make_site, {"content/moved.md": MOVED}, SUB_PATH_YAML, "--relative")
    page = (site / "2019/01/02/moved/index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../../../../articles/moved/index.html"' in page
    assert '<a href="../../../../articles/moved/index.html">' in page
    assert 'rel="canonical" href="https://me.github.io/reading/articles/moved/"' in page
    old = (site / "old.html").read_text(encoding="utf-8")
    assert 'content="0; url=articles/moved/index.html"' in old
    assert [f for f in check_files(read_folder(site), "/reading/", file_urls=True)
            if f.kind != "orphan"] == []


def test_redirects_stay_out_of_sitemap_feeds_and_checks(make_site: MakeSite) -> None:
    site = built(make_site, {"content/moved.md": MOVED})
    for name in ("sitemap.xml", "feed.xml", "topics/neocloud/feed.xml"):
        text = (site / name).read_text(encoding="utf-8")
        assert "articles/moved/" in text and "2019/01/02" not in text and "old.html" not in text
    findings = [f for f in check_files(read_folder(site)) if "moved" in f.page or "old" in f.page
                or "caf" in f.page]
    assert findings == []


@pytest.mark.parametrize(("alias", "expected"), [
    ("/articles/other/", "alias `/articles/other/` collides with the article page "
                         "`/articles/other/` (content/other.md)"),
    ("/archive/", "alias `/archive/` collides with the archive page `/archive/`"),
    ("/", "alias `/` collides with the home page `/`"),
    ("/404.html", "alias `/404.html` collides with the 404 page `/404.html`"),
    ("/taken/", "alias `/taken/` collides with the alias `/taken/` of content/other.md"),
    ("/taken", "alias `/taken` collides with the alias `/taken/` of content/other.md"),
])
def test_alias_collision_names_alias_and_both_files(
    make_site: MakeSite, alias: str, expected: str
) -> None:
    root = make_site(files={
        "content/other.md": "---\ntitle: Other\ndate: 2026-01-01\naliases: [/taken/]\n---\nx",
        "content/moved.md": f"---\ntitle: Moved\naliases: ['{alias}']\n---\nx",
    })
    with pytest.raises(BuildError) as caught:
        build_site(load_config(root), root / "out")
    [problem] = caught.value.problems
    assert str(problem).startswith(f"content/moved.md: {expected}\n  hint: remove the alias")
    assert not (root / "out").exists()


def test_alias_colliding_with_a_root_file_is_named(make_site: MakeSite) -> None:
    root = make_site(files={"content/moved.md": MOVED, "root/old.html": "<p>mine</p>"})
    with pytest.raises(BuildError, match=r"content/moved.md: alias `/old.html` collides with "
                                         r"the file .*root/old.html"):
        build_site(load_config(root), root / "out")


def test_cli_reports_alias_collision(make_site: MakeSite,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files={"content/a.md": "---\ntitle: A\naliases: [/topics/]\n---\nx"})
    assert main(["--site", str(root), "build"]) == 1
    assert ("content/a.md: alias `/topics/` collides with the topics page `/topics/`"
            in capsys.readouterr().err)
