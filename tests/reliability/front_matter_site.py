"""Helpers shared by the front matter and content reliability tests: build a site whose one
article has the given front matter, through the command line, and see what a user sees."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from readsite.cli import main
from tests.conftest import MakeSite

BODY = "A neocloud rents out GPU compute capacity. BODYMARKER\n"
"""A body whose marker shows whether the article was ever rendered."""


@dataclass(frozen=True)
class Outcome:
    """Exit code, what was printed, and whether any output was written."""

    code: int
    out: str
    err: str
    root: Path

    @property
    def wrote(self) -> bool:
        """Whether the build produced an output folder."""
        return (self.root / "_site").exists()


def build(make_site: MakeSite, capsys: pytest.CaptureFixture[str], front: str,
          body: str = BODY, args: tuple[str, ...] = ()) -> Outcome:
    """`readsite build` of a site whose content/a.md is `---\\n{front}---\\n\\n{body}`."""
    root = make_site(files={"content/a.md": f"---\n{front}---\n\n{body}"})
    return build_root(root, capsys, args)


def build_root(root: Path, capsys: pytest.CaptureFixture[str],
               args: tuple[str, ...] = ()) -> Outcome:
    """`readsite build` of the site at `root` (in this process)."""
    capsys.readouterr()
    code = main(["--site", str(root), "build", "--no-cache", *args])
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err, root)


def refused(outcome: Outcome, line: int, *words: str) -> None:
    """The build failed with exit 1, naming content/a.md:`line` and every one of `words`,
    without a traceback, and wrote nothing."""
    assert outcome.code == 1, outcome.out + outcome.err
    assert f"content/a.md:{line}: " in outcome.err, outcome.err
    for word in words:
        assert word in outcome.err, (word, outcome.err)
    assert "Traceback" not in outcome.err
    assert not outcome.wrote
