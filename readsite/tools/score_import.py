"""Score `readsite import` against the clipping fixtures: `python -m readsite.tools.score_import`.

Each fixture (`tests/fixtures/clip/NNN-name.txt`, format in that folder's README.md) holds a
raw input as a reader saved it — pasted text, a saved HTML page, a feed — with the front matter
the import should write and lines its body must keep or drop.  The scorer runs the *real*
import (`readsite.cli.main`) on every case and reports how often each field is right and how
well boilerplate is removed, so the importer and normaliser heuristics are tuned against one
number instead of a handful of anecdotes.  Boilerplate precision counts every real line lost,
which is what makes "never a real sentence lost" measurable: for pasted text every input line
not marked as boilerplate or metadata is taken as a real line that must survive.

Exit code: 0 whatever the figures (they are a report, not a gate: tests set the floors), 2 when
a fixture file is malformed (the message names file and line) or the folder does not exist.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readsite import frontmatter
from readsite.errors import ReadsiteError
from readsite.tools.clip_fixtures import KINDS, Case, FixtureError, load_cases, plain, squash

FIELDS = ("title", "author", "source", "date", "headings")
"""The front matter fields scored one by one (every other listed key is scored as `other`)."""
TARGETS = {"field": 0.95, "recall": 0.95, "precision": 0.98}
"""Issue 6's targets: every field, boilerplate recall, boilerplate precision."""
LONG_BOILERPLATE = 25
"""A boilerplate line at least this long counts as kept wherever it appears in the body; a
shorter one ("Share", "Advertisement") only as a whole line or paragraph, since it may be a
phrase of a real sentence."""

