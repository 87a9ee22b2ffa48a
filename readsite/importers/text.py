"""Plain-text articles (.txt, .text, or no suffix): everything comes from the normaliser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readsite.importers.record import Imported
from readsite.normalise import Normalised, SiteRules, normalise


def read(raw: str, path: Path, rules: SiteRules | None = None) -> Imported:
    """A pasted or clipped article as an Imported record (`rules`: site.yaml's `import:`)."""
    return to_record(normalise(raw, rules), path)


def to_record(found: Normalised, path: Path) -> Imported:
    """A normalised clipping as an Imported record: label lines and `title_generated: true`
    go under `extra`, the trace onto the record for `--explain`."""
    extra: dict[str, Any] = dict(found.extra)
    if found.title_generated:
        extra["title_generated"] = True
    return Imported(found.title, found.body, path, date=found.date, updated=found.updated,
                    author=found.author, source=found.source, url=found.url,
                    summary=found.summary, extra=extra, trace=found.trace)
