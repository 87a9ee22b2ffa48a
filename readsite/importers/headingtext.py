"""The extracted story's headings as plain text: a heading is a label, not a link or a style.

An extractor writes a page's `<h2>` as it finds it: wrapped in a link to its own anchor
(`## [Costs](#costs)`) or to another page (a list of products, each heading its link), set
in bold (`## **Costs**`) or with a title in italics, followed by the permalink mark a
documentation site adds on hover (`## Costs [#](#costs)`, `## Costs ¶`), or empty when the
heading's only link is an icon (`<a class="anchor"><svg>`), its text then left outside it.
The reading site shows a heading in its own style, with its own anchor, so each heading here
keeps only its words: the marks and links go, a heading left with no words goes (its words,
if the page had any, are put back by `tidy.restore_headings`), and a heading the extractor
broke in two at a `<br>` is joined again when the page's heading proves it one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from readsite.normalise import fold

HEADING_RE = re.compile(r"^(?P<marks>#{1,6})[ \t]+(?P<text>.*?)[ \t]*$")
EMPTY_HEADING_RE = re.compile(r"^\\?#{1,6}[ \t]*$")
"""A heading line with no words (`## `, or `\\##` once the normaliser escaped it)."""
LINK_RE = re.compile(r"(?<!!)\[(?P<label>[^\[\]\n]*)\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\))?"
                     r"[^()\s]*)(?:\s+\"[^\"\n]*\")?\)")
"""A Markdown link (not an image), its target plain or in angle brackets, a title allowed."""
PERMALINK_LABELS = frozenset({"", "#", "¶", "§", "🔗", "⚓", "link", "permalink", "anchor",
                              "direct link", "link to this heading", "link to this section"})
"""Labels of a heading's own permalink (the mark a documentation site shows on hover)."""
TRAILING_MARK_RE = re.compile(r"(?:\s+[#¶§🔗⚓])+$")
"""A permalink mark left as text at the end of a heading ("Costs ¶", "Costs #")."""
EMPHASIS_RE = re.compile(r"(?<![\\\w*])(?P<mark>\*\*|__|\*|_)(?=\S)(?P<text>.+?)(?<=[^\s\\])"
                         r"(?P=mark)(?![\w*])")
"""A run of bold or italic text (an escaped `\\*` is not a mark)."""


def heading_words(text: str) -> str:
    """A heading's text without links (their labels kept), permalink marks or emphasis."""
    text = LINK_RE.sub(lambda m: "" if fold(m.group("label")).strip() in PERMALINK_LABELS
                       else m.group("label"), text)
    previous = ""
    while previous != text:
        previous, text = text, EMPHASIS_RE.sub(lambda m: m.group("text"), text)
    return TRAILING_MARK_RE.sub("", " ".join(text.split())).strip()


def page_heading(text: str) -> str:
    """A page's `<h2>` text as the story's heading: without a permalink mark at its end."""
    return TRAILING_MARK_RE.sub("", " ".join(text.split())).strip()


def _split(paragraphs: list[str], index: int, known: set[str]) -> int:
    """How many paragraphs from `index` on are one heading the extractor broke at a `<br>`
    ("## Costs" then "and fees", or both in one paragraph): 1 when it is whole."""
    first = paragraphs[index].strip()
    match = HEADING_RE.match(first.split("\n", 1)[0])
    if match is None or not known:
        return 1
    lines = [line.strip() for line in first.split("\n")[1:] if line.strip()]
    for count in (1, 2):
        more = [line.strip() for p in paragraphs[index + 1:index + count]
                for line in p.split("\n") if line.strip()]
        parts = [match.group("text"), *lines, *more]
        if (len(parts) > 1 and not any(HEADING_RE.match(p) for p in parts[1:])
                and fold(heading_words(" ".join(parts))) in known):
            paragraphs[index] = f"{match.group('marks')} {heading_words(' '.join(parts))}"
            return count
    return 1


def plain_headings(paragraphs: Sequence[str], page_headings: Iterable[str] = ()) -> list[str]:
    """Each heading paragraph as `## words`: links unwrapped, permalinks and emphasis gone; a
    heading left without words dropped (`page_headings`: the text of the page's own
    `<h2>`..`<h6>`, to join one the extractor broke at a `<br>`)."""
    known = {fold(page_heading(h)) for h in page_headings if h.strip()}
    source = list(paragraphs)
    out: list[str] = []
    index = 0
    while index < len(source):
        count = _split(source, index, known)
        stripped = source[index].strip()
        index += count
        first, sep, rest = stripped.partition("\n")
        match = HEADING_RE.match(first)
        if EMPTY_HEADING_RE.match(first):
            if rest.strip():
                out.append(rest)
        elif match is None:
            out.append(source[index - count])
        elif text := heading_words(match.group("text")):
            out.append(f"{match.group('marks')} {text}{sep}{rest}")
        elif rest.strip():
            out.append(rest)
    return out
