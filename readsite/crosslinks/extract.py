"""What cross-linking needs from one article, found while it loads (on every core).

Stories, quotes, figures, entities and backlinks all need the article's whole text, which a
build does not keep (see `models.Article.text`), so each kind's per-article finder runs here,
in the worker that loaded the article, and only their compact results travel on.  Looking
costs about as much as rendering the body, so what depends on the body alone (quotes,
figures, sentences, links) is kept in the render cache beside the rendered body (`dump`);
entity mentions depend on site.yaml too and are looked for on every build.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from readsite.config import SiteConfig
from readsite.crosslinks import backlinks, entities, figures, quotes, stories
from readsite.crosslinks.text import anchored
from readsite.crosslinks.text import lines as text_lines
from readsite.models import Article


@dataclass(frozen=True, slots=True)
class Found:
    """One article's quotes, figures, entity mentions, sentences and links; a line is -1
    where its block has no paragraph anchor to link back to."""

    quotes: tuple[quotes.Said, ...]
    """Quoted speech with its speaker, per line."""
    figures: tuple[figures.Number, ...]
    """Numbers with units and what they measure."""
    mentions: tuple[tuple[str, int, int], ...]
    """(entity slug, times mentioned, first line) per declared entity it names."""
    sentences: bytes
    """Its sentences, packed: what a story's facts and additions are made of."""
    links: tuple[str, ...]
    """Slugs of the articles its body links to."""


def dump(found: Found) -> str:
    """The body-only part of `found` as JSON text, for the render cache."""
    return json.dumps({
        "q": [[s.text, s.speaker, s.line, s.sentence] for s in found.quotes],
        "f": [[n.value, n.measure, n.line, n.sentence] for n in found.figures],
        "s": base64.b64encode(found.sentences).decode("ascii"),
        "l": list(found.links),
    }, ensure_ascii=False, separators=(",", ":"))


def _rows(raw: Any, key: str) -> list[tuple[str, str, int, str]] | None:
    """`raw[key]` as [text, text, line, text] rows, or None if anything has another shape."""
    rows = raw.get(key)
    if not isinstance(rows, list):
        return None
    out = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 4 and isinstance(row[0], str)
                and isinstance(row[1], str) and isinstance(row[2], int)
                and not isinstance(row[2], bool) and isinstance(row[3], str)):
            return None
        out.append((row[0], row[1], row[2], row[3]))
    return out


def _restore(text: str) -> Found | None:
    """What `dump` wrote (mentions left empty), or None for text of any other shape: a
    damaged cache costs a second look, never a wrong quote."""
    try:
        raw = json.loads(text)
        packed = base64.b64decode(raw["s"], validate=True) if isinstance(raw, dict) else b""
    except (ValueError, KeyError, TypeError, binascii.Error, RecursionError):
        return None
    said, numbers, links = _rows(raw, "q"), _rows(raw, "f"), raw.get("l")
    if said is None or numbers is None or not (
            isinstance(links, list) and all(isinstance(link, str) for link in links)):
        return None
    return Found(tuple(quotes.Said(*row) for row in said),
                 tuple(figures.Number(*row) for row in numbers), (), packed, tuple(links))


def find(article: Article, text: str, config: SiteConfig, cached: str = "") -> Found:
    """Everything cross-linking needs from `article`, whose whole plain text is `text`;
    `cached` is what `dump` kept of an earlier look at the same body, if any."""
    lines = text_lines(text)
    headings = {h.text for h in article.headings}
    skip = frozenset(i for i, line in enumerate(lines) if line in headings)
    matcher = entities.matcher_for(config.entities)
    mentions = matcher.mentions(lines, skip) if config.entities else ()
    kept = _restore(cached) if cached else None
    if kept is not None:
        return dataclasses.replace(kept, mentions=mentions)
    html = article.body_html
    linked = anchored(html)
    return Found(
        quotes=tuple(q if q.line in linked else dataclasses.replace(q, line=-1)
                     for q in quotes.find_quotes(lines, skip)),
        figures=tuple(f if f.line in linked else dataclasses.replace(f, line=-1)
                      for f in figures.find_figures(lines, skip)),
        mentions=mentions,
        sentences=stories.pack_sentences(lines, skip, linked),
        links=backlinks.outgoing(html, config.base_path),
    )
