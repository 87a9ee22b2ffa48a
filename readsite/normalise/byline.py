"""Who wrote it: bylines ("By Jane Doe", "Jane Doe, Reuters", "— Jane Doe, Editor, Outlet"),
bylines split over label lines, and author boxes and bios before or after the article."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.dates import parse_date
from readsite.normalise.names import NAME_CONNECTORS, is_name
from readsite.normalise.rolelines import ROLE
from readsite.normalise.rules import Rule
from readsite.normalise.runon import parse_run_on_byline
from readsite.normalise.text import fold, words
from readsite.normalise.trace import Trace

BYLINE = Rule("byline", "A \"By Jane Doe\" / \"Written by ...\" / \"Author: ...\" / \"Words "
              "and photos by ...\" / a review page's \"Reviewed by ...\" (not a reviewer with "
              "a credential, \"Dr. X, MD\") / \"Interview by ...\" line near the top or the "
              "end: the author (and the date when the line states one).")
SIGNATURE = Rule("signature", "A signature line \"— Jane Doe, Role, Outlet\": the author, and the "
                 "outlet as its last part.")
NAME_OUTLET = Rule("name-outlet", "A line \"Jane Doe, Outlet\" right by the headline: the author "
                   "and the outlet.")
AUTHOR_BOX = Rule("author-box", "An author box at the end: a name line, then repeats of it or a "
                  "bio naming them: the author; the box leaves the body.")
AUTHOR_BIO = Rule("author-bio", "A paragraph before or after the article about its author "
                  "(\"Jane Doe is a reporter who covers ...\", often with an e-mail address).")


_BYLINE = re.compile(r"^(?:by|author\s*:|written\s+by|posted\s+by|reported\s+by|words\s+by|"
                     r"(?P<review>reviewed\s+by|review\s+by)|interview(?:ed|s)?\s+by|"
                     r"(?:words|text|story)\s+(?:and|&)\s+(?:photos?|photographs?|photography|"
                     r"pictures?|images?|illustrations?)\s+by|"
                     r"story\s+by|text\s+by|hosted\s+by|report\s+by|words\s*:|text\s*:|"
                     r"texto\s*:|texte\s*:|tekst\s*:|von|par|por|di|door|av|af)"
                     r"\s+(?P<value>.+)$", re.I)
_CREDENTIAL = re.compile(r"^(?:dr|prof)\.?\s|,\s*(?:md|do|phd|rn|rd|pharmd|mph|dds|np|lcsw)\b"
                         r"|\b(?:md|phd|rn)$", re.I)
"""A medical or academic credential on a reviewer's name: a fact-checker, not the writer."""
_FIELD_SPLIT = re.compile(r"\s+[\u2013\u2014\-]\s+|\s*[|·•]\s*")
_PHOTO_CREDIT = re.compile(r"\s+(?:foto|fotos|photos?|photography|bild|bilder|fot\.|"
                           r"fotograf[íi]a|zdj[ęe]cia|illustrations?)\s*:.*$", re.I)
"""A photographer's credit after the writer's name on the same byline line."""
_CATEGORY = re.compile(r"\s+in\s+[A-Z][\w &'’-]{1,40}$")


_FOR_OUTLET = re.compile(r"\s+for\s+(?P<outlet>(?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+(?:"
                         r"[A-Z][\w&'’.-]*|of|and|&)){0,5})$")
"""A byline naming the outlet it was written for: "By Jane Doe for The Harbour Gazette"."""
_STAFF = re.compile(r"^(?P<outlet>(?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s+"
                    r"(?:staff(?: reports?| writers?)?|newsroom|news ?desk|editorial (?:staff|team|"
                    r"board))$", re.I)
"""A staff byline naming the outlet: "By Harbour Gazette Staff", "By the Valley Post Newsroom"."""


_AT_TIME = re.compile(r"\s+at\s+\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
                      r"(?=\s+on\s)", re.I)
"""A time between the name and the date: "By Jane Doe at 7:30am on 12 March 2026"."""


