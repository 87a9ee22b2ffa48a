"""Who said what: direct quotes in an article's text, with their speakers (issue 7).

Quoted words are only worth a cross-link when we know who said them, and a wrong speaker is
worse than a missed quote, so `find_quotes` attributes a quote only through a pattern
reporters use for speech ("X said, ...", "..., said X", "according to X", "X: ...",
"X ..., asking, ...") and names only people it can name: a capitalised name written in the
article, never "the company" or "critics".  A bare surname, first name or pronoun becomes the
fullest name the article last used for that person.  Short quoted phrases with no speech verb
next to them are scare quotes or titles (the "neocloud" model) and are left alone.

`collect` then merges the same words said in several articles into one `Quote` per speaker,
each with a `Citation` for every place it is reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from readsite.crosslinks import speech
from readsite.crosslinks.text import anchor, sentence_spans
from readsite.models import Article, Citation, Quote

Resolve = Callable[[str], tuple[str, str]]
"""A speaker as written → (display name, entity slug or ""): how `collect` names speakers."""

MIN_WORDS = 4
"""Quoted words fewer than this are a phrase, not speech, unless a speech verb is next to them."""
RECENT_LINES = 2
"""A pronoun names the last person only if that person was named this few lines back."""
MERGE_RATIO = 1.3
"""One speaker's quote whose key holds another's and is at most this much longer is a longer
cut of the same words (one article quotes a sentence, another its first half plus a word)."""
PREFIX_CHARS = 400
"""How far before a quote its attribution is looked for (keeps the search linear)."""


@dataclass(frozen=True, slots=True)
class Said:
    """One quoted passage in an article and who said it."""

    text: str
    """The quoted words, without quote marks, with white space normalised."""
    speaker: str
    """The speaker's fullest name as the article writes it ("Sean O’Kane"), never a pronoun."""
    line: int
    """Index of the line (block) of the article's plain text it was found on."""
    sentence: str
    """The sentence or sentences holding it and its attribution, as written."""


class _People:
    """Who an article names, worked out lazily: only lines near a quote that needs it are read,
    since most lines quote nobody and `find_quotes` runs on every article of every build."""

    __slots__ = ("events", "known", "lines", "names", "skip", "spoken")

    def __init__(self, lines: Sequence[str], skip: frozenset[int]) -> None:
        self.lines = lines
        self.skip = skip
        # line → (offset, person) where a sentence names its subject ("" for "Critics argue")
        self.events: dict[int, list[tuple[int, str]]] = {}
        self.spoken: list[tuple[int, int, str]] = []  # (line, offset, speaker) so far
        self.known: dict[str, tuple[int, str]] = {}  # word → (searched up to line, full name)
        self.names: dict[int, dict[str, str]] = {}  # line → its full names (see `_names`)

    def surname(self, word: str, line: int) -> str:
        """The full name whose first or last name is `word`, as last written up to `line`.

        Lines already searched for `word` are not searched again (`known`), so a surname used
        on every line costs one pass, not one per use."""
        checked, name = self.known.get(word, (-1, ""))
        if line < checked:
            checked, name = -1, ""
        for index in range(line, checked, -1):
            text = self.lines[index]
            if index in self.skip or word not in text:
                continue
            found = self._names(index).get(word, "")
            if found:
                name = found
                break
        self.known[word] = (line, name)
        return name

    def _names(self, index: int) -> dict[str, str]:
        """The full names (two words or more) line `index` writes, each under its first and
        its last word; a word in several is the last one's (cached: a line with many quotes
        is asked about many times)."""
        if index in self.names:
            return self.names[index]
        names: dict[str, str] = {}
        for match in speech.FULL_RE.finditer(self.lines[index]):
            words = _clean(match.group()).split()
            if len(words) > 1 and all(speech.PERSON_WORD_RE.fullmatch(w) for w in words):
                names[words[0]] = names[words[-1]] = " ".join(words)
        self.names[index] = names
        return names

    def speaker(self, raw: str, line: int, pos: int, initial: bool) -> str:
        """The fullest name for `raw` found at `line`, `pos`; "" if we cannot be sure who.

        A single capitalised word opening a sentence may be a common noun ("Critics"), so it
        is a speaker only as the first or last name of someone the article named in full."""
        if raw.lower() in speech.PRONOUNS:
            return self.last(line, pos)
        name = _clean(raw)
        if " " in name or not name:
            return name
        return self.surname(name, line) or ("" if initial else name)

    def last(self, line: int, pos: int) -> str:
        """The person last named before `line`, `pos`, if within `RECENT_LINES` lines."""
        best = (-1, -1, "")
        for index in range(line, max(0, line - RECENT_LINES) - 1, -1):
            events = [] if index in self.skip else self._events(index)
            before = bisect_left(events, (pos, "")) if index == line else len(events)
            if before:
                best = (index, *events[before - 1])
                break
        spoken = self.spoken[-1] if self.spoken else best  # every one is before `pos`
        if spoken[0] >= line - RECENT_LINES and spoken[:2] > best[:2]:
            best = spoken
        return best[2]

    def _events(self, index: int) -> list[tuple[int, str]]:
        """Where line `index`'s sentences name their subject (cached)."""
        if index in self.events:
            return self.events[index]
        text = self.lines[index]
        starts = _starts(text)
        opens = set(starts)
        found: list[tuple[int, str]] = []
        for start in starts:
            opening = speech.SUBJECT_RE.match(text, start)
            who = opening.group("who") if opening else ""
            if who.lower() in speech.PRONOUNS:
                continue
            name = self.speaker(who, index, start, True) if who else ""
            if name or speech.PLAIN_SUBJECT_RE.match(text, start):
                found.append((start, name))
        for verb in speech.VERB_RE.finditer(text):
            match = speech.WHO_END_RE.search(text, max(0, verb.start() - 130), verb.start() + 1)
            if match and match.group("who").lower() not in speech.PRONOUNS:
                name = self.speaker(match.group("who"), index, 0, match.start() in opens)
                if name:
                    found.append((match.start(), name))
        found.sort()
        self.events[index] = found
        return found


