"""Guarantee 13: titles and slugs like `../../x`, `..`, `CON`, emoji only, right-to-left
text or 300 characters become safe, unique, readable URLs, and an import writes nothing
outside the content folder (checked by resolved paths)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, MakeSite

HOSTILE = ["../../x", "..", ".", "CON", "nul", "LPT1", "Aux", "😀🎉", "😀", "مرحبا بالعالم",
           "שלום עולם", "a" * 300, "word " * 60, "/etc/passwd", "x\\..\\..\\y", "   ", "~",
           "C:\\Windows\\system32", "%2e%2e%2fx", "\u202eevil\u202c", "../../../evil",
           "/tmp/evil", "a/b/c", "nul.md", "con"]
"""Each is an article's title (its file has a plain name) and another's `slug:`."""
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
                    *(f"lpt{n}" for n in range(10))}


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`build.py ARGS` in `cwd`, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def files_below(folder: Path) -> set[Path]:
    """Every file (and symlink) below `folder`."""
    return {p for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


def test_hostile_titles_and_slugs_become_safe_unique_urls(
        make_site: MakeSite, tmp_path: Path) -> None:
    root = make_site()
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n, text in enumerate(HOSTILE):
        quoted = json.dumps(text, ensure_ascii=False)
        (inputs / f"t{n}.md").write_text(f"---\ntitle: {quoted}\n---\n\nBody {n}.\n",
                                         encoding="utf-8")
        (inputs / f"s{n}.md").write_text(f"---\ntitle: Slug {n}\nslug: {quoted}\n---\n\n"
                                         f"Body of slug {n}.\n", encoding="utf-8")
    before = files_below(tmp_path)

    result = run(["import", str(inputs)], cwd=root)

    assert result.returncode == 0, result.stderr
    written = files_below(tmp_path) - before
    content = (root / "content").resolve()
    assert written and all(p.resolve().parent == content for p in written), sorted(written)
    assert len(written) == 2 * len(HOSTILE), "one file per input, none overwritten"
    stems = [p.stem for p in written]
    assert len(set(stems)) == len(stems)
    for stem in stems:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", stem), stem
        assert len(stem) <= 90, stem
        assert stem not in WINDOWS_RESERVED and stem.split("-")[0] != "", stem
    assert "x" in stems, "`../../x` keeps its word"
    assert "evil" in stems and "etc-passwd" in stems and "x-y" in stems
    assert any(s.startswith("aaaa") for s in stems), "a long title keeps a readable prefix"

    built = run(["build"], cwd=root)
    assert built.returncode == 0, built.stderr
    pages = {p.parent.name for p in (root / "_site/articles").glob("*/index.html")}
    assert pages == set(stems)
    site = (root / "_site").resolve()
    assert all(p.resolve().is_relative_to(site) for p in files_below(root / "_site"))
    assert not (tmp_path / "evil").exists() and not Path("/tmp/evil").exists()


def test_import_copies_no_file_from_outside_what_it_was_given(
        make_site: MakeSite, tmp_path: Path) -> None:
    root = make_site()
    private = tmp_path / "private"
    private.mkdir()
    (private / "key.png").write_bytes(b"PRIVATE KEY")
    blog = tmp_path / "blog"
    (blog / "_posts").mkdir(parents=True)
    (blog / "_posts/photo.png").write_bytes(b"\x89PNG fine")
    (blog / "_posts/link.png").symlink_to(private / "key.png")
    (blog / "_posts/2024-01-01-post.md").write_text(
        "---\ntitle: Post\n---\n\n![ok](photo.png) ![a](../../private/key.png) "
        "![b](link.png) ![c](" + "../" * 12 + "etc/hostname) ![d](/etc/hostname)\n",
        encoding="utf-8")
    before = files_below(tmp_path)

    result = run(["import", str(blog)], cwd=root)

    assert result.returncode == 0, result.stderr
    written = {p.relative_to(root).as_posix(): p.read_bytes()
               for p in files_below(tmp_path) - before}
    assert set(written) == {"content/post.md", "static/_posts/photo.png"}, sorted(written)
    assert "![ok](/static/_posts/photo.png)" in written["content/post.md"].decode()
    assert "../../private/key.png" in result.stderr and "link.png" in result.stderr
