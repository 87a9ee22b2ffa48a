"""Backlinks: which articles link to which, so a linked article shows "Linked from".

Links between articles are written `[text](other.md)` or `[[other]]` and become
`/articles/other/` when the body renders (`readsite.markdown`), so one pattern over the
rendered body finds them all, whatever spelling the writer used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from urllib.parse import unquote

from readsite.models import Article


@lru_cache(maxsize=8)
def _pattern(base_path: str) -> re.Pattern[str]:
    return re.compile(rf'href="{re.escape(base_path)}articles/([^"/?#]+)/')


def outgoing(html: str, base_path: str = "/") -> tuple[str, ...]:
    """The slugs of the articles a rendered body links to, each once, in order."""
    return tuple(dict.fromkeys(unquote(m) for m in _pattern(base_path).findall(html)))


def index(articles: Sequence[Article], links: Sequence[tuple[str, ...]]
          ) -> Mapping[str, tuple[Article, ...]]:
    """Article slug → the articles linking to it, in reading order (an article's link to
    itself, or to an article the site does not have, is no backlink)."""
    found: dict[str, list[Article]] = {}
    slugs = {a.slug for a in articles}
    for article, targets in zip(articles, links, strict=True):
        for target in targets:
            if target != article.slug and target in slugs:
                found.setdefault(target, []).append(article)
    return MappingProxyType({slug: tuple(linking) for slug, linking in found.items()})
