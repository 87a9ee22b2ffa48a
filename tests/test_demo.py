"""The bundled demo site: its content is what `readsite import` makes of the seeds, and it
builds to a complete site with no broken internal link."""

from __future__ import annotations

import filecmp
import re
import subprocess
import sys
from pathlib import Path

from readsite.config import load_config
from readsite.content import load_articles
from readsite.crosslinks import build_collection
from readsite.frontmatter import parse
from readsite.importers import import_paths
from tests.conftest import REPO, SEEDS, broken_links

SHARED_SEEDS = REPO.parent / "shared" / "seeds"


def test_seed_fixtures_are_the_shared_seeds() -> None:
    if not SHARED_SEEDS.is_dir():
        return  # a clone without ../shared: the committed copies are all there is
    names = sorted(p.name for p in SHARED_SEEDS.iterdir())
    assert names == sorted(p.name for p in SEEDS.iterdir())
    _match, mismatch, errors = filecmp.cmpfiles(SHARED_SEEDS, SEEDS, names, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_content_is_the_import_of_the_seeds(tmp_path: Path) -> None:
    config = load_config(REPO)
    results = import_paths(sorted(SEEDS.iterdir()), tmp_path).results
    assert [r.action for r in results] == ["created"] * 5
    fresh = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.md")}
    committed = {p.name: p.read_text(encoding="utf-8") for p in config.content_dir.glob("*.md")}
    assert sorted(fresh) == sorted(committed)
    for name, text in committed.items():
        if text == fresh[name]:
            continue
        # Only hand edits in front matter are allowed; the body is exactly the import's.
        mine, theirs = parse(text, Path(name)), parse(fresh[name], Path(name))
        assert mine.body == theirs.body, name
        assert mine.meta["import_hash"] == theirs.meta["import_hash"], name


def test_reimporting_the_seeds_changes_nothing() -> None:
    config = load_config(REPO)
    report = import_paths(sorted(SEEDS.iterdir()), config.content_dir, dry_run=True)
    assert {r.action for r in report.results} == {"unchanged"}
    assert not report.refused and not report.notes


def test_seed_topics_are_classified_at_build_time() -> None:
    config = load_config(REPO)
    collection = build_collection(config, load_articles(config))
    assert len(collection.articles) == 5
    for article in collection.articles:
        seed = parse((REPO / article.path).read_text(), article.path).meta["imported_from"]
        assert article.topics_set is None, "import leaves topics to the build"
        chosen = {t.slug for t in collection.article_topics[article.slug]}
        assert {"neocloud", "colossus"} <= chosen, seed
        assert ("ipo" in chosen) == seed.startswith(("000", "001", "003")), (seed, chosen)


def test_build_py_builds_the_demo(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "build.py", "build", "--output", str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "5 article" in result.stdout and "3 topic," in result.stdout
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert len([p for p in pages if p.startswith("articles/")]) == 5
    assert len([p for p in pages if re.fullmatch(r"topics/[^/]+/index.html", p)]) == 3
    assert {"index.html", "archive/index.html", "404.html"} <= set(pages)
    assert broken_links(out) == []
