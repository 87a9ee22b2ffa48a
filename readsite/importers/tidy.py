"""Extracted Markdown made ready for the normaliser: the page furniture an extractor keeps.

An extractor returns the page's main text as Markdown, but with some of the page around it:
a "Download" control before the headline, the headline again as a heading, a byline set in
bold (which the normaliser, keeping Markdown as written, leaves alone), a "Read also" link
whose label it dropped, a press release's closing "About the company" section, a closing
list of "More episodes", a pull quote repeating a sentence of the story, a byline, date or
standfirst set as a heading (`bylineheads`), a teaser or sign-up box (`teasers`).  Each step is a
small function over the Markdown's paragraphs; the ones that drop text say so with a Trace
(`extractor: <rule>`), for `--explain`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from readsite.importers.bylineheads import drop_byline_headings
from readsite.importers.headingtext import page_heading, plain_headings
from readsite.importers.oldpage import is_old_page_furniture
from readsite.importers.teasers import drop_cut_teasers, drop_signup_pitches, drop_signups
from readsite.normalise import fold, parse_byline, parse_date, same_line
from readsite.normalise.linerules import READ_ALSO_ALTERNATION
from readsite.normalise.trace import Trace

HEADER_PARAGRAPHS = 6
"""How many paragraphs from the top are the header, where bylines and dates stand."""
EMPHASIS_MAX_CHARS = 120
"""Longest emphasised header line unwrapped (a byline or a date, not a bold dek)."""
CONTROL_MAX_WORDS = 4
"""Most words of a link-only line before the headline read as a control ("Download")."""
HEADING_ANCHOR_CHARS = 60
"""How much of the paragraph after a page heading must open a kept paragraph to place it."""
HEADING_ANCHOR_MIN_CHARS = 25
"""Shortest line after a page heading that places it by its opening alone (a shorter one,
such as a table of contents' entry, must be a whole paragraph)."""
TOC_HEADING_RE = re.compile(r"^(?:table of contents|contents|in this (?:article|story|post|"
                            r"guide)|on this page)\s*:?$")
"""A table of contents' label: never put back as a heading of the story."""
HEADING_RE = re.compile(r"^#{1,6}\s+(?P<text>.+)$")
EMPHASIS_RE = re.compile(r"^(?P<mark>\*\*|__|\*|_)(?P<text>[^*_\n]+?)(?P=mark)$")
LINK_ONLY_RE = re.compile(r"^\[(?P<text>[^\]\n]+)\]\([^)\n]*\)$")
LIST_MARK_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
TEASER_RE = re.compile(rf"^(?:{READ_ALSO_ALTERNATION})\s*:?\s+(?P<rest>.+)$", re.I)
"""A "Read also: <headline>" block of the page: the normaliser's teaser labels
(`READ_ALSO_LABELS`), with the colon optional, since an extractor may drop it."""
MORE_LIST_RE = re.compile(r"^(?:more|other|recent|latest|previous|past|related|similar)"
                          r"(?:\s+\w+){1,2}$", re.I)
"""A closing heading over a list of other items ("More episodes", "Recent posts")."""
ABOUT_RE = re.compile(r"^about\s+(?P<name>.+?)\s*:?$", re.I)
PULL_QUOTE_MIN_WORDS = 6
"""Fewest words a quote box needs to be judged a repeat (a short quote proves nothing)."""
PULL_QUOTE_MAX_WORDS = 60
"""Most words of a quote box that can be a pull quote (a longer one is a quoted passage)."""
PULL_QUOTE_RUN = 3
"""Fewest words in a row a pull quote shares with the story for the run to count."""
ATTRIBUTION_RE = re.compile(r"(?<=[\u201d\u2019\"'.!?])\s*(?:[\u2014\u2013\u2015]|--?)\s*"
                            r"[^\u201c\u201d\"]{1,60}$")
"""A pull quote's closing attribution ("... this.” — Dara Finch, purser"), not judged."""
ATTRIBUTION_LINE_RE = re.compile(r"^(?:[\u2014\u2013\u2015]|--?)\s*\S.{0,60}$")
"""A quote box's attribution on its own line ("— Dara Finch, purser")."""
PULL_QUOTE_LONG_RUN = 8
"""A run of this many words shared makes two-word runs count too (a trimmed sentence: "The
wheel weighs ..." for "The wheel is six metres across and weighs ...")."""
PULL_QUOTE_SHARE = 0.85
"""Share of a pull quote's words that one paragraph of the story must hold, in order, in
runs of PULL_QUOTE_RUN words or more (an elided or trimmed sentence still qualifies)."""


@dataclass(frozen=True, slots=True)
class Tidied:
    """Extracted Markdown after tidying, and what was dropped."""

    markdown: str
    trace: tuple[Trace, ...]


def plain(paragraph: str) -> str:
    """A paragraph's text without heading marks, whole-line emphasis or a whole-line link."""
    text = paragraph.strip()
    for pattern in (HEADING_RE, EMPHASIS_RE, LINK_ONLY_RE):
        match = pattern.match(text)
        if match:
            text = match.group("text").strip()
    return text


def unwrap_emphasis(paragraphs: Sequence[str]) -> list[str]:
    """Short header lines set wholly in bold or italics ("**By Ana Ruiz**") as plain text,
    so the normaliser reads them as the byline or date they are."""
    out = list(paragraphs)
    for index, paragraph in enumerate(out[:HEADER_PARAGRAPHS]):
        match = EMPHASIS_RE.match(paragraph.strip())
        if match and len(match.group("text")) <= EMPHASIS_MAX_CHARS:
            out[index] = match.group("text").strip()
    return out


def split_header_lines(paragraphs: Sequence[str]) -> list[str]:
    """A byline or date line the extractor ran into the paragraph under it (an old page's
    lines parted by a single `<br>`) made a paragraph of its own, in the header only."""
    out: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        first, sep, rest = paragraph.partition("\n")
        if (index < HEADER_PARAGRAPHS and sep and rest.strip()
                and not LIST_ITEM_RE.match(first) and not first.lstrip().startswith(">")
                and (parse_date(first) is not None or parse_byline(first) is not None)):
            out.extend((first, rest))
        else:
            out.append(paragraph)
    return out


SKIP_LINK_RE = re.compile(r"^\[(?:jump|skip) to (?:the )?(?:main |page )?(?:content|navigation|"
                          r"search|menu|main menu|article|footer)\]\(\S*#[^)\s]*\)$", re.I)
"""An accessibility skip link ("[Jump to navigation](…#mw-head)"), wherever it stands."""


def drop_lead_controls(paragraphs: Sequence[str], title: str) -> tuple[list[str], list[Trace]]:
    """Short link-only lines before the headline (a player's "Download", "Listen") go, and
    skip links to a part of the page ("Jump to navigation") wherever they are."""
    heading = next((i for i, p in enumerate(paragraphs)
                    if HEADING_RE.match(p.strip()) and same_line(plain(p), title)), -1)
    kept: list[str] = []
    traces: list[Trace] = []
    for index, paragraph in enumerate(paragraphs):
        match = LINK_ONLY_RE.match(paragraph.strip())
        if match and SKIP_LINK_RE.match(paragraph.strip()):
            traces.append(Trace("dropped", "extractor: skip link", match.group("text")))
            continue
        if (index < heading and match
                and len(match.group("text").split()) <= CONTROL_MAX_WORDS):
            traces.append(Trace("dropped", "extractor: control before the headline",
                                match.group("text")))
            continue
        kept.append(paragraph)
    return kept, traces


def restore_headings(paragraphs: Sequence[str], headings: Sequence[tuple[int, str, str]]
                     ) -> list[str]:
    """The page's `<h2>`..`<h6>` the extractor flattened away (a table-laid-out page), each put
    back before the paragraph that follows it on the page, when that paragraph was kept (not
    a table of contents' label, whose next line is an entry that opens a paragraph)."""
    out = list(paragraphs)
    have = {fold(plain(p)) for p in out}
    for level, text, following in headings:
        start = fold(following)[:HEADING_ANCHOR_CHARS]
        if (not start or fold(text) in have or TOC_HEADING_RE.match(fold(text))
                or fold(text.rstrip(GLUED_MARKS)) in have):  # "Costs#": the mark glued on
            continue
        at = next((i for i, p in enumerate(out) if not HEADING_RE.match(p.strip())
                   and fold(plain(p)).startswith(start)
                   and (len(start) >= HEADING_ANCHOR_MIN_CHARS or fold(plain(p)) == start)), -1)
        if at >= 0:
            out.insert(at, f"{'#' * level} {text}")
            have.add(fold(text))
    return out


GLUED_MARKS = "#¶§🔗⚓ "
"""Permalink marks a page's heading may end with, glued to its last word ("Costs#"): a
heading the extractor kept without it is not flattened away."""
ANCHOR_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[[^\]\n]+\]\([^)\s]*#[^)\s]+\)\s*$")
"""A list item that is only a link to an anchor of a page (`- [Footings](#footings)`)."""