_HEADING = re.compile(r"^##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


@dataclass(slots=True)
class Tally:
    """`correct` of `checked`, as a fraction that is 1.0 when nothing was checked."""

    correct: int = 0
    checked: int = 0

    @property
    def ratio(self) -> float:
        """The fraction right (1.0 for nothing checked: no evidence of a miss)."""
        return self.correct / self.checked if self.checked else 1.0

    def add(self, ok: bool) -> None:
        """Count one check."""
        self.checked += 1
        self.correct += int(ok)


@dataclass(slots=True)
class Counts:
    """Figures for one group of cases (all, or one kind)."""

    cases: int = 0
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    other: Tally = field(default_factory=Tally)
    """Every other listed key (url, summary, title_generated, ...)."""
    boilerplate_dropped: int = 0
    boilerplate_total: int = 0
    real_lost: int = 0
    real_total: int = 0

    @property
    def recall(self) -> float:
        """Boilerplate lines dropped / boilerplate lines."""
        total = self.boilerplate_total
        return self.boilerplate_dropped / total if total else 1.0

    @property
    def precision(self) -> float:
        """Boilerplate dropped / (boilerplate dropped + real lines lost)."""
        removed = self.boilerplate_dropped + self.real_lost
        return self.boilerplate_dropped / removed if removed else 1.0

    def targets_met(self) -> bool:
        """Whether issue 6's targets hold for these cases."""
        return (all(t.ratio >= TARGETS["field"] for t in self.fields.values())
                and self.recall >= TARGETS["recall"] and self.precision >= TARGETS["precision"])


@dataclass(slots=True)
class Scores:
    """The result of scoring a fixture set."""

    total: Counts = field(default_factory=Counts)
    by_kind: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    failed: list[str] = field(default_factory=list)
    """Cases whose import failed or wrote nothing, with the first line of the reason."""
    misses: list[str] = field(default_factory=list)
    """One line per miss: `case: field expected X, got Y`, lost lines, kept boilerplate."""

    @property
    def targets_met(self) -> bool:
        """Whether the whole set meets the targets (an empty set proves nothing: no)."""
        return self.total.cases > 0 and self.total.targets_met()


def _text_value(value: Any) -> str:
    """A front matter value as comparable text ("" for absent)."""
    if value is None or value is False:
        return "" if value is None else "false"
    if value is True:
        return "true"
    if isinstance(value, list):
        return ", ".join(_text_value(v) for v in value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return re.sub(r"\s+", " ", str(value)).strip()


def _shown(value: Any) -> str:
    """A value for a miss message: dates as ISO text, everything else as Python writes it."""
    if isinstance(value, dt.date):
        return repr(_text_value(value))
    return repr(value)


def _headings(body: str) -> list[str]:
    """The body's `##` headings, in order."""
    found = []
    for line in body.splitlines():
        match = _HEADING.match(line)
        if match:
            found.append(match.group(1))
    return found


def _compare(key: str, want: Any, got: Any) -> bool:
    """Whether a field is right, by that field's rule (the rules are in the fixtures' README)."""
    if key == "headings":
        return [squash(h) for h in want or []] == [squash(h) for h in got or []]
    if key == "date":
        return _text_value(want)[:10] == _text_value(got)[:10]
    if key == "title":
        return squash(_text_value(want)) == squash(_text_value(got))
    if isinstance(want, bool):
        return bool(got) == want
    return _text_value(want) == _text_value(got)


@dataclass(frozen=True, slots=True)
class Output:
    """One article file the import wrote."""

    meta: dict[str, Any]
    body: str


def run_import(case: Case, work: Path) -> tuple[list[Output], str]:
    """Import the case's input with the real CLI in `work`; (articles written, failure reason).

    `--site` points at the scratch folder so that nothing (static files, config) is read from
    or written to the folder the scorer is run from."""
    source = work / "in" / case.input_name
    source.parent.mkdir(parents=True)
    source.write_bytes(case.input_text.encode("utf-8"))
    out = work / "out"
    sink = io.StringIO()
    from readsite.cli import main

    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            code = main(["--site", str(work), "import", str(source), "--into", str(out)])
    except Exception as exc:  # a crash is a score of 0 for this case, not the end of the run
        return [], f"import crashed: {type(exc).__name__}: {exc}"
    said = [ln.strip() for ln in sink.getvalue().splitlines() if ln.strip()]
    reason = " ".join(said[:3])[:300]
    if code != 0:
        return [], f"import exited {code}: {reason}"
    outputs = []
    for path in sorted(out.glob("*.md")):
        try:
            document = frontmatter.parse(path.read_text(encoding="utf-8"), path)
        except (OSError, ReadsiteError) as exc:
            return [], f"wrote an unreadable article: {exc}"
        outputs.append(Output(document.meta, document.body))
    return outputs, "" if outputs else "import wrote no article"


def _match(expected: Sequence[dict[str, Any]], outputs: list[Output]) -> list[Output | None]:
    """Pair each expected entry with a written article: by url, then title, then position."""
    left = list(outputs)
    paired: list[Output | None] = []
    for want in expected:
        found = None
        for key in ("url", "title"):
            if want.get(key):
                found = next((o for o in left if _compare(key, want[key], o.meta.get(key))), None)
                if found:
                    break
        if found is None and len(expected) == 1 and left:
            found = left[0]
        if found is not None:
            left.remove(found)
        paired.append(found)
    return paired


def _is_kept(line: str, body_lines: set[str], body_text: str) -> bool:
    """Whether a boilerplate line is still in the body (see LONG_BOILERPLATE)."""
    text = plain(line)
    if not text:
        return False
    return text in body_lines or (len(text) >= LONG_BOILERPLATE and text in body_text)


def score_case(case: Case, outputs: list[Output], failure: str, counts: Sequence[Counts],
               misses: list[str]) -> None:
    """Add one case's results to every `counts` and its misses to `misses`."""
    expected = case.expected or ({},)
    paired = _match(expected, outputs) if not failure else [None] * len(expected)
    results: list[tuple[str, bool]] = []
    for index, (want, got) in enumerate(zip(expected, paired, strict=True)):
        label = f"{case.name}[{index}]" if len(expected) > 1 else case.name
        for key, value in want.items():
            if got is None:
                actual: Any = None
            elif key == "headings":
                actual = _headings(got.body)
            else:
                actual = got.meta.get(key)
            ok = got is not None and _compare(key, value, actual)
            results.append((key, ok))
            if not ok and not failure:
                shown = "no article" if got is None else _shown(actual)
                misses.append(f"{label}: {key} expected {_shown(value)}, got {shown}")
    bodies = [o.body for o in outputs] if not failure else []
    para = [plain(" ".join(p.splitlines())) for b in bodies for p in re.split(r"\n\s*\n", b)]
    body_lines = {plain(ln) for b in bodies for ln in b.splitlines()} | set(para)
    body_text = " ".join(para)
    dropped = 0
    for line in case.boilerplate():
        kept = bool(failure) or _is_kept(line, body_lines, body_text)
        dropped += not kept
        if kept and not failure:
            misses.append(f'{case.name}: kept boilerplate "{line}"')
    real = case.real_lines()
    lost = 0
    for line in real:
        gone = bool(failure) or plain(line) not in body_text
        lost += gone
        if gone and not failure:
            misses.append(f'{case.name}: lost real line "{line}"')
    for group in counts:
        group.cases += 1
        for key, ok in results:
            group.fields.get(key, group.other).add(ok)
        group.boilerplate_total += len(case.boilerplate())
        group.boilerplate_dropped += dropped
        group.real_total += len(real)
        group.real_lost += lost


def score_cases(cases: Sequence[Case]) -> Scores:
    """Import and score every case (each in its own scratch folder)."""
    scores = Scores()
    for case in cases:
        with tempfile.TemporaryDirectory(prefix="readsite-score-") as work:
            outputs, failure = run_import(case, Path(work))
        if failure:
            scores.failed.append(f"{case.name}: {failure}")
            scores.misses.append(f"{case.name}: {failure}")
        score_case(case, outputs, failure, (scores.total, scores.by_kind[case.kind]),
                   scores.misses)
    return scores


def score(fixtures_dir: Path, only: str | None = None) -> Scores:
    """Score every fixture in `fixtures_dir` (or those whose name contains `only`)."""
    cases = [c for c in load_cases(fixtures_dir) if only is None or only in c.name]
    return score_cases(cases)


def _cell(tally: Tally) -> str:
    return f"{tally.correct:>3}/{tally.checked:<3} {100 * tally.ratio:5.1f}%"


def format_table(scores: Scores) -> str:
    """The report: one row per figure, one column for all cases and one per kind of input."""
    groups = [("all", scores.total)] + [(k, c) for k, c in scores.by_kind.items() if c.cases]
    width = 16
    rows = ["figure".ljust(20) + "".join(f"{n} ({c.cases})".rjust(width) for n, c in groups)]

    def row(label: str, cells: list[str]) -> None:
        rows.append(label.ljust(20) + "".join(cell.rjust(width) for cell in cells))

    for name in FIELDS:
        row(name, [_cell(c.fields[name]) for _, c in groups])
    row("other keys", [_cell(c.other) for _, c in groups])
    row("boilerplate recall", [_cell(Tally(c.boilerplate_dropped, c.boilerplate_total))
                               for _, c in groups])
    row("boilerplate prec.", [_cell(Tally(c.boilerplate_dropped,
                                          c.boilerplate_dropped + c.real_lost))
                              for _, c in groups])
    row("real lines lost", [f"{c.real_lost}/{c.real_total}" for _, c in groups])
    lines = [f"readsite import score: {scores.total.cases} case(s), "
             f"{len(scores.failed)} failed to import", *rows]
    if scores.failed:
        lines.append("failed: " + ", ".join(f.split(":", 1)[0] for f in scores.failed))
    lines.append("targets met" if scores.targets_met else "targets NOT met")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the score table (and with --verbose every miss); 2 for malformed fixtures."""
    parser = argparse.ArgumentParser(prog="python -m readsite.tools.score_import",
                                     description="Score `readsite import` on clip fixtures.")
    parser.add_argument("fixtures", type=Path, help="folder of NNN-name.txt fixture files")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument("--case", help="only the cases whose name contains this")
    args = parser.parse_args(argv)
    if not args.fixtures.is_dir():
        print(f"score_import: {args.fixtures}: no such folder of fixtures", file=sys.stderr)
        return 2
    try:
        scores = score(args.fixtures, args.case)
    except FixtureError as exc:
        print(f"score_import: {exc}", file=sys.stderr)
        return 2
    if args.verbose:
        for miss in scores.misses:
            print(miss)
        print()
    print(format_table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
