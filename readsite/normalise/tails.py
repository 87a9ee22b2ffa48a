"""Where the article ends: the markers after which a page holds only teasers and comments.

Below a story, pages list other stories ("Related articles", "More from The Verge", "Most
read"), comment threads and footers.  Those lines may read like prose, so they cannot be told
apart one by one; the marker line that opens them can, and once the article has begun,
`boilerplate` drops the marker and everything after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readsite.normalise.blocks import Block
from readsite.normalise.headerlines import is_story_line
from readsite.normalise.rules import Rule
from readsite.normalise.text import fold_line, words

RELATED_TAIL = Rule("related-tail", "A \"Related articles\" / \"More from\" / \"Recommended\" / "
                    "comments marker after the article, and everything after it.")

RESPONSES_TAIL = Rule("responses-tail", "A blog's comment count naming the article ('34 "
                      "responses to \u201cTitle\u201d', '12 thoughts on \"Title\"', 'One "
                      "comment on ...') after the story, where the quoted title is a line the "
                      "page printed above it (its headline) and a 'Name says:' line follows "
                      "within three lines: the readers' comments start there, and it and "
                      "everything after it leave.")

_RESPONSES = re.compile(r"^(?:\d{1,5}|one|no) (?:comments?|responses?|replies|thoughts?) "
                        r"(?:to|on) [“\"‘'«](?P<title>.{1,150})[”\"’'»]$", re.I)


def is_responses_marker(blocks: Sequence[Block], index: int) -> bool:
    """Whether `blocks[index]` counts the comments on the article whose headline stands above
    it (see `RESPONSES_TAIL`)."""
    match = _RESPONSES.match(" ".join(blocks[index].text.split()))
    if match is None or blocks[index].markup:
        return False
    title = fold_line(match.group("title"))
    if not any(fold_line(b.text).strip("#* ") == title for b in blocks[:index]):
        return False
    return any(_SAYS.search(b.text.strip()) for b in blocks[index + 1:index + 1 + COMMENT_REACH])


COMMENT_REACH = 3
"""How many lines under a comment count must hold the first comment's "Name says:"."""

_SAYS = re.compile(r"^\S.{0,40}\s(?:says|said|schreibt|dit|dice|escribe|disse|zegt)\s*:?$", re.I)
"""A comment's "Name says:" line, as blog comment threads print it."""

TAIL_MARKERS = frozenset({
    "related articles", "related posts", "related stories", "related reading", "related",
    "you may also like", "you might also like", "read more", "read next", "more stories",
    "recommended", "recommended for you", "more from this author", "system assessment",
    "leave a comment", "leave a reply", "comments", "more posts - website",
    "recommended stories", "recommended reading", "most read", "most popular", "trending",
    "trending now", "you may have missed", "more news", "latest news", "more to read",
    "mehr zum thema", "das könnte sie auch interessieren", "weitere artikel", "auch interessant",
    "lesen sie auch", "kommentare", "à lire aussi", "lire aussi", "sur le même sujet",
    "dans la même rubrique", "articles similaires", "commentaires", "te puede interesar",
    "noticias relacionadas", "artículos relacionados", "también te puede interesar",
    "comentarios", "más noticias", "more about", "more on this story", "more on this topic",
    "topics", "in this story", "tags", "related tags",
    "more episodes", "all episodes", "recent episodes", "previous episodes", "latest episodes",
    "leia mais", "leia também", "mais lidas", "veja também", "notícias relacionadas",
    "comentários", "mest läst", "läs mer", "läs också", "senaste nytt", "kommentarer",
    "najnowsze", "czytaj także", "czytaj też", "najczęściej czytane", "komentarze",
    "polecane", "meest gelezen", "lees ook", "lees meer", "reacties", "gerelateerd",
    "categories", "archives", "recent posts", "recent comments", "about me", "blogroll",
    "popular posts", "follow this blog", "search this blog", "related content", "les også",
    "mest lest", "læs også", "mest læste", "andre leser også",
    # met under real pages' stories (bench/real_pages.py, TRAIN halves)
    "read these next", "more like this", "related searches", "last comments", "more for you",
    "on our radar", "artigos relacionados", "вам также может быть интересно", "関連記事",
    "您可能會有興趣的文章", "terkait", "artikel terkait", "berita terkait", "tinggalkan balasan",
    "post navigation", "about this article", "in case you missed it",
    # the same boxes' common English names
    "recommended articles", "related news", "more headlines", "latest stories",
    "popular stories", "trending stories", "read this next", "what to read next",
    "you might be interested in", "you may be interested in", "more to explore",
    "sponsored stories", "promoted stories", "around the web", "from around the web",
})
"""Lines after which a page holds only chrome (teasers, comment forms, footers)."""

