"""Write one synthetic collection as three ready-to-build sites: readsite, Hugo and Pelican.

    python bench/corpus.py OUT --articles 1000 [--seed 7]

Writes `OUT/readsite/` (site.yaml + content/<slug>.md), `OUT/hugo/` (hugo.toml with related
content on, hugo.norelated.toml without it, content/posts/<slug>.md and a minimal theme-less
layout) and `OUT/pelican/` (pelicanconf.py with the default theme, content/<slug>.md with
Pelican headers). The three hold the same articles: the same titles, dates, authors,
summaries, tags and bodies, with internal links written as each generator's own URL.

The text is made from an invented vocabulary (pseudo-words built from syllables with a seeded
generator, drawn with a Zipf-like frequency), so no real text is copied and the term
statistics look like a natural collection's: a few very common words, a long tail of rare
ones. There are 23 topics, each with four keyword terms of its own; an article is mostly about
one topic (its keywords appear several times), sometimes touches a second one, and carries
2-5 tags. Articles are 600-1,500 words with `##` sections, lists, block quotes, links to other
articles and, now and then, a fenced code block. Dates are spread over three years. The same
seed always gives the same bytes.

For readsite's cross-links the bodies are then decorated (`CrossLinker`, with a generator of its
own, seed + 1, so titles, dates, tags and the running text are drawn as before):

* **Entities**: 150 invented people ("Firstname Lastname" from the same syllables, each with a
  role, an organisation and he/she) and 60 organisations (a word and a suffix such as "Labs" or
  "Capital", or one word), drawn with a Zipf-like popularity: each article favours a handful,
  and about one sentence in six names one, so the most popular appear in thousands of
  articles and most in tens or hundreds. After the first mention a person is sometimes
  written by last name. site.yaml declares the 55 most popular people and 25 organisations
  as `entities:` (8 people with their last name as an alias), each with a one-line
  description; Hugo and Pelican get the same bodies without the declarations.
* **Quotes**: about one paragraph in four quotes a person, as `X said, "..."`,
  `"...," X said.` or `"...," said X, <role> at <Org>.`, now and then followed by
  `"...," she said.`
* **Figures**: about one sentence in 12 carries "$N million", "$N billion", "N%",
  "N megawatts", "N,NNN employees" or "by 20NN".
* **Stories**: 15% of the articles form story groups of 2-5 on one topic, dated within 10 days
  of each other; the members share 3-6 event sentences (each with a word or two varied, the
  same names and figures; half the groups also repeat one quote word for word) in their first
  paragraphs, and in about a third of the groups one member is a near-copy of another (the
  same body with about 10% of its sentences written anew).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import random
import re
import shutil
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate
from pathlib import Path

TOPICS = 23
KEYWORDS_PER_TOPIC = 4
TAGS_PER_TOPIC = 5
VOCABULARY = 6000
START = dt.date(2023, 1, 1)
DAYS = 3 * 365

ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr",
          "kl", "pl", "st", "tr", "sk", "gr", "fl", "sn", "th", "w", "h", "j")
NUCLEI = ("a", "e", "i", "o", "u", "ai", "ou", "ea", "io", "y")
CODAS = ("", "", "", "n", "r", "l", "s", "th", "nd", "m", "k", "x", "sh")


@dataclass
class Article:
    slug: str
    title: str
    date: dt.date
    author: str
    summary: str
    topic: int
    tags: list[str]
    keywords: list[str]
    # The body as blocks; a link is written `<<LINK i|text>>` and rendered per generator.
    blocks: list[str] = field(default_factory=list)


@dataclass
class Topic:
    slug: str
    name: str
    description: str
    keywords: list[str]
    tags: list[str]


class Words:
    """The invented vocabulary and a Zipf-like sampler over it."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        seen: dict[str, None] = {}
        while len(seen) < VOCABULARY + TOPICS * (KEYWORDS_PER_TOPIC + TAGS_PER_TOPIC) + 200:
            seen.setdefault(self._word(), None)
        words = list(seen)
        # Topic keywords and tags are kept apart from the running text's vocabulary, so a
        # topic's terms appear only where an article is about it (or, rarely, in passing).
        take = TOPICS * KEYWORDS_PER_TOPIC
        self.keywords = words[:take]
        self.tag_words = words[take:take + TOPICS * TAGS_PER_TOPIC]
        self.names = words[take + TOPICS * TAGS_PER_TOPIC:][:200]
        self.common = words[-VOCABULARY:]
        self.cum = list(accumulate(1.0 / (rank + 2) ** 1.05 for rank in range(VOCABULARY)))

    def _word(self) -> str:
        return invent(self.rng)

    @property
    def taken(self) -> set[str]:
        """Every word the running text, titles, tags and authors may use."""
        return {*self.keywords, *self.tag_words, *self.names, *self.common}

    def some(self, count: int, rng: random.Random | None = None) -> list[str]:
        """`count` running-text words drawn by frequency, with `rng` (default: the vocabulary's)."""
        draw = self.rng if rng is None else rng
        total = self.cum[-1]
        return [self.common[bisect.bisect_left(self.cum, draw.random() * total)]
                for _ in range(count)]


