"""Guarantee 15 (import): a `kill -9` of an import leaves no half-written article (each is
written to a temporary file and renamed), and the next import removes the temporary files a
killed one left (`.NAME.md.tmp-PID-*`), and nothing that is not its own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO, MakeSite

POST = "---\ntitle: Post {n}\ndate: 2024-01-0{day}\n---\n\n{words}\n"
WORDS = "Some words about the neocloud that rents out GPU compute capacity. " * 40


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`build.py ARGS` in `cwd`, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def posts(folder: Path, count: int) -> Path:
    """`count` Markdown posts in `folder`."""
    folder.mkdir()
    for n in range(count):
        (folder / f"p{n}.md").write_text(POST.format(n=n, day=1 + n % 9, words=WORDS),
                                         encoding="utf-8")
    return folder


def dead_pid() -> int:
    """The id of a process that has ended (what a killed import's files name)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_killed_import_leaves_only_whole_articles(make_site: MakeSite, tmp_path: Path) -> None:
    inputs = posts(tmp_path / "in", 1500)
    clean = make_site(name="clean")
    assert run(["import", str(inputs)], cwd=clean).returncode == 0
    expected = {p.name: p.read_bytes() for p in (clean / "content").iterdir()}

    root = make_site()
    content = root / "content"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "import", str(inputs)],
                               cwd=root, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if sum(1 for _ in content.glob("*.md")) >= 20:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the import ended before it could be killed mid-way"
    process.send_signal(signal.SIGKILL)
    process.wait()

    written = {p.name: p.read_bytes() for p in content.glob("*.md")}
    assert 20 <= len(written) < len(expected)
    for name, data in written.items():
        assert data == expected[name], f"{name} is half-written"

    result = run(["import", str(inputs)], cwd=root)
    assert result.returncode == 0, result.stderr
    assert {p.name: p.read_bytes() for p in content.iterdir()} == expected


def test_the_next_import_removes_only_its_own_leftovers(
        make_site: MakeSite, tmp_path: Path) -> None:
    inputs = posts(tmp_path / "in", 2)
    root = make_site()
    content = root / "content"
    gone = dead_pid()
    ours = [content / f".p1.md.tmp-{gone}-a1b2c3d4", content / f".p9.md.tmp-{gone}-x_y"]
    for path in ours:
        path.write_text("---\ntitle: Po", encoding="utf-8")
    outside = tmp_path / "precious.txt"
    outside.write_text("keep\n", encoding="utf-8")
    theirs = {
        f".p1.md.tmp-{os.getpid()}-running": "an import that still runs",
        ".notes.md.tmp-mine": "a human's file with a look-alike name",
        f"p1.md.tmp-{gone}-nodot": "not a name readsite makes",
    }
    for name, text in theirs.items():
        (content / name).write_text(text, encoding="utf-8")
    (content / f".link.md.tmp-{gone}-abc").symlink_to(outside)

    dry = run(["import", str(inputs), "--dry-run"], cwd=root)
    assert dry.returncode == 0, dry.stderr
    assert all(path.exists() for path in ours), "a dry run writes (and removes) nothing"

    result = run(["import", str(inputs)], cwd=root)

    assert result.returncode == 0, result.stderr
    assert not [path for path in ours if path.exists()]
    for name, text in theirs.items():
        assert (content / name).read_text(encoding="utf-8") == text
    assert (content / f".link.md.tmp-{gone}-abc").is_symlink()
    assert outside.read_text(encoding="utf-8") == "keep\n"
    assert sorted(p.name for p in content.glob("*.md")) == ["p0.md", "p1.md"]
