"""Safe YAML loading that remembers where each key was written.

Errors about a value must point at the line the user typed it on, so we compose the node
tree (which carries marks) alongside the plain data.  Aliases are refused outright: they are
never needed in a config or front matter, and they are how "billion laughs" documents blow up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from readsite.errors import Problem
from readsite.sanitise import LONE_SURROGATE

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class LoadedYaml:
    """A YAML document's data plus the 1-based line of each key (or list item)."""

    data: Any
    lines: dict[KeyPath, int]
    written: dict[KeyPath, str] = field(default_factory=dict)
    """Each scalar value exactly as typed (`0x1F`, not 31), for values that must be text."""

    def line(self, *path: str | int) -> int | None:
        """Line of the deepest key along `path` that was found (None if none)."""
        for cut in range(len(path), 0, -1):
            if path[:cut] in self.lines:
                return self.lines[path[:cut]]
        return None


_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C parser when PyYAML was built with it (about 10× faster on front matter), else
the pure-Python one; both are safe loaders (no tags, no objects)."""


MAX_DEPTH = 32
"""Deepest nesting of lists and mappings accepted: front matter and site.yaml need 3 or 4; the
limit keeps composing (recursive, in PyYAML) far from Python's recursion limit."""

class _Refused(yaml.YAMLError):
    """A well-formed document readsite will not read: why, and the 0-based line."""

    def __init__(self, reason: str, line: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _line(event: yaml.Event) -> int:
    """0-based line where `event` starts (0 if the parser did not say)."""
    mark = event.start_mark
    return mark.line if mark is not None else 0


def _screen_events(text: str, loader_class: type[yaml.SafeLoader]) -> None:
    """Refuse aliases and deep nesting from the event stream, before any node is composed.

    The parser is a loop over a stack, linear in the text however it is nested, while the
    composer and constructors recurse: a 1,000-deep `[[[...]]]` or a "billion laughs" alias
    bomb must be stopped here, as a marked error, not as a RecursionError or a blow-up."""
    loader = loader_class(text)
    depth = 0
    try:
        while loader.check_event():
            event: yaml.Event = loader.get_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.AliasEvent):
                raise _Refused("YAML aliases (*name) are not allowed here", _line(event))
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Refused(f"values are nested more than {MAX_DEPTH} levels deep",
                                   _line(event))
            elif isinstance(event, _CLOSE):
                depth -= 1
    finally:
        loader.dispose()


def _screen_nodes(node: yaml.Node) -> None:
    """Refuse a key written twice in one mapping (YAML would silently keep the last) and a
    `\\ud800`-style escape of a lone surrogate (not a character: writing it out fails)."""
    if isinstance(node, yaml.ScalarNode):
        if LONE_SURROGATE.search(node.value):
            raise _Refused("a `\\u` escape makes a lone surrogate, which is not a character",
                           node.start_mark.line)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    raise _Refused(f"the key `{key.value}` is given a second time",
                                   key.start_mark.line)
                seen[key.value] = key.start_mark.line
            _screen_nodes(key)
            _screen_nodes(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _screen_nodes(item)


def _record(node: yaml.Node, prefix: KeyPath, offset: int, out: LoadedYaml) -> None:
    """Fill `out.lines` and `out.written` for every key and item under `node`."""
    if isinstance(node, yaml.ScalarNode):
        out.written[prefix] = node.value
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            out.lines[(*prefix, key)] = key_node.start_mark.line + 1 + offset
            _record(value_node, (*prefix, key), offset, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out.lines[(*prefix, index)] = item.start_mark.line + 1 + offset
            _record(item, (*prefix, index), offset, out)


def _scalars(node: yaml.Node, key: str) -> Iterator[tuple[str, yaml.ScalarNode]]:
    """Every scalar under `node`, with the key it is the value of (or in the list of)."""
    if isinstance(node, yaml.ScalarNode):
        yield key, node
    elif isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            yield from _scalars(key_node, key)
            yield from _scalars(value, str(key_node.value))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item, key)


_KINDS = {"timestamp": "date (write it as YYYY-MM-DD)", "int": "whole number",
          "float": "number", "bool": "true or false"}


def _construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """The document's data; a value PyYAML's constructors choke on (`2024-13-45`, `!!int x`)
    becomes a MarkedYAMLError at that value, not a ValueError from deep inside PyYAML."""
    try:
        return loader.construct_document(node)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError) as exc:
        for key, scalar in _scalars(node, ""):
            loader.constructed_objects, loader.recursive_objects = {}, {}  # reset by the failure
            try:
                loader.construct_object(scalar, deep=True)
            except (ValueError, TypeError, AttributeError, IndexError, KeyError):
                kind = scalar.tag.rsplit(":", 1)[-1]
                field = f" (`{key}`)" if key else ""
                raise yaml.MarkedYAMLError(
                    None, None, f"`{scalar.value}` is not a valid {_KINDS.get(kind, kind)}"
                    f"{field}", scalar.start_mark) from exc
        raise yaml.YAMLError(f"a value cannot be read: {exc}") from exc


def _compose(text: str, loader_class: type[yaml.SafeLoader]) -> tuple[Any, yaml.Node | None]:
    """(data, node) of one YAML document, aliases refused before construction."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _screen_nodes(node)
        return (_construct(loader, node) if node is not None else None), node
    finally:
        loader.dispose()


def load_yaml(text: str, path: Path | None, first_line: int = 1) -> LoadedYaml:
    """Parse `text` safely; `first_line` is where it starts in `path` (for messages).

    Raises ValueError-free: a syntax error becomes a `Problem` inside `YamlSyntaxError`.
    Errors are reported from the pure-Python parser, whose messages and lines are the
    precise ones ("expected ',' or ']'" on the line that opened the list).
    """
    offset = first_line - 1
    try:
        try:
            _screen_events(text, _Loader)
            data, node = _compose(text, _Loader)
        except yaml.YAMLError as exc:
            if _Loader is yaml.SafeLoader or isinstance(exc, _Refused):
                raise
            _screen_events(text, yaml.SafeLoader)  # to report it precisely
            data, node = _compose(text, yaml.SafeLoader)
    except _Refused as exc:
        raise YamlSyntaxError(Problem(f"invalid YAML: {exc.reason}", path,
                                      exc.line + 1 + offset)) from exc
    except yaml.reader.ReaderError as exc:
        at = text.count("\n", 0, exc.position) + first_line
        raise YamlSyntaxError(Problem(
            f"the character U+{exc.character:04X} is not allowed in YAML" if isinstance(
                exc.character, int) else "invalid text in YAML", path, at,
            "delete it (most editors do not show it); only tabs and line breaks may appear "
            "among the letters")) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark is not None else None
        reason = (exc.problem or exc.context or "invalid YAML").split("\n  in ")[0]
        start = exc.context_mark
        if exc.problem and exc.context and start is not None and mark is not None and (
                start.line != mark.line):
            reason += f" ({exc.context}, which starts on line {start.line + 1 + offset})"
        raise YamlSyntaxError(Problem(f"invalid YAML: {reason}", path, line)) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(Problem(f"invalid YAML: {exc}", path, first_line)) from exc
    loaded = LoadedYaml(data, {})
    if node is not None:
        _record(node, (), offset, loaded)
    return loaded


class YamlSyntaxError(Exception):
    """Raised by `load_yaml`; callers wrap the problem in their own error class."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