def drop_contents_box(paragraphs: Sequence[str]) -> tuple[list[str], list[Trace]]:
    """A table of contents the extractor kept: a "Contents" / "In this article" heading or
    bold line followed by nothing but another heading or a list of anchor links (the label
    over prose, or over a list of other pages, stays)."""
    kept: list[str] = []
    traces: list[Trace] = []
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        label = plain(paragraph)
        items = paragraphs[index + 1].split("\n") if index + 1 < len(paragraphs) else []
        anchors = bool(items) and all(ANCHOR_ITEM_RE.match(i) for i in items if i.strip())
        ends = index + 1 == len(paragraphs) or bool(HEADING_RE.match(items[0].strip()))
        if label != paragraph.strip() and TOC_HEADING_RE.match(fold(label)) and (anchors or ends):
            traces.append(Trace("dropped", "extractor: table of contents", label))
            if anchors:
                traces.extend(Trace("dropped", "extractor: table of contents", plain(
                    LIST_MARK_RE.sub("", i))) for i in items if i.strip())
                index += 1
            index += 1
            continue
        kept.append(paragraph)
        index += 1
    return kept, traces


def drop_old_page_furniture(paragraphs: Sequence[str]) -> tuple[list[str], list[Trace]]:
    """Hit counters and rows of page tools ("Printer-friendly version | Email this story"),
    a paragraph or a run of its lines (an extractor runs an old page's lines together)."""
    kept: list[str] = []
    traces: list[Trace] = []
    for paragraph in paragraphs:
        lines = [line for line in paragraph.split("\n") if line.strip()]
        rest: list[str] = []
        index = 0
        while index < len(lines):
            end = next((j for j in range(min(len(lines), index + 4), index, -1)
                        if is_old_page_furniture(" ".join(lines[index:j]))), index)
            if end > index:
                traces.append(Trace("dropped", "extractor: counter or page tools",
                                    " ".join(lines[index:end])))
                index = end
            else:
                rest.append(lines[index])
                index += 1
        if rest:
            kept.append(paragraph if len(rest) == len(lines) else "\n".join(rest))
    return kept, traces


