"""Text primitives every rule shares: canonical text, folding for comparisons, words, sentences."""

from __future__ import annotations

import re
import unicodedata

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "co", "corp", "ltd",
    "no", "e.g", "i.e", "u.s", "u.k", "gen", "gov", "sen", "rep", "rev", "fig", "approx",
})
"""Words whose trailing period does not end a sentence."""

_QUOTES = "\u2018\u2019\u201c\u201d'\"`«»"
_URL = re.compile(r"^<?(https?://[^\s<>]+)>?$")
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9]|\s*$)")



def clean_text(raw: str) -> str:
    """Canonical text (NFC, `\\n` lines, plain spaces, no trailing blanks) so rules see one form."""
    return clean_lines(raw)[0]


def clean_lines(raw: str) -> tuple[str, int]:
    """`clean_text`, and the input line its first line was (leading blank lines are dropped)."""
    text = unicodedata.normalize("NFC", raw)
    text = re.sub(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]", "\n", text)
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    text = re.sub(r"[\u200b\u200c\ufeff\u2060]", "", text)
    text = "".join(c for c in text if c == "\n" or unicodedata.category(c) != "Cc")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    stripped = text.lstrip("\n")
    return stripped.rstrip("\n"), 1 + len(text) - len(stripped)


def fold(text: str) -> str:
    """Text reduced to what a reader compares (no quotes, case or spacing) to spot repeats."""
    stripped = "".join(c for c in text if c not in _QUOTES)
    return " ".join(stripped.casefold().split())


def fold_line(line: str) -> str:
    """A line reduced for matching against boilerplate phrases (case, dashes, spacing)."""
    text = re.sub(r"[\u2013\u2014\u2212]", "-", line.casefold())
    text = " ".join(text.split())
    return text.rstrip(":").strip()


def words(text: str) -> list[str]:
    """Whitespace-separated words, for length rules."""
    return text.split()



def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, not breaking after common abbreviations or initials."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].split()
        last = before[-1].casefold().rstrip(".") if before else ""
        if match.group().startswith(".") and (last in ABBREVIATIONS or len(last) == 1):
            continue
        sentence = text[start : match.end()].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def cut_words(text: str, limit: int) -> str:
    """At most `limit` words of `text`, with "…" when something was cut."""
    parts = words(text)
    if len(parts) <= limit:
        return text.strip()
    return " ".join(parts[:limit]).rstrip(",;:\u2013\u2014-") + "…"
