"""Read the clip fixtures (`tests/fixtures/clip/*.txt`): one raw input and its expectations each.

The format (markdown-it-py's `.`-separated fixture style, described in the folder's README.md)
is parsed strictly, and every error names the fixture file and line: a typo in a fixture must
stop the scorer, never quietly turn into a lower score.  The text normalisers used to compare a
fixture's lines with what the import wrote live here too, because `Case.real_lines` needs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

KINDS = ("text", "html", "feed")
"""Kinds of input, reported on rows of their own: HTML and feeds have their own importers."""
CHECK_KINDS = {"+": "real", "-": "boilerplate", "=": "metadata", "~": "rewritten"}
"""Check-line prefixes: must stay, must go, may leave the body, rewritten on purpose."""
HEADER_KEYS = frozenset({"input", "kind", "final-newline"})
"""Keys allowed in a fixture's header."""
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".json", ".rdf"})
"""Input names that are feeds by their suffix."""

# Typography and Markdown that the import may change without changing what a line says.
_QUOTES = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": "",
})
_SPACE = re.compile(r"\s+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_LEAD = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+•·▪◦]\s+|\d{1,3}[.)]\s+)+")


class FixtureError(Exception):
    """A malformed fixture file, with the file and line to fix."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class Check:
    """One line of a fixture's checks section."""

    kind: str
    """"+" must be in the body, "-" must not, "=" metadata line, "~" rewritten on purpose."""
    text: str
    """The line (or distinctive substring) checked, as written after the prefix."""
    line: int
    """Its line in the fixture file, for messages."""


@dataclass(frozen=True, slots=True)
class Case:
    """One parsed fixture: an input, what its import must write, what its body must hold."""

    name: str
    """The fixture's file stem ("001-pasted-news-page")."""
    path: Path
    """The fixture file."""
    input_name: str
    """The file name the input is imported as (its suffix picks the importer)."""
    input_text: str
    """The raw input, exactly as imported."""
    kind: str
    """"text", "html" or "feed"."""
    expected: tuple[dict[str, Any], ...]
    """Expected front matter: one mapping, or one per feed entry in feed order."""
    checks: tuple[Check, ...]
    """Body checks."""

    def real_lines(self) -> list[str]:
        """Lines that must survive: `+` lines, plus for pasted text every unmarked input line."""
        lines = [c.text for c in self.checks if c.kind == "+"]
        if self.kind == "text":
            marked = {squash(c.text) for c in self.checks if c.kind in "-=~"}
            lines += [ln for ln in self.input_text.splitlines()
                      if ln.strip() and squash(ln) not in marked]
        seen: set[str] = set()
        unique = []
        for line in lines:
            if plain(line) and plain(line) not in seen:
                seen.add(plain(line))
                unique.append(line)
        return unique

    def boilerplate(self) -> list[str]:
        """Lines that must not be in the body."""
        return [c.text for c in self.checks if c.kind == "-"]