def invent(rng: random.Random, syllables: tuple[int, ...] = (1, 2, 2, 2, 3, 3)) -> str:
    """One pseudo-word of a number of syllables drawn from `syllables`."""
    parts = [rng.choice(ONSETS) + rng.choice(NUCLEI) for _ in range(rng.choice(syllables))]
    return "".join(parts) + rng.choice(CODAS)


def sentence(words: Words, extra: list[str], low: int = 6, high: int = 18,
             rng: random.Random | None = None) -> str:
    """One sentence of `low`-`high` words, with `extra` terms placed in it, drawn with `rng`
    (default: the vocabulary's generator)."""
    draw = words.rng if rng is None else rng
    parts = words.some(draw.randint(low, high), draw)
    for term in extra:
        parts.insert(draw.randrange(len(parts) + 1), term)
    text = " ".join(parts)
    return text[0].upper() + text[1:] + ("?" if draw.random() < 0.1 else ".")


def make_topics(words: Words) -> list[Topic]:
    topics = []
    for i in range(TOPICS):
        keywords = words.keywords[i * KEYWORDS_PER_TOPIC:(i + 1) * KEYWORDS_PER_TOPIC]
        tags = words.tag_words[i * TAGS_PER_TOPIC:(i + 1) * TAGS_PER_TOPIC]
        slug = f"{keywords[0]}-{i + 1:02d}"
        name = keywords[0].title()
        description = sentence(words, [keywords[0], keywords[1]], 8, 14)
        topics.append(Topic(slug, name, description, keywords, tags))
    return topics


def slugify(title: str) -> str:
    return "-".join(w.strip(".,;:?").lower() for w in title.split())


def make_articles(words: Words, topics: list[Topic], count: int) -> list[Article]:
    rng = words.rng
    authors = [f"{a.title()} {b.title()}" for a, b in zip(words.names[:24:2], words.names[1:24:2],
                                                         strict=True)]
    articles: list[Article] = []
    slugs: dict[str, int] = {}
    for _ in range(count):
        topic = rng.randrange(TOPICS)
        second = rng.randrange(TOPICS) if rng.random() < 0.35 else None
        head = words.some(rng.randint(3, 6))
        if rng.random() < 0.6:
            head.insert(rng.randrange(len(head) + 1), rng.choice(topics[topic].keywords))
        title = " ".join(w.title() if i == 0 or rng.random() < 0.5 else w
                         for i, w in enumerate(head))
        slug = slugify(title)
        if slug in slugs:
            slugs[slug] += 1
            slug = f"{slug}-{slugs[slug]}"
        else:
            slugs[slug] = 1
        tags = rng.sample(topics[topic].tags, rng.randint(2, 3))
        if second is not None:
            tags.append(rng.choice(topics[second].tags))
        if rng.random() < 0.3:
            tags.append(rng.choice(words.tag_words))
        tags = list(dict.fromkeys(tags))
        keywords = list(topics[topic].keywords)
        if second is not None:
            keywords += topics[second].keywords[:2]
        articles.append(Article(
            slug=slug, title=title, date=START + dt.timedelta(days=rng.randrange(DAYS)),
            author=rng.choice(authors),
            summary=sentence(words, [rng.choice(topics[topic].keywords)], 10, 22),
            topic=topic, tags=tags, keywords=keywords))
    for article in articles:
        article.blocks = make_body(words, topics, article, len(articles))
    return articles


