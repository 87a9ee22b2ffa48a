"""Split, parse and write the YAML front matter of an article file.

An article is `---\\n<yaml>\\n---\\n<markdown body>`.  Parsing is safe (no tags, no aliases)
and bounded in size; every error names the file and the line.  Dumping is deterministic
(fixed key order, stable quoting) so that re-importing the same input is byte-identical.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from readsite.errors import ContentError, Problem
from readsite.yamlutil import LoadedYaml, YamlSyntaxError, load_yaml

MAX_FRONT_MATTER = 64 * 1024
"""Front matter larger than this is almost surely a mistake (an unclosed block eating the body)."""

KEY_ORDER = (
    "title", "slug", "source", "author", "url", "date", "updated", "summary", "topics", "tags",
    "draft", "aliases", "extra", "imported_from", "import_hash", "body_hash",
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


def split(text: str, path: Path) -> tuple[str, str, int]:
    """Return (yaml_text, body, body_line); raise ContentError if the fences are broken."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ContentError(Problem(
            "the file does not start with front matter", path, 1,
            "start the file with a line `---`, then `title: ...`, then a closing `---`",
        ))
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            yaml_text = "\n".join(lines[1:index])
            if len(yaml_text.encode()) > MAX_FRONT_MATTER:
                break
            return yaml_text, "\n".join(lines[index + 1 :]), index + 2
        if sum(len(x) + 1 for x in lines[1 : index + 1]) > MAX_FRONT_MATTER:
            break
    raise ContentError(Problem(
        "front matter opened on line 1 is never closed", path, 1,
        "did you forget the closing `---` after the front matter?",
    ))


def parse(text: str, path: Path) -> Document:
    """Parse a whole article file into front matter and body."""
    yaml_text, body, body_line = split(text, path)
    try:
        loaded = load_yaml(yaml_text, path, first_line=2)
    except YamlSyntaxError as exc:
        raise ContentError(exc.problem) from None
    meta = loaded.data if loaded.data is not None else {}
    if not isinstance(meta, dict):
        raise ContentError(Problem(
            "front matter must be a mapping of `key: value` lines", path, 2,
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
