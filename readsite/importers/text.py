"""Plain-text articles (.txt, .text, or no suffix): everything comes from the normaliser."""

from __future__ import annotations

from pathlib import Path

from readsite.normalise import Normalised, normalise


def read(raw: str, path: Path | None = None) -> Normalised:
    """A plain-text article as a Normalised one (`path` is only for error messages)."""
    return normalise(raw)