def make_body(words: Words, topics: list[Topic], article: Article, total: int) -> list[str]:
    """The body's Markdown blocks: 600-1,500 words in an intro and `##` sections."""
    rng = words.rng
    target = rng.randint(600, 1500)
    own = topics[article.topic].keywords
    others = [k for k in article.keywords if k not in own]
    blocks: list[str] = []
    written = 0

    def paragraph() -> str:
        nonlocal written
        out = []
        for _ in range(rng.randint(3, 6)):
            extra = []
            if rng.random() < 0.22:
                extra.append(rng.choice(own))
            if others and rng.random() < 0.08:
                extra.append(rng.choice(others))
            text = sentence(words, extra)
            if rng.random() < 0.06:
                anchor = " ".join(words.some(rng.randint(2, 4)))
                text = text[:-1] + f", as <<LINK {rng.randrange(total)}|{anchor}>> shows."
            out.append(text)
        result = " ".join(out)
        written += len(result.split())
        return result

    blocks.append(paragraph())
    while written < target:
        heading = " ".join(words.some(rng.randint(2, 5)))
        blocks.append(f"## {heading[0].upper()}{heading[1:]}")
        for _ in range(rng.randint(1, 3)):
            blocks.append(paragraph())
        roll = rng.random()
        if roll < 0.35:
            items = [f"- {' '.join(words.some(rng.randint(3, 9)))}"
                     for _ in range(rng.randint(3, 6))]
            written += sum(len(i.split()) - 1 for i in items)
            blocks.append("\n".join(items))
        elif roll < 0.5:
            quote = sentence(words, [rng.choice(own)], 10, 24)
            written += len(quote.split())
            blocks.append(f"> {quote}")
        elif roll < 0.58:
            name = "_".join(words.some(2))
            args = ", ".join(words.some(rng.randint(1, 3)))
            code = (f"def {name}({args}):\n    total = 0\n"
                    f"    for item in {words.some(1)[0]}:\n        total += item\n"
                    f"    return total\n")
            blocks.append(f"```python\n{code}```")
    if rng.random() < 0.5:
        links = [f"- <<LINK {rng.randrange(total)}|{' '.join(words.some(rng.randint(2, 5)))}>>"
                 for _ in range(rng.randint(2, 4))]
        blocks.append("## See also\n\n" + "\n".join(links))
    return blocks


PEOPLE = 150
ORGANISATIONS = 60
DECLARED_PEOPLE = 55
DECLARED_ORGANISATIONS = 25
ALIASED_PEOPLE = 8
ZIPF = 1.05
"""The exponent of the entities' popularity: the top person is drawn ~190x as often as the last."""
MENTION = 0.12
"""Chance that a sentence names a person or organisation; with the quotes' speakers about one
sentence in six names one."""
FIGURE = 0.09
"""Chance that a sentence carries a number with a unit (link sentences never do, so about one
sentence in 12 does)."""
QUOTE = 0.25
"""Chance that a paragraph quotes someone."""
FOLLOW_UP = 0.35
"""Chance that a quote is followed by a second one, `"...," she said.`"""
STORY_SHARE = 0.15
STORY_DAYS = 10
NEAR_COPY = 1 / 3
NEAR_COPY_CHANGED = 0.10
ORG_SUFFIXES = ("Labs", "Systems", "Capital", "Group", "Networks", "Energy", "Partners",
                "Industries", "Holdings", "Robotics")
ROLES = ("chief executive", "chief financial officer", "chief technology officer",
         "head of research", "head of policy", "director of operations", "general counsel",
         "a senior analyst", "a spokesperson", "a co-founder", "a board member", "a partner")
