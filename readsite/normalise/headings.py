"""Section headings: which stand-alone lines are headings, and ALL-CAPS ones in title case."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from readsite.normalise.dates import is_date_phrase
from readsite.normalise.names import (
    FUNCTION_WORDS,
    capitalises_nouns,
    is_name,
    is_name_line,
    lower_words,
)
from readsite.normalise.text import _WORD, fold, fold_line, split_sentences, words

if TYPE_CHECKING:
    from readsite.normalise.blocks import Block

SMALL_WORDS = frozenset({
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet",
    "as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via", "vs",
})
"""Words a title-cased heading keeps lowercase (AP style: articles, conjunctions and
prepositions of three letters or fewer), unless first or after a colon."""



def is_all_caps(text: str) -> bool:
    """Whether every letter is upper case (and there are some letters)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_heading_like(line: str) -> bool:
    """Whether a stand-alone line is a section heading: short, no period, capitalised words."""
    text = line.strip()
    parts = words(text)
    if not 1 <= len(parts) <= 14 or len(text) > 120:
        return False
    if text[-1] in ".,;!…" or re.search(r"[.!?]\s+\S", text):
        return False
    if is_all_caps(text):
        return True
    significant = [w for w in parts if _WORD.search(w) and fold(w).strip(":?") not in SMALL_WORDS]
    if not significant:  # only small words: a heading if it starts like one ("A Or B")
        return parts[0][:1].isupper()
    capitalised = [w for w in significant if any(c.isupper() for c in w) or w[0].isdigit()]
    return len(capitalised) / len(significant) >= 0.75 and parts[0][0] not in "(-\u2013\u2014*"


def casing_map(texts: Iterable[str]) -> dict[str, str]:
    """Case-folded word → the distinctive casing the text uses for it (xAI, AI, IPO)."""
    seen: dict[str, Counter[str]] = {}
    for text in texts:
        for word in _WORD.findall(text):
            seen.setdefault(word.casefold(), Counter())[word] += 1
    result: dict[str, str] = {}
    for key, forms in seen.items():
        form, _ = max(forms.items(), key=lambda item: (item[1], item[0]))
        if form not in (form.lower(), form.capitalize()):
            result[key] = form
    return result


def title_case(text: str, casing: dict[str, str]) -> str:
    """Title case for an ALL-CAPS line, restoring casing the article uses (xAI, IPO)."""
    out: list[str] = []
    position = 0
    for index, match in enumerate(_WORD.finditer(text)):
        word, start = match.group(), match.start()
        gap = text[position:start]
        key = word.casefold()
        if start >= 2 and text[start - 1] in "'\u2019" and text[start - 2].isalnum():
            new = word.lower()
        elif key in casing:
            new = casing[key]
        elif key in SMALL_WORDS and index > 0 and not re.search(r"[:?!\u2014\u2013]\s*$", gap):
            new = word.lower()
        else:
            new = word[:1].upper() + word[1:].lower()
        out.append(gap + new)
        position = match.end()
    out.append(text[position:])
    return "".join(out)



def is_section_heading(line: str) -> bool:
    """Whether a heading-like line may become a `## ` heading: never a date, an icon label or
    a one-word section label ("Memphis")."""
    text = line.strip()
    if not is_heading_like(text) or len(words(text)) < 2 or is_date_phrase(text):
        return False
    return not re.search(r"\bicon$", text, re.I)


SENTENCE_HEADING_WORDS = 8
"""Longest sentence-case heading ("What went wrong"), in words."""


def is_sentence_heading(block: Block, before: Block | None, after: Block | None) -> bool:
    """Whether a short sentence-case line between two paragraphs is a heading ("What went
    wrong"): 2-8 words, no final punctuation, after a finished paragraph and before a long one."""
    text = block.text.strip()
    if block.markup or block.heading or before is None or after is None:
        return False
    if not 2 <= len(words(text)) <= SENTENCE_HEADING_WORDS or not text[0].isupper():
        return False
    if re.search(r"[.,;:!\u2026\"'\u201d\u2019)]$", text) or is_date_phrase(text):
        return False
    if text.endswith("?") and (len(split_sentences(text)) > 1 or not after.text[:1].isupper()
                               or ":" in text):
        return False  # one short question over a paragraph; not an interview's "Q: ...?"
    if before.heading or (before.markup and not is_list_block(before)):
        return False
    if not before.markup and not re.search(r"[.!?\"\u201d\u2019)]$", before.text):
        return False
    if after.heading or after.markup:
        return False
    if text.endswith("?") or after.text.rstrip().endswith("?"):
        # a question over its answer; a section of a Q&A (not a speaker's name over a question)
        return len(words(after.text)) >= 8 and not is_name(text)
    return len(words(after.text)) >= 20


