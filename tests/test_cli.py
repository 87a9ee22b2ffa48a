"""The command line as a user runs it: build.py, exit codes, check, new, serve."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from readsite.cli import main
from tests.conftest import DEFAULT_SITE_YAML, REPO, MakeSite

ARTICLE = "---\ntitle: About GPUs\n---\n\nA neocloud rents GPU compute capacity. The IPO.\n"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_bare_build_py_builds_in_current_folder(make_site: MakeSite) -> None:
    root = make_site(files={"content/a.md": ARTICLE})
    result = run([], cwd=root)
    assert result.returncode == 0, result.stderr
    assert re.match(r"built \d+ files \(.*1 article.*\) into .*_site in [\d.]+s", result.stdout)
    assert (root / "_site/articles/a/index.html").is_file()


def test_build_py_error_exit_code_and_stderr(make_site: MakeSite) -> None:
    root = make_site(files={"content/a.md": "---\ntitle: A\ntopics: [nope]\n---\nx"})
    result = run(["build"], cwd=root)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "content/a.md:3: unknown topic `nope`" in result.stderr


def test_usage_error_exit_2(make_site: MakeSite) -> None:
    assert run(["frobnicate"], cwd=make_site()).returncode == 2


def test_check_writes_nothing(make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files={"content/a.md": ARTICLE})
    assert main(["--site", str(root), "check"]) == 0
    assert "ok: 1 articles" in capsys.readouterr().out
    assert not (root / "_site").exists()


def test_check_explain(make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(files={"content/a.md": ARTICLE})
    assert main(["--site", str(root), "check", "--explain", "a"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "About GPUs  (content/a.md)"
    assert re.match(r"  ✓ neocloud +score +6 \(needs 2\): GPU ×2, compute capacity ×1, "
                    r"neocloud ×1", out[1]), out[1]
    assert re.match(r"    ipo +score +1 \(needs 2\): IPO ×1", out[2]), out[2]
    assert out[3] == "  topics: neocloud (classified)"


def test_check_explain_manual_and_unknown(
    make_site: MakeSite, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(files={"content/a.md": ARTICLE.replace("---\n\n", "topics: [ipo]\n---\n\n")})
    assert main(["--site", str(root), "check", "--explain", "a"]) == 0
    assert ("topics: ipo (from front matter `topics:`, which wins over classification; "
            "classification alone would give: neocloud)") in capsys.readouterr().out
    assert main(["--site", str(root), "check", "--explain", "zzz"]) == 1
    assert "no article with slug `zzz`" in capsys.readouterr().err


def test_check_explain_shows_a_tag_match(
    make_site: MakeSite, capsys: pytest.CaptureFixture[str]
) -> None:
    ipo = "keywords: [IPO, initial public offering]"
    yaml = DEFAULT_SITE_YAML.replace(ipo, ipo + "\n    tags: [listing]")
    tagged = ARTICLE.replace("---\n\n", "tags: [Listing]\n---\n\n")
    root = make_site(files={"content/a.md": tagged}, site_yaml=yaml)
    assert main(["--site", str(root), "check", "--explain", "a"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"  ✓ ipo +score +\d+ \(needs 2\): .*tag: listing", out), out
    assert "topics: neocloud, ipo (classified)" in out


def test_new_article(make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site()
    assert main(["--site", str(root), "new", "Hello, World!"]) == 0
    text = (root / "content/hello-world.md").read_text()
    assert text.startswith("---\ntitle: Hello, World!\ndate: ")
    assert "topics" not in text, "new articles are classified at build time"
    assert main(["--site", str(root), "new", "Hello World"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["--site", str(root)]) == 0


def test_new_article_never_takes_a_name_windows_reserves(make_site: MakeSite) -> None:
    root = make_site()
    assert main(["--site", str(root), "new", "CON"]) == 0
    assert (root / "content/con-article.md").is_file() and not (root / "content/con.md").exists()
    assert main(["--site", str(root)]) == 0


def test_serve_serves_pages_and_404(make_site: MakeSite) -> None:
    root = make_site(files={"content/a.md": ARTICLE})
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--port", "0"],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None
        proc.stdout.readline()
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line
        with urllib.request.urlopen(url.group(0) + "articles/a/", timeout=10) as response:
            html = response.read().decode()
        assert "<h1>About GPUs</h1>" in html
        assert f'href="{url.group(0)}articles/a/"' in html  # canonical uses the preview address
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(url.group(0) + "nope/", timeout=10)
        assert missing.value.code == 404
        assert "Page not found" in missing.value.read().decode()
        assert not (root / "_site").exists(), "serve must not touch the output folder"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_import_command(make_site: MakeSite, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site()
    seed = REPO / "tests/fixtures/seeds/002_07c7d2b3125a0ee1.txt"
    assert main(["--site", str(root), "import", "--dry-run", str(seed)]) == 0
    assert capsys.readouterr().out.startswith("would be created: ")
    assert list((root / "content").iterdir()) == []
    assert main(["--site", str(root), "import", str(seed)]) == 0
    target = root / "content/is-xai-a-neocloud-now.md"
    assert capsys.readouterr().out.startswith(f"created: {target}")
    assert target.stat().st_mode & 0o777 == 0o644
    edited = target.read_text().replace("In a surprising turn", "In a startling turn")
    target.write_text(edited)
    assert main(["--site", str(root), "import", str(seed)]) == 1
    err = capsys.readouterr().err
    assert f"{target}:" in err and "the body was edited by hand" in err and "--force" in err
    assert target.read_text() == edited
    assert main(["--site", str(root), "import", "--force", str(seed)]) == 0
    assert "In a surprising turn" in target.read_text()
    assert main(["--site", str(root)]) == 0


def test_serve_on_a_busy_port_is_a_clear_error(
    make_site: MakeSite, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    root = make_site()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["--site", str(root), "serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "--port" in err