QUOTE_RE = re.compile(r'"[^"\n]+"')


@dataclass(eq=False)
class Entity:
    """An invented person or organisation; `rank` 0 is the most often mentioned."""

    name: str
    kind: str
    rank: int
    pronoun: str = ""
    role: str = ""
    org: Entity | None = None
    description: str = ""

    @property
    def last(self) -> str:
        """A person's last name (an alias for some, and how later mentions may name them)."""
        return self.name.split()[-1]


class Cast:
    """The invented people and organisations, drawn with a Zipf-like popularity."""

    def __init__(self, words: Words, rng: random.Random) -> None:
        self.rng = rng
        taken = {w.title() for w in words.taken}
        used: set[str] = set()

        def part(low: int, syllables: tuple[int, ...] = (1, 2, 2, 3)) -> str:
            while True:
                word = invent(rng, syllables).title()
                if len(word) >= low and word not in taken and word not in used:
                    used.add(word)
                    return word

        self.orgs = [Entity(part(4) if rng.random() < 0.25
                            else f"{part(3)} {rng.choice(ORG_SUFFIXES)}", "organisation", rank)
                     for rank in range(ORGANISATIONS)]
        self.people = [Entity(f"{part(3, (1, 2, 2))} {part(4)}", "person", rank,
                              pronoun=rng.choice(("he", "she")), role=rng.choice(ROLES))
                       for rank in range(PEOPLE)]
        self._people_cum = list(accumulate(1.0 / (r + 1) ** ZIPF for r in range(PEOPLE)))
        self._orgs_cum = list(accumulate(1.0 / (r + 1) ** ZIPF for r in range(ORGANISATIONS)))
        for person in self.people:
            person.org = self.org()
            person.description = f"{person.role[0].upper()}{person.role[1:]} at {person.org.name}."
        for org in self.orgs:
            org.description = sentence(words, [], 6, 10, rng)

    def person(self) -> Entity:
        """One person, the popular ones far more often."""
        return self.rng.choices(self.people, cum_weights=self._people_cum)[0]

    def org(self) -> Entity:
        """One organisation, the popular ones far more often."""
        return self.rng.choices(self.orgs, cum_weights=self._orgs_cum)[0]

    def anyone(self) -> Entity:
        """A person or, less often, an organisation."""
        return self.person() if self.rng.random() < 0.7 else self.org()

    def favourites(self) -> list[Entity]:
        """The handful of people and organisations one article is about."""
        chosen = [self.person() for _ in range(self.rng.randint(2, 4))]
        chosen += [self.org() for _ in range(self.rng.randint(1, 2))]
        return list(dict.fromkeys(chosen))

    def declared(self) -> list[tuple[Entity, str]]:
        """The entities site.yaml declares, with an alias (a last name) or ""."""
        out = [(p, p.last if p.rank < ALIASED_PEOPLE * 3 and p.rank % 3 == 1 else "")
               for p in self.people[:DECLARED_PEOPLE]]
        return out + [(o, "") for o in self.orgs[:DECLARED_ORGANISATIONS]]


def figure(rng: random.Random) -> str:
    """A number with its unit: money, a share, power, headcount or a year."""
    kind = rng.randrange(6)
    if kind == 0:
        return f"${rng.randint(2, 950)} million"
    if kind == 1:
        return f"${rng.randint(10, 400) / 10:g} billion"
    if kind == 2:
        return f"{rng.randint(1, 95)}%" if rng.random() < 0.7 else f"{rng.randint(10, 990) / 10:g}%"
    if kind == 3:
        return f"{rng.randint(5, 2400):,} megawatts"
    if kind == 4:
        return f"{rng.randint(1000, 60000):,} employees"
    return f"by {rng.randint(2024, 2040)}"


def place(parts: list[str], phrase: str, rng: random.Random) -> None:
    """Insert `phrase` between the lowercase words `parts`, never right after the first word
    (which will be capitalised) nor next to another name, so that no capitalised run reads
    as a longer name than the one written."""
    def capital(i: int) -> bool:
        return 0 <= i < len(parts) and parts[i][:1].isupper()

    spots = [i for i in range(len(parts) + 1)
             if i != 1 and not capital(i - 1) and not capital(i)]
    parts.insert(rng.choice(spots) if spots else len(parts), phrase)