def drop_dek_heading(paragraphs: Sequence[str], dek: str) -> tuple[list[str], list[Trace]]:
    """A heading before the story that repeats the page's stated summary (a subtitle set as
    `<h3 class="subtitle">`): it is the `summary`, and would otherwise become a section."""
    first = next((i for i, p in enumerate(paragraphs) if not HEADING_RE.match(p.strip())),
                 len(paragraphs))
    for index in range(first):
        if dek and same_line(plain(paragraphs[index]), dek):
            rest = [*paragraphs[:index], *paragraphs[index + 1:]]
            return rest, [Trace("dropped", "extractor: subtitle repeating the summary",
                                plain(paragraphs[index]))]
    return list(paragraphs), []


def drop_title_repeats(paragraphs: Sequence[str], title: str) -> list[str]:
    """Headings that repeat the title (the page's `<h1>`, wherever the extractor put it):
    the title is front matter."""
    return [p for p in paragraphs
            if not (title and HEADING_RE.match(p.strip()) and same_line(plain(p), title))]


def drop_teasers(paragraphs: Sequence[str], blocks: Sequence[str]
                 ) -> tuple[list[str], list[Trace]]:
    """Link-only lines that are the headline of a "Read also: ..." block of the page (the
    extractor dropped the label and kept the link)."""
    teasers = {fold(m.group("rest")) for b in blocks if (m := TEASER_RE.match(b.strip()))}
    kept: list[str] = []
    traces: list[Trace] = []
    for paragraph in paragraphs:
        match = LINK_ONLY_RE.match(paragraph.strip())
        if match and fold(match.group("text")) in teasers:
            traces.append(Trace("dropped", "extractor: read-also link", match.group("text")))
            continue
        kept.append(paragraph)
    return kept, traces


def _cut(paragraphs: Sequence[str], start: int, rule: str) -> tuple[list[str], list[Trace]]:
    return list(paragraphs[:start]), [Trace("dropped", rule, plain(p))
                                      for p in paragraphs[start:] if plain(p)]