def _clean(raw: str) -> str:
    """`raw` as a name: titles before it dropped; "" when it is not one (a common word)."""
    words = raw.split()
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in speech.TITLES:
            words = words[index + 1:]
            break
    if not words or any(w.lower().rstrip(".") in speech.STOP or w[-1].isdigit() for w in words):
        return ""
    return "" if len(words) == 1 and len(words[0]) < 3 else " ".join(words)


def _starts(line: str) -> list[int]:
    """Where `line`'s sentences start, roughly (enough to find a subject or an attribution)."""
    return [0, *(m.end() for m in speech.BREAK_RE.finditer(line))]


def _said_before(people: _People, index: int, lo: int, start: int) -> tuple[str, int]:
    """The speaker named right before a quote at `start` (`X said, "`), and where."""
    line = people.lines[index]
    hints = list(speech.HINT_RE.finditer(line, max(lo, start - 130), start))
    if not hints:
        return "", -1
    hint = hints[-1]
    if hint.group() == ":":
        match = speech.COLON_RE.search(line, max(lo, hint.start() - 60), hint.start())
        ok = match is not None and not line[hint.end():start].strip()
    elif hint.group().strip().lower() == "according":
        match = speech.ACCORDING_RE.match(line, hint.start(), start)
    else:
        match = speech.WHO_END_RE.search(line, max(lo, hint.start() - 130), hint.start() + 1)
        ok = speech.REST_RE.fullmatch(line, hint.end(), start) is not None
    if match is None or ("ccording" not in hint.group() and not ok):
        return "", -1
    who = people.speaker(match.group("who"), index, match.start(), match.start() == lo)
    if hint.group() == ":" and not (" " in who and people.surname(who.split()[-1], index - 1)):
        return "", -1  # "Breaking News: ..." is no speaker: a name must be known from before
    return who, match.start()


def _attribute(people: _People, index: int, quote: re.Match[str], text: str,
               lo: int) -> tuple[str, int, int]:
    """The speaker of `quote` on line `index` and the span of its attribution ("" if none).

    Tried from the surest pattern to the loosest: speech right before it, a participle after
    the sentence's subject (which starts at `lo`), speech right after it, then (for four words
    or more) a reporting verb earlier in the sentence with no other quote or speech between."""
    line = people.lines[index]
    start, end = quote.span()
    lo = max(lo, start - PREFIX_CHARS)
    who, at = _said_before(people, index, lo, start)
    if who:
        return who, at, end
    if speech.PARTICIPLE_RE.search(line, max(lo, start - 40), start):
        subject = speech.SUBJECT_RE.match(line, lo, start)
        who = people.speaker(subject.group("who"), index, lo, True) if subject else ""
        if who:
            return who, lo, end
    separated = line[end - 2:end - 1] in (",", "?", "!") or line[end:end + 1] == ","
    after = speech.AFTER_RE.match(line, end, min(len(line), end + 160))
    if after and separated and not text.endswith("."):
        raw = after.group("who") or after.group("inv") or after.group("acc")
        who = people.speaker(raw, index, start, False)
        if who:
            return who, start, after.end()
    if len(text.split()) >= MIN_WORDS:
        verbs = list(speech.VERB_RE.finditer(line, lo, start))
        gap = line[verbs[-1].end():start] if verbs else ""
        if verbs and not speech.PART_WORD_RE.search(gap) and not any(c in gap for c in "\"“”‘"):
            verb = verbs[-1].start() + 1
            match = speech.WHO_END_RE.search(line, max(lo, verb - 130), verb)
            if match:
                who = people.speaker(match.group("who"), index, match.start(),
                                     match.start() == lo)
                if who:
                    return who, match.start(), end
    return "", start, end