def weave(text: str, phrases: list[str], rng: random.Random) -> str:
    """`text` (one generated sentence) with `phrases` placed between its words."""
    parts = text[:-1].split(" ")
    parts[0] = parts[0][0].lower() + parts[0][1:]
    for phrase in phrases:
        place(parts, phrase, rng)
    out = " ".join(parts)
    return out[0].upper() + out[1:] + text[-1]


def opening(text: str) -> str:
    """A quoted sentence put before its attribution: `"Words,"` (a question keeps its mark)."""
    return f'"{text[:-1]},"' if text.endswith(".") else f'"{text}"'


@dataclass
class Story:
    """Articles about one event: their shared sentences, each member's own variant."""

    members: list[int]
    people: list[Entity]
    org: Entity
    events: list[list[str]] = field(default_factory=list)
    """Per member, its variant of the event sentences."""
    copy: tuple[int, int] | None = None
    """(source, copy) when one member is a near-copy of another."""


def split_sentences(paragraph: str) -> list[str]:
    """A generated paragraph's sentences (each opens with a capital, ends with . or ?)."""
    return re.split(r"(?<=[.?]) (?=[A-Z])", paragraph)


def is_paragraph(block: str) -> bool:
    """Whether a body block is running text (not a heading, list, block quote or code)."""
    return not block.startswith(("#", "- ", "> ", "```"))


