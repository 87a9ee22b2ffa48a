"""Raw article text → a clean title, metadata and a Markdown body.

Articles arrive as text copied out of web pages, newsletters and report generators: a title
that is repeated, headings in ALL CAPS, the outlet and author buried at the bottom, and share
buttons, comment forms and "related articles" lists mixed in.  Every step here is a small pure
function with one concern, so each heuristic can be read, tested and changed on its own; the
entry points (`normalise`, `normalise_markdown`) only chain them.

The pipeline works on `Block`s (one paragraph or heading each) holding *plain* text; Markdown
is produced only at the very end, where plain text is escaped so that untrusted input can never
turn into markup.  Nothing is invented: metadata is filled in only when the text states it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from slugify import slugify

from readsite.config import RESERVED_SLUGS

# --------------------------------------------------------------------------- the result


@dataclass(frozen=True, slots=True)
class Normalised:
    """One article after normalisation: what the importer writes as front matter + body."""

    title: str
    """Headline, plain text, never ending in a period."""
    source: str
    """The outlet the article came from ("TechCrunch"); "" if the text does not say."""
    author: str
    """Who wrote it; "" if the text does not say."""
    url: str
    """Where it was originally published; "" unless the text states it."""
    date: dt.date | None
    """Publication date, only when the text states one; never guessed."""
    summary: str
    """One or two sentences of plain text: the dek if there is one, else the opening."""
    body: str
    """The article as Markdown: `## ` headings and paragraphs separated by one blank line."""


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or heading of the article while it is being normalised."""

    text: str
    """The block's text on one line (plain text, unless `markup`)."""
    heading: bool = False
    """Whether this block is a section heading."""
    markup: bool = False
    """Already Markdown (from a .md file): written verbatim, never escaped or reclassified."""
    level: int = 2
    """Heading level when `heading` (body sections are `##`)."""


# --------------------------------------------------------------------------- vocabulary

SMALL_WORDS = frozenset({
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet",
    "as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via", "vs",
})
"""Words a title-cased heading keeps lowercase (AP style: articles, conjunctions and
prepositions of three letters or fewer), unless first or after a colon."""

BOILERPLATE_LINES = frozenset({
    "more posts - website", "more posts", "leave a comment", "leave a reply",
    "your email address will not be published. required fields are marked *",
    "your email address will not be published", "required fields are marked *",
    "scroll to top", "back to top", "share this", "share this article", "share this story",
    "share this post", "share", "share on facebook", "share on twitter", "share on x",
    "share on linkedin", "share on whatsapp", "share on reddit", "tweet", "print", "email",
    "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest", "copy link",
    "post comment", "submit comment", "comment", "name *", "email *", "website",
    "save my name, email, and website in this browser for the next time i comment.",
    "save my name, email, and website in this browser for the next time i comment",
    "cancel reply", "subscribe", "advertisement",
    # report-generator chrome (label lines with no content of their own)
    "signal summary", "parsed", "content type", "system report", "scope", "signals",
})
"""Whole lines (compared after `fold_line`) that are page chrome, never article text."""

BOILERPLATE_PATTERNS = (
    re.compile(r"^\[[^\]]*\breport\]$"),
    re.compile(r"^signal id\s*:"),
    re.compile(r"^pattern detected\s*:"),
    re.compile(r"^observation recorded\b"),
    re.compile(r"^share (?:this|on)\b.{0,40}$"),
)
"""Line shapes (on the folded line) that are chrome: report headers, IDs, share widgets."""

TAIL_MARKERS = frozenset({
    "related articles", "related posts", "related stories", "related reading", "related",
    "you may also like", "you might also like", "read more", "read next", "more stories",
    "recommended", "recommended for you", "more from this author", "system assessment",
    "leave a comment", "leave a reply", "comments", "more posts - website",
})
"""Lines after which a page holds only chrome (teasers, comment forms, footers)."""

TAIL_MIN_BODY = 300
"""A tail marker cuts the rest only after this many characters of article text (so a
"Leave a comment" link under the headline does not swallow the article)."""

