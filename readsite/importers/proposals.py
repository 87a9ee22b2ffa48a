"""Boilerplate proposals: lines that repeat across several clippings from one outlet.

Generic rules cannot know that every issue of one newsletter ends with the same plug; after
an import run, the lines that repeat in several of one outlet's articles are offered to the
user as `import.sources.<outlet>.boilerplate` entries for site.yaml (never dropped unasked).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from readsite.importers.record import Imported
from readsite.normalise import propose_boilerplate

PROPOSE_AFTER = 3
"""How many clippings from one outlet a line must repeat in to be proposed as boilerplate."""
PROPOSE_MAX_CHARS = 300
"""Longer repeated lines are quoted material, not furniture: never proposed."""


def boilerplate_proposals(records: Sequence[Imported], min_count: int = PROPOSE_AFTER
                          ) -> list[str]:
    """For each line that repeats in `min_count` or more clippings from one outlet, a note
    saying how to make site.yaml drop it."""
    bodies: dict[str, list[str]] = {}
    for record in records:
        if record.source:
            bodies.setdefault(record.source, []).append(record.body)
    notes: list[str] = []
    for source, line, count in propose_boilerplate(bodies, min_count):
        if len(line) > PROPOSE_MAX_CHARS:
            continue
        name = json.dumps(source, ensure_ascii=False)
        notes.append(f"{json.dumps(line, ensure_ascii=False)} appears in {count} articles "
                     f"from {source}; add it to import.sources.{name}.boilerplate in site.yaml "
                     "to drop it")
    return notes