class CrossLinker:
    """Adds people, organisations, quotes, figures and stories to generated bodies, with a
    generator of its own so the vocabulary's draws (titles, dates, tags, text) stay as they
    were."""

    def __init__(self, words: Words, rng: random.Random) -> None:
        self.words = words
        self.rng = rng
        self.cast = Cast(words, rng)

    def name(self, entity: Entity, seen: set[str]) -> str:
        """How an article writes `entity`: in full at first, sometimes by last name after."""
        if entity.kind == "person" and entity.name in seen and self.rng.random() < 0.3:
            return entity.last
        seen.add(entity.name)
        return entity.name

    def stories(self, articles: list[Article]) -> list[Story]:
        """Story groups of 2-5 articles on one topic, about `STORY_SHARE` of the collection,
        their dates moved within `STORY_DAYS` of each other."""
        rng = self.rng
        buckets: dict[int, list[int]] = {}
        for index, article in enumerate(articles):
            buckets.setdefault(article.topic, []).append(index)
        for bucket in buckets.values():
            rng.shuffle(bucket)
        target = round(STORY_SHARE * len(articles))
        stories: list[Story] = []
        grouped = 0
        while target - grouped >= 2:
            size = min(rng.randint(2, 5), max(2, target - grouped))
            open_topics = sorted(t for t, b in buckets.items() if len(b) >= size)
            if not open_topics:
                break
            bucket = buckets[rng.choice(open_topics)]
            members = [bucket.pop() for _ in range(size)]
            latest = START + dt.timedelta(days=DAYS - 1 - STORY_DAYS)
            anchor = min(articles[members[0]].date, latest)
            for index in members:
                articles[index].date = anchor + dt.timedelta(days=rng.randint(0, STORY_DAYS))
            people = list(dict.fromkeys(self.cast.person() for _ in range(rng.randint(1, 2))))
            stories.append(Story(members, people, self.cast.org()))
            grouped += size
        return stories

    def events(self, story: Story, keywords: list[str]) -> None:
        """3-6 event sentences for `story`, each member with a word or two varied; one may be
        a quote, repeated word for word as outlets do."""
        rng = self.rng
        bases: list[tuple[list[str], set[int]]] = []  # (words, positions of names, figures)
        for i in range(rng.randint(3, 6)):
            tokens = self.words.some(rng.randint(8, 15), rng)
            fixed = ([story.people[0].name, story.org.name] if i == 0
                     else [rng.choice([*story.people, story.org]).name])
            if rng.random() < 0.35:
                fixed.append(figure(rng))
            if rng.random() < 0.3:
                fixed.append(rng.choice(keywords))
            for phrase in fixed:
                place(tokens, phrase, rng)
            bases.append((tokens, {k for k, t in enumerate(tokens) if t in fixed}))
        quote = None
        if rng.random() < 0.5:
            speaker = rng.choice(story.people)
            quote = f'"{sentence(self.words, [], rng=rng)[:-1]}," said {speaker.name}.'
        for _ in story.members:
            out = []
            for tokens, fixed_at in bases:
                varied = list(tokens)
                free = [i for i in range(len(varied)) if i not in fixed_at]
                for _ in range(rng.randint(1, 2)):
                    varied[rng.choice(free)] = self.words.some(1, rng)[0]
                text = " ".join(varied)
                out.append(text[0].upper() + text[1:] + ".")
            if quote is not None:
                out.insert(rng.randint(1, len(out)), quote)
            story.events.append(out)

    def decorate(self, article: Article, favourites: list[Entity], events: list[str]
                 ) -> dict[int, list[str]]:
        """The article's paragraphs as sentences, with names, figures, quotes and `events`
        (in its first two paragraphs) added; block index → sentences."""
        rng = self.rng
        people = [e for e in favourites if e.kind == "person"] or [self.cast.person()]
        seen: set[str] = set()
        paragraphs = {i: split_sentences(b) for i, b in enumerate(article.blocks)
                      if is_paragraph(b)}
        for sentences in paragraphs.values():
            quoted: set[int] = set()
            plain = [i for i, s in enumerate(sentences) if "<<LINK" not in s]
            if plain and rng.random() < QUOTE:
                at = rng.choice(plain)
                quoted.add(at)
                speaker = rng.choice(people)
                said = sentences[at]
                if rng.random() < FIGURE:
                    said = weave(said, [figure(rng)], rng)
                pattern = rng.randrange(3)
                who = self.name(speaker, seen)
                if pattern == 0:
                    sentences[at] = f'{who} said, "{said}"'
                elif pattern == 1:
                    sentences[at] = f"{opening(said)} {who} said."
                else:
                    assert speaker.org is not None
                    org = self.name(speaker.org, seen)
                    sentences[at] = f"{opening(said)} said {who}, {speaker.role} at {org}."
                if at + 1 in plain and rng.random() < FOLLOW_UP:
                    quoted.add(at + 1)
                    sentences[at + 1] = f"{opening(sentences[at + 1])} {speaker.pronoun} said."
            for i in plain:
                if i in quoted:
                    continue
                phrases = []
                if rng.random() < MENTION:
                    mentioned = (rng.choice(favourites) if rng.random() < 0.85
                                 else self.cast.anyone())
                    phrases.append(self.name(mentioned, seen))
                if rng.random() < FIGURE:
                    phrases.append(figure(rng))
                if phrases:
                    sentences[i] = weave(sentences[i], phrases, rng)
        firsts = sorted(paragraphs)[:2]
        for n, sentence_text in enumerate(events):
            target = paragraphs[firsts[0] if n < 3 or len(firsts) < 2 else firsts[1]]
            target.insert(rng.randint(0, len(target)), sentence_text)
        return paragraphs

    def near_copy(self, source: Article, paragraphs: dict[int, list[str]]
                  ) -> tuple[list[str], dict[int, list[str]]]:
        """`source`'s blocks and paragraphs with about `NEAR_COPY_CHANGED` of the sentences
        written anew."""
        copied = {i: [sentence(self.words, [], rng=self.rng)
                      if "<<LINK" not in s and self.rng.random() < NEAR_COPY_CHANGED else s
                      for s in sentences]
                  for i, sentences in paragraphs.items()}
        return list(source.blocks), copied

    def apply(self, articles: list[Article], topics: list[Topic]) -> list[Story]:
        """Decorate every article's body; returns the story groups."""
        favourites = [self.cast.favourites() for _ in articles]
        stories = self.stories(articles)
        events: dict[int, list[str]] = {}
        for story in stories:
            self.events(story, topics[articles[story.members[0]].topic].keywords)
            for index, variant in zip(story.members, story.events, strict=True):
                favourites[index] = list(dict.fromkeys([*story.people, story.org,
                                                        *favourites[index]]))
                events[index] = variant
        paragraphs = [self.decorate(a, favourites[i], events.get(i, []))
                      for i, a in enumerate(articles)]
        for story in stories:
            if len(story.members) >= 2 and self.rng.random() < NEAR_COPY:
                source, copy = self.rng.sample(story.members, 2)
                story.copy = (source, copy)
                articles[copy].blocks, paragraphs[copy] = self.near_copy(
                    articles[source], paragraphs[source])
        for article, paras in zip(articles, paragraphs, strict=True):
            for i, sentences in paras.items():
                article.blocks[i] = " ".join(sentences)
        return stories


