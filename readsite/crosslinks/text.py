"""Sentences, paragraphs and content words of an article's plain text, as every cross-link
sees them.

An article's plain text (`Article.text` while it loads) has one line per block of its body:
a paragraph, a list item, a heading or a table cell.  Line `i` is what the rendered page
anchors as `#s-p{i}` when that block is a paragraph or list item (see `readsite.markdown`),
so a quote or a figure found on a line links straight back to where it was said.
"""

from __future__ import annotations

import re
from functools import lru_cache

from readsite.markdown import PARAGRAPH_ID, paragraph_id

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt
inc ltd co corp llc plc dept univ assn bros vs etc approx est no nos vol fig figs al ca cf
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
u.s u.k u.n e.u a.m p.m i.e e.g
""".split())  # noqa: SIM905 - a word list reads better as prose
"""Words that end in a full stop without ending the sentence ("Dr. Smith", "U.S. officials")."""

_BOUNDARY_RE = re.compile(
    r"""[.!?…]['"’”)\]]*(?=\s+['"‘“(\[]*[A-Z0-9À-ÖØ-Þ])""")
"""Where a sentence may end: after . ! ? or …, any closing quotes and brackets, white space,
and before a capital letter or digit (possibly after opening quotes)."""
_LAST_WORD_RE = re.compile(r"([\w.]+)[.]['\"’”)\]]*$")
_WORD_REACH = 32
"""How far before a full stop the word it ends is first looked for: a longer word (rare) is
looked for again from the sentence's start, so the answer is the same, only cheaper."""


def anchor(line: int) -> str:
    """The id of line `line`'s paragraph on the article page (`readsite.markdown` sets it),
    or "" for line -1: a line with no paragraph of its own to link to (raw HTML, a table
    cell), so the link goes to the article's top."""
    return paragraph_id(line) if line >= 0 else ""


ANCHORED_RE = re.compile(rf' id="{re.escape(PARAGRAPH_ID)}(\d+)"')
"""A paragraph anchor in a rendered body."""


def anchored(html: str) -> frozenset[int]:
    """The lines of an article's text whose paragraph carries an anchor in its `html`."""
    return frozenset(int(n) for n in ANCHORED_RE.findall(html))


def lines(text: str) -> list[str]:
    """The blocks of an article's plain text, in order; index `i` is line `i`."""
    return text.split("\n")


def sentences(paragraph: str) -> list[str]:
    """`paragraph` cut into sentences, keeping each one's closing quote with it (see
    `sentence_spans`)."""
    return [paragraph[start:end] for start, end in sentence_spans(paragraph)]


@lru_cache(maxsize=256)
def sentence_spans(paragraph: str) -> tuple[tuple[int, int], ...]:
    """Where each sentence of `paragraph` starts and ends, white space trimmed.

    Full stops after abbreviations ("Dr.", "U.S."), initials ("J. R. R.") and inside numbers
    ("3.5") do not end a sentence; a new sentence must start with a capital letter, a digit
    or an opening quote.  Remembered for the last few lines: the quotes and the figures of
    an article each need the sentences of the same lines."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(paragraph):
        stop, end = match.span()  # the ". ! ? …" is at `stop`, closing quotes up to `end`
        word = None
        if paragraph[stop] == ".":  # only a full stop ends an abbreviation
            near = max(start, stop - _WORD_REACH)
            word = _LAST_WORD_RE.search(paragraph, near, end)
            if word and near > start and word.start() == near:
                word = _LAST_WORD_RE.search(paragraph, start, end)  # it may start earlier
        if word:
            last = word.group(1).lower().rstrip(".")
            if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
        _trimmed(paragraph, start, end, out)
        start = end
    _trimmed(paragraph, start, len(paragraph), out)
    return tuple(out)


def _trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Add `text[start:end]` without its white space at either end to `out`, unless blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


CONTENT_STOPWORDS = frozenset("""
about above after again against all also although always among and another any are around
because been before being below between both but can cannot could did does doing down during
each either even ever every few for from further get gets got had has have having her here hers
herself him himself his how however into its itself just least less like many may might more
most much must myself near neither nor not now off often once one only other others our ours
out over own per perhaps rather really same say said says she should since some still such than
that the their theirs them themselves then there these they this those though through thus too
toward towards under until upon very via was were what when where whether which while who whom
whose why will with within without would yet you your yours new its it's that's there's
""".split())  # noqa: SIM905 - a word list reads better as prose
"""Function words: never part of a shingle or a sentence's content words."""
PUNCTUATION_SPACES = str.maketrans(dict.fromkeys(
    [chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum()]
    + [chr(c) for c in range(0x2000, 0x2070)] + list("«»¡¿"), " "))
"""Punctuation (ASCII, and the general punctuation block: ’ “ ” – —) to spaces."""


def content_words(text: str) -> list[str]:
    """Content words of `text`, lower-cased, in order (≥ 3 letters, no stopwords, no
    numbers).  Punctuation is translated to spaces and the text split, at C speed: this runs
    over every article's every word at load time."""
    return [w for w in text.lower().translate(PUNCTUATION_SPACES).split()
            if len(w) >= 3 and w not in CONTENT_STOPWORDS and w.isalpha()]