SUMMARY_LIMIT = 240
"""Longest summary we derive from the body; longer openings are cut at a sentence end."""

DEK_LIMIT = 280
"""Longest paragraph under the title that may be a dek (a standfirst, not the lede)."""

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "co", "corp", "ltd",
    "no", "e.g", "i.e", "u.s", "u.k", "gen", "gov", "sen", "rep", "rev", "fig", "approx",
})
"""Words whose trailing period does not end a sentence."""

MONTHS = {
    name: number
    for number, names in enumerate((
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
        ("december", "dec"),
    ), start=1)
    for name in names
}
"""Month names and abbreviations → month number, for stated dates."""

NAME_CONNECTORS = frozenset({"and", "&", "de", "del", "da", "van", "von", "der", "la", "le", "bin"})
"""Lowercase words allowed inside a person's name."""

_QUOTES = "\u2018\u2019\u201c\u201d'\"`«»"
_URL = re.compile(r"^<?(https?://[^\s<>]+)>?$")
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9]|\s*$)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE_FORMS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[t ][\d:.]+z?(?:[+-][\d:]+)?)?$"),
    re.compile(_WEEKDAY + rf"(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               r"(?P<y>\d{4})$"),
    re.compile(_WEEKDAY + rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE})\.?,?\s+"
               r"(?P<y>\d{4})$"),
)
_DATE_LABEL = re.compile(r"^(?:published|posted|date|first published)(?:\s+on)?\s*:?\s*", re.I)
_SOURCE_LINE = re.compile(r"^(?:source|via)\s*:\s*(?P<value>.+)$", re.I)
_URL_LINE = re.compile(
    r"^(?:originally\s+published\s+(?:at|on|in)|original(?:\s+article)?|url|link|"
    r"canonical(?:\s+url)?)\s*:?\s*(?P<value>.+)$", re.I)
_BYLINE = re.compile(r"^(?:by|author\s*:|written\s+by)\s+(?P<value>.+)$", re.I)
_FIELD_SPLIT = re.compile(r"\s+[\u2013\u2014\-|·•]\s+|\s*\|\s*")


# --------------------------------------------------------------------------- text cleaning


def clean_text(raw: str) -> str:
    """Canonical text (NFC, `\\n` lines, plain spaces, no trailing blanks) so rules see one form."""
    text = unicodedata.normalize("NFC", raw)
    text = re.sub(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]", "\n", text)
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    text = re.sub(r"[\u200b\u200c\ufeff\u2060]", "", text)
    text = "".join(c for c in text if c == "\n" or unicodedata.category(c) != "Cc")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


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


def is_hard_wrapped(lines: Sequence[str]) -> bool:
    """Whether a group of lines is one paragraph wrapped at a fixed width (so we rejoin it)."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    longest = max(len(line) for line in body)
    mid_sentence = any(not re.search(r"[.!?:\u2026\"'\u201d\u2019)]$", line) for line in body)
    fits = 40 <= longest <= 100 and all(len(line) >= longest * 0.6 for line in body)
    return mid_sentence and fits


def split_blocks(text: str) -> list[str]:
    """Paragraph texts: one per line, except hard-wrapped lines in a blank-line separated text."""
    blocks: list[str] = []
    groups = re.split(r"\n[ ]*\n", text)
    for group in groups:
        lines = [line.strip() for line in group.split("\n") if line.strip()]
        wrapped = len(groups) > 1
        if wrapped and len(lines) > 2 and is_heading_like(lines[0]) and is_hard_wrapped(lines[1:]):
            blocks.append(lines[0])
            lines = lines[1:]
        if wrapped and is_hard_wrapped(lines):
            blocks.append(" ".join(lines))
        else:
            blocks.extend(lines)
    return blocks


def to_blocks(paragraphs: Iterable[str]) -> list[Block]:
    """Plain paragraphs as Blocks; lines already written as Markdown headings stay headings."""
    blocks: list[Block] = []
    for text in paragraphs:
        match = _MD_HEADING.match(text)
        if match and match.group(2).strip():
            blocks.append(Block(match.group(2).strip(), heading=True))
        else:
            blocks.append(Block(text))
    return blocks


# --------------------------------------------------------------------------- boilerplate


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is page chrome (share buttons, comment forms, report labels)."""
    folded = fold_line(line)
    return folded in BOILERPLATE_LINES or any(p.search(folded) for p in BOILERPLATE_PATTERNS)


