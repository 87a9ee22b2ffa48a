"""Guarantee 17: an import never modifies its inputs (bytes and mtimes), never overwrites a
human's edit without --force, and `--into` an existing file is a clear error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, MakeSite

POST = ("---\ntitle: A Post About GPUs\ndate: 2024-05-06\ntags: [gpu]\n---\n\n"
        "The neocloud rents GPU capacity.\n\n![chart](chart.png)\n")
TEXT = ("A Plain Headline For Tests\n\nThe first paragraph talks about a neocloud and the IPO. "
        "It is long enough to be real.\n")


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`build.py ARGS` in `cwd`, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def state(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file below `folder`: bytes, mtime (ns) and mode."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns,
                                               p.stat().st_mode)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def inputs(tmp_path: Path) -> Path:
    """A small old blog: a post with an image, a text clipping, a page that is skipped."""
    folder = tmp_path / "old-blog"
    (folder / "_posts").mkdir(parents=True)
    (folder / "_posts/2024-05-06-gpus.md").write_text(POST, encoding="utf-8")
    (folder / "_posts/chart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "clipping.txt").write_text(TEXT, encoding="utf-8")
    (folder / "README.md").write_text("# my blog\n", encoding="utf-8")
    old = 1_600_000_000_000_000_000
    for path in folder.rglob("*"):
        os.utime(path, ns=(old, old))
    return folder


def test_import_never_modifies_its_inputs(make_site: MakeSite, tmp_path: Path) -> None:
    root = make_site()
    folder = inputs(tmp_path)
    before = state(folder)
    for args in (["--dry-run"], [], [], ["--force"], ["--force", "--overwrite-meta"]):
        result = run(["import", str(folder), *args], cwd=root)
        assert result.returncode == 0, result.stderr
        assert state(folder) == before, f"import {args} changed an input"
    assert len(list((root / "content").glob("*.md"))) == 2


def test_an_input_inside_the_content_folder_is_never_overwritten_even_with_force(
        make_site: MakeSite) -> None:
    root = make_site(files={"content/clipping.md": "---\ntitle: Mine\nimported_from: "
                            "clipping.md\nbody_hash: 0\n---\n\nMy own words.\n"})
    own = root / "content/clipping.md"  # it names itself as where it came from
    before = state(root / "content")
    result = run(["import", str(own), "--force"], cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{own}: this is one of the inputs" in result.stderr, result.stderr
    assert state(root / "content")["clipping.md"] == before["clipping.md"]


def test_a_human_edit_is_kept_unless_forced(make_site: MakeSite, tmp_path: Path) -> None:
    root = make_site()
    folder = inputs(tmp_path)
    assert run(["import", str(folder)], cwd=root).returncode == 0
    article = next((root / "content").glob("*gpus*.md"))
    head, body = article.read_text(encoding="utf-8").split("\n---\n", 1)
    edited = head + "\n---\n" + body.replace("rents GPU capacity", "rents GPU capacity, I checked")
    article.write_text(edited, encoding="utf-8")

    result = run(["import", str(folder)], cwd=root)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert article.name in result.stderr and "--force" in result.stderr, result.stderr
    assert article.read_text(encoding="utf-8") == edited
    assert run(["import", str(folder), "--force"], cwd=root).returncode == 0
    assert "I checked" not in article.read_text(encoding="utf-8")


def test_into_an_existing_file_is_a_clear_error(make_site: MakeSite, tmp_path: Path) -> None:
    root = make_site()
    folder = inputs(tmp_path)
    not_a_folder = root / "notes.txt"
    not_a_folder.write_text("mine\n", encoding="utf-8")
    for into in (not_a_folder, folder / "clipping.txt"):
        before = into.read_bytes()
        result = run(["import", str(folder), "--into", str(into)], cwd=root)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr, result.stderr
        assert f"{into}: " in result.stderr and "not a folder" in result.stderr, result.stderr
        assert "hint:" in result.stderr
        assert into.read_bytes() == before
    assert list((root / "content").iterdir()) == []
