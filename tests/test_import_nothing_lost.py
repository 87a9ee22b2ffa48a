"""Nothing a reader pasted disappears silently: every line of every pasted-text fixture is in
the imported body, in its front matter, or in a trace naming the rule that dropped it (or
that found a value on that line).

The scorer checks the lines a person marked as real; this holds for *every* line, furniture
included, and for the held-out set too: `--explain` and `--keep-dropped` can only be trusted
if the traces really account for everything that left the body.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from readsite.frontmatter import parse
from readsite.importers import import_paths
from readsite.tools.clip_fixtures import Case, load_cases, plain

FIXTURES = Path(__file__).parent / "fixtures"
CASES = [case for folder in ("clip", "clip-holdout") for case in load_cases(FIXTURES / folder)
         if case.kind == "text"]


def _accounted(line: str, places: list[str]) -> bool:
    """Whether what `line` says is found in one of `places` (or they hold all its words, for
    a line the importer split or joined)."""
    said = plain(line)
    if any(said in place for place in places):
        return True
    words = said.split()
    return len(words) <= 2 and all(any(word in place for place in places) for word in words)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_pasted_line_is_kept_or_traced(case: Case, tmp_path: Path) -> None:
    source = tmp_path / "in" / case.input_name
    source.parent.mkdir()
    source.write_text(case.input_text, encoding="utf-8")
    report = import_paths([source], tmp_path / "out")
    assert not report.refused, report.refused
    (result,) = report.results
    doc = parse(result.target.read_text(encoding="utf-8"), result.target)
    places = [plain(doc.body)]
    places += [plain(str(value)) for value in doc.meta.values()]
    places += [plain(trace.text) for trace in result.trace]
    traced_lines = {trace.line for trace in result.trace if trace.line}
    lost = [line for number, line in enumerate(case.input_text.splitlines(), 1)
            if plain(line) and number not in traced_lines and not _accounted(line, places)]
    assert not lost, f"{case.name}: lines gone without a trace: {lost[:5]}"