def is_tail_marker(line: str) -> bool:
    """Whether a line starts the page's trailing chrome ("Related articles", comments...)."""
    return fold_line(line) in TAIL_MARKERS


def strip_boilerplate(blocks: Sequence[Block]) -> list[Block]:
    """Drop chrome lines, and everything from a tail marker on once the article has begun."""
    kept: list[Block] = []
    seen = 0
    for block in blocks:
        if block.markup and not block.heading:
            kept.append(block)
            seen += len(block.text)
            continue
        if is_tail_marker(block.text) and seen >= TAIL_MIN_BODY:
            break
        if is_boilerplate(block.text) or is_tail_marker(block.text):
            continue
        kept.append(block)
        seen += len(block.text)
    return kept


# --------------------------------------------------------------------------- metadata lines


def as_url(text: str) -> str:
    """The URL if `text` is exactly one http(s) URL (optionally in <>), else ""."""
    match = _URL.match(text.strip())
    return match.group(1) if match else ""


def parse_source_line(line: str) -> tuple[str, str] | None:
    """(source, url) from a "Source: Outlet - Section" / "Via: URL" line; None if not one."""
    if len(line) > 150:
        return None
    match = _SOURCE_LINE.match(line)
    if not match:
        return None
    parts = [p.strip() for p in _FIELD_SPLIT.split(match.group("value")) if p.strip()]
    if not parts:
        return None
    url = next((as_url(p) for p in parts if as_url(p)), "")
    source = "" if as_url(parts[0]) else parts[0]
    return source, url


def parse_url_line(line: str) -> str:
    """The URL stated by an "Originally published at URL" / "URL: ..." line, else ""."""
    if len(line) > 300:
        return ""
    match = _URL_LINE.match(line)
    return as_url(match.group("value")) if match else ""


def parse_date(text: str) -> dt.date | None:
    """A date written as a whole phrase ("May 5, 2026", "5 May 2026", "2026-05-05"); else None."""
    value = _DATE_LABEL.sub("", text.strip()).strip().rstrip(".").casefold()
    for form in _DATE_FORMS:
        match = form.match(value)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["m"]) if parts.get("m") else MONTHS[parts["mon"]]
        try:
            return dt.date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            return None
    return None


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
    return NAME_CONNECTORS.isdisjoint((parts[0].casefold(), parts[-1].casefold()))


