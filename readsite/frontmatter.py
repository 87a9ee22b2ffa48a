"""Decode an article file, then split, parse and write its YAML front matter.

An article is `---\\n<yaml>\\n---\\n<markdown body>`, saved as UTF-8 (UTF-16/32 with a
byte order mark are read too).  Parsing is safe (no tags, no aliases)
and bounded in size; every error names the file and the line.  Dumping is deterministic
(fixed key order, stable quoting) so that re-importing the same input is byte-identical.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from readsite.errors import ContentError, Problem
from readsite.sanitise import LONE_SURROGATE
from readsite.yamlutil import LoadedYaml, YamlSyntaxError, load_yaml

MAX_FRONT_MATTER = 64 * 1024
"""Front matter larger than this is almost surely a mistake (an unclosed block eating the body)."""

KEY_ORDER = (
    "title", "title_generated", "slug", "source", "author", "url", "date", "updated", "summary",
    "topics", "tags", "draft", "aliases", "extra", "imported_from", "import_hash", "body_hash",
)
"""Keys written first, in this order; any others follow alphabetically."""


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed article file."""

    meta: dict[str, Any]
    """The front matter as plain data."""
    body: str
    """The Markdown after the closing `---`."""
    body_line: int
    """1-based line where the body starts in the file."""
    loaded: LoadedYaml
    """Key → line map, for errors about front matter values."""


_FENCE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)
"""A closing fence: `---` (or YAML's `...`) alone on its line, trailing spaces allowed."""


def _never_closed(path: Path) -> ContentError:
    return ContentError(Problem(
        "front matter opened on line 1 is never closed", path, 1,
        "did you forget the closing `---` after the front matter?",
    ))


def split(text: str, path: Path) -> tuple[str, str, int]:
    """Return (yaml_text, body, body_line); raise ContentError if the fences are broken.

    One regex search finds the closing fence, so the time is linear in the file however
    long the front matter is (a line-by-line loop re-measuring what it had read took 12 s
    on 20 KB of blank lines).  Line breaks are made `\\n` first: CRLF and old-Mac lone CR
    files split (and number their lines) exactly as YAML and Markdown read them."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    newline = text.find("\n")
    first = text if newline < 0 else text[:newline]  # not partition: no copy of the rest
    if first.rstrip() != "---":
        raise ContentError(Problem(
            "the file does not start with front matter", path, 1,
            "start the file with a line `---`, then `title: ...`, then a closing `---`",
        ))
    start = len(first) + 1
    fence = _FENCE.search(text, start) if start <= len(text) else None
    if fence is None:
        raise _never_closed(path)
    end = max(start, fence.start() - 1)
    body_line = text.count("\n", 0, fence.start()) + 2
    too_big = end - start > MAX_FRONT_MATTER  # measured before copying 10 MB to refuse it
    yaml_text = "" if too_big else text[start:end]
    if too_big or len(yaml_text.encode(errors="replace")) > MAX_FRONT_MATTER:
        raise ContentError(Problem(
            f"the front matter (lines 2 to {body_line - 2}) is larger than "
            f"{MAX_FRONT_MATTER // 1024} KB", path, 1,
            "front matter is a few `key: value` lines: move long text into the body, below "
            "the closing `---` (or add that `---` if it is missing)",
        ))
    return yaml_text, text[fence.end() + 1 :], body_line


def _check_characters(text: str, path: Path) -> None:
    """Refuse text holding a lone surrogate: it is not a character, so the page written from
    it could never be encoded (a traceback at write time instead of an error here)."""
    found = LONE_SURROGATE.search(text)
    if found is not None:
        raise ContentError(Problem(
            f"the text holds U+{ord(found.group()):04X}, half of a character (a lone "
            "surrogate)", path, text.count("\n", 0, found.start()) + 1,
            "save the file again as UTF-8 from an editor, or delete that character",
        ))


def _yaml_hint(message: str) -> str:
    """What to do about a YAML error, in front matter terms."""
    if "constructor for the tag" in message:
        return "front matter is plain YAML: remove the `!!` or `!` tag"
    if "'\\t'" in message or " tab" in message:
        return "indent with spaces, not tabs"
    if "surrogate" in message:
        return "write the character itself, or escape one beyond U+FFFF as `\\U0001F600`"
    if "is not a valid" in message:
        return "correct the value, or put it in quotes if it is meant as text"
    if "second time" in message:
        return "keep one of the two lines (YAML would silently use the last)"
    if "nested" in message or "aliases" in message:
        return "front matter is a few plain `key: value` lines"
    return ("write one `key: value` per line, and put quotes around a value that holds `: ` "
            "or ` #`, or starts with [ { * & ! | > % @ or a quote")


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""Byte order marks of the encodings an editor may save in instead of UTF-8 (UTF-32 first:
its little-endian mark begins with UTF-16's)."""


