"""Importing is idempotent on its own output: an imported article, imported again (as the
Markdown file with front matter it now is), keeps its title, metadata and body exactly.

The inputs are pasted pages made by Hypothesis from the clipping fixtures' own lines (real
headlines, bylines, dates, furniture and story paragraphs, shuffled and recombined), so the
property covers the shapes the normaliser actually meets.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readsite.frontmatter import parse
from readsite.importers import import_paths
from readsite.tools.clip_fixtures import load_cases

FIXTURES = Path(__file__).parent / "fixtures" / "clip"
LINES = sorted({line for case in load_cases(FIXTURES) if case.kind == "text"
                for line in case.input_text.splitlines() if line.strip()})
KEPT = ("title", "author", "source", "date", "url", "summary", "tags", "title_generated")


pages = st.lists(st.sampled_from(LINES), min_size=1, max_size=14).flatmap(
    lambda lines: st.sampled_from(["\n", "\n\n"]).map(lambda sep: sep.join(lines) + "\n"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=pages)
def test_reimporting_an_imported_article_changes_nothing(page: str) -> None:
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        (root / "in").mkdir()
        (root / "in/clip.txt").write_text(page, encoding="utf-8")
        first = import_paths([root / "in/clip.txt"], root / "one")
        if first.refused:  # nothing to import (e.g. only furniture): refused, with a reason
            assert all(problem.message for problem in first.refused)
            return
        (written,) = [r.target for r in first.results]
        second = import_paths([written], root / "two")
        assert not second.refused, second.refused
        (again,) = [r.target for r in second.results]
        a = parse(written.read_text(encoding="utf-8"), written)
        b = parse(again.read_text(encoding="utf-8"), again)
        assert {k: a.meta.get(k) for k in KEPT} == {k: b.meta.get(k) for k in KEPT}
        assert a.body == b.body
