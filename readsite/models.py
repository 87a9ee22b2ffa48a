"""The data a build reads and links before it renders anything.

`Article`s are loaded one file at a time (so loading can be cached per file hash); the
`Collection` is then built once over all of them and is read-only afterwards, which is what
lets rendering be a pure function of (collection, page).
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from readsite.config import SiteConfig

if TYPE_CHECKING:
    from readsite.crosslinks.extract import Found

OPENING = 300
"""Characters of plain text past the summary's length that `Article.dek` looks at."""
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[”’\"']?\s+(?=[A-Z0-9“‘\"'])")
"""Where one sentence of the opening ends and the next starts (a short line's cut, not
`crosslinks.text.sentences`, which the models must not import)."""


def _repeats(summary: str, title: str) -> bool:
    """Whether `summary` starts by saying `title` again (case and punctuation aside)."""
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.casefold())

    said = words(title)
    return bool(said) and words(summary)[: len(said)] == said


def pack_html(html: str) -> bytes:
    """`html` compressed for `Article.packed_html` (level 1: fast, and most of the gain)."""
    return zlib.compress(html.encode("utf-8"), 1)


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading inside an article body (for the table of contents)."""

    level: int
    """2 for `##`, 3 for `###`, ..."""
    text: str
    """Plain text of the heading."""
    anchor: str
    """The `id` the rendered heading carries."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """What linking needs from one article, worked out from it alone (so on any core, while
    loading): see `crosslinks.related.analyse`."""

    topics: tuple[str, ...]
    """Slugs of the topics its text and tags classify it into."""
    terms: str
    """Its content words, lower-cased, one per line."""
    counts: bytes
    """How often it uses each of them, as an `array("I")`."""
    capitals: bytes
    """`marshal`led: each form with a capital letter it writes, with its count ("xAI": 4).

    Packed, because a dict of a thousand words costs several times its text in memory and
    every article's are held until the collection is linked; lines are what a document
    frequency counts, at C speed."""
    found: Found | None = None
    """Its quotes, figures, entity mentions, sentences and links (`crosslinks.extract`)."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article, as loaded from `content/<slug>.md`."""

    slug: str
    """URL identifier: `/articles/<slug>/`; unique across the collection."""
    title: str
    """Display title (required in front matter)."""
    path: Path
    """The source file, for error messages."""
    packed_html: bytes
    """Rendered, sanitised HTML of the body, zlib-compressed (read it as `body_html`): at
    100,000 articles the HTML of every body is held from loading until its page is written,
    and compressed it takes a third of the memory."""
    text: str
    """Plain text of the body, for classification and related terms.  A build analyses it
    while loading and then keeps only its opening (`OPENING` characters past the summary's
    length, enough for `dek`), since the whole text is a fifth of an article's memory."""
    headings: tuple[Heading, ...] = ()
    """Section headings in order."""
    source: str = ""
    """The outlet that published it ("TechCrunch")."""
    author: str = ""
    """Who wrote it."""
    url: str = ""
    """Where the original lives."""
    date: dt.date | None = None
    """Publication date, when known; undated articles sort after dated ones."""
    summary: str = ""
    """One or two sentences: the dek shown under the title and in lists."""
    topics_set: tuple[str, ...] | None = None
    """Topic slugs set in front matter (wins over classification); None when not set."""
    word_count: int = 0
    """Words in the body."""
    draft: bool = False
    """`draft: true`: left out of builds and publishing, shown (marked) by `serve`."""
    tags: tuple[str, ...] = ()
    """Free-form labels from front matter (`tags: [rust, async]` or `tags: rust, async`), as
    written, without case-insensitive duplicates; shown on the page, and a topic that lists one
    of them in site.yaml takes the article in."""
    aliases: tuple[str, ...] = ()
    """Old site paths (`/2019/01/02/post/`, `/old.html`) that redirect here, so links to a
    migrated blog keep working; each starts with `/`."""
    updated: dt.date | None = None
    """When the article was last revised, if it says so."""
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    """Front matter keys readsite does not interpret, kept for templates, merged with the
    keys of an `extra:` mapping (which win on a clash)."""
    analysis: Analysis | None = field(default=None, compare=False, repr=False)
    """Its classification and word counts, when loaded by `workers.load_many` (else linking
    works them out)."""

    @property
    def body_html(self) -> str:
        """Rendered, sanitised HTML of the body."""
        return zlib.decompress(self.packed_html).decode("utf-8")

    @property
    def dek(self) -> str:
        """The summary, unless the body opens with it (showing it twice is noise)."""
        summary = " ".join(self.summary.split())
        opening = " ".join(self.opening().split())
        return "" if summary and summary in opening else self.summary

    @property
    def list_dek(self) -> str:
        """The line under the title in a list: the summary, unless it opens with the title
        (an imported title is often the first sentence's first words), when the sentence
        after it in the opening says something the title does not."""
        summary = " ".join(self.summary.split())
        if not _repeats(summary, self.title):
            return summary
        opening = " ".join(self.opening().split())
        rest = opening[opening.find(summary) + len(summary):] if summary in opening else ""
        following = _SENTENCE_END_RE.split(rest.strip(), maxsplit=1)[0]
        return following if len(following) > 40 else ""

    def opening(self) -> str:
        """The start of the text that `dek` compares with the summary."""
        return self.text[: len(self.summary) + OPENING]

    @property
    def reading_time(self) -> int:
        """Minutes to read at 230 words a minute, at least 1."""
        return max(1, round(self.word_count / 230))


