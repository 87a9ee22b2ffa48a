"""Loading and rendering across processes give exactly what one process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.config import load_config
from readsite.content import load_articles
from readsite.crosslinks import build_collection
from readsite.errors import ContentError, TemplateError
from readsite.pipeline import build_site
from tests.conftest import MakeSite, snapshot

TOPIC_WORDS = ["neocloud", "GPU", "IPO", "investors", "compute capacity", "rain"]


def many_articles(count: int) -> dict[str, str]:
    files = {}
    for i in range(count):
        words = " ".join(TOPIC_WORDS[(i + k) % len(TOPIC_WORDS)] for k in range(4))
        files[f"content/a-{i:03d}.md"] = (
            f"---\ntitle: Article {i}\ndate: 2025-0{1 + i % 9}-1{i % 9}\ntags: [t{i % 3}]\n"
            f"extra: {{n: {i}}}\n---\n\n## Part {i}\n\nAbout {words}. See [next](/articles/"
            f"a-{(i + 1) % count:03d}/).\n\n| a | b |\n|---|---|\n| {i} | x |\n")
    return files


def test_output_is_byte_identical_with_one_or_several_workers(make_site: MakeSite,
                                                               tmp_path: Path) -> None:
    config = load_config(make_site(many_articles(40)))
    one = build_site(config, tmp_path / "one", jobs=1)
    two = build_site(config, tmp_path / "two", jobs=2)
    three = build_site(config, tmp_path / "three", jobs=3)
    assert one.files == two.files == three.files
    assert snapshot(one.output) == snapshot(two.output) == snapshot(three.output)


def test_loading_in_workers_keeps_every_field(make_site: MakeSite) -> None:
    config = load_config(make_site(many_articles(20)))
    assert load_articles(config, jobs=1) == load_articles(config, jobs=2)


def test_errors_in_workers_are_reported_like_in_one_process(make_site: MakeSite) -> None:
    files = {**many_articles(12), "content/bad.md": "---\ntitle: [x\n---\n",
             "content/worse.md": "---\ntitle: Fine\ndate: 2024-13-45\n---\n"}
    config = load_config(make_site(files))
    messages = []
    for jobs in (1, 2):
        with pytest.raises(ContentError) as caught:
            load_articles(config, jobs=jobs)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert "content/bad.md:2:" in messages[0] and "content/worse.md:3:" in messages[0]


def test_a_template_error_in_a_worker_names_the_template(make_site: MakeSite,
                                                         tmp_path: Path) -> None:
    files = {**many_articles(12),
             "templates/article.html": '{% extends "!theme/article.html" %}'
                                       "{% block content %}{{ nope.missing }}{% endblock %}"}
    config = load_config(make_site(files))
    with pytest.raises(TemplateError, match=r"article\.html"):
        build_site(config, tmp_path / "out", jobs=2)
    assert not (tmp_path / "out").exists()


def test_a_warm_cache_gives_the_same_site_and_a_damaged_one_is_ignored(
        make_site: MakeSite, tmp_path: Path) -> None:
    from readsite.cache import CACHE_DIR

    root = make_site(many_articles(15))
    config = load_config(root)
    cold = build_site(config, tmp_path / "cold", jobs=1)
    cache_file = root / CACHE_DIR / "render.json"
    assert cache_file.is_file() and (root / CACHE_DIR / ".gitignore").read_text() == "*\n"
    warm = build_site(config, tmp_path / "warm", jobs=2)
    assert snapshot(cold.output) == snapshot(warm.output)
    data = cache_file.read_text(encoding="utf-8")
    poisoned = data.replace("About ", "<script>alert(1)</script>About ", 1)
    for damage in ("{not json", '{"format": 99, "entries": {}}', poisoned, poisoned.replace(
            '"entries":{', '"entries":{"x":[1,2,3],', 1), data[: len(data) // 2]):
        cache_file.write_text(damage, encoding="utf-8")
        again = build_site(config, tmp_path / "again", jobs=1)
        assert snapshot(again.output) == snapshot(cold.output), damage[:40]
    # An edited article is rendered afresh, not taken from the cache.
    article = root / "content/a-000.md"
    article.write_text(article.read_text().replace("## Part 0", "## Part zero"))
    edited = build_site(config, tmp_path / "edited", jobs=1)
    assert "Part zero" in (edited.output / "articles/a-000/index.html").read_text()


def test_a_different_renderer_never_reuses_old_entries(make_site: MakeSite) -> None:
    from readsite import cache

    assert cache.key("body", "/") != cache.key("body", "/repo/")
    assert cache.key("body", "/") == cache.key("body", "/")
    assert len(cache.renderer_id()) == 64


def test_a_build_with_nothing_changed_keeps_the_folder_and_says_so(make_site: MakeSite) -> None:
    root = make_site(many_articles(8))
    config = load_config(root)
    first = build_site(config)
    before = snapshot(first.output)
    again = build_site(config)
    assert again.up_to_date and again.summary().startswith("up to date:")
    assert again.files == first.files and snapshot(again.output) == before
    # Anything the build reads, or a change to the output folder, means a real build.
    for change in (
        lambda: (root / "content/a-001.md").write_text(
            (root / "content/a-001.md").read_text().replace("Article 1", "Article one")),
        lambda: (root / "templates").mkdir() or (root / "templates/base.html").write_text(
            '{% extends "!theme/base.html" %}{% block colophon %}<p>c</p>{% endblock %}'),
        lambda: (first.output / "archive/index.html").unlink(),
        lambda: (first.output / "index.html").write_text("tampered"),
    ):
        change()
        rebuilt = build_site(config)
        assert not rebuilt.up_to_date
        assert build_site(config).up_to_date
    assert "Article one" in (first.output / "articles/a-001/index.html").read_text()
    assert "tampered" not in (first.output / "index.html").read_text()
    assert not build_site(config, drafts=True).up_to_date, "other options, other site"


def test_relating_in_small_chunks_with_capped_postings_matches_one_process(
        make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Relating is a map-reduce: document frequencies, capped postings and display forms
    merged chunk by chunk across workers must give what one process gives, also when the
    caps bind and forms are first met in different chunks."""
    from readsite import pool
    from readsite.crosslinks import related as links

    files = many_articles(45)
    for i in range(0, 45, 4):  # "Colossus" mostly capitalised, in many chunks
        files[f"content/a-{i:03d}.md"] += "\nColossus grew. The Colossus site grew again.\n"
    for i in (1, 2, 3, 5):  # ... and now and then in lower case
        files[f"content/a-{i:03d}.md"] += "\nA colossus of a site, colossus, grew.\n"
    config = load_config(make_site(files))
    monkeypatch.setattr(links, "POSTING_CAP", 3)
    whole = build_site(config, tmp_path / "whole", jobs=1, use_cache=False)  # one chunk
    monkeypatch.setattr(pool, "CHUNK", 4)
    chunked = build_site(config, tmp_path / "chunked", jobs=3, use_cache=False)
    assert snapshot(whole.output) == snapshot(chunked.output)
    chunked_collection = build_collection(config, load_articles(config), jobs=3)
    terms = {t for r in chunked_collection.related["a-004"] for t in r.shared_terms}
    assert "Colossus" in terms and "colossus" not in terms


