"""Guarantee 16: after an article is deleted or renamed, the next build (cache and all)
leaves no page of it behind, and no page links to it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, MakeSite, broken_links, snapshot

ARTICLE = "---\ntitle: {title}\ndate: 2026-03-0{day}\n---\n\nThe neocloud rents GPU capacity.\n"


def build(root: Path) -> subprocess.CompletedProcess[str]:
    """`build.py build` in `root`, as a user runs it (the cache on, as by default)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "build.py"), "build"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=60)


def test_deleted_and_renamed_articles_leave_no_page(make_site: MakeSite) -> None:
    root = make_site(files={
        "content/keep.md": ARTICLE.format(title="Kept", day=1),
        "content/gone.md": ARTICLE.format(title="Deleted later", day=2),
        "content/old-name.md": ARTICLE.format(title="Renamed later", day=3),
    })
    assert build(root).returncode == 0
    assert (root / "_site/articles/gone/index.html").is_file()
    assert (root / "_site/articles/old-name/index.html").is_file()

    (root / "content/gone.md").unlink()
    (root / "content/old-name.md").rename(root / "content/new-name.md")
    result = build(root)

    assert result.returncode == 0, result.stderr
    site = snapshot(root / "_site")
    assert "articles/new-name/index.html" in site
    assert not [name for name in site if "/gone/" in name or "/old-name/" in name]
    for name, data in site.items():
        assert b"Deleted later" not in data, name
        assert b"/articles/gone/" not in data and b"/articles/old-name/" not in data, name
    assert broken_links(root / "_site") == []
