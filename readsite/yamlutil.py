"""Safe YAML loading that remembers where each key was written.

Errors about a value must point at the line the user typed it on, so we compose the node
tree (which carries marks) alongside the plain data.  Aliases are refused outright: they are
never needed in a config or front matter, and they are how "billion laughs" documents blow up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from readsite.errors import Problem

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class LoadedYaml:
    """A YAML document's data plus the 1-based line of each key (or list item)."""

    data: Any
    lines: dict[KeyPath, int]

    def line(self, *path: str | int) -> int | None:
        """Line of the deepest key along `path` that was found (None if none)."""
        for cut in range(len(path), 0, -1):
            if path[:cut] in self.lines:
                return self.lines[path[:cut]]
        return None


_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C parser when PyYAML was built with it (about 10× faster on front matter), else
the pure-Python one; both are safe loaders (no tags, no objects)."""


def _reject_aliases(node: yaml.Node, seen: set[int]) -> None:
    """Refuse a node graph that uses an alias (`*name`): it shows up as a node met twice.

    Checked on the composed graph, before anything is constructed, because the C parser
    composes aliases itself; a self-referencing or exponential alias never gets built."""
    if id(node) in seen:
        raise yaml.MarkedYAMLError(None, None, "YAML aliases (*name) are not allowed here",
                                   node.start_mark)
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _reject_aliases(key, seen)
            _reject_aliases(value, seen)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _reject_aliases(item, seen)


def _record(node: yaml.Node, prefix: KeyPath, offset: int, out: dict[KeyPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            out[(*prefix, key)] = key_node.start_mark.line + 1 + offset
            _record(value_node, (*prefix, key), offset, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[(*prefix, index)] = item.start_mark.line + 1 + offset
            _record(item, (*prefix, index), offset, out)


def _scalars(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(key)
            yield from _scalars(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)


_KINDS = {"timestamp": "date (write it as YYYY-MM-DD)", "int": "whole number",
          "float": "number", "bool": "true or false"}


def _construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """The document's data; a value PyYAML's constructors choke on (`2024-13-45`, `!!int x`)
    becomes a MarkedYAMLError at that value, not a ValueError from deep inside PyYAML."""
    try:
        return loader.construct_document(node)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError) as exc:
        for scalar in _scalars(node):
            loader.constructed_objects, loader.recursive_objects = {}, {}  # reset by the failure
            try:
                loader.construct_object(scalar, deep=True)
            except (ValueError, TypeError, AttributeError, IndexError, KeyError):
                kind = scalar.tag.rsplit(":", 1)[-1]
                raise yaml.MarkedYAMLError(
                    None, None, f"`{scalar.value}` is not a valid {_KINDS.get(kind, kind)}",
                    scalar.start_mark) from exc
        raise yaml.YAMLError(f"a value cannot be read: {exc}") from exc


def _compose(text: str, loader_class: type[yaml.SafeLoader]) -> tuple[Any, yaml.Node | None]:
    """(data, node) of one YAML document, aliases refused before construction."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _reject_aliases(node, set())
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
            data, node = _compose(text, _Loader)
        except yaml.YAMLError:
            if _Loader is yaml.SafeLoader:
                raise
            data, node = _compose(text, yaml.SafeLoader)  # to report it precisely
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark is not None else None
        reason = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(Problem(f"invalid YAML: {reason}", path, line)) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(Problem(f"invalid YAML: {exc}", path, first_line)) from exc
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _record(node, (), offset, lines)
    return LoadedYaml(data, lines)


class YamlSyntaxError(Exception):
    """Raised by `load_yaml`; callers wrap the problem in their own error class."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
