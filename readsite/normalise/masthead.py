"""The outlet a pasted page names in its masthead or its footer.

A page copied whole names its publication near the top (a masthead line "The Brackwater
Gazette", the site's name above its menu) and often again in a footer ("© 2025 The
Brackwater Gazette. All rights reserved.").  These are small pure tests used by the header
model (`header`) and, for the footer, by the pipeline when nothing else names the outlet.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.byline import OUTLET_WORDS, is_outlet_name, parse_byline
from readsite.normalise.clipchrome import FOLLOW, OWNED
from readsite.normalise.dates import parse_date
from readsite.normalise.headings import is_all_caps
from readsite.normalise.linerules import is_boilerplate
from readsite.normalise.names import is_name
from readsite.normalise.outlets import KNOWN_OUTLETS
from readsite.normalise.rules import Rule
from readsite.normalise.sitemenu import SECTION_WORDS
from readsite.normalise.text import fold, words
from readsite.normalise.trace import Trace

HEADER_OUTLET = Rule("header-outlet", "A 1-5-word capitalised line above the headline that reads "
                     "as a publication's name (an outlet word such as Gazette or Times, a known "
                     "outlet, or a name repeated in a \"© YEAR Name\" footer or later in the "
                     "text): the outlet.")
OUTLET_OVER_SECTION = Rule("outlet-over-section", "The first line of a pasted page, a 2-4-word "
                           "capitalised name (not a person's), standing right above a section "
                           "label (\"Local News\", \"Opinion\") over the headline, with a "
                           "byline or date below: the outlet, named once in plain words.")
FOOTER_OUTLET = Rule("footer-outlet", "A \"© 2025 The X Gazette\" / \"Copyright 2025 X\" footer, "
                     "when nothing else names the outlet: the outlet.")


DURATION = re.compile(r"^\d+\s*(?:min|mins|minutes?|h|hrs?|hours?|sec|s)\b", re.I)
_COPYRIGHT = re.compile(r"^(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?"
                        r"[,.]?\s*(?P<name>[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,5}?)"
                        r"(?:\s+\d{4})?"
                        r"(?:[,.]?\s+(?:all rights reserved|ltd|inc|llc)\b.*|[.,]?)$", re.I)

def is_publication(text: str, later: Sequence[str] = ()) -> bool:
    """Whether a short line names a publication: 1-5 capitalised words with an outlet word
    ("Gazette", "Times"), a known outlet, or a name a "© YEAR Name" footer or a later line
    repeats."""
    text = text.strip()
    if not is_outlet_name(text) or len(words(text)) > 5 or DURATION.match(text):
        return False
    if fold(text) in SECTION_WORDS or is_boilerplate(text):
        return False  # "Home", "Startseite", "Skip to content": navigation, never the outlet
    if re.search(r"[,:|·•/]", text):
        return False  # "Jane Doe, Outlet" or a field line: `metadata` reads those
    if parse_date(text) is not None or parse_byline(text) is not None:
        return False
    if fold(text) in KNOWN_OUTLETS or any(fold(w) in OUTLET_WORDS for w in words(text)):
        return len(words(text)) >= 2 or fold(text) in KNOWN_OUTLETS
    return any(fold(copyright_name(line)) == fold(text) or fold(line) == fold(text)
               for line in later)


def over_section_label(head: Sequence[Block], position: int, index: int) -> bool:
    """Whether header line `position` is the site's name over a section label over the headline
    at `index` ("The Harbour Gazette" / "Local News" / headline): the first line, 2-4 capitalised
    words, no byline, and not shaped like a person's name unless it opens with an article ("The
    Islander"; "Morag Lindsay" over "Opinion" is a columnist's name); a one-word line
    ("Scotland" / "Politics") may be a stacked breadcrumb, so it is left alone.  The caller
    checks for a byline or date below."""
    if position != 0 or index != 2 or any(b.markup or b.heading for b in head[:2]):
        return False
    text = head[0].text.strip()
    return (fold(head[1].text) in SECTION_WORDS and is_site_name(text)
            and 2 <= len(words(text)) <= 4 and parse_byline(text) is None
            and (fold(words(text)[0]) in ("the", "der", "die", "das", "le", "la", "el")
                 or not is_name(text))
            and not re.search(r"[,:|·•/]", text))


def named_in_chrome(text: str, chrome: Sequence[str]) -> bool:
    """Whether a header line of two or more capitalised words is a site's name that the page's
    own chrome repeats inside a longer line ("Get Coastline Sport alerts on your phone",
    "Subscribe to Coastline Sport"): the outlet, even when it stands last in a menu run."""
    if not is_site_name(text) or len(words(text)) < 2:
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(text.strip())}(?!\w)")
    return any(pattern.search(line) and fold(line) != fold(text) for line in chrome)


def under_menu(block: Block, chrome: Collection[int], dropped: Sequence[str]) -> bool:
    """Whether a short header line is the site's name standing right under its menu or
    breadcrumb row: a site name (1-2 words, not a section word) on the input line just below
    one dropped as navigation, and not itself an item of any dropped row (a breadcrumb's last
    item repeated as a section label: "Home > Reviews" / "Reviews")."""
    text = block.text.strip()
    if block.markup or not block.line or block.line - 1 not in chrome:
        return False
    if not is_site_name(text) or len(words(text)) > 2 or text.isupper():
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.I)
    return not any(pattern.search(line) for line in dropped)


def is_site_name(text: str) -> bool:
    """Whether the first line of a page, above its navigation, may be the site's name: 1-4
    capitalised words, not a section word ("News") or page chrome."""
    text = text.strip()
    if not is_outlet_name(text) or len(words(text)) > 4 or is_boilerplate(text):
        return False
    return fold(text) not in SECTION_WORDS and parse_date(text) is None


_ALL_CONTENT = re.compile(r"^all (?:content|contents|material|articles)\s+(?=©|\(c\)|copyright)",
                          re.I)
_OWNER_TAIL = re.compile(r"(?:,\s+(?:a|an|part of)\s+[^,]{2,60}|\.?\s+all rights reserved\b)"
                         r".*$", re.I)
"""What follows the name in a copyright footer: ", a Hillcrest Media title", ". All rights
reserved. This material may not be ..." (cut before the name is read)."""


