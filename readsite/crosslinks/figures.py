"""Key figures: numbers with units, and what they measure, each linked to its sentence.

A reader skimming a story or an entity wants its numbers ("~300 megawatts of compute",
"$250 billion on data centers", "by 2035") with a link to where each is said.  Numbers in
prose are mostly *not* figures (list numbers, "Colossus 1", "GPT-4", "3:00 pm", page and
citation references, a byline's date), so a number is kept only when something says what it
counts: a currency, a percent sign, a unit, a plural noun, or (for a year) a preposition that
makes it a date ("by 2035", "since 2019").  Precision over recall: a wrong figure on a story
page misleads, a missed one is only missed.

`find_figures` runs on every article on every build, so it looks only at lines with a digit,
and matches one precompiled pattern in a small window around each number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from readsite.crosslinks.text import sentence_spans
from readsite.models import Citation, Figure

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_BIG = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{2,}(?:\.\d+)?)"
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_LEFT = r"(?<![\w.,:/#^\[+\-–])"
"""No letter, digit, separator, hyphen, `#`, `^` or `[` just before a number: that is part of
a name ("GPT-4"), a time ("10:30"), a version ("v2"), a phone number or a citation ("[3]")."""
_RIGHT = r"(?![\w:/]|[.,\-–]\d)"
"""Nor a letter, digit, colon or slash just after it ("3:00", "1st", "1/2", "555-1234")."""
_QUAL = (r"(?:[~≈]\s?|(?i:\b(?:approximately|approx\.|about|around|roughly|some|an estimated|"
         r"almost|nearly|over|more than|less than|fewer than|up to|at least|as many as|"
         r"as much as|close to|just over|just under)\s))")
_MONEY = (rf"(?<!\w)(?:US|A|C|HK|S)?[$€£¥₹]\s?{_NUM}(?![.,\-–]?[0-9])"
          rf"(?:\s?{_SCALE}\b|\s?(?:bn|mn|tn)\b|[mkbMKBT]\b)?"
          rf"|\b(?:USD|EUR|GBP|JPY|CNY)\s?{_NUM}(?:\s(?:{_SCALE}|bn|mn)\b)?"
          rf"|{_LEFT}{_NUM}(?:\s?{_SCALE}|\s?(?:bn|mn))?\s(?:US\s)?"
          r"(?:dollars|euros|pounds|yen|yuan|USD|EUR|GBP)\b")
_ABBR = (r"(?:[kMGT]Wh|[kMGT]?W|km|kg|mph|[GTPE]B|[GT]bps|[MG]Hz|nm|[PET]FLOPS|"
         r"sq\.?\s?ft|ft)\b")
_WORDS = (r"(?:(?:kilo|mega|giga|tera)?watt(?:[- ]hours?|s)?|[GTC]PUs?|chips?|servers?|racks?|"
          r"employees|workers|staff|engineers|researchers|users|customers|subscribers|people|"
          r"members|tons|tonnes|miles|kilometres|kilometers|metres|meters|feet|square "
          r"(?:feet|miles|metres|meters)|acres|hectares|(?:peta|exa|tera)?flops|parameters|"
          r"tokens|barrels|gallons|litres|liters|homes|households|jobs|data cent(?:er|re)s?|"
          r"countries|cities|stores|vehicles|cars|satellites|rockets|launches|years?|months?|"
          r"weeks|languages|downloads|visitors|companies|startups|patients|students|shares|"
          r"votes|seats)\b")
_PLURAL = r"[a-z][a-z-]{2,}s\b"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Q[1-4])")

_FIGURE_RE = re.compile(
    rf"(?<!\w)(?:(?P<qual>{_QUAL})?(?:(?P<money>{_MONEY})"
    rf"|(?P<percent>{_LEFT}{_NUM}\s?(?:%|percent\b|per cent\b|percentage points\b))"
    rf"|(?P<unit>{_LEFT}{_NUM}(?:\s{_SCALE})?(?:\s?{_ABBR}|[\s-]{_WORDS}))"
    rf"|(?P<scaled>{_LEFT}{_NUM}\s{_SCALE}\b(?:\s{_PLURAL})?)"
    rf"|(?P<count>{_LEFT}{_BIG}{_RIGHT}\s{_PLURAL}))"
    rf"|\b(?i:by|in|since|until|till|through|before|after|from|during|circa|between)\s"
    rf"(?P<year>(?:(?:early|late|mid)[\s-])?(?:{_MONTH}\s)?(?:19\d\d|20\d\d|2100))"
    r"(?![\w\-–/]|[.,]\d|\s[A-Z]\w*\s(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Lane|Drive)\b))")
"""A figure: an optional qualifier, then money, a percentage, a quantity with a unit, a
scaled number ("2 million"), a count of a plural noun, or a year after a preposition."""


def _set(words: str) -> frozenset[str]:
    """The words of a space-separated list (long word lists read better as prose)."""
    return frozenset(words.split())


_DIGIT_RE = re.compile(r"[0-9]")
_START_RE = re.compile(r"(?<!\w)(?=\S)")
_YEAR_RE = re.compile(r"(?:19|20)\d\d|2100")
_AGO_RE = re.compile(r"\s+ago\b")
_RUN_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_SCALE_RE = re.compile(_SCALE)
_REACH = 30
"""How far before its number a figure may start ("between early September 2026", "US$")."""
_TAIL = 60
"""How far after its number a figure may end ("1,000 square metres"), with room to spare:
a figure is matched only in this window around each number, not across the whole line,
because scanning every character of a long article with the full pattern is ten times
slower."""
_ENDS_RE = re.compile(r"[0-9]|[^e]ed$")
"""A number, or a past tense ("signed"), ends the phrase after a figure: the clause's verb
comes next."""
_PREV_WORD_RE = re.compile(r"([A-Za-z][\w'’-]*\.?)\s$")
_CLAUSE_RE = re.compile(r"[,;:!?()\[\]\"“”—–]|\.(?=\s|$)")
_YEAR_VALUE_RE = re.compile(r"^(?:\w+[\s-])?(?:\w+\.?\s)?(?:19|20)\d\d$")
_APPROX = frozenset({"~", "≈", "approximately", "approx.", "about", "around", "roughly",
                     "some", "an estimated"})
_REFERENCES = _set("""page pages p pp chapter chapters section sections fig figure table
no nos number vol volume issue episode part step item items version v route room suite floor
line lines paragraph appendix exhibit model phase gen generation series level tier season
rule article articles verse act""")
"""Words after which a number is a reference ("page 12", "episode 300"), not a figure."""
_FUNCTION = _set("""a an the and or but nor of in on at to for from by with into onto
over under about as than that which who whom whose this these those its their his her our
your my it they we he she you i is was were are be been being has have had will would can
could may might should must do does did not no all some any each every both more most less
fewer only just also so then there here when while where after before since until if
because though although within without per another first last next nearly almost roughly
approximately around""")
"""Small words: not names (a capital on them is the sentence's), and not a measure alone."""
_STOP = _set("""and or but nor that which who whom whose while when where as than by
with because although though if unless according is was were are be been has have had will
would could can may might should must""")
"""Words that end the phrase a measure is taken from (the clause moves on there)."""
_VERBS = _set("""last next ago comes came goes went makes made remains means meant shows
says said seems needs gives gave takes took costs rose fell grew grows rises falls adds""")
"""Common verbs (and time words) that end the phrase after a figure: "40% of revenue comes"."""
_PREPS = _set("of in on for from into to toward towards across per worth at over")
_PRONOUNS = _set("it them this that these those him her us me you")
_NOT_NOUNS = _set("""this thus plus less does always across perhaps whereas unless
towards afterwards besides sometimes versus was has its his hers ours yours theirs yes news
ago""")
_MEASURE_WORDS = 5
"""At most this many words of the sentence say what a figure measures."""
_CONTEXT = 200
"""Characters either side of a figure that its measure is looked for in (enough for five
words), so a figure costs the same in a short sentence and in a 100,000-character one."""
_NORMAL = tuple((re.compile(pattern), word) for pattern, word in (
    (r"(?<![a-z])bn?\b", "billion"), (r"(?<![a-z])mn?\b", "million"),
    (r"(?<![a-z])tn\b", "trillion"), (r"(?<=\d)k\b", "thousand"),
    (r"\s*(?:per ?cent|percent)\b", "%")))
"""Short scales and spellings, written out, so one figure written two ways is seen once."""


@dataclass(frozen=True, slots=True)
class Number:
    """A figure found in an article's text, before it is tied to the article."""

    value: str
    """The figure as written, with its unit, currency or qualifier ("~300 megawatts",
    "$250 billion", "40%", "2035"); an approximation ("approximately") is written "~"."""
    measure: str
    """What it measures, in a few of the sentence's words ("of compute capacity"), or ""."""
    line: int
    """The line (block) of the article's text it is on: its anchor is `text.anchor(line)`."""
    sentence: str
    """The sentence it is said in, as the article words it."""


def _words(text: str, last: bool = False) -> list[str]:
    """`text`'s first (or `last`) few words, without the quote marks around them."""
    few = text.rsplit(None, _MEASURE_WORDS)[-_MEASURE_WORDS:] if last else text.split(
        None, _MEASURE_WORDS)[:_MEASURE_WORDS]
    return [w for w in (w.strip("'‘’\"“”") for w in few) if w]


def _after(sentence: str, end: int) -> str:
    """The phrase right after a figure, when a preposition starts it ("of compute capacity")."""
    rest = sentence[end:end + _CONTEXT]
    cut = _CLAUSE_RE.search(rest)
    words = _words(rest[:cut.start()] if cut else rest)
    if not words or words[0].lower() not in _PREPS:
        return ""
    taken = [words[0]]
    for word in words[1:_MEASURE_WORDS]:
        lower = word.lower()
        if lower in _STOP or lower in _VERBS or _ENDS_RE.search(word):
            break
        taken.append(word)
    while taken and taken[-1].lower() in _FUNCTION:
        taken.pop()
    if all(w.lower() in _PRONOUNS or w.lower() in _PREPS for w in taken):
        return ""
    return " ".join(taken)


def _before(sentence: str, start: int) -> str:
    """The end of the clause before a figure ("SpaceX paid"), for a figure with no phrase
    after it: the words that say what it is."""
    head = sentence[max(0, start - _CONTEXT):start]
    cuts = list(_CLAUSE_RE.finditer(head))
    words = _words(head[cuts[-1].end():] if cuts else head, last=True)
    if not cuts and start > _CONTEXT:
        words = words[1:]  # the first may be cut
    taken: list[str] = []
    for word in reversed(words):
        lower = word.lower()
        if (len(taken) == _MEASURE_WORDS or lower in _STOP or _DIGIT_RE.search(word)
                or _SCALE_RE.fullmatch(lower)):
            break
        taken.insert(0, word)
    while taken and taken[0].lower() in _FUNCTION:
        taken.pop(0)
    while taken and taken[-1].lower() in _FUNCTION:
        taken.pop()
    return " ".join(taken)


def _is_name_or_reference(sentence: str, start: int) -> bool:
    """Whether the number at `start` follows a name ("Colossus 1 data centers", "Claude 3.5")
    or a reference word ("page 12"), which makes it part of the name or reference."""
    word = _PREV_WORD_RE.search(sentence, max(0, start - 40), start)
    if not word:
        return False
    lower = word.group(1).lower().rstrip(".")
    if lower in _REFERENCES or word.group(1).endswith("."):
        return lower in _REFERENCES  # else the word ends the sentence before
    return lower not in _FUNCTION and any(c.isupper() for c in word.group(1))


def _value(match: re.Match[str], line: str) -> tuple[str, int] | None:
    """The value a match in `line` writes, and where it starts; None when the number is not
    a figure after all (a name's, a reference's, a year used as an adjective)."""
    kind = match.lastgroup
    if kind is None:
        return None
    core = " ".join(match.group(kind).split())
    start = match.start() if kind == "year" else match.start(kind)
    qual = match.group("qual")
    if kind in ("unit", "scaled", "count") and not qual and _is_name_or_reference(line, start):
        return None
    if kind == "count":
        number, noun = core.split(" ", 1)
        if noun in _NOT_NOUNS or _YEAR_RE.fullmatch(number):
            return None
    if _AGO_RE.match(line, match.end()):
        return None
    if qual:
        qual = qual.strip().lower()
        core = ("~" + core) if qual in _APPROX else f"{qual} {core}"
        start = match.start()
    return core, start


def _around(line: str, run: re.Match[str], earliest: int) -> re.Match[str] | None:
    """The figure that number `run` is part of, starting no earlier than `earliest`.

    A figure starts at a word start at or before its number, so the pattern is tried only
    there, leftmost first: searching every character up to the end of the window costs four
    times as much when the number is not a figure."""
    for start in _START_RE.finditer(line, earliest, run.start() + 1):
        match = _FIGURE_RE.match(line, start.start(), run.end() + _TAIL)
        if match and match.end() > run.start():
            return match
    return None


def _spans(line: str) -> list[tuple[int, str]]:
    """`line`'s sentences, each with where it starts in the line."""
    return [(start, line[start:end]) for start, end in sentence_spans(line)]


def find_figures(lines: Sequence[str], skip: frozenset[int] = frozenset()) -> tuple[Number, ...]:
    """Every figure in an article's plain text, in reading order.

    `lines` are the article's blocks (see `text.lines`); lines in `skip` (headings, bylines)
    are not prose, so their numbers are not figures.  A line is matched whole, so what comes
    just before a number ("pp. 23") counts even where the sentences split it off."""
    found: list[Number] = []
    for index, line in enumerate(lines):
        first = None if index in skip else _DIGIT_RE.search(line)
        if first is None:
            continue
        spans: list[tuple[int, str]] | None = None
        previous = current = 0
        for run in _RUN_RE.finditer(line, first.start()):
            match = _around(line, run, max(previous, run.start() - _REACH))
            previous = run.end()
            if match is None:
                continue
            previous = match.end()
            value = _value(match, line)
            if value is None:
                continue
            spans = spans or _spans(line)
            while current + 1 < len(spans) and spans[current + 1][0] <= match.start():
                current += 1  # figures come in order: the sentence is this one or a later one
            offset, sentence = spans[current]
            measure = "" if match.lastgroup == "year" else _after(sentence, match.end() - offset)
            measure = measure or _before(sentence, max(0, value[1] - offset))
            found.append(Number(value[0], measure, index, sentence))
    return tuple(found)


def _normal(value: str) -> str:
    """`value` as compared for duplicates: "~$250bn" and "$250 billion" are the same figure."""
    text = value.lower().lstrip("~≈").replace(",", "")
    for pattern, word in _NORMAL:
        text = pattern.sub(word, text)
    return "".join(text.split())


def _is_year(value: str) -> bool:
    """Whether `value` is a date ("2035", "late 2026"), not an amount."""
    return bool(_YEAR_VALUE_RE.match(value))


def key_figures(citations: Iterable[tuple[Number, Citation]], limit: int = 12
                ) -> tuple[Figure, ...]:
    """The figures worth showing for a story or entity, from its numbers in reading order.

    The same figure said in several places (same value, same last word of its measure, or
    no measure at all) is shown once, where it is first said; figures that say what they
    measure come first, and amounts before years, since a bare number explains least."""
    seen: set[tuple[str, str]] = set()
    kept: list[tuple[Number, Citation]] = []
    for number, citation in citations:
        value = _normal(number.value)
        words = number.measure.lower().split()
        head = words[-1].rstrip("s") if words else ""
        if (value, head) in seen or (not head and any(v == value for v, _ in seen)):
            continue
        seen.add((value, head))
        kept.append((number, citation))
    kept.sort(key=lambda pair: (not pair[0].measure, _is_year(pair[0].value)))
    return tuple(Figure(n.value, n.measure, c) for n, c in kept[:limit])
