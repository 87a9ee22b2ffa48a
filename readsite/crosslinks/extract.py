"""What cross-linking needs from one article, found while it loads (on every core).

Stories, quotes, figures, entities and backlinks all need the article's whole text, which a
build does not keep (see `models.Article.text`), so each kind's per-article finder runs here,
in the worker that loaded the article, and only their compact results travel on.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

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


def find(article: Article, text: str, config: SiteConfig) -> Found:
    """Everything cross-linking needs from `article`, whose whole plain text is `text`."""
    lines = text_lines(text)
    headings = {h.text for h in article.headings}
    skip = frozenset(i for i, line in enumerate(lines) if line in headings)
    html = article.body_html
    linked = anchored(html)
    matcher = entities.matcher_for(config.entities)
    return Found(
        quotes=tuple(q if q.line in linked else dataclasses.replace(q, line=-1)
                     for q in quotes.find_quotes(lines, skip)),
        figures=tuple(f if f.line in linked else dataclasses.replace(f, line=-1)
                      for f in figures.find_figures(lines, skip)),
        mentions=matcher.mentions(lines, skip) if config.entities else (),
        sentences=stories.pack_sentences(lines, skip, linked),
        links=backlinks.outgoing(html, config.base_path),
    )
