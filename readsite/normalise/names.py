"""Whether a short line is a person's name: shared by bylines, headings and comment threads.

It lives in its own low module (it needs only `text`) so that `headings`, which `blocks` and
therefore `byline` import, can ask it without an import cycle.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from readsite.normalise.text import words

NAME_CONNECTORS = frozenset({"and", "&", "de", "del", "da", "van", "von", "der", "la", "le", "bin"})
"""Lowercase words allowed inside a person's name."""

UI_WORDS = frozenset({"print", "recipe", "save", "share", "comment", "comments", "subscribe",
                      "jump", "rate", "pin", "email", "follow", "video", "play", "watch", "copy",
                      "link", "sign", "login", "menu", "search", "home", "reply", "download"})
"""Words of a button or menu label: a line holding one is never a person's name."""


def is_name(text: str) -> bool:
    """Whether `text` looks like a person's name ("Kristine Vior", "Mary-Jo O'Neil")."""
    parts = words(text)
    if not 2 <= len(parts) <= 5 or len(text) > 60:
        return False
    for part in parts:
        if part.casefold() in NAME_CONNECTORS:
            continue
        if not re.fullmatch(r"[^\W\d_][\w.'\u2019\-]*", part) or not part[0].isupper():
            return False
    if not any(len(part.rstrip(".")) > 1 for part in parts):  # "A. B." is initials only
        return False
    if any(part.casefold() in UI_WORDS for part in parts):  # "Print Recipe", "Share Video"
        return False
    return NAME_CONNECTORS.isdisjoint((parts[0].casefold(), parts[-1].casefold()))


_LOWER = re.compile(r"(?<![\w'’-])[^\W\d_A-Z][\w'’-]*")
"""A word written starting in lower case ("policy", "über")."""


def lower_words(texts: Iterable[str]) -> frozenset[str]:
    """Every word the texts write in lower case, case-folded: the article's common words."""
    return frozenset(w.casefold() for text in texts for w in _LOWER.findall(text)
                     if w[:1].islower())


NAME_LINE_WORDS = 4
"""Longest name line told from a title-case heading by its vocabulary."""


def is_name_line(text: str, lower: Collection[str]) -> bool:
    """Whether a title-case line is a person's name ("Jane Doe") rather than a heading
    ("Climate Policy"): name-shaped, 2-4 words, and none of its words is one the article writes
    in lower case elsewhere (a heading is made of the story's common words; a name is not).
    Never an ALL-CAPS line: those are headings by the page's own typography."""
    line = text.strip()
    parts = words(line)
    if not 2 <= len(parts) <= NAME_LINE_WORDS or not is_name(line):
        return False
    if all(c.isupper() for c in line if c.isalpha()):
        return False
    folded = [p.casefold() for p in parts if p.casefold() not in NAME_CONNECTORS]
    return not any(p in lower or p in FUNCTION_WORDS for p in folded)


FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "is", "are", "was", "were", "be", "who", "what", "why", "how", "when", "where",
    "which", "this", "that", "these", "those", "it", "its", "not", "no", "our", "your", "my",
    "we", "you", "they", "new", "next", "more", "all", "about", "after", "before", "into",
    "und", "die", "das", "ein", "eine", "et", "les", "des", "un", "une", "y", "el", "los",
    "las", "con", "para", "il", "lo", "gli", "per",
})
"""Words a heading is made of and a person's name is not ("Who Is Covered", "What Comes Next"),
even when the story never writes them in lower case."""


GERMAN_WORDS = frozenset({"der", "die", "das", "und", "ist", "nicht", "mit", "für", "von", "auf",
                          "dem", "den", "ein", "eine", "sich", "zu", "wird", "auch", "bei", "im"})
"""Common German function words: a text full of them writes every noun with a capital."""

NOUN_CAPS_SHARE = 0.08
"""Share of a text's words that are `GERMAN_WORDS` from which it capitalises its nouns."""


def capitalises_nouns(texts: Iterable[str]) -> bool:
    """Whether the text is German, where every noun is capitalised: a title-case line
    ("Lange Wartelisten") is then no sign of a person's name, since the story never writes
    its nouns in lower case for `is_name_line` to see."""
    tokens = [w.casefold().strip(".,;:!?\"'„“”«»()") for text in texts for w in text.split()]
    return len(tokens) >= 40 and sum(t in GERMAN_WORDS for t in tokens) >= NOUN_CAPS_SHARE * len(
        tokens)


def name_case(name: str) -> str:
    """A byline of two or more words written in capitals ("BY JANE O'NEIL") as a name is
    written: "Jane O'Neil", with its connectors in lower case ("Anna van der Berg"); any other
    name unchanged."""
    letters = [c for c in name if c.isalpha()]
    if len(words(name)) < 2 or not all(c.isupper() for c in letters):
        return name  # one word in capitals is an agency ("AP", "AFP"), not a name
    cased = re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), name)
    parts = cased.split(" ")
    return " ".join(p.lower() if i and p.casefold() in NAME_CONNECTORS else p
                    for i, p in enumerate(parts))