def _sentence(line: str, spans: Sequence[tuple[int, int]], lo: int, hi: int) -> str:
    """The sentences of `line` that overlap `line[lo:hi]`."""
    out: list[str] = []
    index = max(0, bisect_right(spans, (lo, len(line))) - 1)
    while index < len(spans) and spans[index][0] < hi:
        if spans[index][1] > lo:
            out.append(line[spans[index][0]:spans[index][1]])
        index += 1
    return " ".join(out)


def find_quotes(lines: Sequence[str], skip: frozenset[int] = frozenset()) -> tuple[Said, ...]:
    """Every quote in an article's lines whose speaker can be named, in reading order.

    Lines in `skip` (headings) are neither searched nor used to follow who is speaking.  A
    quote right after an attributed one ("A," she said. "B.") continues it."""
    people = _People(lines, skip)
    found: list[Said] = []
    for index, line in enumerate(lines):
        if index in skip or not speech.QUOTE_MARK_RE.search(line):
            continue
        pattern = speech.QUOTE_RE if line.count('"') % 2 == 0 else speech.CURLY_RE
        starts: list[int] = []
        spans: Sequence[tuple[int, int]] = ()
        prev_who, prev_end = "", -1
        for quote in pattern.finditer(line):
            raw = next(g for g in quote.groups() if g is not None)
            text = " ".join(raw.split()).rstrip(",;: ")
            if not text:
                continue
            starts = starts or _starts(line)
            lo = starts[bisect_right(starts, quote.start()) - 1]
            who, lo, hi = _attribute(people, index, quote, text, lo)
            if not who and prev_who and speech.GAP_RE.fullmatch(line, prev_end, quote.start()):
                who, lo, hi = prev_who, quote.start(), quote.end()
            if not who:
                continue
            people.spoken.append((index, quote.start(), who))
            prev_who, prev_end = who, max(hi, quote.end())
            spans = spans or sentence_spans(line)
            found.append(Said(text, who, index, _sentence(line, spans, lo, hi)))
    return tuple(found)


def normal_key(text: str) -> str:
    """`text` as a key that ignores quote style, apostrophes, brackets, punctuation and case."""
    dropped = speech.KEY_DROP_RE.sub("", text.casefold())
    return " ".join(speech.KEY_SPACE_RE.sub(" ", dropped).split())


@dataclass(slots=True)
class _Group:
    """One speaker's one quote while `collect` gathers its sources."""

    text: str
    key: str
    first: int
    sources: dict[tuple[int, int], Citation] = field(default_factory=dict)


def _merged(groups: Iterable[_Group]) -> list[_Group]:
    """One speaker's quotes with each shorter cut merged into the longer wording that holds
    it (at most `MERGE_RATIO` longer), most reported first.  A kept key is found through its
    first two words among each longer key's word pairs, so a speaker quoted thousands of
    times costs linear time, not a comparison of every quote with every other."""
    kept: list[_Group] = []
    heads: dict[tuple[str, ...], list[int]] = {}
    for group in sorted(groups, key=lambda g: (len(g.key), g.first)):
        words = group.key.split()
        padded = f" {group.key} "
        candidates = sorted({k for i in range(len(words))
                             for head in (tuple(words[i:i + 2]), (words[i],))
                             for k in heads.get(head, ())})
        into = next((kept[k] for k in candidates
                     if len(group.key) <= MERGE_RATIO * len(kept[k].key)
                     and f" {kept[k].key} " in padded), None)
        if into is None:
            heads.setdefault(tuple(words[:2]), []).append(len(kept))
            kept.append(group)
            continue
        into.first = min(into.first, group.first)
        for place, citation in group.sources.items():
            into.sources.setdefault(place, citation)
    kept.sort(key=lambda g: (-len(g.sources), g.first))
    return kept


def collect(found: Sequence[tuple[Article, Sequence[Said]]],
            resolve: Resolve) -> tuple[Quote, ...]:
    """The quotes of all articles (in reading order), one `Quote` per speaker and wording.

    `resolve` maps a speaker as written to (display name, entity slug or ""), so spellings of
    one person are one speaker; the same words from several articles become one quote."""
    names: dict[tuple[str, str], str] = {}
    groups: dict[tuple[str, str], dict[str, _Group]] = {}
    resolved: dict[str, tuple[str, str]] = {}
    order = 0
    for number, (article, saids) in enumerate(found):
        for said in saids:
            if said.speaker not in resolved:
                resolved[said.speaker] = resolve(said.speaker)
            name, slug = resolved[said.speaker]
            who = (slug, "" if slug else name)
            names.setdefault(who, name)
            key = normal_key(said.text)
            if not key:
                continue
            group = groups.setdefault(who, {}).setdefault(key, _Group(said.text, key, order))
            order += 1
            group.sources.setdefault(
                (number, said.line), Citation(article, anchor(said.line), said.sentence))
    quotes = [(who, _merged(by_key.values())) for who, by_key in groups.items()]
    quotes.sort(key=lambda item: (-len(item[1]), names[item[0]].casefold(), item[0]))
    return tuple(
        Quote(group.text, names[who], who[0],
              tuple(citation for _, citation in sorted(group.sources.items())))
        for who, kept in quotes for group in kept)