def copyright_name(line: str) -> str:
    """The name a "© 2025 The X Gazette" / "Copyright 2025 X. All rights reserved."
    footer gives; "" if the line is not one."""
    text = _ALL_CONTENT.sub("", _OWNER_TAIL.sub("", line.strip()))
    if len(text) > 120 or not re.match(r"^(?:©|\(c\)|copyright)", text, re.I):
        return ""
    match = _COPYRIGHT.match(text)
    if not match:
        return ""
    name = match.group("name").strip(" .,")
    if fold(name).startswith("all rights") or not is_outlet_name(name) or parse_date(name):
        return ""
    return name


def footer_outlet(lines: Sequence[tuple[int, str]]) -> tuple[str, Trace] | None:
    """(outlet, trace) from the last copyright footer among (input line, text) pairs."""
    for number, text in reversed(lines):
        name = copyright_name(text)
        if name and len(words(name)) <= 5:
            return name, FOOTER_OUTLET.found("source", name, number)
    return None


WIRE_COMPANY = Rule("wire-company", "A press release's \"NEWS PROVIDED BY\" label (the company "
                    "on it or on the line under it) or its \"SOURCE Company\" line: the company "
                    "issuing the release is the source, not the newswire distributing it.")
NAMED_TAIL = Rule("named-tail", "A name the page's chrome repeats as its own (\"<Name> ist ein "
                  "Angebot von ...\", \"Subscribe to <Name>\", \"<Name> newsletter\"; \"More from "
                  "<Name>\" only for an outlet-like name or one named twice), when nothing else "
                  "names the outlet: the outlet.")

_PROVIDED = re.compile(r"^news provided by\s*:?\s*(?P<name>.*)$", re.I)
_SOURCE_COMPANY = re.compile(r"^SOURCE:?\s+(?P<name>[A-Z0-9].{0,60})$")
_OWN_NAME = (
    re.compile(r"^(?P<name>[A-Z0-9][^.!?:]{0,50}?)\s+ist ein (?:Angebot|Produkt|Service) "
               r"(?:von|der|des)\b.{0,80}$"),
    re.compile(r"^(?:subscribe to|abonnieren sie|s'abonner à|suscríbete a)\s+(?P<name>[A-Z0-9]"
               r"[^.!?:]{0,50}?)[.!]?$", re.I),
    re.compile(r"^(?P<name>[A-Z0-9][^.!?:]{0,50}?)\s+newsletter$"),
    re.compile(r"^(?:read|open|get)\s+(?P<name>[A-Z0-9][^.!?:]{0,50}?)\s+(?:in|on)\s+(?:the|our|"
               r"your)\s+app\.?$", re.I),
    FOLLOW,
    OWNED,
)
_MORE_FROM = re.compile(r"^(?:more (?:from|on)|mehr von|plus de|más de)\s+(?P<name>[A-Z0-9]"
                        r"[^.!?:]{0,50}?)$", re.I)


