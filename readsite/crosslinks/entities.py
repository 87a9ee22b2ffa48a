"""Entities: finding declared people, organisations, places and products in articles, linking
their first mention, and indexing what the collection says about each (`suggest` proposes
new ones).

Matching is by name, not by guessing: the names and aliases from site.yaml are compiled into
one regex (a trie of them: shared prefixes are tested once, and the longest name wins), whole
words only and with the case written ("Grok" the model, never "grok" the verb).  It runs on
every article of every build, so it is cached per process and scans each line once.
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache

from readsite.config_crosslinks import EntityConfig
from readsite.models import Article, Entity, Figure, Quote

Mention = tuple[str, int, int]
"""(entity slug, mentions, index of the first line mentioning it)."""

APOSTROPHES = "'’‘ʼ"
"""Written for one another ("O'Kane", "O’Kane"), so a name matches with any of them."""
RELATED_TOP = 15
"""Per article, only its most mentioned entities count as co-mentioned: a passing mention
says little, and it keeps the pair count at 105 per article however many it names."""
RELATED_MAX = 8
"""Related entities kept per entity."""
SKIPPED_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd",
                          "samp", "figcaption", "summary", "script", "style", "textarea"})
"""Elements whose text is never linked: links (no link in a link), headings and summaries
(a link there reads as navigation), code (it is literal), and figure captions, which are
credits and labels placed before the prose, so a link there would take the first mention
from the sentence that introduces the entity."""
_RAW_TEXT = ("script", "style", "textarea")
_APOS_HTML = r"(?:['’‘ʼ]|&#0*39;|&#[xX]0*27;|&apos;|&rsquo;|&lsquo;)"
_SPACE_HTML = r"(?:\s|&nbsp;|&#160;|&#[xX][aA]0;)+"
_REF_RE = r"(?P<ref>&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)"


def _word_start(text: str, at: int) -> bool:
    """Whether a name may start at `text[at]`: not inside a word, nor after a letter and an
    apostrophe (no "Kane" inside "O’Kane").  Checked here rather than by a lookbehind at
    the head of the pattern: a pattern that opens with the names' first letters lets the
    regex engine skip ahead to them, which makes matching four times faster."""
    if at == 0:
        return True
    before = text[at - 1]
    if before.isalnum() or before == "_":
        return False
    return not (before in "'’" and at > 1 and (text[at - 2].isalnum() or text[at - 2] == "_"))


def _names_in(pattern: re.Pattern[str], text: str, start: int = 0,
              end: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in `text[start:end]` that start a word, as `finditer` would
    give them if the pattern began with the word-start test (see `_word_start`)."""
    end = len(text) if end is None else end
    search = pattern.search
    while (match := search(text, start, end)) is not None:
        if match.lastgroup == "ref" or _word_start(text, match.start()):
            yield match
            start = match.end()
        else:
            start = match.start() + 1
_TAG_RE = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>|<[!?/][^>]*>", re.S)


def fold(name: str) -> str:
    """`name` as matching sees it: one apostrophe, single spaces."""
    for mark in APOSTROPHES[1:]:
        name = name.replace(mark, "'")
    return " ".join(name.split())


_Trie = dict[str, "_Trie"]


