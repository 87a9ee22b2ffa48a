"""The header region of a pasted page: everything above the story's first paragraphs.

A page copied with "select all" puts its chrome above the story: the site's name, runs of
navigation words, an app bar, a cookie title, a section label (kicker), sometimes the author
box, then the headline, a dek and the byline.  Rather than trusting the first line, this module
models that region:

* the *story start* is the first run of two long sentence-like paragraphs (`story_start`);
* every line above it is a *header line*; runs of short lines are navigation (`nav_lines`);
* each remaining header line is scored as a headline by general features (`headline_score`):
  length, case, final stop, a byline or date below it, words it shares with the story;
* above the chosen headline, navigation, the kicker, an outlet's name and short chrome go
  (`strip_header`); metadata lines (bylines, dates, names) stay for `metadata` to read.

Precision first: a line that may be prose is never dropped here, and when no header line
scores clearly better than the first one, the blocks are left exactly as they were.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from readsite.normalise.blocks import Block
from readsite.normalise.boilerplate import is_boilerplate
from readsite.normalise.byline import (
    is_name,
    is_outlet_name,
    looks_like_outlet,
    parse_byline,
)
from readsite.normalise.dates import parse_date
from readsite.normalise.headings import is_all_caps
from readsite.normalise.masthead import DURATION, HEADER_OUTLET, is_publication, is_site_name
from readsite.normalise.metadata import is_published_in, parse_label_line
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold, split_sentences, words
from readsite.normalise.title import is_agency, is_kicker, is_outlet_line, is_title_like, same_line
from readsite.normalise.trace import Trace

NAV_RUN = Rule("nav-run", "Above the headline, a run of 3+ short lines (1-3 words, no sentence "
               "stop, not a date or byline): the site's navigation; dropped.")
KICKER = Rule("kicker", "A 1-3-word line directly above the headline the header model chose (a "
              "section label such as \"Analysis\"), or between it and the story: dropped.")
HEADER_CHROME = Rule("header-chrome", "A short line (at most 6 words, no sentence stop, not a "
                     "date, byline or name) above the headline the header model chose: page "
                     "chrome (an app bar, a cookie title, a skip link); dropped.")
ROLE_LINE = Rule("header-role", "A writer's role on a line of its own in the header region "
                 "(\"Staff Writer\", \"Senior Editor, Markets\"): dropped.")
NAME_BELOW = Rule("header-name", "The only line between the headline and the story that is "
                  "just a person's name, when no byline names one: the author.")
CAPTION = Rule("header-caption", "The last line above the story, under the byline or date, "
               "when it has no final stop and a dek already stands under the headline: a photo "
               "caption; dropped.")
TICKER = re.compile(r"^(?:breaking(?: news)?|live|developing|just in)\s*[:\-–—]"
                    r"\s*\S", re.I)
"""A ticker line above the page ("BREAKING: Storm warning ..."): never the headline."""
HEADLINE = Rule("header-headline", "The header line scoring best as a headline (4-25 words, no "
                "final stop unless a byline follows, a byline or date below it, words shared "
                "with the story's opening), when it is not the first line: the title.")

STORY_WORDS = 20
"""Fewest words of a paragraph that may open the story."""

STORY_LOOKAHEAD = 60
"""How many blocks from the top are searched for the story start."""

NAV_WORDS = 3
"""Most words of one navigation item or kicker."""

NAV_RUN_MIN = 3
"""Fewest short lines in a navigation run."""

CHROME_WORDS = 6
"""Most words of a short chrome line above the headline."""

_STOP = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_NOTICE_WORDS = re.compile(r"\b(?:cookies?|privacy|consent|partners|sign (?:in|up)|log in|"
                           r"subscribe|newsletter|app|advert\w*|sponsored|menu|search|skip)\b",
                           re.I)
_ROLE = re.compile(r"\b(?:correspondent|reporter|editor|writer|columnist|contributor|"
                   r"analyst|producer|host)s?\b", re.I)
_STOPWORDS = frozenset({
    "about", "after", "again", "against", "their", "there", "these", "those", "which", "while",
    "would", "could", "should", "where", "when", "what", "with", "from", "into", "over",
    "under", "than", "that", "this", "have", "been", "were", "they", "them", "will", "your",
    "said", "says", "also", "just", "more", "most", "some", "such", "only", "other", "being",
    "because", "before", "between",
})
"""Common words that never make a headline like its story."""


def is_story_line(block: Block) -> bool:
    """Whether a block reads as a paragraph of the story: 20+ words, ending a sentence."""
    if block.markup or block.heading:
        return False
    return len(words(block.text)) >= STORY_WORDS and bool(_STOP.search(block.text.strip()))


def story_start(blocks: Sequence[Block]) -> int:
    """Index of the story's first paragraph: the first story line followed (allowing one short
    line between, a subheading or caption) by another; else the first 30+-word block; else the
    length of `blocks` (no story found)."""
    limit = min(len(blocks), STORY_LOOKAHEAD)
    for index in range(limit):
        if not is_story_line(blocks[index]):
            continue
        if any(is_story_line(b) for b in blocks[index + 1:index + 3]):
            return index
    return next((i for i in range(limit) if not blocks[i].markup
                 and len(words(blocks[i].text)) >= 30), len(blocks))


def is_meta_line(text: str) -> bool:
    """Whether a header line states metadata (a byline, a date, a name, a writer's role)."""
    text = text.strip()
    return (parse_byline(text) is not None or parse_date(text) is not None or is_name(text)
            or bool(_ROLE.search(text) and len(words(text)) <= 6) or is_published_in(text))


def is_role_line(text: str) -> bool:
    """Whether a header line is only a writer's role ("Staff Writer", "Senior Reporter")."""
    text = text.strip()
    return (bool(_ROLE.search(text)) and len(words(text)) <= 5 and not _STOP.search(text)
            and parse_byline(text) is None and parse_date(text) is None)


def _has_fact_below(blocks: Sequence[Block], index: int) -> bool:
    """Whether a byline or date line stands within four lines under `blocks[index]`."""
    below = [b.text for b in blocks[index + 1:index + 6]]
    return any(is_header_fact(t, below[n + 1] if n + 1 < len(below) else "")
               for n, t in enumerate(below[:4]))


def _chrome_above(blocks: Sequence[Block], index: int, story: str) -> bool:
    """Whether the lines above a headline that shares a distinctive word with the story
    are all short (at most 6 words, no sentence), so none of them can be the headline."""
    if not _rare(blocks[index].text) & _rare(story) or index < 2:
        return False
    return all(_short(b, CHROME_WORDS) or is_boilerplate(b.text) for b in blocks[:index])


def is_menu(blocks: Sequence[Block]) -> bool:
    """Whether a run of short lines is a site's menu by its words: at least half the items
    are section or chrome words ("News", "Sport", "Sign in"), so a packing list is not."""
    known = sum(fold(b.text) in SECTION_WORDS or is_boilerplate(b.text) for b in blocks)
    return 2 * known >= len(blocks)


_LABEL = re.compile(r"^(?P<key>[^\W\d_][\w ]{0,20}):\s+(?P<value>.+)$")


def is_label(text: str) -> bool:
    """Whether a line is a "Label: value" field ("Guest: Dr. Amara Osei", "Podcast: X"):
    a label of 1-2 words and a short value that is a name, a date or a few words."""
    match = _LABEL.match(text.strip())
    if not match or len(words(match.group("key"))) > 2:
        return False
    value = match.group("value")
    return (parse_label_line(text) is not None or is_name(value)
            or parse_date(value) is not None or is_outlet_name(value))


def is_caption(blocks: Sequence[Block], headline: int, index: int) -> bool:
    """Whether the last header line, just above the story, is a photo caption: 4-25 words
    without a final stop, under the byline or date, when a dek already stands between the
    headline and that byline (so the line is not the dek)."""
    block = blocks[index]
    text = block.text.strip()
    if block.markup or block.heading or not 4 <= len(words(text)) <= 25 or _STOP.search(text):
        return False
    if is_meta_line(text) or is_field_line(text) or is_label(text):
        return False
    facts = [i for i in range(headline + 1, index) if is_header_fact(blocks[i].text)]
    if not facts:
        return False
    return any(not blocks[i].markup and len(words(blocks[i].text)) >= 8
               and not is_meta_line(blocks[i].text) for i in range(headline + 1, facts[0]))


def is_field_line(text: str) -> bool:
    """Whether a line is a row of fields ("Episode 41 · 47 min", "News | 5 min read"): split
    by · | •, with a part that is a date, a duration or a number."""
    parts = [p.strip() for p in re.split(r"\s*[|·•]\s*", text.strip()) if p.strip()]
    return len(parts) >= 2 and any(
        parse_date(p) is not None or DURATION.match(p) or re.search(r"\d", p) for p in parts)


def is_header_fact(text: str, after: str = "") -> bool:
    """Whether a line under a headline proves a header: a byline, a date line, or a name
    above a date or a role line (a bare name may be anything)."""
    text = text.strip()
    if parse_byline(text) is not None or parse_date(text) is not None:
        return True
    return is_name(text) and (parse_date(after) is not None or is_role_line(after))


def _short(block: Block, limit: int) -> bool:
    """Whether a block is a short label-like line of at most `limit` words (no sentence)."""
    text = block.text.strip()
    if block.markup or not text or not 1 <= len(words(text)) <= limit or len(text) > 45:
        return False
    return not _STOP.search(text) and not text.endswith((",", ";"))


def nav_lines(blocks: Sequence[Block]) -> set[int]:
    """Indexes of navigation lines: runs of `NAV_RUN_MIN`+ short lines (1-3 words) that are
    not dates or bylines; a name directly above a date or role line ends the run."""
    found: set[int] = set()
    run: list[int] = []
    for index, block in enumerate([*blocks, Block("")]):
        text = block.text.strip()
        after = blocks[index + 1].text if index + 1 < len(blocks) else ""
        item = (_short(block, NAV_WORDS) and parse_date(text) is None
                and parse_byline(text) is None
                and not (is_name(text) and (parse_date(after) or _ROLE.search(after))))
        if item:
            run.append(index)
            continue
        if len(run) >= NAV_RUN_MIN:
            found.update(run)
        run = []
    return found


def _rare(text: str) -> set[str]:
    """Distinctive words of a text (5+ letters, not common), folded, for overlap."""
    return {w[:5] for w in re.findall(r"[^\W\d_]{5,}", text.casefold()) if w not in _STOPWORDS}


def headline_score(blocks: Sequence[Block], index: int, story: str) -> int | None:
    """How much `blocks[index]` (a header line) reads as the headline; None if it cannot be."""
    block = blocks[index]
    text = block.text.strip()
    count = len(words(text))
    if block.markup or not 3 <= count <= 25 or len(text) > 200 or len(split_sentences(text)) > 2:
        return None
    lower = text[:1].islower() and words(text)[0] == words(text)[0].lower()  # not "xAI", "iPhone"
    if is_boilerplate(text) or is_meta_line(text) or lower or is_label(text) or is_field_line(text):
        return None
    if is_agency(text):
        return None  # "Lakeland Department of Water Resources": who issues it, not a headline
    below = [b.text for b in blocks[index + 1:index + 5]]
    meta_below = any(is_header_fact(t, below[n + 1] if n + 1 < len(below) else "")
                     for n, t in enumerate(below[:3]))
    above = [b.text for b in blocks[max(0, index - 2):index]]
    meta_above = any(parse_byline(t) is not None or parse_date(t) is not None for t in above)
    if text[-1] in ".,;:" and not meta_below and not (meta_above and text[-1] == "."
                                                     and count <= 20):
        return None
    score = 1 if count >= 4 else 0
    if meta_below:
        score += 3 if below and (is_header_fact(below[0], below[1] if len(below) > 1 else "")
                                 or (len(below) > 2 and is_header_fact(below[1], below[2]))) else 2
    if is_title_like(text):
        score += 1
    score += min(len(_rare(text) & _rare(story)), 3)
    if _NOTICE_WORDS.search(text) or TICKER.match(text):
        score -= 3
    if below and same_line(text, below[0]):
        score += 2  # pages repeat the headline just below itself
    if index and same_line(text, blocks[index - 1].text):
        score -= 2
    return score


def headline_index(blocks: Sequence[Block], nav: set[int], story: str) -> int | None:
    """The header line that best reads as the headline (the earliest of equal scores); a line
    directly under a scored line and longer than it is its dek, so it scores less."""
    best: tuple[int, int] | None = None
    scores: dict[int, int] = {}
    for index in range(len(blocks)):
        if index in nav:
            continue
        score = headline_score(blocks, index, story)
        if score is None:
            continue
        if index - 1 in scores and len(blocks[index].text) > len(blocks[index - 1].text):
            score -= 2  # the dek under its headline
        scores[index] = score
        if best is None or score > best[1]:
            best = (index, score)
    return best[0] if best is not None and best[1] >= 2 else None


@dataclass(frozen=True, slots=True)
class Header:
    """What `strip_header` made of the header region."""

    blocks: list[Block]
    """The blocks without the navigation, kicker, outlet line and chrome above the headline."""
    source: str
    """The outlet a header line names, if any."""
    headline: int
    """Input line of the chosen headline (0: the header model left the first line in place)."""
    traces: list[Trace]
    """The outlet and headline found, and every line dropped."""
    author: str = ""
    """A writer's name standing alone between the headline and the story, if any."""


def _published_lead(blocks: Sequence[Block]) -> int:
    """How many top blocks are a "Published in X" line (1), or "Published in" over X (2)."""
    if not blocks or blocks[0].markup or not is_published_in(blocks[0].text):
        return 0
    if fold(blocks[0].text) in ("published in", "posted in") and len(blocks) > 1:
        return 2
    return 1


def strip_header(blocks: Sequence[Block], later: Sequence[str] = ()) -> Header:
    """Model the header region and clear what stands above (and around) its headline.
    `later`: lines after the blocks' header (a "© YEAR Name" footer), for the outlet."""
    lead = _published_lead(blocks)
    if lead:  # a platform's "Published in X" on top: model the page under it, keep it for
        inner = strip_header(blocks[lead:], later)  # `metadata` (the source)
        return replace(inner, blocks=[*blocks[:lead], *inner.blocks])
    start = story_start(blocks)
    head = list(blocks[:start])
    unchanged = Header(list(blocks), "", 0, [])
    if not head or start >= len(blocks):
        return unchanged
    nav = nav_lines(head)
    story = " ".join(b.text for b in blocks[start:start + 3])
    index = headline_index(head, nav, story)
    top = 0
    while top in nav:
        top += 1
    sections = 0
    while sections < len(head) and fold(head[sections].text) in SECTION_WORDS:
        sections += 1
    top = max(top, sections if sections >= 2 or sections == len(head) else 0)
    if index is None and ((top >= NAV_RUN_MIN + 1 and is_menu(head[:top]))
                          or top == sections > 0):  # no headline: a menu on top still goes
        menu = [NAV_RUN.dropped(b.text.strip(), b.line) for b in head[:top]]
        return Header(list(blocks[top:]), "", 0, menu)
    tail = [b.text for b in blocks[start:]] + list(later)
    masthead = (index == 1 and 0 not in nav and not head[0].markup and _has_fact_below(head, 1)
                and is_publication(head[0].text, tail))
    if index is None or index == 0 or (index == 1 and not masthead and 0 not in nav and (
            is_outlet_line(head[0], head[1:])
            or (not _short(head[0], NAV_WORDS) and not TICKER.match(head[0].text))
            or is_meta_line(head[0].text)
            or (is_kicker(head[0], head[1]) and _has_fact_below(head, 1))
            or not (fold(head[0].text) in SECTION_WORDS or _has_fact_below(head, 1)))):
        return unchanged  # one line above a headline with a byline: `title` reads it
    if not (_has_fact_below(head, index) or any(i < index for i in nav)
            or fold(head[index - 1].text) in SECTION_WORDS
            or _chrome_above(head, index, story)):
        return unchanged  # no byline, date, menu or section word proves the header
    first = headline_score(head, 0, story) if 0 not in nav else None
    if first is not None and first >= (headline_score(head, index, story) or 0):
        return unchanged
    kept: list[Block] = []
    traces: list[Trace] = []
    source = ""
    for position, block in enumerate(head[:index]):
        text = block.text.strip()
        if block.markup:
            kept.append(block)
        elif not source and (is_publication(text, tail) or (position == 0 and 1 in nav
                             and is_site_name(text))):
            source = mixed_case(text, tail)
            traces.append(HEADER_OUTLET.found("source", source, block.line))
        elif position in nav:
            traces.append(NAV_RUN.dropped(text, block.line))
        elif (position == index - 1 and _short(block, NAV_WORDS) and parse_date(text) is None
              and parse_byline(text) is None):
            traces.append(KICKER.dropped(text, block.line))
        elif is_role_line(text):
            traces.append(ROLE_LINE.dropped(text, block.line))
        elif (is_header_fact(text, head[position + 1].text)
              or (not is_name(text) and is_meta_line(text))):
            kept.append(block)
        elif (_short(block, CHROME_WORDS) or TICKER.match(text)
              or (is_boilerplate(text) and len(words(text)) <= 12)):
            traces.append(HEADER_CHROME.dropped(text, block.line))
        else:
            kept.append(block)
    headline = head[index]
    traces.append(HEADLINE.found("title", headline.text.strip(), headline.line))
    after: list[Block] = []
    for number, block in enumerate(head[index + 1:], index + 1):
        below = head[number + 1].text if number + 1 < len(head) else ""
        if not block.markup and is_role_line(block.text):
            traces.append(ROLE_LINE.dropped(block.text.strip(), block.line))
        elif not source and not block.markup and is_publication(block.text, tail):
            source = block.text.strip()
            traces.append(HEADER_OUTLET.found("source", source, block.line))
        elif (_short(block, NAV_WORDS) and not is_meta_line(block.text) and not block.heading
                and block.text.strip()[:1].isupper() and not is_meta_line(below)
                and not block.text.rstrip().endswith(":")
                and (number == index + 1 or _has_fact_below(head, number))):
            traces.append(KICKER.dropped(block.text.strip(), block.line))  # not a subheading
        elif number == len(head) - 1 and is_caption(head, index, number):
            traces.append(CAPTION.dropped(block.text.strip(), block.line))
        else:
            after.append(block)
    author = ""
    names = [b for b in after if not b.markup and is_name(b.text) and not looks_like_outlet(b.text)]
    if len(names) == 1 and not any(parse_byline(b.text) for b in [*kept, *after]):
        author = names[0].text.strip()
        traces.append(NAME_BELOW.found("author", author, names[0].line))
        after = [b for b in after if b is not names[0]]
    rest = [*kept, headline, *after, *blocks[start:]]
    return Header(rest, source, headline.line, traces, author)


def mixed_case(name: str, lines: Sequence[str]) -> str:
    """An ALL-CAPS masthead ("THE OUTWARD REVIEW") as the page writes it elsewhere in mixed
    case ("© 2026 The Outward Review"); unchanged when the page never does."""
    if not is_all_caps(name):
        return name
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
    for line in lines:
        for match in pattern.finditer(line):
            if not is_all_caps(match.group()) and match.group()[:1].isupper():
                return match.group()
    return name


def headline_first(blocks: Sequence[Block], headline: int) -> list[Block]:
    """The blocks with the headline (input line `headline`) first: the lines `strip_header`
    kept above it (possible prose) move to just before the story's first paragraph."""
    index = next((i for i, b in enumerate(blocks) if headline and b.line == headline), 0)
    if index == 0:
        return list(blocks)
    before, rest = list(blocks[:index]), list(blocks[index:])
    start = next((i for i, b in enumerate(rest) if i and is_story_line(b)), len(rest))
    return [*rest[:start], *before, *rest[start:]]
