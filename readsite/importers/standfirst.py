"""A page's standfirst that the extractor kept as the story's first paragraph.

A news page sets its dek under the headline (`<p class="standfirst">`), then the byline,
then the story; its `<meta name="description">` says the same words.  The extractor keeps the
dek as the story's opening paragraph, and the normaliser, which sees no byline under it (the
extractor left the byline out), cannot tell.  The dek is the article's `summary`, so here it
leaves the body, but only when the page proves it a dek: its first paragraph says exactly
what the page's description says, and on the page a byline or a date stands right under it.
A description that repeats the story's opening paragraph (a blog's excerpt) has the byline
above it, or none, and the paragraph stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from readsite.normalise import Normalised, fold, parse_byline, parse_date, same_line
from readsite.normalise.trace import Trace

BYLINE_BLOCKS = 3
"""How many lines under the standfirst on the page are searched for a byline or date."""
LEAD_PARAGRAPHS = 3
"""How many paragraphs from the top may be the standfirst (a kicker or the lead photo may
stand above it)."""
UNESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


def _under_byline(blocks: Sequence[str], text: str, author: str) -> bool:
    """Whether, on the page, a byline or date line stands right under the line `text`."""
    at = next((i for i, b in enumerate(blocks) if same_line(b, text)), -1)
    if at < 0:
        return False
    return any((author and fold(author.split(",")[0]) in fold(b))
               or parse_byline(b) is not None or parse_date(b) is not None
               for b in blocks[at + 1:at + 1 + BYLINE_BLOCKS])


def drop_standfirst(found: Normalised, summary: str, blocks: Sequence[str],
                    author: str) -> tuple[Normalised, list[Trace]]:
    """`found` without its first paragraph when that is the page's standfirst (`summary`: the
    description the page states; `blocks`: its visible lines; `author`: the stated author),
    and the trace of what went."""
    if not summary.strip():
        return found, []
    paragraphs = found.body.split("\n\n")
    for index, paragraph in enumerate(paragraphs[:LEAD_PARAGRAPHS]):
        if paragraph.lstrip().startswith(("#", ">", "-", "*")):
            break  # the story's first section or list: no standfirst after it
        text = " ".join(UNESCAPE_RE.sub(r"\1", paragraph).split())
        if same_line(text, summary) and _under_byline(blocks, text, author):
            body = "\n\n".join(paragraphs[:index] + paragraphs[index + 1:]).strip()
            return replace(found, body=body), [
                Trace("dropped", "html: standfirst (the summary)", text)]
    return found, []
