"""Proposing entities from the text: `readsite entities --suggest`.

This is the only guessing about entities, and it only proposes: names written with capitals
mid-sentence, in two or more articles, not declared yet, each with a guess at its kind, a
count and an example sentence.  A person reads the list and pastes the entries worth a page
into site.yaml (`suggestions_yaml` writes them ready to paste).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from readsite.config_crosslinks import EntityConfig
from readsite.crosslinks.entities import fold
from readsite.crosslinks.speech import words as word_set
from readsite.crosslinks.text import sentences

STOPWORDS = word_set("""
a an the this that these those there here it its he she they we i you his her their our my your
me him them us who whom whose what which why how when where while whereas whether if unless
and but or nor so yet for of in on at by to from with without into onto over under after before
during despite though although because since until as than then also even still just only
however furthermore moreover meanwhile instead indeed interestingly historically ultimately
additionally finally firstly secondly thus therefore hence otherwise plus not no yes all some
many most each every any both either neither one two three four five six seven eight nine ten
first second third last next new other another such much more less few several is are was were
be been being do does did has have had can could will would should may might must shall
according regardless today tomorrow yesterday now later earlier recently critics analysts
experts sources officials reports report read see note update editor
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday outside inside within beyond among
amid through throughout against toward towards upon about around behind between
""")
"""Words capitalised for being first, not for being names; never part of a candidate."""
ACRONYMS = word_set("""
AI ML IPO CEO CFO CTO COO CPO GPU CPU TPU API PC TV OK FAQ PDF HTML URL LLM AGI VC IT HR PR
AM PM ETF EV SEO UI UX SDK SaaS B2B B2C Q1 Q2 Q3 Q4 FY YoY GDP ESG PhD MBA
""")
"""Common acronyms that name no one (plurals such as "GPUs" count too)."""
TITLES = word_set("mr mrs ms dr prof sir dame ceo cfo cto coo founder cofounder co-founder "
                   "chairman chairwoman president senator sen rep gov judge minister")
"""A word before a name that says it is a person's."""
SPEECH = word_set("said says told noted added argued explained wrote asked stated")
ORG_SUFFIXES = word_set("""Inc Corp Corporation Co Ltd LLC PLC GmbH AG SA Labs Lab AI Group
Holdings Technologies Systems Bank University Institute Foundation Agency Department Ministry
Capital Partners Ventures Media News Times Post Journal Motors Airlines Networks Studios
Robotics Energy Computing Semiconductor Cloud Association Council Commission""")
JOINERS = word_set("of de van von der den del della da di du la le bin al")
"""Lower-case words inside a name ("Bank of America", "Ludwig van Beethoven")."""
PLACE_WORDS = word_set("in at near from across")
MAX_WORDS = 4
_TOKEN_RE = re.compile(r"[^\W\d_](?:[\w&]|['’.\-](?=\w))*|\d{1,3}(?:\.\d+)?(?![\w.,]\d)")
_POSSESSIVE_RE = re.compile(r"['’]s$")
_FIRST_NAME_RE = re.compile(r"[A-Z][a-z]+")
_NAME_WORD_RE = re.compile(r"(?:[A-Z][a-z]*['’-])?(?:Mc|Mac)?[A-Z][a-z]+")
_OPENING = "\"“‘'("


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name the text uses often enough to be worth declaring."""

    name: str
    """As the text most often writes it."""
    kind_guess: str
    """person, organisation, place, product or other: a guess from its shape and context."""
    count: int
    """Mentions across the texts (with its aliases)."""
    articles: int
    """Texts that mention it."""
    example: str
    """A sentence that uses it mid-sentence."""
    aliases: tuple[str, ...] = ()
    """Shorter names found for it ("Musk" for "Elon Musk")."""


@dataclass(slots=True)
class _Seen:
    spellings: Counter[str]
    articles: set[str]
    count: int = 0
    mid: bool = False
    example: str = ""
    said: int = 0
    place: int = 0


def _is_capital(word: str) -> bool:
    """Whether a word is written as a name: a capital letter in it, and in every part of a
    hyphenated word ("Coca-Cola", not "AI-powered")."""
    if word.islower():
        return False
    return "-" not in word or not any(part.islower() for part in word.split("-"))


def _stop(word: str) -> bool:
    return word.lower() in STOPWORDS or word in ACRONYMS or (
        word.endswith("s") and word[:-1] in ACRONYMS) or word.lower() in TITLES


def _heading_like(line: str) -> bool:
    """A title-case line that does not end a sentence (a heading, a dek): its capitals say
    nothing about names.  A paragraph ending in a full stop is prose however many names it
    lists."""
    if line.rstrip().rstrip("\"'”’)").endswith("."):
        return False
    long = [w for w in re.findall(r"[^\W\d_][\w'’]*", line) if len(w) >= 4]
    return len(long) >= 2 and sum(_is_capital(w) for w in long) >= 0.75 * len(long)


def _runs(sentence: str) -> Iterable[tuple[list[str], bool, str, str]]:
    """Each run of name words in `sentence`: (words, at the sentence start, word before,
    word after).  A run ends at punctuation, a lower-case word (bar a joiner between two
    name words), a possessive ("xAI’s"), "-based", or a number ("Colossus 2")."""
    tokens = [(m[0], m.start(), m.end()) for m in _TOKEN_RE.finditer(sentence)]
    run: list[str] = []
    start, before = False, ""
    for place, (word, begin, _) in enumerate(tokens):
        gap = sentence[tokens[place - 1][2]:begin] if place else sentence[:begin]
        joined = bool(run) and not gap.strip()
        ends = bool(_POSSESSIVE_RE.search(word)) or word.lower().endswith("-based")
        bare = _POSSESSIVE_RE.sub("", word)
        bare = bare[:-6] if bare.lower().endswith("-based") else bare
        after = "-based" if word.lower().endswith("-based") else word.lower()
        if joined and bare[0].isdigit() and not run[-1][0].isdigit():
            yield [*run, bare], start, before, ""
            run = []
            continue
        following = tokens[place + 1] if place + 1 < len(tokens) else None
        if (joined and bare in JOINERS and following is not None
                and not sentence[tokens[place][2]:following[1]].strip()
                and _is_capital(following[0]) and not _stop(following[0])):
            run.append(bare)
            continue
        name = bool(bare) and _is_capital(bare) and not _stop(bare) and not bare[0].isdigit()
        if run and not (name and joined):
            yield run, start, before, after
            run = []
        if name:
            if not run:
                start = place == 0 or (gap.strip()[-1:] or "x") in _OPENING
                before = tokens[place - 1][0].lower().rstrip(".") if place else ""
            run.append(bare)
            if ends:
                yield run, start, before, after if after == "-based" else "’s"
                run = []
    if run:
        yield run, start, before, ""


def _kind(name: str, seen: _Seen) -> str:
    """A guess at what a name names, from its shape and the words around it."""
    words = name.split()
    last = words[-1]
    if seen.said:
        return "person"
    if (last in ORG_SUFFIXES or (len(words) == 1 and (last.endswith("AI") or re.fullmatch(
            r"[A-Z]{2,5}", last) or re.search(r"[a-z][A-Z]", last)))):
        return "organisation"
    if seen.place * 2 > seen.count:
        return "place"
    if last[0].isdigit():
        return "product"
    people = [w for w in words if w not in JOINERS]
    if (2 <= len(people) <= 3 and _FIRST_NAME_RE.fullmatch(people[0])
            and all(_NAME_WORD_RE.fullmatch(w) for w in people)):
        return "person"
    return "other"


def suggest(texts: Iterable[tuple[str, str]], declared: Sequence[EntityConfig],
            limit: int = 40) -> list[Candidate]:
    """Names worth declaring: runs of capitalised words ("xAI", "Sean O’Kane", "Colossus 2")
    seen mid-sentence at least once, in 2 texts or 3 times, not declared yet; the most
    widespread first.  `texts` are (article slug, plain text)."""
    seen: dict[str, _Seen] = {}
    for slug, text in texts:
        for line in text.split("\n"):
            if _heading_like(line):
                continue
            for sentence in sentences(line):
                for words, at_start, before, after in _runs(sentence):
                    if len(words) > MAX_WORDS or words[-1] in JOINERS:
                        continue
                    name = " ".join(words)
                    entry = seen.setdefault(fold(name), _Seen(Counter(), set()))
                    entry.spellings[name] += 1
                    entry.articles.add(slug)
                    entry.count += 1
                    entry.said += after in SPEECH or before in TITLES
                    entry.place += before in PLACE_WORDS or after == "-based"
                    if not at_start and (not entry.mid or len(sentence) < len(entry.example)):
                        entry.mid = True
                        entry.example = " ".join(sentence.split())
    known = {fold(name) for entity in declared for name in entity.names}
    kinds = {key: _kind(entry.spellings.most_common(1)[0][0], entry)
             for key, entry in seen.items()}
    aliases: dict[str, list[str]] = defaultdict(list)
    surnames = Counter(key.split()[-1] for key, kind in kinds.items()
                       if kind == "person" and " " in key)
    for key, kind in kinds.items():
        surname = key.split()[-1]
        if (kind == "person" and " " in key and surnames[surname] == 1 and surname in seen
                and not {key, surname} & known):
            short = seen.pop(surname)
            seen[key].count += short.count
            seen[key].articles |= short.articles
            aliases[key].append(short.spellings.most_common(1)[0][0])
    found = [Candidate(entry.spellings.most_common(1)[0][0], kinds[key], entry.count,
                       len(entry.articles), entry.example, tuple(aliases.get(key, ())))
             for key, entry in seen.items()
             if entry.mid and key not in known and (len(entry.articles) >= 2 or entry.count >= 3)]
    found.sort(key=lambda c: (-c.articles, -c.count, c.name))
    return found[:limit]


_PLAIN_YAML_RE = re.compile(r"[A-Za-z][\w’'.&() -]*[\w’'.)]|[A-Za-z]")
_YAML_WORDS = word_set("y n yes no on off true false null")


def _yaml_scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when that reads back the same, else double-quoted."""
    if _PLAIN_YAML_RE.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def suggestions_yaml(candidates: Sequence[Candidate]) -> str:
    """An `entities:` block to paste into site.yaml, each entry with a comment saying how
    often it is mentioned and where."""
    out = ["entities:"]
    for candidate in candidates:
        example = candidate.example if len(candidate.example) <= 150 else (
            candidate.example[:149].rstrip() + "…")
        plural = "" if candidate.articles == 1 else "s"
        out.append(f"  # {candidate.count} mentions in {candidate.articles} article{plural}: "
                   + example.replace("\n", " "))
        out.append(f"  - name: {_yaml_scalar(candidate.name)}")
        out.append(f"    kind: {candidate.kind_guess}")
        if candidate.aliases:
            out.append("    aliases: [" + ", ".join(map(_yaml_scalar, candidate.aliases)) + "]")
    return "\n".join(out) + "\n"