def is_list_block(block: Block) -> bool:
    """A Markdown list block (restored from flattened lines, or written as one)."""
    return block.markup and all(re.match(r"\s*(?:[-*+]|\d{1,3}[.)])\s", line)
                                for line in block.text.splitlines() if line.strip())


_SHOW_NOTES = re.compile(r"^(?:in (?:this|today['’]s) (?:episode|show|conversation|interview)|"
                         r"(?:links?|resources|books?|things|people) (?:mentioned|discussed|"
                         r"referenced)(?: in (?:this|the) (?:episode|show))?|"
                         r"(?:topics|what we) (?:covered|discussed|cover)|episode (?:highlights|"
                         r"chapters|resources|links)|(?:chapters|timestamps|highlights|resources|"
                         r"further reading|where to find \w+(?: \w+)?|guest links|follow \w+)"
                         r")$", re.I)


def is_list_heading(block: Block, before: Block | None, after: Block | None) -> bool:
    """A show-notes section title ("In this episode", "Links mentioned") on its own line
    between the story and the list (or short item lines) it titles."""
    text = block.text.strip()
    if block.markup or block.heading or before is None or after is None:
        return False
    if not _SHOW_NOTES.match(text) or before.heading:
        return False
    if re.match(r"\s*(?:\d{1,3}[.)]|[-*\u2022])\s+\S", after.text):
        return True  # over the first item of a list written as separate lines
    return is_list_block(after) or (not after.markup and not after.heading
                                    and len(words(after.text)) <= 20)


def _speaker(block: Block, after: Block) -> bool:
    """A person's name alone over a question paragraph: who asks, in a Q&A.  Not a line of
    common words in capitals ("ON THE FOG" over the questions of its section)."""
    return (not after.markup and after.text.rstrip().endswith("?")
            and is_name(block.text.strip())
            and not any(w.casefold() in FUNCTION_WORDS for w in words(block.text)))


def _after_name(block: Block, before: Block | None) -> bool:
    """A short line right under a person's name line: their role ("Head of Product")."""
    return (before is not None and not before.markup and not before.heading
            and is_name(before.text.strip()) and len(words(block.text)) <= 6)


RECIPE_SECTIONS = frozenset({
    "ingredients", "instructions", "method", "directions", "notes", "equipment", "steps",
    "preparation", "recipe notes", "nutrition", "zutaten", "zubereitung", "ingrédients",
    "préparation", "ingredientes", "preparación", "elaboración", "ingredienti", "procedimento",
})
"""A recipe card's section labels: headings when a body has two or more of them."""
_NEVER_HEADING = re.compile(r"^(?:portrait|photo(?:graph)?|picture|image|a photo|a portrait) of\b"
                            r"|\|", re.I)
"""A caption ("Portrait of Jane Doe") or a pipe-separated menu row ("Home | Space"): never a
heading."""


def _recipe_section(block: Block, after: Block | None, labels: int) -> bool:
    """A recipe card's "Ingredients" / "Method" label, over its items, in a recipe body."""
    return (labels >= 2 and after is not None and not block.markup and not block.heading
            and fold_line(block.text).rstrip(":") in RECIPE_SECTIONS and not after.heading)


STORY_LABELS = frozenset({
    "key findings", "key takeaways", "key points", "takeaways", "sources", "references",
    "bibliography", "further reading", "tracklist", "track list", "track listing", "setlist",
    "set list", "pros", "cons", "the good", "the bad", "verdict", "the verdict", "our verdict",
    "the bottom line", "bottom line", "specs", "specifications", "key specs",
    "contents of the box", "what's in the box", "what’s in the box", "in the box",
    "methodology", "why it matters", "what's next", "what’s next", "at a glance", "in brief",
    "what we liked", "what we didn't like", "what we didn’t like",
})
"""Short labels a story puts over its own list or paragraph: headings wherever they stand."""

_NOT_HEADING = re.compile(
    r"[\u25b2\u25bc\u25b3\u25bd\u2191\u2193\u2605\u2606]"  # a ticker's arrows, a star rating
    r"|\d%|[£$€]\s?\d"  # a figure line: a market change, a price, a donation ask
    r"|^(?:score|rating|our (?:score|rating)|grade|rated)\s*:?\s*\d"
    r"|^\d{1,3}(?:\.\d)?\s*(?:/|out of)\s*(?:5|10|100)\b"
    r"|^(?:words|story|text|reporting|review|interview|photos?|pictures|video) by\s"
    r"|\s[|\u00b7\u2022]\s.*\b(?:staff|reporter|writer|editor|correspondent|contributor)\b"
    r"|^(?:give|donate|support|become a|subscribe|join|sign up)\b"
    r"|^[^\W\d][\w .'’&-]{0,40}\s\d{1,3}\s?[-\u2013]\s?\d{1,3}\s[^\W\d][\w .'’&-]{0,40}$", re.I)