def cut_about_tail(paragraphs: Sequence[str], names: Sequence[str], title: str
                   ) -> tuple[list[str], list[Trace]]:
    """A press release's closing "About <company>" section and what follows it (media
    contacts, downloads): from an "About X" line in the second half, where X is the author,
    the outlet or the subject the title opens with, to the end."""
    folded_title = fold(title)
    for index in range(len(paragraphs) // 2, len(paragraphs)):
        text = plain(paragraphs[index])
        match = ABOUT_RE.match(text)
        if not match or text == paragraphs[index].strip():  # a heading or bold line only
            continue
        name = fold(match.group("name"))
        if name and (any(fold(n) == name for n in names if n)
                     or folded_title.startswith(f"{name} ")):
            return _cut(paragraphs, index, "extractor: about-the-company tail")
    return list(paragraphs), []


def cut_list_tail(paragraphs: Sequence[str]) -> tuple[list[str], list[Trace]]:
    """A closing heading such as "More episodes" over nothing but a list of other items."""
    for index in range(len(paragraphs) - 2, -1, -1):
        match = HEADING_RE.match(paragraphs[index].strip())
        if not match:
            continue
        rest = [line for p in paragraphs[index + 1:] for line in p.split("\n") if line.strip()]
        if (MORE_LIST_RE.match(match.group("text").strip())
                and rest and all(LIST_ITEM_RE.match(line) for line in rest)):
            return _cut(paragraphs, index, "extractor: more-items list")
        break
    return list(paragraphs), []


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def repeats(quote: str, paragraph: str) -> bool:
    """Whether a quote box's text is a near-duplicate of a sentence of `paragraph`: nearly all
    its words found there in order, in runs of a few words (an ellipsis, a trimmed clause or
    a changed word or two allowed)."""
    said = _words(ATTRIBUTION_RE.sub("", quote.strip()))
    if not PULL_QUOTE_MIN_WORDS <= len(said) <= PULL_QUOTE_MAX_WORDS:
        return False
    matcher = SequenceMatcher(None, said, _words(paragraph), autojunk=False)
    runs = [b.size for b in matcher.get_matching_blocks()]
    shortest = PULL_QUOTE_RUN - 1 if max(runs) >= PULL_QUOTE_LONG_RUN else PULL_QUOTE_RUN
    return sum(n for n in runs if n >= shortest) >= PULL_QUOTE_SHARE * len(said)


def drop_pull_quotes(paragraphs: Sequence[str], quotes: Sequence[str]
                     ) -> tuple[list[str], list[Trace]]:
    """Paragraphs that are a quote box of the page (`quotes`: each `<blockquote>` or
    quote-classed element's text, or a Markdown `>` quote) repeating a sentence another
    paragraph of the story holds: a pull quote, display copy.  Judged by content, so a real
    quoted passage, whatever its class, stays."""
    boxes = [fold(q) for q in quotes]
    candidates = {i for i, p in enumerate(paragraphs) if p.lstrip().startswith(">")
                  or in_box(fold(plain(p).lstrip("> ")), boxes)}
    kept: list[str] = []
    traces: list[Trace] = []
    dropped = False
    for index, paragraph in enumerate(paragraphs):
        text = " ".join(line.lstrip().lstrip(">").strip() for line in plain(paragraph).split("\n"))
        if dropped and index in candidates and ATTRIBUTION_LINE_RE.match(text):
            traces.append(Trace("dropped", "extractor: pull quote repeating the story", text))
            continue
        dropped = index in candidates and any(
            repeats(text, other) for n, other in enumerate(paragraphs)
            if n not in candidates and not HEADING_RE.match(other.strip()))
        if dropped:
            traces.append(Trace("dropped", "extractor: pull quote repeating the story", text))
            continue
        kept.append(paragraph)
    return kept, traces


def in_box(folded: str, boxes: Sequence[str]) -> bool:
    """Whether a paragraph's folded text is a quote box, or a line of one (a box's quote and
    its attribution come out as two paragraphs)."""
    return bool(folded) and any(folded == box or (folded in box and len(folded.split()) >= 2)
                                for box in boxes)


def tidy(markdown: str, title: str, blocks: Sequence[str] = (),
         names: Sequence[str] = (), headings: Sequence[tuple[int, str, str]] = (),
         quotes: Sequence[str] = (), dek: str = "", signups: Sequence[str] = ()) -> Tidied:
    """Extracted Markdown without the page furniture an extractor keeps (`blocks`: the page's
    visible lines; `names`: the author and outlet it states; `headings`: its `<h2>`..`<h6>`,
    each with the line after it; `quotes`: the text of its quote boxes; `dek`: the summary
    it states; `signups`: the lines of its newsletter sign-up boxes)."""
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", markdown) if p.strip()]
    headings = [(level, page_heading(text), after) for level, text, after in headings]
    paragraphs = plain_headings(paragraphs, [h[1] for h in headings])
    paragraphs = restore_headings(paragraphs, headings)
    paragraphs, traces = drop_lead_controls(paragraphs, title)
    paragraphs = drop_title_repeats(paragraphs, title)
    paragraphs, found = drop_byline_headings(paragraphs, [n for n in names if n])
    traces += found
    paragraphs, found = drop_dek_heading(paragraphs, dek)
    traces += found
    paragraphs, found = drop_contents_box(paragraphs)
    traces += found
    paragraphs, found = drop_old_page_furniture(paragraphs)
    traces += found
    paragraphs, found = drop_teasers(paragraphs, blocks)
    traces += found
    paragraphs, found = drop_cut_teasers(paragraphs, blocks)
    traces += found
    paragraphs, found = drop_signups(paragraphs, signups)
    traces += found
    paragraphs, found = drop_signup_pitches(paragraphs)
    traces += found
    paragraphs, found = cut_about_tail(paragraphs, names, title)
    traces += found
    paragraphs, found = cut_list_tail(paragraphs)
    traces += found
    paragraphs, found = drop_pull_quotes(paragraphs, quotes)
    traces += found
    paragraphs, found = drop_slide_lists(paragraphs)
    traces += found
    paragraphs = level_headings(unwrap_emphasis(split_header_lines(divider_headings(paragraphs))))
    return Tidied("\n\n".join(paragraphs), tuple(traces))


SLIDE_ITEM_RE = re.compile(r"^[-*+]\s+(?:#{1,6}\s+)?(?P<k>\d{1,3})\s*/\s*(?P<n>\d{1,3})\b")
"""A gallery's slide as a list item: its counter first ("- ## 3/50 City for sale ...")."""
MIN_SLIDES = 3
"""Fewest counted slides in a list that make it a gallery (one "1/2" may be a score)."""


def drop_slide_lists(paragraphs: Sequence[str]) -> tuple[list[str], list[Trace]]:
    """A photo gallery the extractor kept as a list of slides, each opening with its counter
    ("1/50", "2/50", ...), and the gallery's title heading(s) right above it: a news site sets
    a gallery of other stories between a story's sections, and its fifty captions stood in
    the middle of the article.  A list counts only when every item has a counter, the counters
    share one total and run in order."""
    kept: list[str] = []
    traces: list[Trace] = []
    for paragraph in paragraphs:
        items = [line for line in paragraph.split("\n") if line.strip()]
        slides = [m for line in items if (m := SLIDE_ITEM_RE.match(line.strip()))]
        counters = [int(m.group("k")) for m in slides]
        if (len(slides) < MIN_SLIDES or len(slides) != len(items)
                or len({m.group("n") for m in slides}) != 1
                or counters != list(range(counters[0], counters[0] + len(counters)))):
            kept.append(paragraph)
            continue
        while kept and HEADING_RE.match(kept[-1].strip()) and len(kept[-1].split()) <= 8:
            traces.append(Trace("dropped", "extractor: gallery slides", plain(kept.pop())))
        traces.extend(Trace("dropped", "extractor: gallery slides", plain(line)) for line in items)
    return kept, traces


DIVIDER = "* * *"
"""A thematic break (`<hr>`), written so it can never be read as a setext underline."""


def divider_headings(paragraphs: Sequence[str]) -> list[str]:
    """Headings with no letter or digit in them ("## ______________") as the dividers they
    are: a page that draws a rule with an `<h2>` of underscores had it listed twice in the
    article's contents and shown as a heading."""
    return [DIVIDER if (m := HEADING_RE.match(p.strip())) and not any(
        c.isalnum() for c in m.group("text")) else p for p in paragraphs]


def level_headings(paragraphs: Sequence[str]) -> list[str]:
    """The story's headings shifted so the shallowest is `##`: the page's own `<h1>` is the
    article's title, and a site that starts its sections at `<h3>` (or `<h4>`) still has
    sections, which the reading site shows as its second level."""
    levels = [len(m.group(1)) for p in paragraphs if (m := _LEVEL_RE.match(p.strip()))]
    shift = 2 - min(levels) if levels else 0
    if not shift:
        return list(paragraphs)
    return [_LEVEL_RE.sub(lambda m: "#" * min(6, len(m.group(1)) + shift) + " ", p.strip(), 1)
            if _LEVEL_RE.match(p.strip()) else p for p in paragraphs]


_LEVEL_RE = re.compile(r"^(#{1,6})\s+")