_TAIL_PATTERN = re.compile(r"^(?:more (?:from|in|on|about) |more stories (?:from|like) |"
                           r"mehr (?:von|aus) |plus de |más (?:de|sobre) )"
                           r"(?![^.!?…]*[.!?…]$)[^,;]{1,40}$|"
                           r"^(?:\d{1,5} (?:comments?|responses?|replies|commenti|kommentare|"
                           r"commentaires?|comentarios?|coment[áa]rios?)|"
                           r"(?:comments?|responses?|commenti|kommentare|commentaires|"
                           r"comentarios|coment[áa]rios)\s*\(\d{1,5}\)|"
                           r"join the (?:conversation|discussion)(?:\s*:?\s*\d{1,5} "
                           r"comments?)?|(?:show|view) comments(?: \(\d{1,5}\))?|"
                           r"add a comment|"
                           r"trending(?: now)? ?on [\w.&'’-]{1,20}(?: [\w.&'’-]{1,20}){0,2}|"
                           r"most (?:viewed|shared|commented|read|popular)"
                           r"(?: (?:in|on|from) [\w&'’ -]{1,30})?|popular now|"
                           r"top stories(?: (?:in|from) [\w&'’ -]{1,30})?|editor['’]s picks|"
                           r"recommended from .{1,30}|related coverage(?: from .{1,40})?|"
                           r"more (?:interviews|episodes|essays|reviews|columns|features|"
                           r"podcasts|stories|articles|posts|videos)|(?:suggested|related|"
                           r"explore|popular) topics\s*:?|"
                           r"i più letti|più letti|ti potrebbe interessare|leggi anche|"
                           r"les plus (?:lus|lues|partagés|populaires|commentés)|"
                           r"(?:à|a) (?:lire|voir) aussi|lo más (?:leído|visto)|"
                           r"más (?:leídas|leídos|vistas)|meistgelesen|am meisten gelesen|"
                           r"best new (?:albums|tracks|music|songs|reissues|books|films|movies|"
                           r"shows|games|podcasts)|latest (?:reviews|albums|tracks)|"
                           r"more (?:album|track|music|book|film|movie|game) reviews)$")
"""Tail markers that name a section or an outlet ("More from The Verge"); a line that ends a
sentence or runs on past a comma ("More on that in a moment.") is the story's own."""

TAIL_MIN_BODY = 300
"""A tail marker cuts the rest only after this many characters of article text (so a
"Leave a comment" link under the headline does not swallow the article)."""


NEWS_SECTIONS = frozenset({
    "world", "politics", "business", "sport", "sports", "tech", "technology", "science",
    "health", "entertainment", "opinion", "lifestyle", "culture", "nation", "national", "local",
    "us", "uk", "europe", "asia", "africa", "americas", "middle east", "australia", "football",
    "cricket", "rugby", "tennis", "golf", "f1", "nfl", "nba", "nhl", "mlb",
})
"""A news site's sections, as "More World" names them over the section's other stories.  A
section that is also a common noun ("More money", "More food") is left out: a story may use
it as its own subheading."""


def is_tail_marker(line: str) -> bool:
    """Whether a line starts the page's trailing chrome ("Related articles", comments...),
    also in brackets or quotes ("【関連記事】") or trailing off ("You may also like..."), or
    "More" and a section of the site's menu ("More World").
    A "More from/on X" line names a section, an outlet or a writer, so X is written as a name;
    "More from the council" (a common noun) is a subheading of the story itself."""
    folded = fold_line(line).strip("【】\"“”")
    trailing = folded.endswith(("...", "…")) and folded.rstrip(".…").rstrip() in TAIL_MARKERS
    if folded in TAIL_MARKERS or trailing:
        return True
    if folded.startswith("more ") and folded[5:] in NEWS_SECTIONS:
        return True  # "More World": the section's other stories
    if not _TAIL_PATTERN.match(folded):
        return False
    common = _COMMON_OBJECT.match(" ".join(line.split()))
    return common is None


