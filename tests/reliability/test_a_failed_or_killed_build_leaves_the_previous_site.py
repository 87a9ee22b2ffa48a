"""Guarantee 15 (builds): a template error, an exception mid-build, or a `kill -9` of the
build leaves the previous `_site/` intact and complete; the next build removes every
temporary folder (and cache file) an earlier one left, and nothing else; no half-written
file is published."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readsite.config import load_config
from readsite.errors import ReadsiteError
from readsite.outputdir import MARKER
from readsite.pipeline import build_site
from tests.conftest import REPO, MakeSite, snapshot

ARTICLE = "---\ntitle: Article {n}\ndate: 2026-01-01\n---\n\n{words}\n"
WORDS = "Some words about the neocloud that rents out GPU compute capacity. " * 40


def build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`build.py build` in `root`, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "build.py"), "build", *args], cwd=root,
                          env=env, capture_output=True, text=True, timeout=120)


def leftovers(root: Path) -> list[str]:
    """Temporary build folders beside `_site`."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith(("._site.tmp-",
                                                                        "._site.old-")))


def dead_pid() -> int:
    """The id of a process that has ended (what a killed build's folder names)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def built(make_site: MakeSite) -> tuple[Path, dict[str, bytes]]:
    """A site with a good build in `_site/`, and that build's files."""
    root = make_site(files={f"content/a{n}.md": ARTICLE.format(n=n, words=WORDS)
                            for n in range(3)})
    assert build(root).returncode == 0
    return root, snapshot(root / "_site")


def test_a_template_error_leaves_the_previous_site(built: tuple[Path, dict[str, bytes]]) -> None:
    root, before = built
    (root / "templates").mkdir()
    (root / "templates/article.html").write_text("{% extends '!theme/article.html' %}"
                                                 "{% block content %}{{ no_such_thing.x }}"
                                                 "{% endblock %}", encoding="utf-8")
    result = build(root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "article.html" in result.stderr, result.stderr
    assert snapshot(root / "_site") == before
    assert leftovers(root) == []


def test_an_exception_mid_build_leaves_the_previous_site(
        built: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch) -> None:
    root, before = built
    (root / "static").mkdir()
    for n in range(5):
        (root / f"static/f{n}.txt").write_text(f"file {n}\n", encoding="utf-8")
    copied: list[str] = []
    real = __import__("shutil").copyfile

    def failing_copy(source: str | Path, target: str | Path) -> object:
        """Copy two files, then fail as a vanished or unreadable file would."""
        if len(copied) == 2:
            raise FileNotFoundError(2, "No such file or directory", str(source))
        copied.append(str(target))
        return real(source, target)

    monkeypatch.setattr("readsite.pipeline.shutil.copyfile", failing_copy)
    with pytest.raises(ReadsiteError, match="cannot copy this file: No such file"):
        build_site(load_config(root), use_cache=False)
    assert copied, "the build was stopped mid-way"
    assert snapshot(root / "_site") == before
    assert leftovers(root) == []


@pytest.mark.timeout(300)  # three builds of 1,500 articles: slow on a busy host
def test_a_killed_build_leaves_the_previous_site_and_the_next_cleans_up(
        make_site: MakeSite) -> None:
    root = make_site(files={f"content/a{n}.md": ARTICLE.format(n=n, words=WORDS)
                            for n in range(1500)})
    assert build(root, "--jobs", "1").returncode == 0
    before = snapshot(root / "_site")
    (root / "content/a0.md").write_text(ARTICLE.format(n="zero", words=WORDS), encoding="utf-8")

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "build", "--jobs", "1"],
                               cwd=root, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        staged = [p for p in root.glob("._site.tmp-*/articles") if p.is_dir()]
        if staged and sum(1 for _ in staged[0].iterdir()) >= 50:
            break
        time.sleep(0.01)
    assert process.poll() is None, "the build ended before it could be killed mid-way"
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert leftovers(root), "the killed build left its half-written folder"
    assert snapshot(root / "_site") == before, "the previous site is intact and complete"

    result = build(root, "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert leftovers(root) == []
    assert "Article zero" in (root / "_site/articles/a0/index.html").read_text(encoding="utf-8")


def test_the_next_build_removes_only_its_own_leftovers(built: tuple[Path, dict[str, bytes]]
                                                       ) -> None:
    root, _ = built
    gone = dead_pid()
    ours = [root / f"._site.tmp-{gone}-k1ll3d_", root / f"._site.old-{gone}-abc123",
            root / f"._site.tmp-{gone}-empty0"]
    for folder in ours[:2]:
        (folder / "site/articles/x").mkdir(parents=True)
        (folder / MARKER).write_bytes(b"")
        (folder / "site/articles/x/index.html").write_text("<p>half", encoding="utf-8")
    ours[2].mkdir()
    theirs = {
        f"._site.tmp-{gone}-nomark": "a folder without readsite's marker",
        f"._site.tmp-{os.getpid()}-running": "the folder of a build that still runs",
        "._site.tmp-notes": "a human's folder with a look-alike name",
        "._site.old-backup": "a human's backup",
    }
    for name, text in theirs.items():
        (root / name).mkdir()
        (root / name / "keep.txt").write_text(text, encoding="utf-8")
    (root / f"._site.tmp-{os.getpid()}-running" / MARKER).write_bytes(b"")
    (root / f"._site.tmp-{gone}-afile").write_text("a file, not a folder", encoding="utf-8")
    cache = root / ".readsite-cache"
    (cache / f".build-{gone}-k1ll3d").write_text('{"format": ', encoding="utf-8")
    (cache / ".build-notes").write_text("a human's file", encoding="utf-8")
    (root / "content/a0.md").write_text(ARTICLE.format(n="new", words="x"), encoding="utf-8")

    assert build(root).returncode == 0

    for folder in ours:
        assert not folder.exists(), folder
    for name, text in theirs.items():
        assert (root / name / "keep.txt").read_text(encoding="utf-8") == text
    assert (root / f"._site.tmp-{gone}-afile").is_file()
    assert not (cache / f".build-{gone}-k1ll3d").exists()
    assert (cache / ".build-notes").is_file()
