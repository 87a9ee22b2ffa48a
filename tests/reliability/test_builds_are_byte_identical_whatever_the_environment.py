"""Guarantee 22: two builds of the same input are byte-identical with PYTHONHASHSEED, TZ,
LC_ALL (and the number of processes) varied, with and without SOURCE_DATE_EPOCH.
(all but the three files of Pagefind's index that no two runs write alike: `conftest.UNSTABLE`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, snapshot

EXTRA = {
    "emile.md": "---\ntitle: Émile and the Ångström GPU\ndate: 2026-02-03\n"
                "tags: [Zebra, apple, Éclair, GPU]\n---\n\nThe neocloud rents GPU capacity.\n",
    "zulu.md": "---\ntitle: zulu time for an IPO\ndate: 2026-02-03\ntags: [apple, zebra]\n"
               "aliases: [/old/zulu/]\n---\n\nAn initial public offering of a neocloud.\n",
    "same-day.md": "---\ntitle: Another on the same day\ndate: 2026-02-03\n---\n\nCompute.\n",
}
ENVIRONMENTS = [
    {"PYTHONHASHSEED": "0", "TZ": "Etc/GMT+12", "LC_ALL": "C", "LANG": "C"},
    {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8",
     "LANG": "de_DE.UTF-8"},
]


def build(site: Path, output: Path, env: dict[str, str], jobs: str,
          epoch: bool) -> dict[str, bytes]:
    """Build `site` into `output` in a fresh process with `env`; the files written."""
    full = {**os.environ, "PYTHONPATH": str(REPO), **env}
    if not epoch:
        full.pop("SOURCE_DATE_EPOCH", None)
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--site", str(site), "build", "--no-cache",
         "--jobs", jobs, "--output", str(output)],
        env=full, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return snapshot(output)


@pytest.mark.parametrize("epoch", [True, False], ids=["SOURCE_DATE_EPOCH", "no-epoch"])
def test_two_builds_in_different_environments_are_byte_identical(
        tmp_path: Path, epoch: bool) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "golden" / "site", site)
    for name, text in EXTRA.items():
        (site / "content" / name).write_text(text, encoding="utf-8")
    (site / "static").mkdir(exist_ok=True)
    (site / "static/b.css").write_text("b {}\n", encoding="utf-8")
    (site / "static/a.css").write_text("a {}\n", encoding="utf-8")

    first = build(site, tmp_path / "one", ENVIRONMENTS[0], "1", epoch)
    second = build(site, tmp_path / "two", ENVIRONMENTS[1], "2", epoch)

    assert len(first) > 20
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