def parse_byline(line: str) -> tuple[str, dt.date | None] | None:
    """(author, date) from "By Name" / "By Name | May 5, 2026"; None if the line is not one."""
    match = _BYLINE.match(line.strip())
    if not match or len(line) > 120:
        return None
    value = re.sub(r"\s+on\s+(?=\S+\s+\d)", " | ", match.group("value"))
    parts = [p.strip() for p in _FIELD_SPLIT.split(value) if p.strip()]
    if not parts:
        return None
    name, *rest = parts
    name = re.sub(r",\s*$", "", name)
    if "," in name:
        name, tail = (x.strip() for x in name.split(",", 1))
        rest.insert(0, tail)
    if not is_name(name) and not (len(words(name)) == 1 and name[:1].isupper()):
        return None
    date = next((d for d in map(parse_date, rest) if d is not None), None)
    return name, date


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the text states about itself, found on lines of their own."""

    source: str = ""
    """Outlet named on a "Source:" line."""
    url: str = ""
    """Original address stated in the text."""
    author: str = ""
    """Author from a byline or an author box."""
    date: dt.date | None = None
    """Date stated on a line of its own, or in the byline."""


EDGE = 4
"""How many blocks from the top or bottom may hold a byline or a date line."""


def extract_metadata(blocks: Sequence[Block]) -> tuple[Metadata, list[Block]]:
    """Source, URL, byline and date lines → Metadata; those lines leave the body."""
    meta = Metadata()
    rest: list[Block] = []
    count = len(blocks)
    for index, block in enumerate(blocks):
        near_edge = index < EDGE or index >= count - EDGE
        found = None if block.markup or block.heading else _metadata_line(block.text, near_edge)
        if found is None:
            rest.append(block)
            continue
        meta = Metadata(
            source=meta.source or found.source, url=meta.url or found.url,
            author=meta.author or found.author, date=meta.date or found.date,
        )
    return meta, rest


def _metadata_line(text: str, near_edge: bool) -> Metadata | None:
    """The metadata a single line states, or None if the line is article text."""
    source = parse_source_line(text)
    if source is not None:
        return Metadata(source=source[0], url=source[1])
    url = parse_url_line(text)
    if url:
        return Metadata(url=url)
    if not near_edge:
        return None
    byline = parse_byline(text)
    if byline is not None:
        return Metadata(author=byline[0], date=byline[1])
    date = parse_date(text)
    return Metadata(date=date) if date is not None else None


def mentions(text: str, name: str) -> bool:
    """Whether `text` names the person (first or last name as a whole word)."""
    parts = [p for p in words(name) if p.casefold() not in NAME_CONNECTORS and len(p) > 1]
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text, re.I) for p in parts)


BIO_CUES = re.compile(
    r"\b(?:writes|writer|editor|editorial|reporter|journalist|author|covers|contributor|"
    r"correspondent|columnist|based in|passion|expertise|graduated|holds a)\b", re.I)
"""Words that mark a paragraph as an author bio rather than article text."""


def extract_author_box(blocks: Sequence[Block]) -> tuple[str, list[Block]]:
    """An author box at the end (name line, then repeats or a bio naming them) → (name, rest)."""
    for start in range(max(1, len(blocks) - 6), len(blocks) - 1):
        name = blocks[start].text
        if blocks[start].markup or not is_name(name):
            continue
        after = blocks[start + 1 :]
        repeats = [b for b in after if fold(b.text) == fold(name)]
        bios = [b for b in after if fold(b.text) != fold(name)]
        if all(mentions(b.text, name) for b in bios) and (
            repeats or any(BIO_CUES.search(b.text) for b in bios)
        ):
            return name, list(blocks[:start])
    return "", list(blocks)


# --------------------------------------------------------------------------- title


def is_title_like(line: str) -> bool:
    """Whether a first line reads as a headline: short, one phrase, no final period."""
    text = line.strip()
    if not text or len(text) > 200 or len(words(text)) > 25:
        return False
    if text[-1] in ".,;" or len(split_sentences(text)) > 1:
        return False
    return bool(_WORD.search(text))


def same_line(a: str, b: str) -> bool:
    """Whether two lines say the same thing up to quotes, case and spacing (a repeated title)."""
    return bool(fold(a)) and fold(a) == fold(b)


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


def derive_title(text: str) -> str:
    """An honest short title from an untitled text: its first clause, else its first words."""
    sentences = split_sentences(text)
    first = sentences[0] if sentences else text
    clause = re.split(r"[,;:]\s|\s[\u2013\u2014-]\s|[\u2013\u2014]", first, maxsplit=1)[0].strip()
    clause = clause.rstrip(".!?…").strip()
    if 4 <= len(words(clause)) <= 12:
        return clause
    sentence = first.rstrip(".").strip()
    if 1 <= len(words(sentence)) <= 12:
        return sentence
    return cut_words(first, 10)


def balance_quotes(title: str) -> str:
    """Close a quote a title leaves open (a cut-off headline), before any final ?/!."""
    missing = ""
    if title.count("\u201c") > title.count("\u201d"):
        missing += "\u201d"
    opens = len(re.findall(r"(?:^|(?<=[\s(\[\u2014\u2013-]))\u2018", title))
    closes = len(re.findall(r"\u2019(?!\w)", title))
    if opens > closes:
        missing = "\u2019" + missing
    if title.count('"') % 2:
        missing += '"'
    if not missing:
        return title
    match = re.search(r"[?!…]+$", title)
    cut = match.start() if match else len(title)
    return title[:cut] + missing + title[cut:]


def finish_title(title: str) -> str:
    """A title as written to front matter: single-spaced, balanced quotes, no final period."""
    text = " ".join(title.split()).rstrip(" .")
    return balance_quotes(text)


# --------------------------------------------------------------------------- headings


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


# --------------------------------------------------------------------------- summary


def first_sentences(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """The opening one or two sentences of a paragraph within `limit` characters."""
    sentences = split_sentences(text)
    if not sentences:
        return ""
    summary = sentences[0]
    if len(summary) > limit:
        return summary[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    if len(sentences) > 1 and len(summary) + 1 + len(sentences[1]) <= limit:
        summary += " " + sentences[1]
    return summary


def is_dek(block: Block, following: Sequence[Block]) -> bool:
    """Whether the paragraph under the title is a standfirst: 1-2 sentences before longer text."""
    if block.heading or len(block.text) > DEK_LIMIT or block.text[-1:] not in ".!?…\u201d\u2019\")":
        return False
    if len(split_sentences(block.text)) > 2:
        return False
    prose = next((b for b in following if not b.heading), None)
    return prose is not None and len(prose.text) >= 1.5 * len(block.text)


# --------------------------------------------------------------------------- Markdown output

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^(?:([#>+\-=])|(\d{1,9})([.)]))")


def escape_inline(text: str) -> str:
    """Backslash-escape characters that would become inline markup (emphasis, links, HTML)."""
    return _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))


def escape_paragraph(text: str) -> str:
    """Plain text as a Markdown paragraph that renders as exactly that text."""
    escaped = escape_inline(text)
    return _BLOCK_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), escaped
    )


def escape_heading(text: str) -> str:
    """Plain text as the content of a `## ` heading (no `#` may close or nest it)."""
    return escape_inline(text).replace("#", "\\#")


def to_markdown(blocks: Sequence[Block]) -> str:
    """The body: `## ` headings and paragraphs, one blank line apart."""
    parts: list[str] = []
    for block in blocks:
        if block.heading:
            text = block.text if block.markup else escape_heading(block.text)
            parts.append("#" * max(2, block.level) + " " + text)
        else:
            parts.append(block.text if block.markup else escape_paragraph(block.text))
    return "\n\n".join(parts)


def make_slug(title: str) -> str:
    """The article's file name and URL part: lowercase ASCII words, at most 80 characters,
    never a name Windows reserves (`con` → `con-article`), so the content folder can be
    checked out anywhere."""
    slug = slugify(title, max_length=80, word_boundary=True) or "article"
    return f"{slug}-article" if slug in RESERVED_SLUGS else slug


# --------------------------------------------------------------------------- the pipeline


def take_title(blocks: Sequence[Block]) -> tuple[str, bool, list[Block]]:
    """(title, stated, rest): the first line if it is a headline, else a derived one."""
    if not blocks:
        return "", False, []
    first = blocks[0]
    if first.heading or (not first.markup and is_title_like(first.text)):
        rest = list(blocks[1:])
        if rest and not rest[0].markup and same_line(first.text, rest[0].text):
            rest = rest[1:]
        return first.text, True, rest
    text = first.text if not first.markup else plain_markdown(first.text)
    return derive_title(text), False, list(blocks)


def mark_headings(blocks: Sequence[Block]) -> list[Block]:
    """Stand-alone heading-like lines followed by more text become `## ` headings."""
    marked: list[Block] = []
    for index, block in enumerate(blocks):
        followed = index + 1 < len(blocks)
        if not block.markup and not block.heading and followed and is_heading_like(block.text):
            block = replace(block, heading=True)
        marked.append(block)
    return marked


def recase_headings(blocks: Sequence[Block], casing: dict[str, str]) -> list[Block]:
    """ALL-CAPS headings in title case, with the article's own casing of names and acronyms."""
    return [
        replace(b, text=title_case(b.text, casing))
        if b.heading and not b.markup and is_all_caps(b.text) else b
        for b in blocks
    ]