"""Short lines that are never section headings: ticker lines, prices, scores, bylines,
donation and subscribe buttons, a match's scoreline ("Harbourside 2-1 Millbridge")."""

_CREDIT = re.compile(r"^(?:(?:additional |original )?(?:photography|photographs|photos?|pictures|"
                     r"images|illustrations?|artwork|graphics|design|styling|video|animation|"
                     r"research|reporting|editing|interview|fotos?|fotografie|fotograf[íi]as?|"
                     r"bilder|illustrationen|ilustraci[óo]n(?:es)?|grafik)(?: and \w+)?)\s+"
                     r"(?:by|von|par|por|di|de)\s+(?P<name>\S.*)$", re.I)
"""A credit line: a job in pictures or words ("Photography", "Illustrations", "Fotos") "by" a
person's name; never a section heading, however title-like ("Killed by Friendly Fire" is
not a credit: its first word is no such job)."""

_TAGLINE = re.compile(r"\b(?:news|journalism|reporting|stories|voice|since \d{4}|independent|"
                      r"nonprofit|non-profit|trusted|source for|guide to|magazine|daily|weekly)\b",
                      re.I)
"""Words of a site's tagline under its masthead ("Independent news for the valley since 1887")."""


def _story_label(block: Block, before: Block | None, after: Block | None) -> bool:
    """A story's own short label ("Key takeaways", "Pros", "Sources:") over what it labels,
    inside the story (not a summary box above it)."""
    if block.markup or block.heading or after is None or after.heading:
        return False
    if fold_line(block.text).rstrip(":").strip() not in STORY_LABELS:
        return False
    if before is None and (after.markup or not _finished(after.text)):
        return False  # at the top of the body only over finished sentences, never over a box
    if (fold_line(block.text).rstrip(":").strip() in BOX_LABELS and block.line and after.line
            and after.line == block.line + 1):
        return False  # a summary box pasted as a block of lines: the page's widget, not a section
    if is_list_block(after) or _ITEM_LINE.match(after.text):
        return True
    if not after.markup and len(words(after.text)) >= 8:
        return bool(re.search(r"[.!?:\"”’)]$", after.text.strip()))
    return (fold_line(block.text).rstrip(":").strip() in ITEM_LABELS and not after.markup
            and 1 <= len(words(after.text)) <= 12 and after.text.strip()[-1:] not in ":")


BOX_LABELS = frozenset({"key takeaways", "key points", "takeaways"})
"""Labels of a summary box: a section heading only when set off like the story's paragraphs
(a blank line under it), not over a block of lines pasted from a box widget."""


def _finished(text: str) -> bool:
    """A paragraph of one or more finished sentences of 8+ words (not a box of short lines)."""
    return "\n" not in text.strip() and len(words(text)) >= 8 and text.strip()[-1:] in ".!?"


ITEM_LABELS = frozenset({"pros", "cons", "the good", "the bad", "tracklist", "track list",
                         "track listing", "setlist", "set list", "specs", "key specs",
                         "specifications", "in the box", "what we liked",
                         "what we didn't like", "what we didn’t like"})
"""Story labels whose items are short lines ("Quiet boil", "3. Salt in the Well"): headings
over such a line, which a label like "Sources" is not (it may stand over a bare link)."""
_ITEM_LINE = re.compile(r"\s*(?:\d{1,3}[.)]|[-*\u2022])\s+\S")


def not_heading(block: Block, before: Block | None, after: Block | None) -> bool:
    """A line that must not become a heading: a figure or button line, a byline, or a site's
    tagline first in the body, over the story."""
    text = block.text.strip()
    if _NOT_HEADING.search(text):
        return True
    credit = _CREDIT.match(text)
    if credit and is_name(credit.group("name")):
        return True  # "Photography by Jane Doe", "Illustrations by ...": a credit line
    if (is_name(text) and after is not None and not after.markup and len(words(text)) <= 4
            and not any(fold(w) in SMALL_WORDS for w in words(text))
            and before is None):
        return True  # a byline's name on its own
    return before is None and bool(_TAGLINE.search(text)) and not is_all_caps(text)


def mark_headings(blocks: Sequence[Block]) -> list[Block]:
    """Stand-alone heading-like lines followed by more text become `## ` headings."""
    marked: list[Block] = []
    labels = len({fold_line(b.text).rstrip(":") for b in blocks if not b.markup}
                 & RECIPE_SECTIONS)
    lower = lower_words(b.text for b in blocks)
    nouns = capitalises_nouns(b.text for b in blocks if not b.markup)
    for index, block in enumerate(blocks):
        before = blocks[index - 1] if index else None
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if not block.markup and (_NEVER_HEADING.search(block.text) or is_date_phrase(block.text)
                                 or (not nouns and is_name_line(block.text, lower))):
            block = replace(block, heading=False)
        elif _story_label(block, before, after):
            block = replace(block, heading=True)
        elif block.markup or not_heading(block, before, after):
            pass
        elif _recipe_section(block, after, labels) or _is_heading_at(block, before, after):
            block = replace(block, heading=True)
        marked.append(block)
    return vouch_headings(marked)


