"""A long build shows how far it is: a bar on a terminal, a line per stage in a log."""

from __future__ import annotations

import io
import re

from readsite.config import load_config
from readsite.pipeline import build_site
from readsite.progress import MIN_ITEMS, Reporter
from tests.conftest import MakeSite
from tests.test_cli import run


def articles(count: int) -> dict[str, str]:
    return {f"content/a{i:04d}.md": f"---\ntitle: Article {i}\ndate: 2025-01-0{1 + i % 9}\n"
            f"---\n\nThe neocloud rents GPU compute capacity, part {i}.\n"
            for i in range(count)}


def test_a_big_build_in_a_log_prints_one_line_per_stage(make_site: MakeSite) -> None:
    root = make_site(articles(MIN_ITEMS))
    result = run(["build", "--no-cache"], cwd=root)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == ["loading", "relating", "rendering"]
    assert re.fullmatch(rf"loading: {MIN_ITEMS} articles in \d+\.\ds", lines[0])
    assert re.fullmatch(r"rendering: \d+ pages in \d+\.\ds", lines[2])
    assert result.stdout.startswith("built ")  # the summary, on stdout
    assert f"{MIN_ITEMS} article," in result.stdout and "(slowest: " in result.stdout


def test_a_small_build_stays_quiet(make_site: MakeSite) -> None:
    result = run(["build"], cwd=make_site(articles(5)))
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("built ")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_each_stage_shows_a_bar_and_erases_it(make_site: MakeSite) -> None:
    terminal = Terminal()
    config = load_config(make_site(articles(MIN_ITEMS)))
    build_site(config, use_cache=False, jobs=2, progress=Reporter(terminal))
    shown = terminal.getvalue()
    for stage, total, unit in (("loading", MIN_ITEMS, "articles"),
                               ("relating", MIN_ITEMS, "articles"), ("rendering", 327, "pages")):
        assert re.search(rf"\r{stage}\s*:\s+\d+%\|[^|]*\| \d+/{total} \[.*{unit}/s\]", shown), stage
    assert re.search(r"\r +\r$", shown), "the last bar is erased"


def test_a_terminal_that_reports_no_size_still_shows_the_bar(make_site: MakeSite) -> None:
    """Pseudo-terminals (CI runners, `script`, pty.fork) can report 0 × 0, where tqdm would
    hide every bar."""
    import os
    import pty
    import subprocess
    import sys

    from tests.conftest import REPO

    master, slave = pty.openpty()
    assert os.get_terminal_size(slave) == (0, 0)
    root = make_site(articles(MIN_ITEMS))
    build = subprocess.Popen([sys.executable, str(REPO / "build.py"), "build", "--no-cache"],
                             cwd=root, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    os.close(slave)
    shown = b""
    try:
        while chunk := os.read(master, 65536):
            shown += chunk
    except OSError:  # EIO once the build has exited and closed the terminal
        pass
    os.close(master)
    assert build.wait(timeout=60) == 0, shown[-500:]
    assert re.search(rb"loading\s*:\s+\d+%\|", shown), shown[:300]
    assert b"built " in shown
