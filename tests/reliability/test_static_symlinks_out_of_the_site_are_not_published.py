"""Guarantee 14: a symlink in static/ or root/ that leads out of the site is not followed
(a warning names it) and never published; a symlink that stays inside the site still works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, MakeSite, snapshot

SECRET = "root:x:0:0:the secret line\n"


def build(root: Path) -> subprocess.CompletedProcess[str]:
    """`build.py build` in `root`, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "build.py"), "build"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=60)


def test_symlinks_leading_out_of_the_site_are_not_published(
        make_site: MakeSite, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "keys").mkdir(parents=True)
    (outside / "passwd").write_text(SECRET, encoding="utf-8")
    (outside / "keys" / "id_rsa").write_text(SECRET, encoding="utf-8")
    root = make_site(files={"content/a.md": "---\ntitle: A\n---\n\nbody\n",
                            "static/site.css": "body { color: black }\n",
                            "root/humans.txt": "us\n"})
    links = {
        root / "static/passwd.txt": outside / "passwd",
        root / "static/keys": outside / "keys",
        root / "root/hosts.txt": outside / "passwd",
        root / "root/.well-known": outside / "keys",
        root / "static/etc-passwd": Path("/etc/passwd"),
        root / "static/same.css": Path("site.css"),  # relative, inside the site: fine
    }
    for link, target in links.items():
        link.symlink_to(target)

    result = build(root)

    assert result.returncode == 0, result.stderr
    published = snapshot(root / "_site")
    assert not [name for name, data in published.items() if SECRET.encode() in data
                or b"root:x:0:0" in data], "a file from outside the site was published"
    for name in ("static/passwd.txt", "static/keys/id_rsa", "hosts.txt", ".well-known/id_rsa",
                 "static/etc-passwd"):
        assert name not in published
    assert published["static/same.css"] == b"body { color: black }\n"
    assert published["humans.txt"] == b"us\n"
    said = result.stdout + result.stderr
    for link in ("static/passwd.txt", "static/keys", "root/hosts.txt", "root/.well-known",
                 "static/etc-passwd"):
        assert f"{link}: symlink to " in said and "outside the site" in said, said
    assert "same.css" not in said