def plain_markdown(text: str) -> str:
    """Rough plain text of a Markdown snippet (for titles and summaries from .md paragraphs)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`~]+", "", text)
    text = re.sub(r"^\s*(?:[#>]+|[-+*]|\d+[.)])\s+", "", text, flags=re.M)
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(text.split())


def normalise_blocks(blocks: Sequence[Block]) -> Normalised:
    """The shared pipeline over parsed blocks: chrome, metadata, title, headings, dek, body."""
    cleaned = strip_boilerplate(blocks)
    meta, cleaned = extract_metadata(cleaned)
    box_author, cleaned = extract_author_box(cleaned)
    title, stated, rest = take_title(cleaned)
    rest = mark_headings(rest)
    casing = casing_map(b.text for b in rest if not b.heading)
    rest = recase_headings(rest, casing)
    if stated and is_all_caps(title):
        title = title_case(title, casing)
    summary = ""
    if stated and rest and not rest[0].heading and not rest[0].markup and is_dek(rest[0], rest[1:]):
        summary, rest = rest[0].text, rest[1:]
    if not summary:
        opening = next((b for b in rest if not b.heading), None)
        if opening is not None:
            text = plain_markdown(opening.text) if opening.markup else opening.text
            summary = first_sentences(text)
    return Normalised(
        title=finish_title(plain_markdown(title) if cleaned[:1] and cleaned[0].markup else title),
        source=meta.source, author=meta.author or box_author, url=meta.url, date=meta.date,
        summary=summary, body=to_markdown(rest),
    )


def normalise(raw: str) -> Normalised:
    """Plain article text (as copied from a page or report) → a clean Normalised article."""
    return normalise_blocks(to_blocks(split_blocks(clean_text(raw))))


# --------------------------------------------------------------------------- Markdown input

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_MARKUP_START = re.compile(
    r"^(?:[-+*]\s|\d{1,9}[.)]\s|>|\||<|    |`{3,}|~{3,}|[-*_](?:\s*[-*_]){2,}\s*$)"
)


def split_markdown(text: str) -> list[Block]:
    """Markdown source → Blocks, keeping fenced code, lists and quotes whole and verbatim."""
    blocks: list[Block] = []
    current: list[str] = []
    fence = ""

    def flush() -> None:
        if current:
            blocks.append(markdown_block("\n".join(current)))
            current.clear()

    for line in text.split("\n"):
        if fence:
            current.append(line)
            if line.strip().startswith(fence):
                fence = ""
                flush()
            continue
        opening = _FENCE.match(line.strip())
        if opening:
            flush()
            fence = opening.group(1)
            current.append(line)
        elif not line.strip():
            flush()
        elif _MD_HEADING.match(line):
            flush()
            current.append(line)
            flush()
        else:
            current.append(line)
    flush()
    return blocks


def markdown_block(text: str) -> Block:
    """One Markdown block: a heading (with its level) or verbatim Markdown."""
    match = _MD_HEADING.match(text)
    if match and "\n" not in text and match.group(2).strip():
        level = len(match.group(1))
        return Block(match.group(2).strip(), heading=True, markup=True, level=level)
    return Block(text, markup=True)


def normalise_markdown(raw: str) -> Normalised:
    """A Markdown file without front matter: same rules, but its Markdown is kept as written."""
    blocks = split_markdown(clean_text(raw))
    candidates = []
    for block in blocks:
        plain = not block.heading and "\n" not in block.text and not _MARKUP_START.match(block.text)
        candidates.append(replace(block, markup=False, text=block.text) if plain and
                          _is_plain(block.text) else block)
    return normalise_blocks(candidates)


def _is_plain(text: str) -> bool:
    """Whether a one-line Markdown paragraph has no markup, so text rules may treat it as text."""
    return not re.search(r"[\\`*_\[\]<>~&]", text)
