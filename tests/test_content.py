"""Loading articles: validation errors name file and line; all files reported at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readsite.cli import main
from readsite.config import load_config
from readsite.content import load_articles
from readsite.errors import ContentError
from tests.conftest import MakeSite, snapshot


def load(make_site: MakeSite, files: dict[str, str]) -> list[str]:
    root = make_site(files=files)
    with pytest.raises(ContentError) as caught:
        load_articles(load_config(root))
    return [str(p) for p in caught.value.problems]


def test_loads_fields_and_extra(make_site: MakeSite) -> None:
    root = make_site(files={"content/hello.md": """\
        ---
        title: Hello
        date: 2026-05-04
        source: The Outlet
        summary: A dek.
        topics: [ipo]
        mood: calm
        import_hash: abc
        ---

        ## Part one

        Some words here.
        """})
    [article] = load_articles(load_config(root))
    assert (article.slug, article.title, article.source) == ("hello", "Hello", "The Outlet")
    assert article.date == dt.date(2026, 5, 4)
    assert article.topics_set == ("ipo",)
    assert dict(article.extra) == {"mood": "calm"}
    assert article.headings[0].anchor == "s-part-one"
    assert article.word_count == 5
    assert article.path == Path("content/hello.md")


def test_missing_title_names_file_and_line(make_site: MakeSite) -> None:
    assert load(make_site, {"content/a.md": "---\nsource: X\n---\n\nText\n"}) == [
        "content/a.md:1: the article has no title\n"
        "  hint: add a line `title: ...` to the front matter"
    ]


def test_problems_of_all_files_reported(make_site: MakeSite) -> None:
    found = load(make_site, {
        "content/a.md": "---\ntitle: A\ndate: someday\n---\nx",
        "content/b.md": "---\ntitle: B\ntopics: [ipo, neoclod]\n---\nx",
        "content/c.md": "---\ntitle: C\nurl: javascript:alert(1)\n---\nx",
        "content/d.md": "---\ntitle: [D]\n---\nx",
    })
    assert found == [
        "content/a.md:3: `date` 'someday' is not a date\n  hint: write it as YYYY-MM-DD",
        "content/b.md:3: unknown topic `neoclod`\n  hint: did you mean `neocloud`?",
        "content/c.md:3: `url` must be an http(s) address",
        "content/d.md:2: `title` must be text",
    ]


def test_slug_collision(make_site: MakeSite) -> None:
    found = load(make_site, {
        "content/a.md": "---\ntitle: A\nslug: same\n---\nx",
        "content/b/same.md": "---\ntitle: B\n---\nx",
    })
    assert len(found) == 1
    assert found[0].startswith("content/b/same.md: slug `same` is also used by content/a.md")


def test_bad_slug(make_site: MakeSite) -> None:
    found = load(make_site, {"content/Bad Name.md": "---\ntitle: A\n---\nx"})
    assert "slug `Bad Name` must be lowercase" in found[0]


def test_hidden_and_underscore_files_skipped(make_site: MakeSite) -> None:
    root = make_site(files={
        "content/a.md": "---\ntitle: A\n---\nx",
        "content/_draft.md": "not front matter",
        "content/.hidden/b.md": "nope",
        "content/notes.txt": "ignored",
    })
    assert [a.slug for a in load_articles(load_config(root))] == ["a"]


def test_not_utf8(make_site: MakeSite) -> None:
    root = make_site()
    (root / "content" / "a.md").write_bytes(b"---\ntitle: \xff\n---\n")
    with pytest.raises(ContentError, match=r"content/a.md:2: not UTF-8"):
        load_articles(load_config(root))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\nsummary: x\n---\nbody", ":1: the article has no title"),
        ("---\ntitle: A\nsummary: [x\n---\nbody", ":3: invalid YAML"),
        ("---\ntitle: A\n\nbody without closing fence\n", ":1: front matter opened on line 1"),
    ],
)
def test_cli_bad_article_exits_1_and_keeps_site(
    make_site: MakeSite, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    root = make_site(files={"content/good.md": "---\ntitle: Good\n---\n\nFine.\n"})
    assert main(["--site", str(root)]) == 0
    before = snapshot(root / "_site")
    (root / "content" / "bad.md").write_text(text, encoding="utf-8")
    assert main(["--site", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"content/bad.md{expected}" in err
    assert snapshot(root / "_site") == before
    assert sorted(p.name for p in root.iterdir()) == [".readsite-cache", "_site", "content",
                                                      "site.yaml"], "no staged folder is left"


def test_tags_aliases_updated_extra(make_site: MakeSite) -> None:
    root = make_site(files={"content/moved.md": """\
        ---
        title: Moved
        date: 2019-01-02
        updated: 2020-02-03
        tags: [Rust, async, rust, 2019]
        aliases: [/2019/01/02/moved/, /old.html, /caf%C3%A9/, /2019/01/02/moved/]
        mood: calm
        extra: {layout: wide, mood: stormy}
        ---

        Text.
        """, "content/comma.md": "---\ntitle: C\ntags: 'one, two ,, three'\naliases: /c/\n---\nx"})
    moved, comma = sorted(load_articles(load_config(root)), key=lambda a: a.slug != "moved")
    assert moved.tags == ("Rust", "async", "2019")
    assert moved.aliases == ("/2019/01/02/moved/", "/old.html", "/caf%C3%A9/")
    assert moved.updated == dt.date(2020, 2, 3)
    assert dict(moved.extra) == {"mood": "stormy", "layout": "wide"}
    assert (comma.tags, comma.aliases) == (("one", "two", "three"), ("/c/",))


def test_bad_tags_aliases_updated_extra_name_file_and_line(make_site: MakeSite) -> None:
    found = load(make_site, {"content/a.md": """\
        ---
        title: A
        updated: last week
        tags:
          - fine
          - {nested: map}
        aliases:
          - /ok/
          - 2019/01/02/post/
          - https://old.example/post/
          - /a/../../etc/
          - //evil.example/x
          - /p?id=3
          - /a%2F..%2F..%2Fb/
        extra: [not, a, mapping]
        ---
        x
        """, "content/b.md": "---\ntitle: B\ntags: {a: 1}\naliases: 7\n---\nx"})
    assert found == [
        "content/a.md:3: `updated` 'last week' is not a date\n  hint: write it as YYYY-MM-DD",
        "content/a.md:6: `tags` item 2 must be text, not dict\n"
        "  hint: `tags` is a list of words, e.g. `tags: [rust, async]`",
        "content/a.md:9: alias `2019/01/02/post/` must start with `/`\n"
        "  hint: write it as `/2019/01/02/post/`",
        "content/a.md:10: alias `https://old.example/post/` must be a path on this site, "
        "not an address\n  hint: write just the path, e.g. `/post/`",
        "content/a.md:11: alias `/a/../../etc/` must not contain `.` or `..` segments\n"
        "  hint: write the path it means in full",
        "content/a.md:12: alias `//evil.example/x` must be a path on this site, not an "
        "address\n  hint: write just the path, e.g. `/x`",
        "content/a.md:13: alias `/p?id=3` cannot carry a `?query` or `#fragment`: a static "
        "page is found by its path alone\n  hint: keep only the path",
        "content/a.md:14: alias `/a%2F..%2F..%2Fb/` must not contain `.` or `..` segments\n"
        "  hint: write the path it means in full",
        "content/a.md:15: `extra` must be a mapping of `key: value` lines\n"
        "  hint: e.g. `extra: {layout: wide}`",
        "content/b.md:3: `tags` must be a list of words, e.g. `tags: [rust, async]`",
        "content/b.md:4: `aliases` must be a list of site paths, e.g. "
        "`aliases: [/2019/01/02/post/]`",
    ]