_AUTHOR_JOIN = re.compile(r",?\s+(?:and|&|und|et|y|e)\s+|\s*,\s*")


_CREDITS = re.compile(r"^(?:reporting|writing|reported|written) by (?P<names>[^;]{3,120})(?:;|$)",
                      re.I)
_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'’-]{1,40}$")


def parse_credits(line: str) -> str:
    """The reporters a wire story's credits line names ("Reporting by Ana Gil in Lisbon and
    Rui Costa; Editing by Mia Wong" → "Ana Gil, Rui Costa"), or ""."""
    match = _CREDITS.match(line.strip())
    if not match:
        return ""
    parts = [_PLACE.sub("", p.strip()) for p in _AUTHOR_JOIN.split(match.group("names")) if p]
    names = [p for p in parts if is_name(p)]
    return ", ".join(names) if names and len(names) == len(parts) else ""


def list_authors(name: str) -> str:
    """Several authors in the project's form: "A and B" / "A, B & C" → "A, B, C" (only when
    every part is a person's name; "Procter & Gamble" or one name stays as it is)."""
    parts = [p for p in _AUTHOR_JOIN.split(name.strip()) if p]
    if len(parts) < 2 or not all(is_name(p) for p in parts):
        return name
    return ", ".join(parts)


_DATE_THEN_NAME = re.compile(r"^(?:posted|published|written|updated)?\s*(?:on\s+)?"
                             r"(?P<date>.{6,40}?),?\s+by\s+(?P<name>[^,|·•]{3,60})$", re.I)


def parse_byline(line: str) -> tuple[str, dt.date | None] | None:
    """(author, date) from "By Name" / "By Name | May 5, 2026" / "Posted on May 5, 2026 by
    Name", or a run-on "By Name May 5, 2026 Follow @name" (`runon`); None if the line is not
    one."""
    turned = _DATE_THEN_NAME.match(line.strip())
    if turned and len(line) <= 120:
        date = parse_date(turned.group("date"))
        name = turned.group("name").strip()
        if date is not None and is_name(name):
            return name, date
    match = _BYLINE.match(line.strip())
    if not match or len(line) > 120:
        return parse_run_on_byline(line) if match else None
    if match.group("review") and _CREDENTIAL.search(match.group("value")):
        return None  # "Reviewed by Dr. X, MD": a medical reviewer, not the writer
    value = re.sub(r"\s+(?i:on|am|le|el)\s+(?=\S+\s+\d|\d{1,2}\.?\s+\S)", " | ",
                   _AT_TIME.sub(" ", match.group("value")))
    value = _PHOTO_CREDIT.sub("", value)  # "Text: Elin Dahlgren Foto: Johan Wikström"
    value = _CATEGORY.sub("", value)
    value = _FOR_OUTLET.sub("", value)
    parts = [p.strip() for p in _FIELD_SPLIT.split(value) if p.strip()]
    if not parts:
        return None
    name, *rest = parts
    name = re.sub(r",\s*$", "", name)
    if "," in name and not _co_authors(name):
        name, tail = (x.strip() for x in name.split(",", 1))
        rest.insert(0, tail)
    if not is_name(name) and not _co_authors(name) and not _joined_names(name) and not (
            len(words(name)) == 1 and name[:1].isupper()):
        return parse_run_on_byline(line)
    date = next((d for d in map(parse_date, rest) if d is not None), None)
    return name, date


def _person_shaped(value: str) -> bool:
    """Whether every comma-separated part of a byline's value is shaped like a person's name,
    none with an outlet word ("Jane Doe, Harbour Gazette" names the writer and the outlet) or
    a role ("Jane Doe, Business Reporter").  Two such parts are ambiguous ("Jane Doe, Port
    Elgin" names a place), so the second is then neither taken as the outlet nor as a second
    author; three or more are a list of co-authors (`_co_authors`)."""
    parts = [p.strip() for p in value.split(",")]
    return len(parts) >= 2 and all(is_name(p) and not looks_like_outlet(p) and not ROLE.search(p)
                                   and not _ROLE.search(p) for p in parts)


