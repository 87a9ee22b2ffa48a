"""Guarantee 14: a symlink in content/ that leads outside the site (to a file or a folder)
is not followed: it is named in a warning and nothing it points at is ever published."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, MakeSite

SECRET = "---\ntitle: Private notes\n---\n\nSECRETMARKER in the neocloud.\n"


def build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "build.py"), "build"], cwd=root,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def leaked(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in sorted(folder.rglob("*"))
            if p.is_file() and b"SECRETMARKER" in p.read_bytes()]


def test_symlinks_leading_out_of_the_site_are_skipped_with_a_warning(
        make_site: MakeSite, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text(SECRET, encoding="utf-8")
    (outside / "folder" / "more.md").write_text(SECRET, encoding="utf-8")
    root = make_site(files={"content/public.md": "---\ntitle: Public\n---\n\nHello.\n"})
    (root / "content/secret.md").symlink_to(outside / "secret.md")
    (root / "content/folder").symlink_to(outside / "folder", target_is_directory=True)
    (root / "content/nested").mkdir()
    (root / "content/nested/deep.md").symlink_to("../../../outside/secret.md")
    result = build(root)
    assert result.returncode == 0, result.stderr
    for name in ("content/secret.md", "content/folder", "content/nested/deep.md"):
        assert any(name in line and line.startswith("warning: ")
                   for line in result.stderr.splitlines()), (name, result.stderr)
    assert "outside the site" in result.stderr
    assert (root / "_site/articles/public/index.html").is_file()
    assert leaked(root / "_site") == []


def test_a_symlink_to_a_file_inside_the_site_is_read(make_site: MakeSite) -> None:
    root = make_site(files={"shared/notes.md": "---\ntitle: Shared\nslug: shared\n---\n\nHi.\n"})
    (root / "content/notes.md").symlink_to("../shared/notes.md")
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    assert (root / "_site/articles/shared/index.html").is_file()


def test_a_dangling_symlink_is_named_in_a_warning(make_site: MakeSite) -> None:
    root = make_site(files={"content/public.md": "---\ntitle: Public\n---\n\nHello.\n"})
    (root / "content/gone.md").symlink_to("missing.md")
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "warning: content/gone.md: symlink leads to nothing" in result.stderr
