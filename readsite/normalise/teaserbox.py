"""A teaser box inside the story: "Related" over two headlines, and then the story goes on.

A tail marker ("Related", "Most popular", "Read more", "Lesen Sie auch") usually opens the
page's trailing chrome, so `boilerplate` drops it and everything after it.  But pages also put
a small box of links to other stories *between* the story's paragraphs, and a select-all copy
keeps it there; cutting at its marker would lose the rest of the story, the worst mistake an
importer can make.  The box has a shape that tells it apart: the marker, a few short lines
without a final stop (headlines, counters "1", "2", a date or a read time), and then
two or more finished paragraphs of story again (a lone paragraph after a box is as often a
footer's blurb about the site), with at most one more short line among them.  A list of
teasers with deks ("Headline" / "One-sentence dek." / "Headline" / ...) alternates short lines
and sentences, and a comment thread is never a box (its markers are not teaser markers), so
both still end the article.

Two shapes of the same box were still cut as a tail on real pages, with the rest of the
story.  A tabloid's "Most read in world news" box lists a dozen teasers as kicker/headline
pairs, more than the eight lines a box was allowed; and a saved page whose extractor already
removed the box's links leaves the marker (a heading) alone between two paragraphs.  So a
box may hold up to 16 short lines, and a marker with none under it is a box when the story
plainly goes on: a run of four finished paragraphs right under it (headings, and one other
line in all, among them).  A teaser list with deks alternates headlines and sentences, and a
footer's blurb is one or two paragraphs, so neither makes such a run; the same run also
vouches for a box whose story later turns into a list (tour dates, a fact box) that the
count of short lines would otherwise hold against it.  A page's footer can also follow a
teaser list with a run of sentences (legal notes), but its teasers end in share links or a
sign-up, which no box between paragraphs holds: a chrome line among the teasers is no box.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from readsite.normalise.blocks import Block, plain_markdown
from readsite.normalise.rules import Rule
from readsite.normalise.tails import is_tail_marker
from readsite.normalise.text import fold_line, words

TEASER_BOX = Rule("teaser-box", "A teaser box between the story's paragraphs: a tail marker "
                  "(\"Related\", \"Most popular\", \"Lesen Sie auch\") over 1-16 short lines "
                  "without a final stop (headlines, kickers, counters; no share link or "
                  "sign-up among them), with two or more finished story paragraphs after it, "
                  "or a run of four: the box is dropped and the story after it kept.")

BOX_MARKER = Rule("box-marker", "A tail marker (\"Most read\", \"Read more\", \"Related\") "
                  "alone between the story's paragraphs, its teasers already gone (a saved "
                  "page's extractor drops the box's links), with four or more finished "
                  "paragraphs of story right under it: only the marker leaves.")

BOX_LINES = 16
"""Most short lines in a teaser box under its marker (eight teasers, each under a kicker)."""

STORY_RUN = 4
"""Finished paragraphs in a row under a box (headings and one other line among them) that
show the story goes on there, whatever the page holds further down."""

TEASER_WORDS = 16
"""Longest teaser headline in a box, in words."""

PROSE_WORDS = 12
"""Fewest words of a finished paragraph that shows the story goes on after the box."""

_NOT_TEASER_MARKER = re.compile(r"comment|kommentar|comentario|commenti|repl(?:y|ies)|respons|"
                                r"conversation|discussion|episodes|^tags|topics|system assessment",
                                re.I)
"""Tail markers that open a comment thread, a tag list or an episode list: never a box inside
the story (what follows them may be sentences that are not the story's)."""
_STOP = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


def _teaser(block: Block) -> bool:
    """A line of a teaser box: a link list, or a short line without a final stop."""
    if block.heading:
        return False
    if block.markup:
        return all(re.match(r"\s*[-*+]\s", line) for line in block.text.splitlines() if line)
    text = block.text.strip()
    return 1 <= len(words(text)) <= TEASER_WORDS and not re.search(r"[.!\u2026:;,]$", text)


def _prose(block: Block, chrome: Callable[[str], bool]) -> bool:
    """A finished paragraph of 12+ words that no chrome rule claims.  A saved page's
    paragraph holding a link is Markdown by then; it is prose all the same, unless it is an
    image, a list, a quote or a table."""
    if block.heading:
        return False
    text = block.text.strip()
    if block.markup:
        if _NOT_PARAGRAPH.match(text) or "\n" in text:
            return False
        text = plain_markdown(text)
    return len(words(text)) >= PROSE_WORDS and bool(_STOP.search(text)) and not chrome(text)


_NOT_PARAGRAPH = re.compile(r"^(?:!\[|[-+*]\s|\d{1,9}[.)]\s|>|\||<|#|`{3,}|~{3,})")
"""How a Markdown block that is no paragraph of text starts (image, list, quote, table,
raw HTML, heading, code)."""


def _story_run(blocks: Sequence[Block], start: int, chrome: Callable[[str], bool]) -> bool:
    """Whether `STORY_RUN` finished paragraphs follow each other from `start` on.  Headings
    between them are skipped, and so is one other line in the whole run (a pasted subheading,
    "How is it spread?", or a caption); a second ends it, as a teaser list's next headline
    does (headline, dek, headline, dek never makes a run)."""
    run = 0
    loose = False
    for block in blocks[start:]:
        if block.heading:
            continue
        if not _prose(block, chrome):
            if loose:
                return False
            loose = True
            continue
        run += 1
        if run >= STORY_RUN:
            return True
    return False


def box_end(blocks: Sequence[Block], index: int, chrome: Callable[[str], bool]) -> int | None:
    """Where the teaser box opened by the marker at `index` ends, when the story goes on after
    it; None when the marker opens the page's tail.  `chrome`: whether a line is chrome."""
    marker = blocks[index]  # a saved page's marker is a heading ("#### Most read")
    if (marker.markup and not marker.heading) or not is_tail_marker(marker.text):
        return None
    if _NOT_TEASER_MARKER.search(fold_line(marker.text)):
        return None
    end = index + 1
    while end < len(blocks) and end - index <= BOX_LINES and _teaser(blocks[end]):
        end += 1
    if any(chrome(b.text) for b in blocks[index + 1:end]):
        return None  # share links or a sign-up under the teasers: the page's footer
    if end >= len(blocks) or not _prose(blocks[end], chrome):
        return None
    if _story_run(blocks, end, chrome):
        return end
    if end == index + 1:
        return None  # a marker alone over prose: only a run of story vouches for it
    stop = next((n for n in range(end + 1, len(blocks))
                 if not blocks[n].markup and is_tail_marker(blocks[n].text)), len(blocks))
    after = blocks[end:stop]  # up to the next marker, where the page's tail may begin
    prose = sum(_prose(b, chrome) for b in after)
    short = sum(1 for b in after if _teaser(b) and not chrome(b.text))  # more headlines
    return end if short <= 1 and prose >= 2 * short + 2 else None