def render_body(article: Article, articles: list[Article], url: str) -> str:
    """The body with `<<LINK i|text>>` written as `[text](url)` for one generator."""
    out = []
    for block in article.blocks:
        while "<<LINK " in block:
            start = block.index("<<LINK ")
            end = block.index(">>", start)
            index, text = block[start + 7:end].split("|", 1)
            target = url.format(slug=articles[int(index)].slug)
            block = f"{block[:start]}[{text}]({target}){block[end + 2:]}"
        out.append(block)
    return "\n\n".join(out) + "\n"


def q(text: str) -> str:
    """A YAML (and TOML) double-quoted string: JSON's escaping is valid in both."""
    return json.dumps(text)


def write_readsite(root: Path, topics: list[Topic], articles: list[Article],
                   cast: Cast | None = None) -> None:
    """site.yaml (with `cast`'s most mentioned people and organisations as `entities:`) and
    content/<slug>.md."""
    content = root / "content"
    content.mkdir(parents=True)
    lines = ["title: Bench Collection", "description: A synthetic collection for benchmarks.",
             "base_url: https://example.org/", "language: en", "author: Bench Desk",
             "related: 5", "topics:"]
    for t in topics:
        lines += [f"  - slug: {t.slug}", f"    name: {q(t.name)}",
                  f"    description: {q(t.description)}",
                  f"    keywords: [{', '.join(t.keywords)}]"]
    if cast is not None:
        lines.append("entities:")
        for entity, alias in cast.declared():
            lines += [f"  - name: {q(entity.name)}", f"    kind: {entity.kind}"]
            if alias:
                lines.append(f"    aliases: [{q(alias)}]")
            lines.append(f"    description: {q(entity.description)}")
    (root / "site.yaml").write_text("\n".join(lines) + "\n")
    for a in articles:
        meta = (f"---\ntitle: {q(a.title)}\ndate: {a.date.isoformat()}\nauthor: {q(a.author)}\n"
                f"summary: {q(a.summary)}\ntags: [{', '.join(a.tags)}]\n---\n\n")
        body = render_body(a, articles, "/articles/{slug}/")
        (content / f"{a.slug}.md").write_text(meta + body)


HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "Bench Collection"
languageCode = "en"
enableRobotsTXT = true

[params]
  related = {related}

[taxonomies]
  tag = "tags"
  topic = "topics"

[pagination]
  pagerSize = 10

