"""Plain-text articles (.txt, .text, or no suffix): everything comes from the normaliser."""

from __future__ import annotations

from pathlib import Path

from readsite.importers.record import Imported
from readsite.normalise import normalise


def read(raw: str, path: Path) -> Imported:
    """A pasted or clipped article as an Imported record."""
    found = normalise(raw)
    return Imported(found.title, found.body, path, date=found.date, author=found.author,
                    source=found.source, url=found.url, summary=found.summary)