_JOINERS = frozenset({"of", "the", "and", "&", "de", "du", "des", "la", "le", "les", "del", "da",
                      "do", "dos", "das", "di", "della", "und", "der", "die", "on", "for", "y"})
_CALLS = frozenset({"subscribe", "sign", "join", "get", "follow", "read", "more", "our", "my",
                    "your", "this", "free"})
"""First words that make a call to action or a generic label, never a name on its own."""
_COMPANY_FORMS = frozenset({"plc", "inc", "ltd", "llc", "llp", "co", "corp", "gmbh", "ag", "sa",
                            "bv", "nv", "ab", "oy", "as", "spa", "srl", "sarl", "pty"})
"""A company's legal form, written in lower case in its name ("Kelbrook Foods plc")."""


def _own_name(name: str) -> str:
    """A captured name if it may be an outlet's (capitalised, 1-5 words, not chrome)."""
    name = name.strip(" .,\u2019'")
    if (not is_outlet_name(name) or len(words(name)) > 5 or not name[:1].isupper()
            or fold(name) in SECTION_WORDS or fold(name) in ("daily", "weekly", "the")
            or parse_date(name) is not None or re.search(r"[,:|·•/@]", name)
            or is_boilerplate(name) or fold(words(name)[0]) in _CALLS):
        return ""
    if any(not w[:1].isupper() and not w[:1].isdigit() and fold(w) not in _JOINERS
           and fold(w).strip(".") not in _COMPANY_FORMS for w in words(name)):
        return ""  # "Subscribe to our": every word of a name is capitalised
    return name


def wire_company(lines: Sequence[tuple[int, str]]) -> tuple[str, Trace] | None:
    """(company, trace) from a newswire's "NEWS PROVIDED BY" label (with the company on it or
    on the next line) or its "SOURCE Company" line, among (input line, text) pairs."""
    return provided_by(lines) or _source_company(lines)


def provided_by(lines: Sequence[tuple[int, str]]) -> tuple[str, Trace] | None:
    """(company, trace) from a newswire's "NEWS PROVIDED BY" label, with the company on it or
    on the next line, among (input line, text) pairs (in input order)."""
    lines = sorted(lines)
    for position, (number, text) in enumerate(lines):
        match = _PROVIDED.match(text.strip())
        if not match:
            continue
        name, line = match.group("name"), number
        if not name.strip() and position + 1 < len(lines):
            line, name = lines[position + 1]
        name = _own_name(name)
        if name:
            return name, WIRE_COMPANY.found("source", name, line)
    return None


def _source_company(lines: Sequence[tuple[int, str]]) -> tuple[str, Trace] | None:
    """(company, trace) from a release's closing "SOURCE Company" line, the last one."""
    for number, text in reversed(lines):
        match = _SOURCE_COMPANY.match(text.strip())
        name = _own_name(match.group("name")) if match else ""
        if name:
            return name, WIRE_COMPANY.found("source", name, number)
    return None


def named_tail(lines: Sequence[tuple[int, str]]) -> tuple[str, Trace] | None:
    """(name, trace) from chrome naming the page's own outlet ("Subscribe to The Quiet
    Ledger", "Ruhrkurier ist ein Angebot von ..."), among (input line, text) pairs."""
    strong: list[tuple[str, int]] = []
    weak: list[tuple[str, int]] = []
    for number, text in lines:
        text = text.strip()
        if len(text) > 140:
            continue
        for form in _OWN_NAME:
            match = form.match(text)
            if match and _own_name(match.group("name")):
                strong.append((_own_name(match.group("name")), number))
                break
        match = _MORE_FROM.match(text)
        if match and _own_name(match.group("name")):
            weak.append((_own_name(match.group("name")), number))
    names = [fold(n) for n, _ in strong + weak]
    for name, number in strong + weak:
        if ((name, number) in strong or names.count(fold(name)) >= 2
                or any(fold(w) in OUTLET_WORDS for w in words(name))
                or fold(name) in KNOWN_OUTLETS):
            return name, NAMED_TAIL.found("source", name, number)
    return None


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