def _encoding(data: bytes) -> str:
    """UTF-8 unless a byte order mark, or the NUL in every other byte of ASCII text saved
    as UTF-16 without one (Windows Notepad's "Unicode"), says otherwise."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    head = data[:512]
    if len(head) >= 8 and head.count(0) * 2 >= len(head) - 1:
        return "utf-16-le" if not any(head[1::2]) else "utf-16-be" if not any(head[::2]) else (
            "utf-8")
    return "utf-8"


def decode(data: bytes, shown: Path) -> str:
    """The text of an article file; ContentError naming the line of the first bad byte."""
    codec = _encoding(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1 if codec == "utf-8" else None
        raise ContentError(Problem(
            f"not {codec.upper().replace('-LE', '').replace('-BE', '')} text (byte "
            f"{exc.start}, 0x{data[exc.start]:02X}, cannot be read)", shown, line,
            "save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8)")) from None
    return text.removeprefix("\ufeff")


def parse(text: str, path: Path) -> Document:
    """Parse a whole article file into front matter and body."""
    _check_characters(text, path)
    yaml_text, body, body_line = split(text, path)
    try:
        loaded = load_yaml(yaml_text, path, first_line=2)
    except YamlSyntaxError as exc:
        problem = exc.problem
        raise ContentError(
            replace(problem, hint=problem.hint or _yaml_hint(problem.message))) from None
    meta = loaded.data if loaded.data is not None else {}
    if not isinstance(meta, dict):
        raise ContentError(Problem(
            "front matter must be a mapping of `key: value` lines", path, 2,
            "write one `key: value` per line, e.g. `title: My article`",
        ))
    bad = [k for k in meta if not isinstance(k, str)]
    if bad:
        raise ContentError(Problem(
            f"front matter key {bad[0]!r} is not text", path, loaded.line(bad[0]) or 2,
        ))
    return Document(meta, body, body_line, loaded)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes multi-line strings as blocks and never sorts keys."""


_AWKWARD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
"""Characters YAML treats as breaks or cannot print raw: only double quotes keep them exact."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _AWKWARD.search(value) else ("|" if "\n" in value else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _dict_representer(dumper: yaml.SafeDumper, value: dict[Any, Any]) -> yaml.MappingNode:
    """Mappings always as blocks: one `key: value` line each, however few keys."""
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=False)


def _list_representer(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """Lists of scalars inline (`topics: [a, b]`), others as blocks."""
    flat = all(not isinstance(item, dict | list) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


_Dumper.add_representer(str, _str_representer)
_Dumper.add_representer(dict, _dict_representer)
_Dumper.add_representer(list, _list_representer)


def _ordered(meta: dict[str, Any]) -> dict[str, Any]:
    first = [k for k in KEY_ORDER if k in meta]
    rest = sorted(k for k in meta if k not in KEY_ORDER)
    return {k: meta[k] for k in [*first, *rest]}


def dump_meta(meta: dict[str, Any]) -> str:
    """YAML text for `meta` in canonical key order (no fences)."""
    return yaml.dump(
        _ordered(meta), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
    )


def dump(meta: dict[str, Any], body: str) -> str:
    """A whole article file: fenced front matter, a blank line, the body, one final newline."""
    return f"---\n{dump_meta(meta)}---\n\n{body.strip()}\n"


def as_date(value: Any) -> dt.date | None:
    """Interpret a front matter `date` value (YAML date, datetime or ISO string); None if not."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
