"""`importers.pelican`: Pelican Markdown headers and reST field lists, mapped field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readsite.errors import ContentError
from readsite.importers.pelican import (
    looks_like_pelican,
    parse_date,
    read_pelican,
    read_rst,
    split_header,
)

PELICAN = Path(__file__).resolve().parent / "fixtures" / "importers" / "pelican"
CONTENT = PELICAN / "content"


def after_header(text: str) -> str:
    """The fixture's text after its header's blank line."""
    return text[text.index("\n\n") + 2:]


def test_pelican_headers_are_recognised() -> None:
    for name in ("my-super-post.md", "second-post.md", "dates.md", "pages/about.md"):
        assert looks_like_pelican((CONTENT / name).read_text(encoding="utf-8")), name
    assert not looks_like_pelican((CONTENT / "third-post.rst").read_text(encoding="utf-8"))
    assert not looks_like_pelican("---\ntitle: Jekyll\n---\nBody\n")
    assert not looks_like_pelican("Note: this is pasted prose.\n\nMore prose.\n")
    assert not looks_like_pelican("https://example.com/article\nTitle: x\n")
    assert not looks_like_pelican("A headline\n\nDate: 2012-01-01\n")
    assert looks_like_pelican("\ufeffdate: 2012-01-01\n\nBody\n")


def test_capitalised_header_maps_every_field() -> None:
    path = CONTENT / "my-super-post.md"
    text = path.read_text(encoding="utf-8")
    post = read_pelican(text, path)
    assert post.title == "My super title"
    assert post.source_path == path
    assert post.date == dt.date(2010, 12, 3)
    assert post.updated == dt.date(2010, 12, 5)
    assert post.author == "Alexis Metaireau, Conan Doyle"
    assert post.summary == (
        "Short version for index and feeds, spread over two lines & with a link.")
    assert post.tags == ("Python", "pelican", "publishing")  # category first, no duplicate
    assert post.draft is False
    assert post.slug == "my-super-post"  # the file name
    assert post.aliases == ("/my-super-title.html",)  # Pelican slugifies the title
    assert post.key == path.as_posix()
    assert post.url == "" and post.source == ""
    assert post.extra == {"pelican_keys": {"series": "Moving house"}}
    assert post.notes == ()


def test_body_is_the_input_after_the_header_byte_for_byte() -> None:
    for name in ("my-super-post.md", "second-post.md", "pages/about.md", "dates.md"):
        path = CONTENT / name
        text = path.read_text(encoding="utf-8")
        assert read_pelican(text, path).body == after_header(text), name
    body = read_pelican((CONTENT / "my-super-post.md").read_text(encoding="utf-8"),
                        CONTENT / "my-super-post.md").body
    assert '    \treturn "hello"\t# a tab inside\n' in body
    assert "[the other post]({filename}/second-post.md)" in body
    assert "({static}/images/diagram.png)" in body
    assert body.endswith("The end.  \n")


def test_lowercase_header_draft_with_unknown_keys() -> None:
    path = CONTENT / "second-post.md"
    post = read_pelican(path.read_text(encoding="utf-8"), path)
    assert post.title == "Notes on the second post"
    assert post.date == dt.date(2012, 10, 30)  # the date as written, not converted to UTC
    assert post.tags == ("drafts", "ideas, half-formed", "ideas")  # `;` wins, as in Pelican
    assert post.author == "Jane Doe"
    assert post.slug == "second-notes"
    assert post.draft is True
    assert post.aliases == ("/drafts/second-notes.html",)  # Pelican's DRAFT_URL
    assert post.summary == "An unfinished note."
    assert post.extra == {"lang": "fr", "pelican_keys": {"template": "wide"}}
    assert "col1\tcol2" in post.body


def test_hidden_page_keeps_its_page_url() -> None:
    path = CONTENT / "pages" / "about.md"
    page = read_pelican(path.read_text(encoding="utf-8"), path)
    assert page.draft is True
    assert page.date == dt.date(2012, 10, 30)  # "30 October 2012"
    assert page.aliases == ("/pages/about-this-site.html",)
    assert page.slug == "about"


def test_unreadable_date_is_a_note_at_its_line() -> None:
    path = CONTENT / "dates.md"
    post = read_pelican(path.read_text(encoding="utf-8"), path)
    assert post.date is None
    assert post.updated == dt.date(2012, 10, 31)  # "October 31, 2012"
    assert post.tags == ()
    [note] = post.notes
    assert note.path == path and note.line == 2
    assert "next Tuesday" in note.message and "2012-10-30" in note.hint


def test_article_url_comes_from_pelicanconf() -> None:
    path = PELICAN / "custom" / "content" / "custom-url.md"
    post = read_pelican(path.read_text(encoding="utf-8"), path)
    assert post.aliases == ("/posts/2013/04/a-post-with-a-dated-url/",)


@pytest.mark.parametrize(("header", "alias"), [
    ("Save_as: old/place.html", "/old/place.html"),
    ("URL: old/place/\nSave_as: old/place/index.html", "/old/place/"),
    ("Slug: chosen", "/chosen.html"),
])
def test_stated_urls_win(header: str, alias: str, tmp_path: Path) -> None:
    post = read_pelican(f"Title: Stated\n{header}\n\nBody\n", tmp_path / "x.md")
    assert post.aliases == (alias,)


def test_header_follows_the_markdown_meta_rules(tmp_path: Path) -> None:
    meta, where, body = split_header(
        "Title: A long\n    title\nTAGS: a,\n    b\n  Indented-Key: kept\nNo blank line: here\n")
    assert meta == {"title": ["A long", "title"], "tags": ["a,", "b"],
                    "indented-key": ["kept"]}
    assert where == {"title": 1, "tags": 3, "indented-key": 5}
    assert body == "No blank line: here\n"  # not a key (spaces): the header ends there
    meta, where, body = split_header("Title: x\nnot a key line\nmore\n")
    assert meta == {"title": ["x"]} and where == {"title": 1}
    assert body == "not a key line\nmore\n"
    assert split_header("Title: only a header\n")[2] == ""
    assert split_header("\ufeffTitle: bom\r\n\r\nBody\r\nline\r\n")[2] == "Body\r\nline\r\n"
    post = read_pelican("Title: A long\n    title\nTags: a,\n    b\n\nBody\n", tmp_path / "x.md")
    assert post.title == "A long title" and post.tags == ("a", "b")


def test_missing_title_falls_back_to_the_file_name(tmp_path: Path) -> None:
    post = read_pelican("Date: 2012-01-01\n\nBody\n", tmp_path / "a_quiet-day.md")
    assert post.title == "A quiet day"
    [note] = post.notes
    assert "Title" in note.message and note.line == 1


@pytest.mark.parametrize(("text", "date"), [
    ("2012-10-30 10:20", dt.date(2012, 10, 30)),
    ("2012-10-30T23:20:00+02:00", dt.date(2012, 10, 30)),
    ("2012-10-30T23:20:00Z", dt.date(2012, 10, 30)),
    ("2012-10-30", dt.date(2012, 10, 30)),
    ("2012/10/30 10:20", dt.date(2012, 10, 30)),
    ("30 October 2012", dt.date(2012, 10, 30)),
    ("30 Oct 2012", dt.date(2012, 10, 30)),
    ("October 30, 2012", dt.date(2012, 10, 30)),
    ("soon", None),
])
def test_pelican_date_formats(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


def test_rst_field_list_and_title() -> None:
    path = CONTENT / "third-post.rst"
    post = read_rst(path.read_text(encoding="utf-8"), path)
    assert post.title == "Third post, in reStructuredText"
    assert post.date == dt.date(2012, 11, 2)
    assert post.updated == dt.date(2012, 11, 3)
    assert post.tags == ("Python", "rst", "docutils")
    assert post.slug == "third-post"
    assert post.author == "Alexis Metaireau, Conan Doyle"
    assert post.summary == "A post with code and a field list, over two lines."
    assert post.draft is False
    assert post.aliases == ("/third-post.html",)
    assert post.key == path.as_posix()
    assert post.extra == {"pelican_keys": {"series": "Moving house"}}


def test_rst_body_is_safe_html() -> None:
    path = CONTENT / "third-post.rst"
    post = read_rst(path.read_text(encoding="utf-8"), path)
    assert post.body.startswith('<p>The body links to <a class="reference external" '
                                'href="{filename}/my-super-post.md">the first post</a>')
    assert ('<pre class="code python literal-block"><code>def greet():\n'
            '    return &quot;hello&quot;</code></pre>') in post.body
    assert "<script" not in post.body and "root:" not in post.body
    assert "Third post" not in post.body and ":date:" not in post.body
    assert post.body.rstrip().endswith("<p>A closing paragraph.</p>")
    raw, include = post.notes
    assert "raw" in raw.message and raw.line == 20 and raw.path == path
    assert "include" in include.message and include.line == 24


def test_docutils_failure_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import docutils.core

    def broken(**_: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(docutils.core, "publish_programmatically", broken)
    path = CONTENT / "third-post.rst"
    with pytest.raises(ContentError) as caught:
        read_rst(path.read_text(encoding="utf-8"), path)
    [problem] = caught.value.problems
    assert problem.path == path and "docutils could not read the file" in problem.message