def _joined_names(value: str) -> bool:
    """Whether a byline's value is two or more names joined by a conjunction in any of the
    languages read ("Mariana Celis y Óscar Ibarrola", "A und B", "A et B", "A e B")."""
    parts = [p for p in _AUTHOR_JOIN.split(value.strip()) if p]
    return len(parts) >= 2 and all(is_name(p) and not looks_like_outlet(p) for p in parts)


CO_AUTHORS = 3
"""Fewest comma-separated names in a byline that are read as co-authors ("A, B, C")."""


def _co_authors(value: str) -> bool:
    """Whether a byline's value lists three or more people, comma-separated."""
    return value.count(",") + 1 >= CO_AUTHORS and _person_shaped(value)


def mentions(text: str, name: str) -> bool:
    """Whether `text` names the person (first or last name as a whole word)."""
    parts = [p for p in words(name) if p.casefold() not in NAME_CONNECTORS and len(p) > 1]
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text, re.I) for p in parts)


BIO_CUES = re.compile(
    r"\b(?:writes|writer|editor|editorial|reporter|journalist|author|covers|contributor|"
    r"correspondent|columnist|based in|passion|expertise|graduated|holds a|previously "
    r"(?:worked|wrote|reported|covered|served|was)|(?:before|prior to) joining|joined (?:the )?"
    r"[A-Z]\w+ in \d{4})\b", re.I)
"""Words that mark a paragraph as an author bio rather than article text."""


def extract_author_box(blocks: Sequence[Block]) -> tuple[str, list[Block], list[Trace]]:
    """An author box at the end (name line, then repeats or a bio naming them) →
    (name, rest, traces)."""
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
            box = blocks[start:]
            traces = [AUTHOR_BOX.found("author", name, blocks[start].line)]
            traces += [AUTHOR_BOX.dropped(b.text, b.line) for b in box[1:]]
            return name, list(blocks[:start]), traces
    return "", list(blocks), []


_SIGNATURE = re.compile(r"^[\u2014\u2013-]{1,2}\s*(?P<value>[^,]{3,60}(?:,[^,]{2,60}){1,3})$")
_ROLE = re.compile(r"\b(?:editor|reporter|writer|correspondent|founder|ceo|chief|host|author|"
                   r"columnist|contributor|analyst|director|producer|staff|senior|managing)\b",
                   re.I)


def parse_signature(line: str) -> tuple[str, str] | None:
    """(author, outlet) from "— Ian Krietzberg, Editor-in-Chief, The Deep View"; else None."""
    match = _SIGNATURE.match(line.strip())
    if not match:
        return None
    name, *parts = (p.strip() for p in match.group("value").split(","))
    if not is_name(name) or not parts:
        return None
    outlet = parts[-1] if len(parts) > 1 or not _ROLE.search(parts[-1]) else ""
    if outlet and not is_outlet_name(outlet):
        return None
    return name, outlet


OUTLET_WORDS = frozenset({
    "news", "times", "post", "journal", "gazette", "herald", "courier", "ledger", "tribune",
    "review", "daily", "weekly", "quarterly", "monthly", "magazine", "press", "wire", "report",
    "chronicle", "observer", "guardian", "telegraph", "examiner", "sentinel", "standard",
    "insider", "digest", "dispatch", "bulletin", "record", "register", "star", "sun", "globe",
    "mail", "express", "mirror", "independent", "today", "radio", "tv", "media", "newsletter",
    "anzeiger", "zeitung", "rundschau", "kurier", "tagblatt", "diario", "periódico", "correo",
    "heraldo", "monde", "libération", "dépêche", "courrier", "gazeta", "llp", "llc", "pllc",
    "gazzetta", "corriere", "giornale", "messaggero", "notizie", "podcast", "advertiser", "echo",
    "argus", "enquirer", "inquirer", "bugle", "clarion", "spectator", "gleaner", "courant",
    "jornal", "folha", "tidning", "tidningen", "dziennik", "dagblad",
    "krant", "nieuwsblad", "posten", "bladet", "avisen", "diário", "noticias", "républicain",
    "républicaine", "nouvelliste", "télégramme", "quotidien", "hebdo", "indépendant",
})
"""Words that mark a name as an outlet's ("Northfield Courier", "Rheinufer Anzeiger")."""