@dataclass(frozen=True, slots=True)
class Topic:
    """A declared topic with the articles classified into it."""

    slug: str
    """URL identifier: `/topics/<slug>/`."""
    name: str
    """Display name."""
    description: str
    """Shown on the topic page."""
    articles: tuple[Article, ...]
    """Its articles, newest first (undated last, then by title)."""


@dataclass(frozen=True, slots=True)
class Related:
    """A link from one article to another, with the reason a reader would want it."""

    article: Article
    """The related article."""
    score: float
    """Higher is more related."""
    shared_topics: tuple[str, ...]
    """Names of the topics both are in."""
    shared_terms: tuple[str, ...]
    """Names both use often ("Memphis"), when no declared entity says more."""
    shared_entities: tuple[str, ...] = ()
    """Names of the declared entities both mention, the most mentioned first."""

    @property
    def reason(self) -> str:
        """Why a reader would want it, in words: "Also about Colossus 1 and Anthropic; also in
        Neocloud", or "Also mentions Memphis"; "" when there is nothing worth saying."""
        parts = []
        if self.shared_entities:
            parts.append("about " + _and(self.shared_entities))
        if self.shared_topics:
            parts.append("in " + _and(self.shared_topics))
        if not parts and self.shared_terms:
            parts.append("mentions " + _and(self.shared_terms))
        return "; ".join("Also " + part if not i else "also " + part
                         for i, part in enumerate(parts))


def _and(names: tuple[str, ...]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True, slots=True)
class Neighbours:
    """An article's previous and next article within one or more topics.

    Topics in which the neighbours are the same are merged into one entry, so a reader sees
    "More in Neocloud, Colossus" once rather than the same two links twice.
    """

    topics: tuple[Topic, ...]
    """The topics whose sequence this is."""
    previous: Article | None
    """The newer neighbour (shown first in lists), if any."""
    next: Article | None
    """The older neighbour, if any."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A place in an article where something is said: a quote, a figure, a fact."""

    article: Article
    """The article."""
    anchor: str
    """The id of the paragraph on the article page (`s-p12`), or "" for the page's top."""
    sentence: str
    """The sentence as the article words it."""