_COMMON_OBJECT = re.compile(r"^(?i:more (?:from|in|on|about)|mehr (?:von|aus)|plus de|más "
                            r"(?:de|sobre)) (?:(?i:the|a|an|der|die|das|le|la|les|el|los|las) )?"
                            r"(?!(?:the|a|an|der|die|das|le|la|les|el|los|las|our|this|these|"
                            r"my|your|unser\w*|nos|nuestr\w*)\b)[^\W\d_A-ZÀ-Þ]")
"""A "More from ..." line whose object is a common noun ("More from the council"), not a
name ("More from The Verge", "More from the December issue"; "our" and "this" name the site's
own pages, so "More from our partners" stays a marker)."""



SUBHEADING_MARKERS = frozenset({"related", "more about", "in this story", "background"})
"""Tail markers a story may also use as its own subheading ("Related" over a paragraph about a
related decision)."""

STORY_PARAGRAPH_WORDS = 15
"""Fewest words of a finished paragraph that shows the story goes on under such a marker."""


def story_goes_on(blocks: Sequence[Block], index: int) -> bool:
    """Whether the marker at `index` is the story's own subheading: one of the
    `SUBHEADING_MARKERS`, over a finished paragraph of 15+ words (a teaser list under a real
    marker starts with a headline, which has no final stop)."""
    if fold_line(blocks[index].text).rstrip(":") not in SUBHEADING_MARKERS:
        return False
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    return (after is not None and not after.markup and not after.heading
            and len(words(after.text)) >= STORY_PARAGRAPH_WORDS
            and after.text.strip()[-1:] in ".!?\"”")


STORY_BELOW = Rule("story-below-marker", "A tail marker (\"Related\", \"Comments\", \"Tags\", "
                   "\"Editor's picks\") with 3+ of the story's paragraphs below it and more "
                   "than above it: a link in the page's header or menu, pasted above the "
                   "article, not the article's end; only the marker line leaves.")

STORY_BELOW_MIN = 3
"""Fewest story paragraphs (20+-word sentences) below a marker that shows the story is below."""


def story_below(blocks: Sequence[Block], index: int) -> bool:
    """Whether more of the story lies below the marker at `index` than above it (see
    `STORY_BELOW`): the page's header or menu holds the marker, not the end of the article.
    Comments under a long story, or a teaser list, never outweigh the story above them."""
    after = sum(is_story_line(b) for b in blocks[index + 1:])
    if after < STORY_BELOW_MIN:
        return False
    return after > sum(is_story_line(b) for b in blocks[:index])


COMMENT_CHROME = Rule("comment-chrome", "A comment plugin's control line: \"Load more comments\", "
                      "\"View 3 replies\", \"Sort by: Newest\", \"Log in to comment\", \"Be the "
                      "first to comment\", \"Comments are closed\".")

_COMMENT_CHROME = re.compile(
    r"^(?:(?:load|show|view|see|read) (?:\d{1,4} )?(?:more |all |older |newer |previous |"
    r"earlier )?(?:comments?|replies|responses)|(?:view|show|hide) (?:\d{1,4} )?(?:more )?"
    r"repl(?:y|ies)|sort(?:ed)? by\s*:?\s*(?:newest|oldest|best|top|popular|most liked|"
    r"latest|recent|most recent)?|(?:log|sign) ?in(?: or (?:register|sign up))? to "
    r"(?:comment|reply|post a comment|join the (?:conversation|discussion))|be the first to "
    r"(?:comment|reply)|comments (?:are|have been) closed|no comments yet|"
    r"(?:write|add|post) a (?:comment|reply)(?:\.{3}|…)?|comment policy|community guidelines)"
    r"\s*[.!]?$")


def is_comment_chrome(line: str) -> bool:
    """Whether a whole short line is a comment plugin's control, never story text: the shapes
    are anchored, so "She left a comment under the post" is kept."""
    folded = fold_line(line)
    return len(folded) <= 50 and bool(_COMMENT_CHROME.match(folded))