COMPOUND_OUTLET_ENDS = ("posten", "bladet", "avisen", "tidning", "tidningen", "zeitung",
                        "kurier", "anzeiger", "tidende", "dagblad", "blatt", "nieuws")
"""Outlet words that Germanic languages write joined to a name ("Fjordposten", "Ruhrkurier")."""


def looks_like_outlet(text: str) -> bool:
    """Whether a short name reads as an outlet's rather than a person's (by its words, or one
    word ending in an outlet word: "Fjordposten", "Ruhrkurier")."""
    return is_outlet_name(text) and any(
        fold(w) in OUTLET_WORDS or any(fold(w).endswith(end) and len(w) >= len(end) + 3
                                       for end in COMPOUND_OUTLET_ENDS) for w in words(text))


def byline_outlet(line: str) -> str:
    """The outlet a byline names after the author ("By Jane Doe, The Bluff City Post",
    "Written by Jane Doe | Senior Reporter | GridLines"), or ""."""
    match = _BYLINE.match(line.strip())
    if not match:
        return ""
    named = _FOR_OUTLET.search(match.group("value")) or _STAFF.match(match.group("value"))
    if named and is_outlet_name(named.group("outlet")) and not re.search(r"\d", named.group(0)):
        return named.group("outlet").strip()
    fields = [p.strip() for p in _FIELD_SPLIT.split(match.group("value")) if p.strip()]
    if len(fields) >= 3 and _ROLE.search(fields[1]) and is_outlet_name(fields[-1]) and (
            not _ROLE.search(fields[-1]) and not re.search(r"\d", fields[-1])):
        return fields[-1]
    outlet = next((f for f in fields[1:] if looks_like_outlet(f) and not _ROLE.search(f)
                   and not re.search(r"\d", f) and parse_date(f) is None), "")
    if len(fields) >= 2 and outlet:
        return outlet  # "By Jane Doe | Harbour Gazette | March 12, 2026"
    if match.group("value").count(",") != 1 or _person_shaped(match.group("value")):
        return ""
    tail = match.group("value").split(",")[1].strip()
    if _FIELD_SPLIT.search(tail) or _ROLE.search(tail) or not tail[:1].isupper():
        return ""
    if not is_outlet_name(tail) or re.search(r"\d", tail):
        return ""
    return tail


def is_outlet_name(text: str) -> bool:
    """Whether `text` could be an outlet's name: 1-6 words, capitalised, no sentence in it."""
    parts = words(text)
    if not 1 <= len(parts) <= 6 or len(text) > 50 or text[-1:] in ".!?:;":
        return False
    if re.match(r"^\d+\s*(?:min|mins|minutes?|h|hrs?|hours?|sec|secs|seconds?)\b", text, re.I):
        return False  # a duration ("47 min"), never a name
    return text[:1].isupper() or text[:1].isdigit()


_STATE_CODE = re.compile(r"^[A-Z]{2}\.?$|^[A-Z]\.[A-Z]\.$")


def parse_name_outlet(line: str) -> tuple[str, str] | None:
    """(author, outlet) from a short "Jane Doe, Reuters" line; None for anything else."""
    if line.count(",") != 1 or len(line) > 80:
        return None
    name, outlet = (p.strip() for p in line.split(","))
    if not is_name(name) or not is_outlet_name(outlet) or _STATE_CODE.match(outlet):
        return None
    if _ROLE.search(outlet) or fold(outlet) in {"jr", "sr", "ii", "iii", "phd", "md"}:
        return None
    return name, outlet


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_BIO_START = re.compile(r"^(?P<name>(?:[A-Z][\w.'\u2019-]*\s){1,3}[A-Z][\w'\u2019-]*)\s+"
                        r"(?:is|was|has been|writes|covers|reports)\b")

