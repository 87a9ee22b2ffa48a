"""`import_paths`: each input on its own, idempotent re-imports, never losing human edits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readsite import frontmatter
from readsite.importers import ImportReport, body_hash, import_paths, markdown

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
ARTICLE = (
    "A Plain Headline For Tests\n\n"
    "The first paragraph talks about a neocloud and the IPO. It is long enough to be real.\n\n"
    "The second paragraph says a little more about the neocloud business.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """One plain-text input in tmp_path/in."""
    source = tmp_path / "in" / "story.txt"
    source.parent.mkdir()
    source.write_text(ARTICLE, encoding="utf-8")
    return source


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in `folder` (names → bytes), to prove nothing was written."""
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def edit(path: Path, **changes: object) -> None:
    """Change front matter keys of an article file as a human would."""
    document = frontmatter.parse(path.read_text(encoding="utf-8"), path)
    path.write_text(frontmatter.dump({**document.meta, **changes}, document.body),
                    encoding="utf-8")


def run(*paths: Path, into: Path, **options: bool) -> ImportReport:
    """Import and return the report."""
    return import_paths(list(paths), into, **options)


def meta_of(path: Path) -> dict[str, object]:
    return frontmatter.parse(path.read_text(encoding="utf-8"), path).meta


def test_import_writes_front_matter_in_order_and_no_topics(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    [result] = run(article, into=into).results
    assert result.action == "created"
    assert result.target == into / "a-plain-headline-for-tests.md"
    document = frontmatter.parse(result.target.read_text(encoding="utf-8"), result.target)
    assert list(document.meta) == ["title", "slug", "summary", "imported_from", "import_hash",
                                   "body_hash"]
    assert document.meta["imported_from"] == "story.txt"
    assert document.meta["body_hash"] == body_hash(document.body)
    assert "null" not in result.target.read_text() and "''" not in result.target.read_text()


def test_reimport_is_byte_identical_and_unchanged(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    run(article, into=into)
    before = snapshot(into)
    [again] = run(article, into=into).results
    assert again.action == "unchanged" and again.kept == ()
    assert snapshot(into) == before


def test_all_seeds_import_and_reimport_unchanged(tmp_path: Path) -> None:
    into = tmp_path / "content"
    report = run(SEEDS, into=into)
    assert [r.action for r in report.results] == ["created"] * 5
    assert not report.refused and not report.notes
    assert {r.action for r in run(SEEDS, into=into).results} == {"unchanged"}
    seed_000 = meta_of(report.results[0].target)
    assert (seed_000["source"], seed_000["author"]) == ("TechCrunch", "Kristine Vior")
    assert "url" not in seed_000 and "date" not in seed_000 and "topics" not in seed_000


def test_edited_body_is_refused_for_that_file_only(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    [result] = run(article, into=into).results
    result.target.write_text(result.target.read_text() + "\nMy own note.\n", encoding="utf-8")
    edited = result.target.read_bytes()
    article.write_text(ARTICLE + "\nA new paragraph from the source.\n", encoding="utf-8")
    other = article.parent / "other.txt"
    other.write_text("Another Headline Entirely\n\nSome words here.\n", encoding="utf-8")
    report = run(article, other, into=into)
    [refused] = report.refused
    assert refused.path == result.target and "edited by hand" in str(refused)
    assert "--force" in str(refused)
    assert result.target.read_bytes() == edited
    assert [r.target.name for r in report.results] == ["another-headline-entirely.md"]
    assert (into / "another-headline-entirely.md").is_file()


def test_force_replaces_the_body_but_keeps_edited_front_matter(article: Path,
                                                               tmp_path: Path) -> None:
    into = tmp_path / "content"
    [result] = run(article, into=into).results
    fresh = result.target.read_bytes()
    edit(result.target, title="My Better Title")
    result.target.write_text(result.target.read_text() + "\nMy own note.\n", encoding="utf-8")
    [forced] = run(article, into=into, force=True).results
    assert forced.action == "updated" and forced.kept == ("title",)
    assert meta_of(result.target)["title"] == "My Better Title"
    assert "My own note." not in result.target.read_text()
    run(article, into=into, force=True, overwrite_meta=True)
    assert result.target.read_bytes() == fresh


def test_title_edit_is_kept_reported_and_file_still_found(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    [result] = run(article, into=into).results
    edit(result.target, title="My Better Title", topics=["space"], note="hand-added")
    edited = result.target.read_bytes()
    [again] = run(article, into=into).results
    assert again.target == result.target
    assert again.kept == ("title", "topics", "note")
    assert again.action == "unchanged"
    assert result.target.read_bytes() == edited
    article.write_text(ARTICLE + "\nA new closing paragraph.\n", encoding="utf-8")
    [updated] = run(article, into=into).results
    assert updated.action == "updated" and updated.kept == ("title", "topics", "note")
    document = frontmatter.parse(result.target.read_text(), result.target)
    assert document.meta["title"] == "My Better Title"
    assert document.meta["topics"] == ["space"]
    assert "A new closing paragraph." in document.body
    assert document.meta["body_hash"] == body_hash(document.body)


def test_dry_run_writes_nothing(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    [result] = run(article, into=into, dry_run=True).results
    assert result.action == "created"
    assert not into.exists()
    run(article, into=into)
    article.write_text(ARTICLE + "\nMore.\n", encoding="utf-8")
    before = snapshot(into)
    [would] = run(article, into=into, dry_run=True).results
    assert would.action == "updated"
    assert snapshot(into) == before


def test_same_slug_gets_a_suffix_in_date_order_and_reimport_keeps_it(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "2020-01-08-weekly-notes.md").write_text("---\ntitle: Weekly Notes\n---\n\nTwo.\n")
    (posts / "2020-01-01-weekly-notes.md").write_text("---\ntitle: Weekly Notes\n---\n\nOne.\n")
    into = tmp_path / "content"
    report = run(posts, into=into)
    by_source = {r.source: r for r in report.results}
    assert by_source["2020-01-01-weekly-notes.md"].target.name == "weekly-notes.md"
    assert by_source["2020-01-08-weekly-notes.md"].target.name == "weekly-notes-2.md"
    assert "`weekly-notes` was taken" in by_source["2020-01-08-weekly-notes.md"].note
    assert [r.action for r in run(posts, into=into).results] == ["unchanged", "unchanged"]


def test_hand_written_article_is_never_overwritten(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    into.mkdir()
    target = into / "a-plain-headline-for-tests.md"
    target.write_text("---\ntitle: Mine\n---\n\nWritten by hand.\n", encoding="utf-8")
    [result] = run(article, into=into).results
    assert result.target.name == "a-plain-headline-for-tests-2.md"
    assert target.read_text() == "---\ntitle: Mine\n---\n\nWritten by hand.\n"


def test_bad_inputs_are_refused_one_by_one(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    bad = tmp_path / "in" / "bad.txt"
    bad.write_bytes(b"Caf\xe9 headline\n\nlatin-1 text.\n")
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    odd = tmp_path / "story.docx"
    odd.write_text("x", encoding="utf-8")
    broken = tmp_path / "in" / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\n\nBody.\n", encoding="utf-8")
    report = run(article, bad, empty, odd, broken, tmp_path / "nope.txt", into=into)
    text = "\n".join(str(p) for p in report.refused)
    assert f"{bad}:1: the file is not UTF-8" in text
    assert f"{empty}: the file holds no article text" in text
    assert f"{odd}: cannot import `.docx` files" in text
    assert f"{broken}:2:" in text
    assert "nope.txt: no such file or folder" in text
    assert len(report.refused) == 5
    assert [r.target.name for r in report.results] == ["a-plain-headline-for-tests.md"]


def test_folder_walk_skips_machinery_and_section_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "posts").mkdir(parents=True)
    (folder / "_layouts").mkdir()
    (folder / "b.txt").write_text("Second Headline Here\n\nBody b.\n", encoding="utf-8")
    (folder / "a.md").write_text("# First Headline Here\n\nBody a.\n", encoding="utf-8")
    (folder / "notes.docx").write_text("ignored", encoding="utf-8")
    (folder / ".hidden.txt").write_text("Hidden Headline\n\nx.\n", encoding="utf-8")
    (folder / "README.md").write_text("# About this repo\n", encoding="utf-8")
    (folder / "_layouts" / "post.md").write_text("# Layout\n", encoding="utf-8")
    (folder / "posts" / "_index.md").write_text("---\ntitle: Posts\n---\n", encoding="utf-8")
    report = run(folder, into=tmp_path / "content")
    assert [r.source for r in report.results] == ["a.md", "b.txt"]
    skipped = "\n".join(str(p) for p in report.skipped)
    assert "README.md: skipped: a repository file" in skipped
    assert "_index.md: skipped: a Hugo section file" in skipped
    assert not report.refused


def test_markdown_front_matter_is_mapped(tmp_path: Path) -> None:
    source = tmp_path / "post.md"
    source.write_text(
        "---\ntitle: From Hugo\ndate: 2026-05-05T10:00:00Z\nlastmod: 2026-06-01\n"
        "authors: [Ann Lee, Bo Park]\ndescription: A short summary &hellip;\n"
        "canonical_url: https://example.org/post\nsource: Example News\ndraft: true\n"
        "categories: [Cloud]\ntags: [gpu, GPU, rent]\naliases: [/old/post/]\n"
        "series: Compute\n---\n\n# From Hugo\n\nSome *Markdown* body.\n\n\tcode\twith tabs\n",
        encoding="utf-8",
    )
    [result] = run(source, into=tmp_path / "content").results
    document = frontmatter.parse(result.target.read_text(), result.target)
    meta = document.meta
    assert meta["title"] == "From Hugo"
    assert meta["date"] == dt.date(2026, 5, 5) and meta["updated"] == dt.date(2026, 6, 1)
    assert meta["author"] == "Ann Lee, Bo Park"
    assert meta["summary"] == "A short summary"
    assert meta["url"] == "https://example.org/post"
    assert meta["source"] == "Example News"
    assert meta["draft"] is True
    assert meta["tags"] == ["Cloud", "gpu", "rent"]
    assert meta["aliases"] == ["/old/post/"]
    assert meta["extra"] == {"series": "Compute"}
    assert document.body.lstrip("\n") == "Some *Markdown* body.\n\n\tcode\twith tabs\n"


def test_markdown_without_front_matter_keeps_its_body_exactly(tmp_path: Path) -> None:
    source = tmp_path / "2019-03-04-notes-from-a-trip.md"
    body = "Some text.\n## NOT A TITLE\n\n\tindented\tcode\n\nLast line  \nwith a hard break.\n"
    source.write_text(body, encoding="utf-8")
    record = markdown.read(body, source)
    assert record.body == body.strip("\n")
    assert record.title == "Notes From A Trip"
    assert record.date == dt.date(2019, 3, 4)


def test_markdown_toml_front_matter_and_derived_summary(tmp_path: Path) -> None:
    record = markdown.read('+++\ntitle = "Toml Post"\n+++\nFirst line here. Second.\n',
                           tmp_path / "x.md")
    assert (record.title, record.summary, record.body) == (
        "Toml Post", "First line here. Second.", "First line here. Second."
    )


def test_summaries_lose_inline_tags_without_a_stray_space(tmp_path: Path) -> None:
    record = markdown.read("---\ntitle: T\ndescription: A <em>bold</em>. Move &hellip;\n---\n\nx\n",
                           tmp_path / "t.md")
    assert record.summary == "A bold. Move"