def squash(text: str) -> str:
    """Text with runs of white space made one space and the ends trimmed."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


def plain(text: str) -> str:
    """What a line says, whatever Markdown, casing or typography the import gave it.

    Escapes, links, emphasis, heading/list/quote markers, quote and dash styles and case are
    all dropped, so `## Big Picture` matches the input line `BIG PICTURE`."""
    text = _LINK.sub(r"\1", _ESCAPE.sub(r"\1", text.translate(_QUOTES)))
    text = _EMPHASIS.sub("", _LEAD.sub("", text))
    return _SPACE.sub(" ", text).strip().casefold()


def _kind(input_name: str, text: str) -> str:
    """"html", "feed" or "text", by the input's suffix, else by how it starts."""
    suffix = Path(input_name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    head = text.lstrip("\ufeff \t\r\n")[:400].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith(("<?xml", "<rss", "<feed")) or (
            head.startswith("{") and "jsonfeed.org" in head):
        return "feed"
    return "text"


def _sections(lines: list[str], path: Path) -> list[tuple[int, list[str]]]:
    """The four `.`-separated sections as (first line number, lines)."""
    sections: list[tuple[int, list[str]]] = []
    start = 1
    current: list[str] = []
    for number, line in enumerate(lines, 1):
        if line.rstrip("\r") == "." and len(sections) < 4:
            sections.append((start, current))
            start, current = number + 1, []
        else:
            current.append(line)
    if len(sections) < 4:
        raise FixtureError(path, len(lines) or 1, f"expected 4 sections ending in a `.` line "
                           f"(header, input, front matter, checks), found {len(sections)}")
    for offset, line in enumerate(current):
        if line.strip():
            raise FixtureError(path, start + offset, "text after the closing `.` of the checks")
    return sections


def _header(start: int, lines: list[str], path: Path) -> dict[str, str]:
    """The header's `key: value` lines (comments `#` and blank lines skipped)."""
    header: dict[str, str] = {}
    for offset, line in enumerate(lines):
        if not line.strip() or line.startswith("#"):
            continue
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or key not in HEADER_KEYS:
            raise FixtureError(path, start + offset, f"unknown header line {line!r}; "
                               f"expected `# comment` or one of {sorted(HEADER_KEYS)}")
        header[key] = value.strip()
    if not header.get("input"):
        raise FixtureError(path, start, "missing `input: NAME` (the file name to import as)")
    if "/" in header["input"] or "\\" in header["input"] or header["input"].startswith("."):
        raise FixtureError(path, start, "`input:` must be a plain file name")
    if header.get("kind", "text") not in KINDS:
        raise FixtureError(path, start, f"`kind:` must be one of {list(KINDS)}")
    if header.get("final-newline", "yes") not in ("yes", "no"):
        raise FixtureError(path, start, "`final-newline:` must be yes or no")
    return header


def _expected(start: int, lines: list[str], path: Path) -> tuple[dict[str, Any], ...]:
    """The expected front matter: a mapping, or a list of mappings for a feed."""
    try:
        data = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = start + (mark.line if mark is not None else 0)
        raise FixtureError(path, line, f"expected front matter is not valid YAML: {exc}") from exc
    items = [] if data is None else data if isinstance(data, list) else [data]
    for item in items:
        if not isinstance(item, dict):
            raise FixtureError(path, start, "expected front matter must be a mapping or a "
                               "list of mappings (one per feed entry)")
        headings = item.get("headings")
        if headings is not None and not (isinstance(headings, list)
                                         and all(isinstance(h, str) for h in headings)):
            raise FixtureError(path, start, "`headings:` must be a list of strings")
    return tuple(items)


def parse_case(text: str, path: Path) -> Case:
    """Parse one fixture file; raise FixtureError naming the line for anything malformed."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    (h_start, h_lines), (_, i_lines), (e_start, e_lines), (c_start, c_lines) = (
        _sections(lines, path))
    header = _header(h_start, h_lines, path)
    unstuffed = [ln[1:] if ln.rstrip("\r") and set(ln.rstrip("\r")) == {"."} else ln
                 for ln in i_lines]
    input_text = "\n".join(unstuffed)
    if unstuffed and header.get("final-newline", "yes") == "yes":
        input_text += "\n"
    kind = header.get("kind") or _kind(header["input"], input_text)
    checks: list[Check] = []
    input_lines = {squash(ln) for ln in input_text.splitlines()}
    for offset, line in enumerate(c_lines):
        number = c_start + offset
        if not line.strip() or line.startswith("#"):
            continue
        prefix, rest = line[:2], line[2:]
        if prefix.rstrip() not in CHECK_KINDS or (len(prefix) == 2 and prefix[1] != " "):
            raise FixtureError(path, number, f"check line must start with `+ `, `- `, `= ` "
                               f"or `~ `, got {line[:40]!r}")
        if not rest.strip():
            raise FixtureError(path, number, "empty check line")
        if kind == "text" and prefix[0] in "-=~" and squash(rest) not in input_lines:
            raise FixtureError(path, number, f"`{prefix[0]}` line is not a line of the input "
                               "(copy it exactly as it appears there)")
        checks.append(Check(prefix[0], rest.rstrip("\r"), number))
    return Case(path.stem, path, header["input"], input_text, kind,
                _expected(e_start, e_lines, path), tuple(checks))


def load_cases(directory: Path) -> list[Case]:
    """Every `*.txt` fixture in `directory`, in name order."""
    paths = sorted(p for p in directory.glob("*.txt") if p.is_file())
    return [parse_case(p.read_text(encoding="utf-8"), p) for p in paths]