[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
  taxonomy = ["HTML", "RSS"]
  term = ["HTML", "RSS"]

[sitemap]
  changeFreq = "monthly"
"""

HUGO_RELATED = """
[related]
  includeNewer = true
  threshold = 80
  toLower = false
  [[related.indices]]
    name = "keywords"
    weight = 100
  [[related.indices]]
    name = "tags"
    weight = 80
"""

HUGO_BASEOF = """\
<!DOCTYPE html>
<html lang="{{ site.Language.LanguageCode }}">
<head>
<meta charset="utf-8">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} - {{ site.Title }}{{ end }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" \
href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

HUGO_SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ with .Params.author }} by {{ . }}{{ end }}</p>
{{ .Content }}
<p>Topics: {{ range .GetTerms "topics" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> \
{{ end }}</p>
<p>Tags: {{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> \
{{ end }}</p>
{{ if site.Params.related }}
{{ with site.RegularPages.Related . | first 5 }}
<h2>Related</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
{{ end }}
</article>
{{ end }}
"""

HUGO_LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pages := .RegularPages }}
{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ if or .Data.Terms (eq .Kind "taxonomy") }}
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> \
({{ .Count }})</li>{{ end }}</ul>
{{ else }}
{{ $paginator := .Paginate $pages }}
<ul>{{ range $paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time>{{ .Date.Format "2006-01-02" }}</time> {{ .Summary }}</li>{{ end }}</ul>
{{ with $paginator.Next }}<a href="{{ .URL }}">Older</a>{{ end }}
{{ end }}
{{ end }}
"""


def write_hugo(root: Path, topics: list[Topic], articles: list[Article]) -> None:
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (root / "hugo.toml").write_text(HUGO_CONFIG.format(related="true") + HUGO_RELATED)
    (root / "hugo.norelated.toml").write_text(HUGO_CONFIG.format(related="false"))
    (layouts / "baseof.html").write_text(HUGO_BASEOF)
    (layouts / "single.html").write_text(HUGO_SINGLE)
    (layouts / "list.html").write_text(HUGO_LIST)
    for a in articles:
        topic_list = [topics[a.topic].slug]
        meta = (f"---\ntitle: {q(a.title)}\ndate: {a.date.isoformat()}\nauthor: {q(a.author)}\n"
                f"summary: {q(a.summary)}\ntags: [{', '.join(a.tags)}]\n"
                f"topics: [{', '.join(topic_list)}]\nkeywords: [{', '.join(a.keywords)}]\n"
                "---\n\n")
        body = render_body(a, articles, "/posts/{slug}/")
        (posts / f"{a.slug}.md").write_text(meta + body)


PELICAN_CONFIG = """\
AUTHOR = "Bench Desk"
SITENAME = "Bench Collection"
SITEURL = "https://example.org"
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = False
# Feeds on (Pelican's defaults, spelled out).
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag-{slug}.atom.xml"
DEFAULT_PAGINATION = 10
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


def write_pelican(root: Path, topics: list[Topic], articles: list[Article]) -> None:
    content = root / "content"
    content.mkdir(parents=True)
    (root / "pelicanconf.py").write_text(PELICAN_CONFIG)
    for a in articles:
        meta = (f"Title: {a.title}\nDate: {a.date.isoformat()}\nAuthor: {a.author}\n"
                f"Category: {topics[a.topic].name}\nTags: {', '.join(a.tags)}\n"
                f"Slug: {a.slug}\nSummary: {a.summary}\n\n")
        body = render_body(a, articles, "/{slug}.html")
        (content / f"{a.slug}.md").write_text(meta + body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to write readsite/, hugo/, pelican/ in")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    words = Words(random.Random(args.seed))
    topics = make_topics(words)
    articles = make_articles(words, topics, args.articles)
    linker = CrossLinker(words, random.Random(args.seed + 1))
    stories = linker.apply(articles, topics)
    for name, write in (("readsite", partial(write_readsite, cast=linker.cast)),
                        ("hugo", write_hugo), ("pelican", write_pelican)):
        target = args.out / name
        if target.exists():
            shutil.rmtree(target)
        write(target, topics, articles)
    count = sum(len(" ".join(a.blocks).split()) for a in articles)
    print(f"{len(articles)} articles, {count} words, {TOPICS} topics -> {args.out}")
    in_stories = sum(len(s.members) for s in stories)
    quotes = sum(len(QUOTE_RE.findall(b)) for a in articles for b in a.blocks if is_paragraph(b))
    print(f"{len(linker.cast.declared())} entities declared of {PEOPLE} people and "
          f"{ORGANISATIONS} organisations; {len(stories)} stories holding {in_stories} articles "
          f"({in_stories / max(1, len(articles)):.1%}), "
          f"{sum(s.copy is not None for s in stories)} with a near-copy; "
          f"{quotes / max(1, len(articles)):.2f} quotes an article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