def test_cross_link_finds_are_cached_with_the_body(make_site: MakeSite, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Looking for quotes and figures costs as much as rendering, so a warm build takes
    them from the render cache with the body; entity mentions (site.yaml's) are looked for
    again, so a newly declared entity is found without a cold build."""
    from readsite.crosslinks import figures, quotes

    said = '---\ntitle: {t}\n---\n\nMaria Lopez said, "We stay out until the port listens."\n' \
           "The strike cost $4 million a day.\n"
    root = make_site({"content/a.md": said.format(t="A"), "content/b.md": said.format(t="B")})
    config = load_config(root)
    cold = build_site(config, tmp_path / "cold", jobs=1)

    def refuse(*args: object) -> None:
        raise AssertionError("looked through a cached body again")

    monkeypatch.setattr(quotes, "find_quotes", refuse)
    monkeypatch.setattr(figures, "find_figures", refuse)
    warm = build_site(config, tmp_path / "warm", jobs=1)
    assert snapshot(cold.output) == snapshot(warm.output)
    assert "We stay out until the port listens." in (warm.output / "quotes/index.html").read_text()
    (root / "site.yaml").write_text((root / "site.yaml").read_text()
                                    + "entities:\n  - {name: Maria Lopez, kind: person}\n")
    declared = build_site(load_config(root), tmp_path / "declared", jobs=1)
    entity = (declared.output / "entities/maria-lopez/index.html").read_text()
    assert "We stay out until the port listens." in entity