def vouch_headings(marked: Sequence[Block]) -> list[Block]:
    """When a body has a section heading, the lines shaped like its siblings become headings
    too: a one-word heading ("Remedies") and a sentence-case one over a short section."""
    marked = list(marked)
    if any(b.heading and not b.markup and fold_line(b.text).rstrip(":") not in STORY_LABELS
           for b in marked):
        marked = [replace(b, heading=True) if _is_one_word_heading(marked, i) else b
                  for i, b in enumerate(marked)]
        marked = [replace(b, heading=True) if is_short_section(marked, i) else b
                  for i, b in enumerate(marked)]
    return marked


SHORT_SECTION_WORDS = 8
"""Fewest words of the paragraph under a sentence-case heading the body's other headings vouch
for ("Le calendrier" over two short sentences); a lone such line needs 20."""


def is_short_section(blocks: Sequence[Block], index: int) -> bool:
    """A sentence-case heading over a short section ("What happens next" over one or two
    sentences), in a body that already has headings: the same shape as `is_sentence_heading`
    (2-8 words, no final punctuation or question mark, after a finished paragraph), with a
    paragraph of 8+ finished words under it instead of 20."""
    block = blocks[index]
    if block.markup or block.heading or not 0 < index < len(blocks) - 1:
        return False
    text = block.text.strip()
    before, after = blocks[index - 1], blocks[index + 1]
    if not 2 <= len(words(text)) <= SENTENCE_HEADING_WORDS or not text[:1].isupper():
        return False
    if re.search(r"[.,;:!?\u2026\"'\u201d\u2019)]$", text) or is_date_phrase(text):
        return False
    if before.heading or before.markup or not re.search(r"[.!?\"\u201d)]$", before.text.strip()):
        return False
    if after.heading or after.markup or len(words(after.text)) < SHORT_SECTION_WORDS:
        return False
    if not re.search(r"[.!?\"\u201d)]$", after.text.strip()) or after.text.rstrip().endswith("?"):
        return False
    return not (_NEVER_HEADING.search(text) or not_heading(block, before, after) or is_name(text)
                or _after_name(block, before) or _BYLINE_START.match(text))


def _is_one_word_heading(blocks: Sequence[Block], index: int) -> bool:
    """A one-word heading ("Remedies") in a body that already has headings: a capitalised
    word on its own between two blocks, before a paragraph of 20+ words."""
    block = blocks[index]
    text = block.text.strip()
    if block.markup or block.heading or len(words(text)) != 1 or not 0 < index < len(blocks) - 1:
        return False
    after = blocks[index + 1]
    if blocks[index - 1].heading or after.heading or after.markup or len(words(after.text)) < 20:
        return False
    return (text[:1].isupper() and is_heading_like(text) and not is_date_phrase(text)
            and text[-1:] not in ":")


_BYLINE_START = re.compile(r"^(?:by|posted by|written by|reported by|photo(?:graph)?s? by)\s",
                           re.I)


def _is_heading_at(block: Block, before: Block | None, after: Block | None) -> bool:
    """Whether a block becomes a heading, given its neighbours."""
    if block.markup or block.heading or after is None or re.search(r"\bicon$", block.text, re.I):
        return False
    if is_list_heading(block, before, after):
        return True
    if _after_name(block, before):
        return False  # a role line under a name ("Head of Product"), not a section
    if _speaker(block, after):
        return False  # an interview's speaker over their question, not a section
    if before is None and re.search(r"\d", block.text) and not is_all_caps(block.text):
        return False  # the body's first line with figures: a scoreline or a result, not a section
    if _BYLINE_START.match(block.text) or (
            not after.markup and not after.heading and len(words(after.text)) < 6
            and not re.search(r"[.!?:]$", after.text) and not is_all_caps(block.text)):
        return False  # a byline, or a short line above another short line (a menu, a list)
    return is_sentence_heading(block, before, after) or is_section_heading(block.text)


def recase_headings(blocks: Sequence[Block], casing: dict[str, str]) -> list[Block]:
    """ALL-CAPS headings in title case, with the article's own casing of names and acronyms."""
    return [
        replace(b, text=title_case(b.text, casing))
        if b.heading and not b.markup and is_all_caps(b.text) else b
        for b in blocks
    ]