def _trie(names: Iterable[str], unit: Callable[[str], str]) -> str:
    """One regex for all `names`, factored by prefix; a greedy optional tail makes the longest
    name win ("Colossus 2" over "Colossus") and backtracking finds a shorter one that ends on
    a word boundary."""
    root: _Trie = {}
    for name in names:
        node = root
        for step in fold(name):  # "'" stands for any apostrophe, " " for any spacing
            node = node.setdefault(step, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [unit(step) + emit(child) for step, child in sorted(node.items()) if step]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _text_unit(step: str) -> str:
    return "['’‘ʼ]" if step == "'" else r"\s+" if step == " " else re.escape(step)


def _html_unit(step: str) -> str:
    if step in ("'", " "):
        return _APOS_HTML if step == "'" else _SPACE_HTML
    return re.escape(html_lib.escape(step, quote=False))


class Matcher:
    """Finds the declared entities' names in text and in body HTML."""

    def __init__(self, entities: Sequence[EntityConfig]) -> None:
        self.entities = tuple(entities)
        self._slug: dict[str, str] = {}
        self._by_slug = {entity.slug: entity for entity in self.entities}
        for entity in self.entities:
            for name in entity.names:
                self._slug.setdefault(fold(name), entity.slug)
        names = sorted(self._slug, key=lambda n: (-len(n), n))
        trie = _trie(names, _text_unit) if names else "(?!)"
        self.text_pattern = re.compile(rf"(?:{trie})(?!\w)")
        """Names in plain text (the word start is `_word_start`'s to check)."""
        html_trie = _trie(names, _html_unit) if names else "(?!)"
        self.html_pattern = re.compile(rf"{_REF_RE}|(?:{html_trie})(?!\w)")
        """Names in body HTML; character references (group `ref`) are matched whole, so a name
        never matches inside one."""

    def slug_of(self, found: str) -> str:
        """The slug of the entity whose name `found` (a match, as written) is."""
        return self._slug[fold(found)]

    def mentions(self, lines: Sequence[str], skip: frozenset[int] = frozenset()
                 ) -> tuple[Mention, ...]:
        """(slug, mentions, first line) of each entity in `lines`, in first-mention order;
        lines in `skip` (headings, say) are not read."""
        counts: dict[str, list[int]] = {}
        for index, line in enumerate(lines):
            if index in skip:
                continue
            for match in _names_in(self.text_pattern, line):
                slug = self._slug[fold(match[0])]
                seen = counts.get(slug)
                if seen is None:
                    counts[slug] = [1, index]
                else:
                    seen[0] += 1
        return tuple((slug, count, first) for slug, (count, first) in counts.items())

    def resolve(self, name: str) -> EntityConfig | None:
        """The entity a speaker's name means: a name or alias as written or with other
        apostrophes and spacing, else the one person whose name ends with its last word
        ("O’Kane", "Mr. Musk")."""
        slug = self._slug.get(fold(name))
        if slug is not None:
            return self._by_slug[slug]
        words = fold(name).split()
        if not words:
            return None
        last = words[-1]
        found = {entity.slug for entity in self.entities if entity.kind == "person"
                 for known in entity.names if fold(known).split()[-1] == last}
        return self._by_slug[found.pop()] if len(found) == 1 else None


@lru_cache(maxsize=8)
def matcher_for(entities: tuple[EntityConfig, ...]) -> Matcher:
    """The matcher for `entities`, built once per process (each worker builds its own)."""
    return Matcher(entities)


def link_first_mentions(html: str, targets: Mapping[str, str], matcher: Matcher) -> str:
    """`html` (a sanitised body) with the first mention of each entity in `targets` (slug →
    URL) wrapped in `<a class="entity">`; text in `SKIPPED_TAGS` is never linked and the text
    itself is left exactly as written.  One pass over tags and text; linear in `html`."""
    left = dict(targets)
    out: list[str] = []
    pos = 0
    depth = 0
    while pos < len(html) and left:
        tag = _TAG_RE.search(html, pos)
        end = tag.start() if tag else len(html)
        if depth == 0 and end > pos:
            out.append(_link_text(html, pos, end, left, matcher))
        else:
            out.append(html[pos:end])
        if tag is None:
            return "".join(out)
        name = (tag[2] or "").lower()
        stop = tag.end()
        if name in _RAW_TEXT and not tag[1]:
            close = re.compile(rf"</{name}\s*>", re.I).search(html, stop)
            stop = close.end() if close else len(html)
        elif name in SKIPPED_TAGS:  # "/>" closes nothing in HTML: `<a/>` opens a link
            depth = max(0, depth - 1) if tag[1] else depth + 1
        out.append(html[tag.start():stop])
        pos = stop
    out.append(html[pos:])
    return "".join(out)


def _link_text(html: str, start: int, end: int, left: dict[str, str], matcher: Matcher) -> str:
    """The text `html[start:end]` with first mentions of entities in `left` linked (and
    removed from `left`); character references are stepped over whole."""
    parts: list[str] = []
    pos = start
    for match in _names_in(matcher.html_pattern, html, start, end):
        if match["ref"] is not None:
            continue
        slug = matcher.slug_of(html_lib.unescape(match[0]))
        url = left.pop(slug, None)
        if url is None:
            continue
        parts.append(html[pos:match.start()])
        parts.append(f'<a class="entity" href="{html_lib.escape(url)}">{match[0]}</a>')
        pos = match.end()
        if not left:
            break
    parts.append(html[pos:end])
    return "".join(parts)


def index(articles: Sequence[Article], mentions: Sequence[tuple[Mention, ...]],
          entities: Sequence[EntityConfig], quotes: Sequence[Quote],
          figures: Mapping[str, tuple[Figure, ...]]) -> tuple[Entity, ...]:
    """One `Entity` per declared entity, in declaration order: the articles mentioning it (in
    the order given), its mentions, quotes, figures and co-mentioned entities."""
    order = {entity.slug: place for place, entity in enumerate(entities)}
    found: dict[str, list[Article]] = {slug: [] for slug in order}
    totals = dict.fromkeys(order, 0)
    shared: dict[str, Counter[str]] = {slug: Counter() for slug in order}
    for article, here in zip(articles, mentions, strict=True):
        known = [m for m in here if m[0] in order and m[1] > 0]
        for slug, count, _ in known:
            found[slug].append(article)
            totals[slug] += count
        top = sorted(known, key=lambda m: (-m[1], m[2], order[m[0]]))[:RELATED_TOP]
        for place, (one, _, _) in enumerate(top):
            for other, _, _ in top[place + 1:]:
                shared[one][other] += 1
                shared[other][one] += 1
    said: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        said[quote.speaker_slug].append(quote)
    return tuple(
        Entity(slug=e.slug, name=e.name, kind=e.kind, description=e.description,
               aliases=e.aliases, articles=tuple(found[e.slug]), mentions=totals[e.slug],
               quotes=tuple(said.get(e.slug, ())), figures=tuple(figures.get(e.slug, ())),
               related=tuple(sorted(shared[e.slug].items(),
                                    key=lambda kv: (-kv[1], order[kv[0]]))[:RELATED_MAX]))
        for e in entities)


def article_entities(articles: Sequence[Article], mentions: Sequence[tuple[Mention, ...]],
                     built: Sequence[Entity]) -> dict[str, tuple[Entity, ...]]:
    """Article slug → the entities (from `index`) it mentions, most mentioned first (then
    first mentioned); every article is a key."""
    by_slug = {entity.slug: entity for entity in built}
    return {article.slug: tuple(by_slug[m[0]] for m in sorted(here, key=lambda m: (-m[1], m[2]))
                                if m[0] in by_slug and m[1] > 0)
            for article, here in zip(articles, mentions, strict=True)}

