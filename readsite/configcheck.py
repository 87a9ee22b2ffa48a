"""The schema checker site.yaml's sections share: typed values out of raw YAML, with every
problem collected (and its line) rather than the first one raised."""

from __future__ import annotations

import dataclasses
import difflib
from pathlib import Path
from typing import Any

from readsite.errors import Problem
from readsite.yamlutil import LoadedYaml


def did_you_mean(word: str, choices: list[str]) -> str:
    """A hint for an unknown `word`: the closest known key, else all of them."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    return "known keys: " + ", ".join(sorted(choices))


def fields_of(cls: type[Any], skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A config dataclass's fields by name (its schema), without `skip`."""
    return {f.name: f for f in dataclasses.fields(cls) if f.name not in skip}


class Checker:
    """Accumulates problems while converting raw YAML data into typed values."""

    def __init__(self, path: Path, loaded: LoadedYaml) -> None:
        self.path = path
        self.loaded = loaded
        self.problems: list[Problem] = []

    def fail(self, key_path: tuple[str | int, ...], message: str, hint: str = "") -> None:
        self.problems.append(Problem(message, self.path, self.loaded.line(*key_path), hint))

    def unknown_keys(
        self, data: dict[str, Any], allowed: list[str], where: tuple[str | int, ...]
    ) -> None:
        for key in data:
            if key not in allowed:
                label = ".".join(str(p) for p in (*where, key))
                self.fail((*where, key), f"unknown key `{label}`", did_you_mean(str(key), allowed))

    def text(self, data: dict[str, Any], key: str, where: tuple[str | int, ...],
             required: bool = False) -> str | None:
        if key not in data or data[key] is None:
            if required:
                label = ".".join(str(p) for p in (*where, key))
                line_path = where if where else ()
                self.problems.append(Problem(
                    f"`{label}` is required", self.path, self.loaded.line(*line_path) or 1,
                    f"add a line `{key}: ...`",
                ))
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail((*where, key), f"`{key}` must be text, not {type(value).__name__}")
            return None
        return str(value).strip()

    def terms(self, data: dict[str, Any], key: str, where: tuple[str | int, ...]) -> list[str]:
        """A list of non-empty terms (`keywords:`, `tags:`), stripped; [] when absent."""
        raw = data.get(key)
        if raw is None:
            return []
        if not isinstance(raw, list) or not all(isinstance(k, str) and k.strip() for k in raw):
            self.fail((*where, key), f"`{key}` must be a list of non-empty terms",
                      f"e.g. `{key}: [rust, async]`")
            return []
        return [k.strip() for k in raw]

    def boolean(self, data: dict[str, Any], key: str, where: tuple[str | int, ...]) -> bool | None:
        if key not in data:
            return None
        if not isinstance(data[key], bool):
            self.fail((*where, key), f"`{key}` must be true or false")
            return None
        return bool(data[key])

    def fraction(self, data: dict[str, Any], key: str, where: tuple[str | int, ...]
                 ) -> float | None:
        """A number above 0 and at most 1 (a share, a similarity)."""
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
            self.fail((*where, key), f"`{key}` must be a number above 0 and at most 1",
                      f"e.g. `{key}: 0.3`")
            return None
        return float(value)

    def integer(self, data: dict[str, Any], key: str, where: tuple[str | int, ...],
                minimum: int = 0, zero: str = "") -> int | None:
        """A whole number ≥ `minimum`; with `zero` (what 0 means), 0 is allowed too."""
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int) or (
                value < minimum and not (zero and value == 0)):
            also = f", or 0 for {zero}" if zero else ""
            self.fail((*where, key), f"`{key}` must be a whole number ≥ {minimum}{also}")
            return None
        return value
