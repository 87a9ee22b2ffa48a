"""`import_paths`: idempotent re-imports, never losing human edits, all-or-nothing runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readsite import frontmatter
from readsite.config import TopicConfig
from readsite.errors import ImportRefused
from readsite.importers import body_hash, import_paths, markdown, reader_for

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
TOPICS = (
    TopicConfig(slug="neocloud", name="Neocloud", keywords=("neocloud",)),
    TopicConfig(slug="ipo", name="IPO", keywords=("IPO", "initial public offering")),
    TopicConfig(slug="space", name="Space", keywords=("rocket", "orbit")),
)
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


def test_import_writes_front_matter_in_order(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    [result] = import_paths([article], into, TOPICS)
    assert result.action == "created"
    assert result.target == into / "a-plain-headline-for-tests.md"
    document = frontmatter.parse(result.target.read_text(encoding="utf-8"), result.target)
    assert list(document.meta) == [
        "title", "slug", "summary", "topics", "imported_from", "import_hash", "body_hash",
    ]
    assert document.meta["topics"] == ["neocloud"]  # one IPO hit is below min_score
    assert document.meta["imported_from"] == "story.txt"
    assert document.meta["body_hash"] == body_hash(document.body)
    assert "null" not in result.target.read_text() and "''" not in result.target.read_text()


def test_reimport_is_byte_identical_and_unchanged(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    import_paths([article], into, TOPICS)
    before = snapshot(into)
    [again] = import_paths([article], into, TOPICS)
    assert again.action == "unchanged" and again.kept == ()
    assert snapshot(into) == before


def test_all_seeds_import_and_reimport_unchanged(tmp_path: Path) -> None:
    into = tmp_path / "content"
    results = import_paths([SEEDS], into, TOPICS)
    assert [r.action for r in results] == ["created"] * 5
    assert {r.action for r in import_paths([SEEDS], into, TOPICS)} == {"unchanged"}
    seed_000 = frontmatter.parse(results[0].target.read_text(), results[0].target).meta
    assert (seed_000["source"], seed_000["author"]) == ("TechCrunch", "Kristine Vior")
    assert "url" not in seed_000 and "date" not in seed_000


def test_edited_body_is_refused_and_nothing_written(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    [result] = import_paths([article], into, TOPICS)
    result.target.write_text(result.target.read_text() + "\nMy own note.\n", encoding="utf-8")
    article.write_text(ARTICLE + "\nA new paragraph from the source.\n", encoding="utf-8")
    before = snapshot(into)
    with pytest.raises(ImportRefused) as caught:
        import_paths([article], into, TOPICS)
    message = str(caught.value)
    assert str(result.target) in message
    assert "edited by hand" in message and "--force" in message
    assert snapshot(into) == before


def test_force_overwrites_edited_body(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    [result] = import_paths([article], into, TOPICS)
    fresh = result.target.read_bytes()
    result.target.write_text(result.target.read_text() + "\nMy own note.\n", encoding="utf-8")
    [forced] = import_paths([article], into, TOPICS, force=True)
    assert forced.action == "updated"
    assert result.target.read_bytes() == fresh


def test_title_edit_is_kept_reported_and_file_still_found(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    [result] = import_paths([article], into, TOPICS)
    edit(result.target, title="My Better Title", topics=["space"], note="hand-added")
    edited = result.target.read_bytes()
    [again] = import_paths([article], into, TOPICS)
    assert again.target == result.target
    assert again.kept == ("title", "topics", "note")
    assert again.action == "unchanged"
    assert result.target.read_bytes() == edited
    article.write_text(ARTICLE + "\nA new closing paragraph.\n", encoding="utf-8")
    [updated] = import_paths([article], into, TOPICS)
    assert updated.action == "updated" and updated.kept == ("title", "topics", "note")
    document = frontmatter.parse(result.target.read_text(), result.target)
    assert document.meta["title"] == "My Better Title"
    assert document.meta["topics"] == ["space"]
    assert document.meta["note"] == "hand-added"
    assert "A new closing paragraph." in document.body
    assert document.meta["body_hash"] == body_hash(document.body)


def test_dry_run_writes_nothing(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    [result] = import_paths([article], into, TOPICS, dry_run=True)
    assert result.action == "created"
    assert not into.exists()
    import_paths([article], into, TOPICS)
    article.write_text(ARTICLE + "\nMore.\n", encoding="utf-8")
    before = snapshot(into)
    [would] = import_paths([article], into, TOPICS, dry_run=True)
    assert would.action == "updated"
    assert snapshot(into) == before


def test_same_slug_in_one_run_refuses_both(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE.replace("second paragraph", "other paragraph"), encoding="utf-8")
    with pytest.raises(ImportRefused) as caught:
        import_paths([first, second], tmp_path / "content", TOPICS)
    assert len(caught.value.problems) == 2
    assert str(first) in str(caught.value) and str(second) in str(caught.value)
    assert not (tmp_path / "content").exists()


def test_hand_written_article_is_not_overwritten(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    into.mkdir()
    target = into / "a-plain-headline-for-tests.md"
    target.write_text("---\ntitle: Mine\n---\n\nWritten by hand.\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="written by hand"):
        import_paths([article], into, TOPICS)
    assert target.read_text() == "---\ntitle: Mine\n---\n\nWritten by hand.\n"
    import_paths([article], into, TOPICS, force=True)
    assert "imported_from: story.txt" in target.read_text()


def test_one_refusal_stops_the_whole_run(article: Path, tmp_path: Path) -> None:
    into = tmp_path / "content"
    bad = tmp_path / "in" / "bad.txt"
    bad.write_bytes(b"Caf\xe9 headline\n\nlatin-1 text.\n")
    with pytest.raises(ImportRefused) as caught:
        import_paths([article, bad], into, TOPICS)
    assert str(bad) in str(caught.value) and "UTF-8" in str(caught.value)
    assert not into.exists()


def test_unsupported_suffix_is_refused(tmp_path: Path) -> None:
    odd = tmp_path / "story.docx"
    odd.write_text("x", encoding="utf-8")
    with pytest.raises(ImportRefused) as caught:
        import_paths([odd], tmp_path / "content", TOPICS)
    assert str(odd) in str(caught.value) and ".md" in str(caught.value)
    with pytest.raises(ImportRefused):
        reader_for(Path("x.html"))


def test_missing_and_empty_inputs_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as caught:
        import_paths([empty, tmp_path / "nope.txt"], tmp_path / "content", TOPICS)
    assert len(caught.value.problems) == 2


def test_directory_walk_is_sorted_and_skips_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text("Second Headline Here\n\nBody b.\n", encoding="utf-8")
    (folder / "a.md").write_text("# First Headline Here\n\nBody a.\n", encoding="utf-8")
    (folder / "notes.docx").write_text("ignored", encoding="utf-8")
    (folder / ".hidden.txt").write_text("Hidden Headline\n\nx.\n", encoding="utf-8")
    results = import_paths([folder], tmp_path / "content", TOPICS)
    assert [r.source.name for r in results] == ["a.md", "b.txt"]


def test_markdown_front_matter_is_mapped(tmp_path: Path) -> None:
    source = tmp_path / "post.md"
    source.write_text(
        "---\ntitle: From Hugo\ndate: 2026-05-05T10:00:00Z\nauthors: [Ann Lee, Bo Park]\n"
        "description: A short summary.\ncanonical_url: https://example.org/post\n"
        "source: Example News\ndraft: false\n---\n\n# From Hugo\n\nSome *Markdown* body.\n\n"
        "- a list\n",
        encoding="utf-8",
    )
    [result] = import_paths([source], tmp_path / "content", TOPICS)
    document = frontmatter.parse(result.target.read_text(), result.target)
    assert document.meta["title"] == "From Hugo"
    assert document.meta["date"] == dt.date(2026, 5, 5)
    assert document.meta["author"] == "Ann Lee, Bo Park"
    assert document.meta["summary"] == "A short summary."
    assert document.meta["url"] == "https://example.org/post"
    assert document.meta["source"] == "Example News"
    assert document.body.strip() == "Some *Markdown* body.\n\n- a list"


def test_markdown_toml_front_matter_and_derived_summary() -> None:
    article = markdown.read('+++\ntitle = "Toml Post"\n+++\nFirst line here. Second.\n')
    assert (article.title, article.summary, article.body) == (
        "Toml Post", "First line here. Second.", "First line here. Second."
    )


def test_broken_markdown_front_matter_is_refused_with_path(tmp_path: Path) -> None:
    source = tmp_path / "broken.md"
    source.write_text("---\ntitle: [unclosed\n---\n\nBody.\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as caught:
        import_paths([source], tmp_path / "content", TOPICS)
    assert str(source) in str(caught.value)
