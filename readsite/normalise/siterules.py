"""A site's own import rules (site.yaml `import:`), and boilerplate proposals from past imports.

Generic rules cannot know that every issue of one newsletter ends with the same plug; the site
can say so once, in site.yaml, for all its clippings or for one outlet.  `propose_boilerplate`
finds such lines for the user: lines that repeat across several imports from one source.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from readsite.config import SiteConfig, line_pattern
from readsite.normalise.outlets import KNOWN_OUTLETS
from readsite.normalise.text import fold

Patterns = tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class SiteRules:
    """Boilerplate a site adds to the normaliser's own rules (see `ImportConfig`)."""

    boilerplate: Patterns = ()
    """Lines dropped from every clipping (rule `site-boilerplate`)."""
    sources: dict[str, Patterns] = field(default_factory=dict)
    """Folded outlet name → lines dropped from that outlet's clippings (`source-boilerplate`)."""

    @classmethod
    def from_lists(cls, boilerplate: Iterable[str] = (),
                   sources: Mapping[str, Iterable[str]] | None = None) -> SiteRules:
        """Rules from plain lines / `/regex/` strings (raises `re.error` for a bad regex)."""
        return cls(tuple(line_pattern(p) for p in boilerplate),
                   {fold(name): tuple(line_pattern(p) for p in lines)
                    for name, lines in (sources or {}).items()})

    @classmethod
    def from_config(cls, config: SiteConfig) -> SiteRules:
        """The rules site.yaml's `import:` section declares (already validated at load)."""
        imports = config.imports
        return cls.from_lists(imports.boilerplate,
                              {s.name: s.boilerplate for s in imports.sources})

    def for_source(self, source: str) -> Patterns:
        """The boilerplate of one outlet (none when the site declares nothing for it)."""
        return self.sources.get(fold(source), ()) if source else ()

    @property
    def outlets(self) -> frozenset[str]:
        """Folded outlet names recognised on a line of their own: known ones and the site's."""
        return KNOWN_OUTLETS | frozenset(self.sources)


def propose_boilerplate(bodies_by_source: Mapping[str, Sequence[str]], min_count: int = 3,
                        ) -> list[tuple[str, str, int]]:
    """(source, line, count) for each line that appears in at least `min_count` different
    bodies imported from one source (blank lines and headings markers ignored), most frequent
    first: candidates for that source's `import.sources.<name>.boilerplate`."""
    proposals: list[tuple[str, str, int]] = []
    for source in sorted(bodies_by_source):
        counts: Counter[str] = Counter()
        first_form: dict[str, str] = {}
        for body in bodies_by_source[source]:
            seen: set[str] = set()
            for line in body.split("\n"):
                text = line.strip().lstrip("#").strip()
                key = fold(text)
                if not key or key in seen:
                    continue
                seen.add(key)
                counts[key] += 1
                first_form.setdefault(key, text)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        proposals.extend((source, first_form[key], count) for key, count in ranked
                         if count >= min_count)
    return proposals