@dataclass(frozen=True, slots=True)
class Quote:
    """Words someone said, with everywhere the collection reports them."""

    text: str
    """The quoted words, without the quote marks."""
    speaker: str
    """Who said them, as the collection names them (a declared entity's name if one matches)."""
    speaker_slug: str
    """The speaker's entity slug, or "" when the speaker is not a declared entity."""
    sources: tuple[Citation, ...]
    """Every place it is reported, in reading order (the same words in three articles are one
    quote with three sources)."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit and what it measures ("~300 megawatts" of compute)."""

    value: str
    """The number as written, with its unit ("300 megawatts", "$250 billion", "2035")."""
    measure: str
    """What it counts or when it is, in a few words ("of compute capacity"); may be ""."""
    source: Citation
    """Where it is said."""


@dataclass(frozen=True, slots=True)
class Entity:
    """A declared person, organisation, place or product, with what the collection says."""

    slug: str
    """URL identifier: `/entities/<slug>/`."""
    name: str
    """Display name."""
    kind: str
    """person, organisation, place, product or other."""
    description: str
    """One line from site.yaml."""
    aliases: tuple[str, ...]
    """Other names it is found by."""
    articles: tuple[Article, ...]
    """Articles that mention it, newest first."""
    mentions: int
    """How often it is mentioned across the collection."""
    quotes: tuple[Quote, ...]
    """What it said (people), in the order of `Collection.quotes`."""
    figures: tuple[Figure, ...]
    """Key figures from sentences that name it."""
    related: tuple[tuple[str, int], ...]
    """Entities mentioned in the same articles: (slug, articles shared), most shared first."""


@dataclass(frozen=True, slots=True)
class Fact:
    """A sentence most of a story's articles say in their own words."""

    sentence: str
    """One wording of it (the shortest)."""
    sources: tuple[Citation, ...]
    """Each article's wording, one per article."""


@dataclass(frozen=True, slots=True)
class StoryMember:
    """One article's part in a story."""

    article: Article
    """The article."""
    adds: tuple[Citation, ...]
    """Its sentences no other article of the story says (what it adds), in reading order."""
    versions: tuple[Article, ...]
    """Other articles of the story that are versions of the same text (rewrites, copies)."""


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about the same event, clustered from their text."""

    slug: str
    """URL identifier: `/stories/<slug>/`."""
    title: str
    """A title for the story (its earliest or most central article's)."""
    members: tuple[StoryMember, ...]
    """Its articles, oldest first (undated last)."""
    outlets: tuple[str, ...]
    """The outlets that covered it, as the articles name them."""
    facts: tuple[Fact, ...]
    """What every report says: sentences most of its articles share."""
    figures: tuple[Figure, ...]
    """Key figures its articles give."""


@dataclass(frozen=True, slots=True)
class Collection:
    """Everything the site shows, linked; built once by `crosslinks.build_collection`."""

    config: SiteConfig
    """The site configuration."""
    articles: tuple[Article, ...]
    """All articles, newest first (undated last, then by title)."""
    by_slug: Mapping[str, Article]
    """Slug → article."""
    topics: tuple[Topic, ...]
    """Declared topics in site.yaml order."""
    article_topics: Mapping[str, tuple[Topic, ...]]
    """Article slug → the topics it belongs to."""
    related: Mapping[str, tuple[Related, ...]]
    """Article slug → related articles, best first."""
    neighbours: Mapping[str, tuple[Neighbours, ...]]
    """Article slug → previous/next within each of its topics."""
    stories: tuple[Story, ...] = ()
    """Stories of two or more articles, the biggest first."""
    story_of: Mapping[str, Story] = field(default_factory=lambda: MappingProxyType({}))
    """Article slug → its story (articles in no story are not keys)."""
    entities: tuple[Entity, ...] = ()
    """Declared entities in site.yaml order (each with its articles, quotes and figures)."""
    entity_by_slug: Mapping[str, Entity] = field(default_factory=lambda: MappingProxyType({}))
    """Entity slug → entity."""
    article_entities: Mapping[str, tuple[Entity, ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    """Article slug → the entities it mentions, most mentioned first."""
    quotes: tuple[Quote, ...] = ()
    """Every quote found, grouped by speaker (most quoted first), each once."""
    backlinks: Mapping[str, tuple[Article, ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    """Article slug → the articles whose bodies link to it ("Linked from")."""