_BIO_SHORT = re.compile(r"^(?P<name>[A-Z][\w'\u2019-]+)\s+(?:is|was|has been|writes|covers|"
                        r"reports|joined|previously)\b")


def is_bio(text: str, author: str = "") -> bool:
    """Whether a paragraph is an author bio: it opens "<Name> is/writes/covers ..." with a bio
    word, or gives an e-mail address with one, and (when the author is known) names them."""
    if len(words(text)) > 90:
        return False
    match = _BIO_START.match(text)
    cue = BIO_CUES.search(text)
    if author and not mentions(text, author):
        return False
    if match and is_name(match.group("name")) and cue:
        return True
    short = _BIO_SHORT.match(text)
    if author and short and cue and fold(short.group("name")) in {fold(p) for p in words(author)}:
        return True  # "Doe covers transport. She previously worked at ..." (the byline's name)
    return bool(_EMAIL.search(text) and cue and (author or match))


BIO_AUTHOR = Rule("bio-author", "When no byline names the author, the one writer a bio before "
                  "or after the article names (\"Jane Doe is a freelance writer based in ...\"): "
                  "the author.")


def bio_author(bios: Sequence[Trace]) -> tuple[str, Trace] | None:
    """(name, trace) when the dropped bios name exactly one writer ("Jane Doe is a freelance
    writer ..."); None when they name none or several (a panel of contributors)."""
    found: dict[str, int] = {}
    for trace in bios:
        match = _BIO_START.match(trace.text)
        if match and is_name(match.group("name")) and BIO_CUES.search(trace.text):
            found.setdefault(match.group("name"), trace.line)
    if len(found) != 1:
        return None
    name, line = next(iter(found.items()))
    return name, BIO_AUTHOR.found("author", name, line)


def strip_bios(blocks: Sequence[Block], author: str, start: int,
               end: int) -> tuple[list[Block], list[Trace]]:
    """Drop bio paragraphs among the first `start` and the last `end` blocks."""
    kept: list[Block] = []
    traces: list[Trace] = []
    count = len(blocks)
    for index, block in enumerate(blocks):
        edge = index < start or index >= count - end
        if edge and not block.markup and not block.heading and is_bio(block.text, author):
            traces.append(AUTHOR_BIO.dropped(block.text, block.line))
        else:
            kept.append(block)
    return kept, traces


_NOT_NAME_WORDS = frozenset({
    "the", "a", "an", "is", "are", "was", "were", "be", "has", "have", "had", "do", "does", "of",
    "to", "for", "with", "in", "on", "at", "what", "who", "why", "how", "when", "where", "which",
    "this", "that", "it", "its", "our", "your", "my", "we", "new", "not", "no", "all", "more",
})
"""Words of a title-cased phrase ("Who Is Covered", "What the Deal Means"): not a name."""

LONE_NAME = Rule("lone-name", "A person's name alone on its line right under the headline (or "
                 "its dek), above the story or a date line, when nothing else names the author: "
                 "the byline.")


def lone_name(blocks: Sequence[Block]) -> tuple[str, int] | None:
    """(name, index) of a bare byline among the first two blocks after the headline: a 2-4 word
    name over a date line or a story paragraph (not over a question: a Q&A's speaker)."""
    for index, block in enumerate(blocks[:2]):
        text = block.text.strip()
        after = blocks[index + 1].text.strip() if index + 1 < len(blocks) else ""
        if block.markup or block.heading:
            return None
        if is_name(text) and 2 <= len(words(text)) <= 4 and after and not (
                {w.casefold() for w in words(text)} & _NOT_NAME_WORDS) and (
                parse_date(after) is not None
                or (index == 0 and len(words(after)) >= 8 and not after.endswith("?"))):
            return text, index
        if index == 0 and (len(words(text)) < 8 or is_name(text)):
            return None  # only a dek may stand between the headline and the name
    return None
